/// The organisational domain of a name, judged offline (RFC 7489 section 3.2 without the Public Suffix List).
///
/// The rule: the last two labels (`mail.example.com` → `example.com`), or the last three when the last two are a
/// public suffix of the short built-in list below (`mail.example.co.uk` → `example.co.uk`). Its limit: a suffix
/// missing from the list (`example.pvt.k12.ma.us`, private suffixes such as `github.io`) gives a domain one label
/// too short, so two unrelated names under that suffix would count as aligned.
public enum OrganisationalDomain {
    /// Common public suffixes of two labels under which organisations register names.
    static let twoLabelSuffixes: Set<String> = [
        "co.uk", "org.uk", "ac.uk", "gov.uk", "ltd.uk", "plc.uk", "me.uk", "net.uk", "nhs.uk", "sch.uk",
        "com.au", "net.au", "org.au", "edu.au", "gov.au", "co.nz", "net.nz", "org.nz", "govt.nz", "ac.nz",
        "co.jp", "ne.jp", "or.jp", "ac.jp", "go.jp", "co.kr", "or.kr", "ac.kr", "go.kr",
        "com.cn", "net.cn", "org.cn", "gov.cn", "edu.cn", "com.hk", "com.tw", "com.sg", "com.my",
        "co.in", "net.in", "org.in", "gov.in", "ac.in", "co.id", "co.th", "ac.th", "com.ph", "com.vn",
        "com.br", "net.br", "org.br", "gov.br", "com.mx", "org.mx", "gob.mx", "com.ar", "com.co", "com.pe",
        "co.za", "org.za", "gov.za", "co.il", "org.il", "ac.il", "com.tr", "gov.tr", "com.ua", "com.pl",
        "co.at", "or.at", "gv.at", "ac.at", "com.es", "com.gr", "com.cy", "com.mt", "co.ke", "com.ng",
        "com.eg", "com.sa", "ae.org", "com.de", "co.com", "eu.com", "uk.com", "us.com",
    ]

    /// The organisational domain of `domain` (lower case, without a trailing dot).
    public static func of(_ domain: String) -> String {
        var name = domain.lowercased()
        if name.hasSuffix(".") { name.removeLast() }
        let labels = name.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count > 2 else { return name }
        let lastTwo = labels.suffix(2).joined(separator: ".")
        let kept = twoLabelSuffixes.contains(lastTwo) ? 3 : 2
        return labels.suffix(kept).joined(separator: ".")
    }

    /// Whether an authenticated domain is aligned with the `header_from` domain under `mode`
    /// (relaxed when the policy does not say).
    public static func isAligned(_ authenticated: String, with headerFrom: String, mode: Alignment?) -> Bool {
        guard !authenticated.isEmpty, !headerFrom.isEmpty else { return false }
        if mode == .strict {
            return normalised(authenticated) == normalised(headerFrom)
        }
        return of(authenticated) == of(headerFrom)
    }

    static func normalised(_ domain: String) -> String {
        var name = domain.lowercased()
        if name.hasSuffix(".") { name.removeLast() }
        return name
    }
}

/// The former spelling of `OrganisationalDomain` (the package writes British English: recognised, normalised).
@available(*, deprecated, renamed: "OrganisationalDomain")
public typealias OrganizationalDomain = OrganisationalDomain
