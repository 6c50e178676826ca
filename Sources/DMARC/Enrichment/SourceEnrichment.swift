/// Who a source address is: its reverse DNS name, the sending service it belongs to, its network and country.
///
/// The columns `ptr`, `ptr_confirmed`, `service`, `asn`, `as_name`, `country` of `-s`, `--records` and the audit's
/// top sources; each nil when unknown (null in JSON, empty in text formats).
public struct SourceEnrichment: Sendable, Hashable {
    /// The PTR name (a valid host name), when reverse DNS was asked and gave one.
    public var ptr: String?
    /// Whether `ptr` resolves back to the address; nil when there is no `ptr`.
    public var ptrConfirmed: Bool?
    /// The known sender (`services.tsv`) the PTR name or the network belongs to.
    public var service: String?
    /// The network, from the IP databases.
    public var network: NetworkFacts

    public init(ptr: String? = nil, ptrConfirmed: Bool? = nil, service: String? = nil,
                network: NetworkFacts = NetworkFacts()) {
        self.ptr = ptr
        self.ptrConfirmed = ptrConfirmed
        self.service = service
        self.network = network
    }

    public var asn: UInt32? { network.asn }
    public var asName: String? { network.asName }
    public var asDomain: String? { network.asDomain }
    public var country: String? { network.country }

    /// A short name for a source that authenticated as nothing: the service, else the organisational domain of a
    /// forward-confirmed PTR name, else the AS domain, else the AS name; nil when nothing is known.
    public var label: String? {
        if let service { return service }
        if let ptr, ptrConfirmed == true { return OrganisationalDomain.of(ptr) }
        return asDomain ?? asName
    }

    /// Whether the source belongs to the organisation of `domain` by what outside data says (its confirmed PTR
    /// name or its AS domain are under the same organisational domain): a server of the domain's own, not a
    /// spoofer, even when it authenticates as nothing and sends rarely.
    public func belongs(to domain: String) -> Bool {
        let organisation = OrganisationalDomain.of(domain)
        guard !organisation.isEmpty else { return false }
        if let ptr, ptrConfirmed == true, OrganisationalDomain.of(ptr) == organisation { return true }
        if let asDomain, OrganisationalDomain.of(asDomain) == organisation { return true }
        return false
    }
}
