// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "hexmap",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "IOMMap", targets: ["IOMMap"]),
        // The parsers' modules, for the fuzz targets in Fuzz/ (a separate package, like Benchmarks/).
        .library(name: "HexDump", targets: ["HexDump"]),
        .library(name: "HexEditor", targets: ["HexEditor"]),
        .executable(name: "hexmap", targets: ["hexmap"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-system", from: "1.4.0"),
        // `swift package generate-documentation --target IOMMap` (the DocC catalog in Sources/IOMMap).
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        // C leaf functions: SIGBUS-guarded copy/fill/move/compare/search.
        .target(name: "CIOMMap"),
        // The mapping core (public library product).
        .target(
            name: "IOMMap",
            dependencies: [
                "CIOMMap",
                .product(name: "SystemPackage", package: "swift-system"),
            ]
        ),
        // xxd's formatter, line writer and reverse parser: bytes in, text out (and back), no I/O.
        .target(name: "HexDump"),
        // The editor without a terminal: document, journal, commands, render to a Screen.
        .target(
            name: "HexEditor",
            dependencies: ["HexDump", "IOMMap", .product(name: "SystemPackage", package: "swift-system")]
        ),
        // ncurses, as a system library with a small shim for its macros.
        .systemLibrary(
            name: "CNcurses",
            providers: [.apt(["libncurses-dev"]), .brew(["ncurses"])]
        ),
        // libedit, as a system library: the REPL's line editing.
        .systemLibrary(
            name: "CEditLine",
            providers: [.apt(["libedit-dev"]), .brew(["libedit"])]
        ),
        // The thin ncurses backend: draws a Screen, decodes keys, runs the loop; the REPL's line reader.
        .target(
            name: "HexTerminal",
            dependencies: [
                "CNcurses", "CEditLine", "HexDump", "HexEditor",
                .product(name: "SystemPackage", package: "swift-system"),
            ],
            linkerSettings: [.linkedLibrary("ncurses")]
        ),
        .executableTarget(
            name: "hexmap",
            dependencies: [
                "IOMMap", "HexDump", "HexEditor", "HexTerminal",
                .product(name: "SystemPackage", package: "swift-system"),
            ]
        ),
        .testTarget(name: "IOMMapTests", dependencies: ["IOMMap", "CIOMMap", "TestSupport"]),
        // What the test targets share (a seeded random generator).
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(
            name: "HexEditorTests", dependencies: ["HexEditor", "HexDump", "TestSupport"],
            resources: [.copy("Snapshots")]),
        .testTarget(name: "HexDumpTests", dependencies: ["HexDump", "TestSupport"]),
        // The executable's own code (xxd's argv grammar, the dump's messages), imported with @testable.
        .testTarget(
            name: "HexmapTests",
            dependencies: [
                "hexmap", "HexDump", "HexEditor", "IOMMap", .product(name: "SystemPackage", package: "swift-system"),
            ]
        ),
        .testTarget(name: "HexmapEndToEndTests", dependencies: ["hexmap", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
