import Glibc

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
        // DMARCbis's DNS tag name for `testing` (same values, `y`/`n`), as a DMARCbis-era tool writes it. Its `psd`
        // tag (is the domain a public suffix, `y`/`n`/`u`) is no `discovery_method`, and is not read.
        "t": .testing,
    ]

    init(localName: String) {
        self = Self.byLocalName[localName] ?? .other
    }

    /// The name for libxml2's NUL-terminated `localName`, matched by its length and then its bytes: no string is
    /// made, which matters as each document's parser meets each name once (a folder of small reports has many).
    init(localName: UnsafePointer<UInt8>) {
        let known = Self.known
        var length = 0
        while localName[length] != 0 && length < known.maxLength { length += 1 }
        self = .other
        guard localName[length] == 0 else { return }
        let found = known.bytes.withUnsafeBufferPointer { bytes in
            known.entries[known.firstOfLength[length]..<known.firstOfLength[length + 1]].first {
                memcmp(bytes.baseAddress! + $0.start, localName, length) == 0
            }
        }
        if let found { self = found.name }
    }

    /// The names of `byLocalName` as bytes in one array, grouped by length: the entries of names `length` bytes
    /// long are `entries[firstOfLength[length]..<firstOfLength[length + 1]]`.
    private struct KnownNames {
        var bytes: [UInt8] = []
        var entries: [(start: Int, name: ElementName)] = []
        var firstOfLength: [Int] = []
        let maxLength: Int

        init() {
            let names = ElementName.byLocalName.map { (Array($0.key.utf8), $0.value) }.sorted { $0.0.count < $1.0.count }
            maxLength = names.last!.0.count
            for length in 0...(maxLength + 1) {
                firstOfLength.append(entries.count)
                for (text, name) in names where text.count == length {
                    entries.append((bytes.count, name))
                    bytes += text
                }
            }
        }
    }

    private static let known = KnownNames()
}
