import Foundation
internal import CDMARCPSL

/// The organisational domain of a name (RFC 7489 section 3.2): the registrable domain under the Public Suffix List,
/// judged offline through libpsl.
///
/// The list's private section counts as well as its ICANN one, so `github.io`, `s3.amazonaws.com` or
/// `blogspot.com` are suffixes and `alice.github.io` and `bob.github.io` are not aligned. The data is libpsl's
/// `psl_latest`: the list compiled into libpsl, or the system's `publicsuffix` package file
/// (`/usr/share/publicsuffix/public_suffix_list.dafsa` on Debian) when that is newer; `listDescription` says which.
public enum OrganisationalDomain {
    /// The list, loaded once. libpsl only reads a context after loading it, so one context serves every thread.
    private nonisolated(unsafe) static let context: OpaquePointer? = psl_latest(nil)

    /// The organisational domain of `domain` (lower case, without a trailing dot). A name that is a public suffix
    /// itself, or that the list cannot judge, is its own organisational domain.
    public static func of(_ domain: String) -> String {
        of(normalised: normalised(domain))
    }

    /// The organisational domain of `name`, lower-cased and without its trailing dot already (`normalised`).
    static func of(normalised name: String) -> String {
        guard !name.isEmpty, let context else { return name }
        return name.withCString { start -> String in
            // libpsl returns a pointer into the string it was given (or NULL), never memory to free.
            guard let registrable = psl_registrable_domain(context, start) else { return name }
            return String(cString: registrable)
        }
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

    /// Which Public Suffix List data the judgement uses: `built-in (2023-02-09)` or a file path with its date.
    public static var listDescription: String {
        let builtin = Date(timeIntervalSince1970: TimeInterval(psl_builtin_file_time()))
        let distPath = psl_dist_filename().map { String(cString: $0) } ?? ""
        let distDate = (try? FileManager.default.attributesOfItem(atPath: distPath))?[.modificationDate] as? Date
        if let distDate, distDate > builtin { return "\(distPath) (\(day(distDate)))" }
        return "libpsl built-in list (\(day(builtin)))"
    }

    private static func day(_ date: Date) -> String {
        String(ISO8601DateFormatter().string(from: date).prefix(10))
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
