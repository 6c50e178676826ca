/// The element names of aggregate reports (RFC 7489, RFC 9990 and the drafts), matched by local name only.
enum ElementName: UInt8 {
    case feedback, version
    case reportMetadata, orgName, email, extraContactInfo, reportID, dateRange, begin, end, error, generator
    case policyPublished, domain, adkim, aspf, p, sp, np, pct, fo, testing, discoveryMethod
    case record, row, sourceIP, count, policyEvaluated, disposition, dkim, spf, reason, type, comment
    case identifiers, headerFrom, envelopeFrom, envelopeTo
    case authResults, selector, result, humanResult, scope
    /// Any element we do not read (`<extension>` and whatever a reporter adds).
    case other

    private static let byLocalName: [String: ElementName] = [
        "feedback": .feedback, "version": .version,
        "report_metadata": .reportMetadata, "org_name": .orgName, "email": .email,
        "extra_contact_info": .extraContactInfo, "report_id": .reportID, "date_range": .dateRange,
        "begin": .begin, "end": .end, "error": .error, "generator": .generator,
        "policy_published": .policyPublished, "domain": .domain, "adkim": .adkim, "aspf": .aspf, "p": .p,
        "sp": .sp, "np": .np, "pct": .pct, "fo": .fo, "testing": .testing, "discovery_method": .discoveryMethod,
        "record": .record, "row": .row, "source_ip": .sourceIP, "count": .count,
        "policy_evaluated": .policyEvaluated, "disposition": .disposition, "dkim": .dkim, "spf": .spf,
        "reason": .reason, "type": .type, "comment": .comment,
        "identifiers": .identifiers, "header_from": .headerFrom, "envelope_from": .envelopeFrom,
        "envelope_to": .envelopeTo,
        "auth_results": .authResults, "selector": .selector, "result": .result, "human_result": .humanResult,
        "scope": .scope,
        // Real reporters' spellings, read as what they mean (README, "What a report must hold"):
        "data_range": .dateRange,  // KDDI
        "identities": .identifiers,
    ]

    init(localName: String) {
        self = Self.byLocalName[localName] ?? .other
    }

    /// The name for libxml2's NUL-terminated `localName`, matched by its length and then its bytes: no string is
    /// made, which matters as each document's parser meets each name once (a folder of small reports has many).
    init(localName: UnsafePointer<UInt8>) {
        var length = 0
        while localName[length] != 0 && length < Self.byLength.count { length += 1 }
        self = .other
        guard length < Self.byLength.count else { return }
        for (bytes, name) in Self.byLength[length] where (0..<length).allSatisfy({ bytes[$0] == localName[$0] }) {
            self = name
            return
        }
    }

    /// `byLocalName` grouped by the names' lengths in bytes.
    private static let byLength: [[(bytes: [UInt8], name: ElementName)]] = {
        var groups = [[(bytes: [UInt8], name: ElementName)]](repeating: [], count: 32)
        for (text, name) in byLocalName { groups[text.utf8.count].append((Array(text.utf8), name)) }
        return groups
    }()
}
