/// Mail services recognised offline: by the domains they authenticate as (DKIM `d=`, SPF MAIL FROM), and by the
/// reverse DNS names and networks of their servers.
///
/// The list is data, `services.tsv` beside this file (compiled into the library): its header says how to add a
/// service. A domain matches itself and every name under it, the longest listed suffix winning.
public struct KnownService: Sendable, Hashable {
    /// The name shown.
    public let name: String
    /// `mailbox`, `business-mail`, `esp`, `marketing`, `crm`, `ticketing`, `hr`, `hosting`, … (see services.tsv).
    public let category: String

    /// Free mailbox services, where anyone can open an account: authenticating as one says nothing about who sends,
    /// so their sources are judged steady or sporadic like unknown ones (`SenderAudit`).
    public var isFreeMailbox: Bool { category == "mailbox" }

    /// A cloud or hosting network: its name says where a server is, not whose it is.
    public var isHosting: Bool { category == "hosting" }

    /// A service that sends its customers' mail from its own servers (an ESP, a CRM, a ticketing system, …), and
    /// never forwards other mail: a message that passes SPF for its return path came straight from it. Not a
    /// mailbox or business mail service, a mail security gateway, a host or `other`: their servers also forward
    /// what their users receive.
    public var sendsDirectly: Bool {
        !["mailbox", "business-mail", "security", "hosting", "other"].contains(category)
    }

    /// Names of the free mailbox services.
    public static var mailboxServices: Set<String> { catalog.mailboxNames }

    /// The service name a domain one authenticated as belongs to, or nil.
    public static func named(by domain: String) -> String? {
        service(authenticatedAs: domain)?.name
    }

    /// The service a domain of a DKIM signature or an SPF pass belongs to.
    public static func service(authenticatedAs domain: String) -> KnownService? {
        catalog.longestMatch(of: domain, in: catalog.byAuthenticatedDomain)
    }

    /// The service whose servers have this reverse DNS name.
    public static func service(host name: String) -> KnownService? {
        catalog.longestMatch(of: name, in: catalog.byHostDomain)
    }

    /// The service whose network this is: by the AS domain, else the AS number.
    public static func service(network: NetworkFacts) -> KnownService? {
        if let domain = network.asDomain, let service = catalog.longestMatch(of: domain, in: catalog.byASDomain) {
            return service
        }
        return network.asn.flatMap { catalog.byASN[$0] }
    }

    /// The service of this name.
    public static func withName(_ name: String) -> KnownService? {
        catalog.services.first { $0.name == name }
    }

    /// Every service listed, in the file's order.
    public static var all: [KnownService] { catalog.services }

    private static let catalog = Catalog(text: String(decoding: PackageResources.services_tsv, as: UTF8.self))

    /// The parsed file: one table per kind of evidence.
    struct Catalog: Sendable {
        var services: [KnownService] = []
        var byAuthenticatedDomain: [String: KnownService] = [:]
        var byHostDomain: [String: KnownService] = [:]
        var byASDomain: [String: KnownService] = [:]
        var byASN: [UInt32: KnownService] = [:]
        var mailboxNames: Set<String> = []
        /// Lines that are not six fields (the tests require none).
        var malformedLines: [Int] = []

        init(text: String) {
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                guard !line.isEmpty, !line.hasPrefix("#") else { continue }
                let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                guard fields.count == 6, !fields[0].isEmpty else {
                    malformedLines.append(number + 1)
                    continue
                }
                let service = KnownService(name: fields[0], category: fields[1])
                if !services.contains(where: { $0.name == service.name }) { services.append(service) }
                if service.isFreeMailbox { mailboxNames.insert(service.name) }
                for domain in Self.list(fields[2]) + Self.list(fields[3]) {
                    if byAuthenticatedDomain[domain] == nil { byAuthenticatedDomain[domain] = service }
                }
                for domain in Self.list(fields[4]) where byHostDomain[domain] == nil { byHostDomain[domain] = service }
                for entry in Self.list(fields[5]) {
                    if entry.hasPrefix("as"), let number = UInt32(entry.dropFirst(2)) {
                        if byASN[number] == nil { byASN[number] = service }
                    } else if byASDomain[entry] == nil {
                        byASDomain[entry] = service
                    }
                }
            }
        }

        private static func list(_ field: String) -> [String] {
            field == "-" ? [] : field.split(separator: ",").map { $0.filter { $0 != " " }.lowercased() }
        }

        /// The entry for the name or its nearest listed parent (`a.b.sendgrid.net` → `sendgrid.net`).
        func longestMatch(of name: String, in table: [String: KnownService]) -> KnownService? {
            var name = Substring(OrganisationalDomain.normalised(name))
            while !name.isEmpty {
                if let service = table[String(name)] { return service }
                guard let dot = name.firstIndex(of: ".") else { return nil }
                name = name[name.index(after: dot)...]
            }
            return nil
        }
    }
}
