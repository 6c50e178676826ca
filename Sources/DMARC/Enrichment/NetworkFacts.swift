/// What an IP database says of the network an address belongs to. Every field is optional: a country database
/// has no AS, an ASN database no country, and a database may know nothing of an address.
public struct NetworkFacts: Sendable, Hashable {
    /// The autonomous system number (`AS64500` is 64500).
    public var asn: UInt32?
    /// The AS's organisation name, as the database writes it.
    public var asName: String?
    /// The AS organisation's web domain (IPinfo's `as_domain`), lower case.
    public var asDomain: String?
    /// The ISO 3166-1 alpha-2 country code, upper case.
    public var country: String?

    public init(asn: UInt32? = nil, asName: String? = nil, asDomain: String? = nil, country: String? = nil) {
        self.asn = asn
        self.asName = asName
        self.asDomain = asDomain
        self.country = country
    }

    /// Whether the database said anything at all.
    public var isEmpty: Bool { asn == nil && asName == nil && asDomain == nil && country == nil }

    /// These facts, with the fields still unknown taken from `other` (a later `--ip-db` fills what earlier ones
    /// lack: a country database, then an ASN one).
    func filling(from other: NetworkFacts) -> NetworkFacts {
        NetworkFacts(asn: asn ?? other.asn, asName: asName ?? other.asName, asDomain: asDomain ?? other.asDomain,
                     country: country ?? other.country)
    }

    /// Whether every field is known: no further database needs asking.
    var isComplete: Bool { asn != nil && asName != nil && asDomain != nil && country != nil }
}
