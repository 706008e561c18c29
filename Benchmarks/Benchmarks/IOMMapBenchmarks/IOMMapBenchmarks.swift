import Benchmark
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import IOMMap

// package-benchmark suites for IOMMap: time, allocations and memory of the
// hot paths. Run with `swift package benchmark` inside Benchmarks/.
let benchmarks: @Sendable () -> Void = {
    let path = "/tmp/hexmap-benchmark-64m.dat"
    let size = 64 << 20
    let descriptor = open(path, O_RDWR | O_CREAT, 0o644)
    _ = ftruncate(descriptor, off_t(size))
    close(descriptor)

    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident],
        maxDuration: .seconds(3)
    )

    Benchmark("read(into:at:) 8 random bytes", configuration: .init(scalingFactor: .kilo)) { benchmark in
        let file = try MappedFile(path: path, mode: .read)
        var word: UInt64 = 0
        var state: UInt64 = 0x1234_5678
        benchmark.startMeasurement()
        withUnsafeMutableBytes(of: &word) { buffer in
            for _ in benchmark.scaledIterations {
                state = state &* 6_364_136_223_846_793_005 &+ 1
                try? file.read(into: buffer, at: Int(state >> 40) % (size - 8))
            }
        }
        blackHole(word)
    }

    Benchmark("read(into:at:) 1 MiB sequential") { benchmark in
        let file = try MappedFile(path: path, mode: .read)
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        benchmark.startMeasurement()
        for iteration in benchmark.scaledIterations {
            buffer.withUnsafeMutableBytes { try? file.read(into: $0, at: (iteration % 64) << 20) }
        }
        blackHole(buffer)
    }

    Benchmark("find 8 bytes in 64 MiB") { benchmark in
        let file = try MappedFile(path: path, mode: .read)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(try? file.find(Array("needle!!".utf8), in: 0..<size))
        }
    }

    Benchmark("open + region + close") { benchmark in
        for _ in benchmark.scaledIterations {
            let file = try MappedFile(path: path, mode: .read)
            blackHole(try file.region(at: 0, count: 4096).count)
            try file.close()
        }
    }
}
