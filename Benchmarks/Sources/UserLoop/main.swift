// What a user's loop gets: `read(into:at:)` called in a plain Swift loop over an
// `[Int]` of random offsets, with an 8-byte buffer, against the same loop over a
// plain `mmap` with Swift's `memcpy`, and against `pread(2)`.
//
//   swift run -c release UserLoop [MiB,MiB,...] [READS] [ROUNDS]
//
// Honesty rules (see SideBySide for the story of the figure they replace):
// - every contender is its own `@inline(never)` function, so no contender's code
//   is merged with the timing code or with another run;
// - each run's checksum goes to an opaque C sink and is checked against the
//   expected one, so a run that skipped its reads cannot pass;
// - an opaque C call (a compiler barrier) stands on each side of each timed run;
// - every run is printed; rounds alternate the order of the contenders, and the
//   summary compares the figures of forward and reverse rounds; an untimed
//   warm-up run of each contender pays the page-table faults first.
import CBaselines
import Foundation
import IOMMap

let arguments = CommandLine.arguments
let sizesMiB = (arguments.count > 1 ? arguments[1] : "256,1024").split(separator: ",").compactMap { Int($0) }
let reads = arguments.count > 2 ? Int(arguments[2]) ?? 10_000_000 : 10_000_000
let rounds = arguments.count > 3 ? Int(arguments[3]) ?? 6 : 6
let preadShare = 20  // pread is ~50x slower: it reads every 20th offset, reported per read

/// Writes a file of non-zero bytes (no holes) if needed, then reads it into the page cache.
func prepareFile(_ path: String, size: Int) {
    var status = stat()
    if stat(path, &status) != 0 || Int(status.st_size) != size {
        let descriptor = open(path, O_RDWR | O_CREAT | O_TRUNC, 0o644)
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for offset in stride(from: 0, to: size, by: chunk.count) {
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

// MARK: - The contenders: plain loops, as a user writes them

@inline(never)
func rawMemcpyLoop(_ base: UnsafeRawPointer, _ offsets: [Int]) -> UInt64 {
    var sum: UInt64 = 0
    var word: UInt64 = 0
    for offset in offsets {
        memcpy(&word, base + offset, 8)
        sum &+= word
    }
    return sum
}

@inline(never)
func iommapLoop(_ file: MappedFile, _ offsets: [Int]) -> UInt64 {
    var sum: UInt64 = 0
    var word: UInt64 = 0
    withUnsafeMutableBytes(of: &word) { buffer in
        for offset in offsets {
            try! file.read(into: buffer, at: offset)
            sum &+= buffer.load(as: UInt64.self)
        }
    }
    return sum
}

/// The batch read: 256 offsets a call, summed from the gathered words.
@inline(never)
func iommapGatherLoop(_ file: MappedFile, _ offsets: [Int]) -> UInt64 {
    let group = 256
    var sum: UInt64 = 0
    var words = [UInt64](repeating: 0, count: group)
    words.withUnsafeMutableBytes { buffer in
        offsets.withUnsafeBufferPointer { all in
            var start = 0
            while start < all.count {
                let count = min(group, all.count - start)
                try! file.read(into: buffer, atEach: UnsafeBufferPointer(rebasing: all[start..<(start + count)]), width: 8)
                for index in 0..<count { sum &+= buffer.load(fromByteOffset: index * 8, as: UInt64.self) }
                start += count
            }
        }
    }
    return sum
}

/// The guarded scope: plain loads from the mapped bytes.
@inline(never)
func iommapScopeLoop(_ file: MappedFile, _ offsets: [Int]) -> UInt64 {
    try! file.withUnsafeBytes { bytes in
        var sum: UInt64 = 0
        for offset in offsets {
            sum &+= bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
        }
        return sum
    }
}

@inline(never)
func preadLoop(_ descriptor: CInt, _ offsets: [Int]) -> UInt64 {
    var sum: UInt64 = 0
    var word: UInt64 = 0
    for index in stride(from: 0, to: offsets.count, by: preadShare) {
        guard pread(descriptor, &word, 8, off_t(offsets[index])) == 8 else { fatalError("pread failed") }
        sum &+= word
    }
    return sum
}

struct Contender {
    let name: String
    let operations: Int
    let run: () -> UInt64
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
}

print("UserLoop: \(reads) random 8-byte reads a run (pread: every \(preadShare)th), \(rounds) rounds, order alternating")
var unstable = false
for sizeMiB in sizesMiB {
    let size = sizeMiB << 20
    let path = "/tmp/hexmap-user-loop-\(sizeMiB).dat"
    prepareFile(path, size: size)
    let descriptor = open(path, O_RDONLY)
    guard let raw = mmap(nil, size, PROT_READ, MAP_SHARED, descriptor, 0), raw != MAP_FAILED else { fatalError("mmap") }
    let file = try MappedFile(path: path, mode: .read)
    var generator = SplitMix(seed: 0x5EED + UInt64(sizeMiB))
    let offsets = (0..<reads).map { _ in Int(generator.next() % UInt64(size - 8)) }

    let contenders = [
        Contender(name: "raw mmap + memcpy (Swift)", operations: reads) { rawMemcpyLoop(UnsafeRawPointer(raw), offsets) },
        Contender(name: "IOMMap read(into:at:)", operations: reads) { iommapLoop(file, offsets) },
        Contender(name: "IOMMap read(into:atEach:width:)", operations: reads) { iommapGatherLoop(file, offsets) },
        Contender(name: "IOMMap withUnsafeBytes", operations: reads) { iommapScopeLoop(file, offsets) },
        Contender(name: "pread(2)", operations: (reads + preadShare - 1) / preadShare) { preadLoop(descriptor, offsets) },
    ]
    // The expected checksums, from plain pointer loads outside any timed run.
    let expected: [UInt64] = contenders.map { contender in
        var sum: UInt64 = 0
        let step = contender.name == "pread(2)" ? preadShare : 1
        for index in stride(from: 0, to: offsets.count, by: step) {
            sum &+= UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offsets[index], as: UInt64.self))
        }
        return sum
    }

    print("\n\(sizeMiB) MiB file in the page cache")
    var forward = [[Double]](repeating: [], count: contenders.count)
    var reverse = [[Double]](repeating: [], count: contenders.count)
    // One untimed (but checked) run of each first: it pays the page-table faults of a fresh mapping.
    for (index, contender) in contenders.enumerated() {
        precondition(contender.run() == expected[index], "\(contender.name) read the wrong bytes")
    }
    for round in 0..<rounds {
        let order = round % 2 == 0 ? Array(contenders.indices) : contenders.indices.reversed()
        for index in order {
            let contender = contenders[index]
            baseline_barrier()
            let start = baseline_now_ns()
            let sum = contender.run()
            let elapsed = baseline_now_ns() - start
            baseline_barrier()
            baseline_sink(sum)
            precondition(sum == expected[index], "\(contender.name) read the wrong bytes")
            let perRead = Double(elapsed) / Double(contender.operations)
            if round % 2 == 0 { forward[index].append(perRead) } else { reverse[index].append(perRead) }
            print("  round \(round) \(round % 2 == 0 ? "fwd" : "rev")  \(pad(contender.name, 34)) \(String(format: "%8.1f", perRead)) ns/read")
        }
    }
    print("summary (median of all rounds; forward-order and reverse-order rounds apart)")
    let rawMedian = median(forward[0] + reverse[0])
    for index in contenders.indices {
        let all = median(forward[index] + reverse[index])
        let drift = reverse[index].isEmpty ? 0 : abs(median(forward[index]) - median(reverse[index])) / all
        if drift > 0.2 { unstable = true }
        print("  \(pad(contenders[index].name, 34)) \(String(format: "%8.1f", all)) ns/read  \(String(format: "%5.2f", all / rawMedian))x raw   fwd \(String(format: "%.1f", median(forward[index]))) rev \(String(format: "%.1f", reverse[index].isEmpty ? 0 : median(reverse[index])))\(drift > 0.2 ? "  ORDER-DEPENDENT" : "")")
    }
    munmap(raw, size)
    close(descriptor)
}
print(unstable ? "\norder check: some figure moved by more than 20% with the run order" : "\norder check: every figure within 20% across run orders")

/// SplitMix64, so the offsets are the same on every run.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
