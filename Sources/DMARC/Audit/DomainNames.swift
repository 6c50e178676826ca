/// Domains as the audit keeps them: each lower-cased name (`OrganisationalDomain.normalised`) once, as a small id,
/// reached from the text as reports write it, and each name's organisational domain (libpsl) worked out once.
///
/// Reports repeat the same few domains in every record (`header_from`, the DKIM and SPF domains): a record costs
/// one hash of the text as written, never a lower-casing or a Public Suffix List look-up (issue 17).
struct DomainNames: Sendable {
    /// The lower-cased names, by id.
    private(set) var table = NameTable()
    /// The id of each text as written (`Example.COM.` and `example.com` both name `example.com`).
    private var writtenIDs: [String: UInt32] = [:]
    /// The id of each name's organisational domain (`UInt32.max`: not looked up yet).
    private var organisationalIDs: [UInt32] = []
    /// Whether each name is a domain of a service that sends from its own servers: by id, nil until looked up.
    private var directSenders: [Bool?] = []

    /// The lower-cased names, by id.
    var names: [String] { table.names }

    /// The id of `written`, a domain as a report writes it (lower-cased, without its trailing dot).
    mutating func id(ofWritten written: String) -> UInt32 {
        if let id = writtenIDs[written] { return id }
        let id = table.id(of: OrganisationalDomain.normalised(written))
        writtenIDs[written] = id
        return id
    }

    /// The id of `name`, lower-cased already (a name of another table).
    mutating func id(ofNormalised name: String) -> UInt32 { table.id(of: name) }

    /// The id of the organisational domain of the name `id` (`OrganisationalDomain.of`): two names are aligned
    /// under relaxed alignment when these are equal.
    mutating func organisationalID(of id: UInt32) -> UInt32 {
        let index = Int(id)
        if index < organisationalIDs.count, organisationalIDs[index] != .max { return organisationalIDs[index] }
        let organisational = table.id(of: OrganisationalDomain.of(normalised: table.names[index]))
        if organisationalIDs.count < table.names.count {
            organisationalIDs += repeatElement(.max, count: table.names.count - organisationalIDs.count)
        }
        organisationalIDs[index] = organisational
        return organisational
    }

    /// Whether the name `id` belongs to a service that sends from its own servers (`KnownService.sendsDirectly`),
    /// looked up once.
    mutating func isDirectSender(_ id: UInt32) -> Bool {
        let index = Int(id)
        if index < directSenders.count, let known = directSenders[index] { return known }
        let found = KnownService.service(authenticatedAs: table.names[index])?.sendsDirectly ?? false
        if directSenders.count < table.names.count {
            directSenders += repeatElement(nil, count: table.names.count - directSenders.count)
        }
        directSenders[index] = found
        return found
    }
}
