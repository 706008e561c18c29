import Foundation
import IOMMap
import TestSupport
import Testing

/// iommap's region suite: zero-copy views that outlive their handle.
@Suite struct RegionTests {
    @Test func regionEqualsTheCopyingRead() throws {
        let file = TemporaryFile().create(pattern(10_000))
        let mapped = try MappedFile(path: file.path)
        let region = try mapped.region(at: 1234, count: 5000)
        #expect(region.count == 5000)
        #expect(Array(region) == (try mapped.read(at: 1234, count: 5000)))
        #expect(region[0] == pattern(10_000)[1234])
        #expect(region.withUnsafeBytes { Array($0) } == Array(pattern(10_000)[1234..<6234]))
    }

    @Test func regionSeesWritesThroughTheHandle() throws {
        let file = TemporaryFile().create(pattern(100))
        let mapped = try MappedFile(path: file.path)
        let region = try mapped.region(at: 0, count: 100)
        try mapped.write([0xAA], at: 50)
        #expect(region[50] == 0xAA)
    }

    @Test func regionOutlivesCloseAndResize() throws {
        let file = TemporaryFile().create(pattern(4096))
        var regions: [MappedRegion] = []
        do {
            let mapped = try MappedFile(path: file.path)
            for offset in stride(from: 0, to: 4096, by: 512) {
                regions.append(try mapped.region(at: offset, count: 512))
            }
            try mapped.resize(to: 16 << 20)
            try mapped.close()
        }
        for (index, region) in regions.enumerated() {
            #expect(Array(region) == Array(pattern(4096)[(index * 512)..<(index * 512 + 512)]))
        }
    }

    @Test func aLargeRegionDoesNotCopy() throws {
        let size = 512 << 20
        let file = TemporaryFile().createSparse(size: size)
        file.writeExternally([0x7F], at: size - 1)
        let mapped = try MappedFile(path: file.path, mode: .read)
        let before = anonymousResidentKiB()
        let region = try mapped.region(at: 0, count: size)
        var sum = 0
        for page in stride(from: 0, to: size, by: 4096) { sum &+= Int(region[page]) }  // touch every page
        sum &+= Int(region[size - 1])
        let after = anonymousResidentKiB()
        #expect(sum == 0x7F)
        // A copy would add 512 MiB of anonymous memory; the view adds only file-backed pages.
        // (The margin absorbs what tests running in parallel allocate meanwhile.)
        if !runningUnderSanitizer {
            #expect(after - before < 192 * 1024, "anonymous memory grew by \(after - before) KiB")
        }
    }

    @Test func manyOpenRegionCloseCyclesLeakNothing() throws {
        let file = TemporaryFile().create(pattern(64 * 1024))
        let mapsBefore = mappingCount()
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let mapped = try MappedFile(path: file.path, mode: .read)
            let offset = Int.random(in: 0..<(64 * 1024 - 100), using: &generator)
            let region = try mapped.region(at: offset, count: 100)
            #expect(Array(region) == Array(pattern(64 * 1024)[offset..<(offset + 100)]))
            try mapped.close()
        }
        #expect(mappingCount() - mapsBefore < 100)  // a leak would add at least one mapping a cycle
        #expect(openDescriptorCount() < 200)
    }
}

/// RssAnon from /proc/self/status, in KiB.
func anonymousResidentKiB() -> Int {
    statusField("RssAnon:")
}

func statusField(_ name: String) -> Int {
    let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(name) }) else { return 0 }
    return Int(line.split(separator: " ", omittingEmptySubsequences: true)[1]) ?? 0
}

/// How many mappings the process has (lines of /proc/self/maps).
func mappingCount() -> Int {
    ((try? String(contentsOfFile: "/proc/self/maps", encoding: .utf8)) ?? "").split(separator: "\n").count
}

func openDescriptorCount() -> Int {
    (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count) ?? 0
}
