import DMARC
import Foundation
import FuzzSupport

/// IP databases (`--ip-db`): any bytes parsed as a tor-geoipdb text table (our own parser), then opened as a file
/// the way the tool opens one (a MaxMind DB through libmaxminddb, with our probe of its tree and our reading of
/// its fields, else the text table), and looked up for addresses of both families.
@main
enum FuzzIPDatabase {
    static let addresses = ["0.0.0.0", "192.0.2.1", "198.51.100.7", "255.255.255.255", "::", "2001:db8::1",
                            "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"].map { IPAddress($0)! }
    static let metadataMarker: [UInt8] = [0xAB, 0xCD, 0xEF] + Array("MaxMind.com".utf8)
    static let path = FileManager.default.temporaryDirectory
        .appendingPathComponent("fuzz-ipdb-\(ProcessInfo.processInfo.processIdentifier).db").path

    static func main() {
        FuzzSupport.runFuzzer { data, size in
            let bytes = UnsafeRawBufferPointer(start: data, count: size)
            let table = TorGeoIPTable(parsing: bytes, path: "fuzz")
            for address in FuzzIPDatabase.addresses { _ = table.facts(for: address) }
            // Only bytes with a MaxMind DB's metadata marker go through a file: the rest was the text path above.
            guard bytes.firstRange(of: FuzzIPDatabase.metadataMarker) != nil,
                  FileManager.default.createFile(atPath: FuzzIPDatabase.path, contents: Data(bytes)) else { return 0 }
            let opened = IPDatabases.open([FuzzIPDatabase.path])
            for database in opened.databases {
                for address in FuzzIPDatabase.addresses { _ = database.facts(for: address) }
            }
            return 0
        }
    }
}
