/// Which reporter sent a report, as one value however the reporter names itself: the rule every per-reporter view
/// groups by, so that "Google" and "google.com" are one reporter.
///
/// The key is the organisational domain (`OrganisationalDomain`) of the domain of `<email>`, the address the
/// reporter sends from, which stays the same when `org_name` changes spelling; without a usable address, the
/// organisational domain of `org_name` when it is a domain name, else `org_name` in lower case. The name a view
/// shows for a key is the one its reports use most (`ReporterTotals.name`).
public enum ReporterIdentity {
    /// The grouping key of a report's reporter.
    public static func key(of metadata: ReportMetadata) -> String {
        if let domain = domain(ofAddress: metadata.email) { return OrganisationalDomain.of(domain) }
        let name = metadata.orgName.trimmingReportWhitespace().lowercased()
        if isDomainName(name) { return OrganisationalDomain.of(name) }
        return name.isEmpty ? metadata.reporter.lowercased() : name
    }

    /// The domain of `local@domain` (some reporters write `<…>` or `mailto:` around it), when it is a domain name.
    static func domain(ofAddress address: String) -> String? {
        var text = Substring(address.trimmingReportWhitespace().lowercased())
        if text.hasPrefix("mailto:") { text = text.dropFirst("mailto:".count) }
        text = text.drop(while: { $0 == "<" })
        while text.last == ">" || text.last == "." { text.removeLast() }
        guard let at = text.lastIndex(of: "@") else { return nil }
        let domain = String(text[text.index(after: at)...])
        return isDomainName(domain) ? domain : nil
    }

    /// Letters, digits, hyphens and at least one dot between labels: `google.com`, not `Google` or `Mail.Ru Group`.
    static func isDomainName(_ text: String) -> Bool {
        let labels = text.split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { label in
            !label.isEmpty && label.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0.value > 0x7F
            }
        }
    }
}
