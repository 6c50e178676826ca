// swift-tools-version:6.0
// libFuzzer targets for the DMARC library, kept out of the main package so that its build and tests are unaffected.
// Build and run them with `Fuzz/run.sh SECONDS [TARGET...]` (see the README's "Robustness").
import PackageDescription

let package = Package(
    name: "dmarc-parse-fuzz",
    products: [
        .executable(name: "fuzz-containers", targets: ["fuzz-containers"]),
        .executable(name: "fuzz-xml", targets: ["fuzz-xml"]),
        .executable(name: "fuzz-mime", targets: ["fuzz-mime"]),
        .executable(name: "fuzz-ipdb", targets: ["fuzz-ipdb"]),
        .executable(name: "fuzz-dns", targets: ["fuzz-dns"]),
    ],
    dependencies: [
        .package(name: "dmarc-parse", path: ".."),
    ],
    targets: [
        // SwiftPM gives each executable a Swift `main`, so libFuzzer's is not linked: main calls its driver.
        .target(name: "CFuzzerDriver"),
        .target(name: "FuzzSupport",
                dependencies: ["CFuzzerDriver", .product(name: "DMARC", package: "dmarc-parse")]),
        .executableTarget(name: "fuzz-containers", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "fuzz-xml", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "fuzz-mime", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "fuzz-ipdb", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "fuzz-dns", dependencies: ["FuzzSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
