/// Why mail from a sender passes or fails DMARC, and what to do about it.
public enum Diagnosis: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// DKIM or SPF passes for a domain aligned with `header_from`.
    case aligned
    /// DKIM passes, but for another domain than `header_from` (the service signs with its own).
    case dkimNotAligned = "dkim_not_aligned"
    /// SPF passes, but for another domain (the service's own return path).
    case spfNotAligned = "spf_not_aligned"
    /// DKIM passes for a name of the domain's own (`mail.example.com` for `example.com`) that strict alignment
    /// (`adkim=s`) refuses.
    case dkimStrictAlignment = "dkim_strict"
    /// SPF passes for a name of the domain's own that strict alignment (`aspf=s`) refuses.
    case spfStrictAlignment = "spf_strict"
    /// The sender signs with the domain, and the signature does not verify at the source: the key is missing from
    /// DNS or not the one it signs with. In a tally, a key (domain and selector) that fails and never passes; for
    /// one record alone, a DKIM `permerror`, or a `fail` on mail straight from a sending service, which forwards no
    /// one's mail. A signature the receiver refused (`policy`, `neutral`: a key too weak, a syntax error) always.
    case dkimFailsForDomain = "dkim_fails"
    /// SPF fails or softfails for the sender's own domain: the source is not in the SPF record.
    case spfFailsForDomain = "spf_fails"
    /// SPF could not be evaluated for the sender's own domain, for good (`permerror`): the domain's SPF record is
    /// broken (a syntax error, more than 10 DNS look-ups), and every source that relies on it fails.
    case spfErrorForDomain = "spf_error"
    /// No DKIM signature at all, and SPF does not rescue it.
    case noDKIMSignature = "no_dkim"
    /// Forwarded or mailing-list traffic: a reason says so, or the domain's own DKIM signature broke on the way.
    case forwarded
    /// Nothing authenticates and the source is unknown: likely spoofing, which `p=reject` blocks.
    case likelySpoofing = "likely_spoofing"

    /// A short verdict for the table.
    public var verdict: String {
        switch self {
        case .aligned: "aligned and passing"
        case .dkimNotAligned: "DKIM passes for another domain"
        case .spfNotAligned: "SPF passes for another domain"
        case .dkimStrictAlignment: "DKIM passes, strict alignment fails"
        case .spfStrictAlignment: "SPF passes, strict alignment fails"
        case .dkimFailsForDomain: "DKIM fails for your domain"
        case .spfFailsForDomain: "SPF fails for your domain"
        case .spfErrorForDomain: "SPF record error for your domain"
        case .noDKIMSignature: "no DKIM signature"
        case .forwarded: "forwarded or mailing list"
        case .likelySpoofing: "unknown source failing everything"
        }
    }

    /// What to do.
    public var action: String {
        switch self {
        case .aligned: "nothing to do"
        case .dkimNotAligned: "sign with your own domain at that service (a DKIM key under your domain)"
        case .spfNotAligned:
            "sign with your own domain at that service (a DKIM key under your domain, which survives forwarding), or "
                + "set a custom MAIL FROM / return-path under your domain there"
        case .dkimStrictAlignment:
            "sign with exactly the From domain (d= that name), or set adkim=r in your DMARC record: it signs with "
                + "another name of your domain, which adkim=s refuses"
        case .spfStrictAlignment:
            "sign its mail with DKIM under your domain, or set aspf=r in your DMARC record: SPF passes for another "
                + "name of your domain (a return-path subdomain), and aspf=s aligns only the exact From domain"
        case .dkimFailsForDomain:
            "publish the DKIM key this source signs with under your domain, or replace it where receivers refuse it "
                + "(the selector's record is missing, stale or too weak a key: --dkim shows each selector's results)"
        case .spfFailsForDomain:
            "add the source to your SPF record and sign its mail with DKIM (SPF alone fails once forwarded), or stop it "
                + "sending as your domain"
        case .spfErrorForDomain:
            "fix your SPF record: receivers get a permerror (a syntax error, or more than 10 DNS look-ups by "
                + "include, a, mx, ptr, exists and redirect)"
        case .noDKIMSignature: "turn on DKIM signing with your domain for this source"
        case .forwarded: "nothing to fix at the source; ARC or DKIM keeps forwarded mail passing"
        case .likelySpoofing:
            "none if it is not yours (p=quarantine or p=reject stops it); if it is, add it to SPF and sign with DKIM"
        }
    }

    /// Whether the domain owner has something to fix before tightening the policy.
    public var needsAction: Bool {
        switch self {
        case .dkimNotAligned, .spfNotAligned, .dkimStrictAlignment, .spfStrictAlignment, .dkimFailsForDomain,
             .spfFailsForDomain, .spfErrorForDomain, .noDKIMSignature: true
        case .aligned, .forwarded, .likelySpoofing: false
        }
    }

    public static func < (lhs: Diagnosis, rhs: Diagnosis) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
