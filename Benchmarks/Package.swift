// swift-tools-version: 6.1
import PackageDescription

// Benchmarks live in their own package so the main build stays light.
let package = Package(
    name: "hexmap-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "hexmap", path: "../"),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.0", traits: ["MallocInterposer"]),
    ],
    targets: [
        // package-benchmark suites: `swift package benchmark` (allocations, memory, time distributions).
        .executableTarget(
            name: "IOMMapBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "IOMMap", package: "hexmap"),
            ],
            path: "Benchmarks/IOMMapBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // The peers IOMMap is measured against, in C, in the same process and run.
        .target(name: "CBaselines", path: "Sources/CBaselines"),
        // Side by side in one run: IOMMap vs pread(2) vs raw mmap+memcpy.
        .executableTarget(
            name: "SideBySide",
            dependencies: ["CBaselines", .product(name: "IOMMap", package: "hexmap")],
            path: "Sources/SideBySide"
        ),
        // A user's plain loop: read(into:at:) over [Int] offsets vs Swift's memcpy from mmap vs pread(2).
        .executableTarget(
            name: "UserLoop",
            dependencies: ["CBaselines", .product(name: "IOMMap", package: "hexmap")],
            path: "Sources/UserLoop"
        ),
    ],
    swiftLanguageModes: [.v6]
)
