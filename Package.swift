// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "dmarc-parse",
    products: [
        .library(name: "DMARC", targets: ["DMARC"]),
        .executable(name: "dmarc-parse", targets: ["dmarc-parse"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
    ],
    targets: [
        .systemLibrary(name: "CDMARCZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CDMARCXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CDMARCPSL", pkgConfig: "libpsl", providers: [.apt(["libpsl-dev"])]),
        .systemLibrary(name: "CDMARCMaxMindDB", pkgConfig: "libmaxminddb", providers: [.apt(["libmaxminddb-dev"])]),
        .systemLibrary(name: "CDMARCAres", pkgConfig: "libcares", providers: [.apt(["libc-ares-dev"])]),
        .target(
            name: "DMARC",
            dependencies: ["CDMARCZlib", "CDMARCXML2", "CDMARCPSL", "CDMARCMaxMindDB", "CDMARCAres"],
            // The known senders are data, compiled into the library: no bundle to find at run time.
            resources: [.embedInCode("Enrichment/services.tsv")]
        ),
        .executableTarget(
            name: "dmarc-parse",
            dependencies: ["DMARC", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(name: "DMARCTests", dependencies: ["DMARC", "CDMARCZlib"]),
        .testTarget(name: "dmarc-parseTests", dependencies: ["dmarc-parse"]),
    ],
    swiftLanguageModes: [.v6]
)
