// Side by side, in one process and one run: IOMMap's copying read against
// pread(2) and a raw mmap+memcpy, on the same file, offsets and machine state.
//
//   swift run -c release SideBySide [FILE_MiB] [READS]
import CBaselines
import Foundation
import IOMMap

let arguments = CommandLine.arguments
let fileSize = (arguments.count > 1 ? Int(arguments[1]) ?? 1024 : 1024) << 20
let reads = arguments.count > 2 ? Int(arguments[2]) ?? 10_000_000 : 10_000_000
let path = "/tmp/hexmap-side-by-side.dat"
let seed: UInt64 = 0x9E37_79B9_7F4A_7C15

/// Writes a file of non-zero bytes (so nothing is a hole) once, then reads it into the page cache.
func prepareFile() {
    var status = stat()
    if stat(path, &status) != 0 || Int(status.st_size) != fileSize {
        let descriptor = open(path, O_RDWR | O_CREAT | O_TRUNC, 0o644)
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        var state = seed
        for offset in stride(from: 0, to: fileSize, by: chunk.count) {
            for index in chunk.indices { chunk[index] = UInt8(truncatingIfNeeded: baseline_next(&state, 255) + 1) }
            _ = chunk.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, off_t(offset)) }
        }
        close(descriptor)
    }
    let descriptor = open(path, O_RDONLY)
    var buffer = [UInt8](repeating: 0, count: 1 << 20)
    while buffer.withUnsafeMutableBytes({ read(descriptor, $0.baseAddress, $0.count) }) > 0 {}
    close(descriptor)
}

/// Runs `body` three times and keeps the fastest: the first run also pays for page-table faults.
func measure(_ label: String, operations: Int, _ body: () -> UInt64) -> (Double, UInt64) {
    var best = Double.infinity
    var checksum: UInt64 = 0
    for _ in 0..<3 {
        let start = baseline_now_ns()
        checksum = body()
        best = min(best, Double(baseline_now_ns() - start))
    }
    return (best / Double(operations), checksum)
}

prepareFile()
let descriptor = open(path, O_RDONLY)
guard let raw = baseline_map(descriptor, fileSize) else { fatalError("mmap failed") }
let mapped = try MappedFile(path: path, mode: .read)

// Small random reads.
let (preadNs, preadSum) = measure("pread", operations: reads) {
    baseline_pread_random(descriptor, fileSize, reads, seed)
}
let (mmapNs, mmapSum) = measure("mmap", operations: reads) {
    baseline_mmap_random(raw, fileSize, reads, seed)
}
let (iommapNs, iommapSum) = measure("iommap", operations: reads) {
    var state = seed
    var sum: UInt64 = 0
    var word: UInt64 = 0
    withUnsafeMutableBytes(of: &word) { buffer in
        for _ in 0..<reads {
            let offset = Int(baseline_next(&state, UInt64(fileSize - 8)))
            try! mapped.read(into: buffer, at: offset)
            sum &+= buffer.load(as: UInt64.self)
        }
    }
    return sum
}
precondition(preadSum == mmapSum && mmapSum == iommapSum, "the contenders read different bytes")
if CommandLine.arguments.contains("--overhead") {
    let (hotNs, _) = measure("hot", operations: reads) {
        var sum: UInt64 = 0
        var word: UInt64 = 0
        withUnsafeMutableBytes(of: &word) { buffer in
            for index in 0..<reads {
                try! mapped.read(into: buffer, at: (index & 1023) * 8)
                sum &+= buffer.load(as: UInt64.self)
            }
        }
        return sum
    }
    print("hot 8-byte read (one cached page): \(hotNs) ns")
}

// Large sequential reads.
let chunk = 1 << 20
let passes = max(1, (4 << 30) / fileSize)
var buffer = [UInt8](repeating: 0, count: chunk)
let chunks = passes * (fileSize / chunk)
let (memcpyNs, memcpySum) = buffer.withUnsafeMutableBytes { target in
    measure("memcpy", operations: chunks) {
        baseline_memcpy_sequential(raw, fileSize, target.baseAddress, chunk, passes)
    }
}
let (sequentialNs, sequentialSum) = buffer.withUnsafeMutableBytes { target in
    measure("iommap sequential", operations: chunks) {
        var sum: UInt64 = 0
        for _ in 0..<passes {
            for offset in stride(from: 0, to: fileSize - chunk + 1, by: chunk) {
                try! mapped.read(into: target, at: offset)
                sum &+= UInt64(target[chunk - 1])
            }
        }
        return sum
    }
}
precondition(memcpySum == sequentialSum, "the sequential contenders read different bytes")

func gibPerSecond(_ nanosecondsPerChunk: Double) -> Double {
    Double(chunk) / nanosecondsPerChunk  // bytes per ns = GB/s; convert to GiB/s
        * 1e9 / Double(1 << 30)
}

print("file: \(fileSize >> 20) MiB in page cache, \(reads) random 8-byte reads, \(chunks) sequential 1 MiB reads")
print("random 8-byte read                 ns/read")
for (name, value) in [("pread(2)", preadNs), ("raw mmap + memcpy (C)", mmapNs), ("IOMMap read(into:at:)", iommapNs)] {
    print("  \(name.padding(toLength: 32, withPad: " ", startingAt: 0)) \(String(format: "%8.1f", value))")
}
print(String(format: "  IOMMap is %.1fx cheaper than pread, %.2fx the cost of raw mmap+memcpy", preadNs / iommapNs, iommapNs / mmapNs))
print("sequential 1 MiB read                GiB/s")
print("  memcpy from raw mmap (C)         \(String(format: "%8.2f", gibPerSecond(memcpyNs)))")
print("  IOMMap read(into:at:)            \(String(format: "%8.2f", gibPerSecond(sequentialNs)))")
print(String(format: "  IOMMap reaches %.0f%% of memcpy bandwidth", 100 * memcpyNs / sequentialNs))
