// swift-tools-version: 6.1
import PackageDescription

// libFuzzer targets for hexmap's parsers, in their own package so the main build stays light.
// Build and run them with Scripts/fuzz.sh: libFuzzer plus AddressSanitizer, and -enable-testing
// (FuzzPattern and FuzzStruct reach internal code through @testable import).
let package = Package(
    name: "hexmap-fuzz",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "hexmap", path: "../")
    ],
    targets: [
        // What the targets share: invariant checks, choices drawn from the input.
        .target(name: "FuzzSupport"),
        // The `:` command parser: one line of the command language (also as a script, and completion).
        .executableTarget(
            name: "FuzzCommand",
            dependencies: ["FuzzSupport", .product(name: "HexEditor", package: "hexmap")]
        ),
        // The search pattern grammar, and the matchers against a byte-by-byte scan.
        .executableTarget(
            name: "FuzzPattern",
            dependencies: ["FuzzSupport", .product(name: "HexEditor", package: "hexmap")]
        ),
        // The struct field parser (struct FIELDS, struct define, definition files), and the
        // definition laid over bytes.
        .executableTarget(
            name: "FuzzStruct",
            dependencies: ["FuzzSupport", .product(name: "HexEditor", package: "hexmap")]
        ),
        // xxd's reverse parser (dump -r, -r -p), and dump-then-reverse round trips.
        .executableTarget(
            name: "FuzzXXDReverse",
            dependencies: ["FuzzSupport", .product(name: "HexDump", package: "hexmap")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
