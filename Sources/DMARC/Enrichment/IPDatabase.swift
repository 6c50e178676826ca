import Foundation

/// A local file that maps addresses to networks and countries (`--ip-db`): a MaxMind DB (`MaxMindDatabase`) or a
/// text table in Debian's tor-geoipdb layout (`TorGeoIPTable`).
///
/// A database that turns out broken while in use stops answering and says why once (`warnings`), so one bad file
/// never ends a run nor fills stderr.
public protocol IPDatabase: AnyObject {
    /// The file it was read from, as the user named it.
    var path: String { get }
    /// What the database knows of `address`; nil when nothing (or when it is broken).
    func facts(for address: IPAddress) -> NetworkFacts?
    /// Problems met since it was opened, each once.
    var warnings: [EnrichmentWarning] { get }
}

/// Opening the databases the user named.
public enum IPDatabases {
    /// Debian's tor-geoipdb files, used for countries when no `--ip-db` is named.
    public static let torGeoIPPaths = ["/usr/share/tor/geoip", "/usr/share/tor/geoip6"]

    /// Opens each path: as a MaxMind DB, or as a tor-geoipdb text table when it reads as one. A path that is
    /// neither, or that cannot be read, gives a warning and no database.
    public static func open(_ paths: [String]) -> (databases: [any IPDatabase], warnings: [EnrichmentWarning]) {
        var databases: [any IPDatabase] = []
        var warnings: [EnrichmentWarning] = []
        for path in paths {
            switch MaxMindDatabase.open(path) {
            case .success(let database):
                databases.append(database)
            case .failure(let problem):
                if problem.mayBeText, let table = TorGeoIPTable(contentsOf: path), !table.isEmpty {
                    databases.append(table)
                    warnings += table.warnings
                } else {
                    warnings.append(EnrichmentWarning(problem.message, in: path))
                }
            }
        }
        return (databases, warnings)
    }

    /// Debian's tor-geoipdb files that are installed (none when the package is not), read when first asked.
    public static func installedTorGeoIP() -> [any IPDatabase] {
        torGeoIPPaths.filter { FileManager.default.isReadableFile(atPath: $0) }.map {
            TorGeoIPTable(lazilyFrom: $0, onlyIPv4: !$0.hasSuffix("6"))
        }
    }
}
