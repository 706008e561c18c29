import Testing

@testable import HexEditor

@Suite("Change highlighting")
struct ChangeTrackerTests {
    let second: Int64 = 1_000_000_000

    @Test func bytesThatDifferFromThePreviousFrameAreMarked() {
        let tracker = ChangeTracker()
        tracker.observe(FrameBytes(offset: 32, bytes: [1, 2, 3, 4]), fileSize: 100, at: 0)
        #expect(tracker.highlighted(at: 0).isEmpty, "the first frame is only a baseline")
        tracker.observe(FrameBytes(offset: 32, bytes: [1, 9, 3, 7]), fileSize: 100, at: 10)
        #expect(tracker.highlighted(at: 10) == [33, 35])
        #expect(tracker.highlightedCount(at: 10) == 2)
    }

    @Test func aMarkStaysForAMomentThenFades() {
        let tracker = ChangeTracker(highlightNanoseconds: second)
        tracker.observe(FrameBytes(offset: 0, bytes: [0, 0]), fileSize: 2, at: 0)
        tracker.observe(FrameBytes(offset: 0, bytes: [5, 0]), fileSize: 2, at: 100)
        // Unchanged frames afterwards keep the mark until its time is up.
        tracker.observe(FrameBytes(offset: 0, bytes: [5, 0]), fileSize: 2, at: second / 2)
        #expect(tracker.highlighted(at: second / 2) == [0])
        #expect(!tracker.hasFaded(since: second / 2, at: second / 2 + 1))
        #expect(tracker.hasFaded(since: second / 2, at: second + 100), "the frame showing it must be redrawn")
        #expect(tracker.highlighted(at: second + 100).isEmpty)
        #expect(tracker.highlightedCount(at: second + 100) == 0)
    }

    @Test func aSecondChangeRestartsTheMark() {
        let tracker = ChangeTracker(highlightNanoseconds: second)
        tracker.observe(FrameBytes(offset: 0, bytes: [0]), fileSize: 1, at: 0)
        tracker.observe(FrameBytes(offset: 0, bytes: [1]), fileSize: 1, at: 0)
        tracker.observe(FrameBytes(offset: 0, bytes: [2]), fileSize: 1, at: second - 1)
        #expect(tracker.highlighted(at: second + second / 2) == [0])
    }

    @Test func appendedBytesAreNewAndMarked() {
        let tracker = ChangeTracker()
        tracker.observe(FrameBytes(offset: 0, bytes: [1, 2]), fileSize: 2, at: 0)
        tracker.observe(FrameBytes(offset: 0, bytes: [1, 2, 3, 4]), fileSize: 4, at: 1)
        #expect(tracker.highlighted(at: 1) == [2, 3])
    }

    @Test func scrollingShowsOldBytesUnmarked() {
        let tracker = ChangeTracker()
        // A frame of 4 bytes in a 100-byte file, then the view moves down by 2.
        tracker.observe(FrameBytes(offset: 0, bytes: [1, 2, 3, 4]), fileSize: 100, at: 0)
        tracker.observe(FrameBytes(offset: 2, bytes: [3, 4, 5, 6]), fileSize: 100, at: 1)
        #expect(tracker.highlighted(at: 1).isEmpty, "bytes 4 and 5 were not on screen before: not news")
    }

    @Test func ownEditsAreNotMarked() {
        let tracker = ChangeTracker()
        tracker.observe(FrameBytes(offset: 0, bytes: [1, 2]), fileSize: 2, at: 0)
        tracker.observe(FrameBytes(offset: 0, bytes: [7, 2]), fileSize: 2, at: 1, marking: false)
        #expect(tracker.highlighted(at: 1).isEmpty)
        tracker.observe(FrameBytes(offset: 0, bytes: [7, 3]), fileSize: 2, at: 2)
        #expect(tracker.highlighted(at: 2) == [1], "the baseline moved to the edited bytes")
    }

    @Test func marksOffScreenAreDropped() {
        let tracker = ChangeTracker()
        tracker.observe(FrameBytes(offset: 0, bytes: [1, 2]), fileSize: 50, at: 0)
        tracker.observe(FrameBytes(offset: 0, bytes: [9, 2]), fileSize: 50, at: 1)
        tracker.observe(FrameBytes(offset: 16, bytes: [0, 0]), fileSize: 50, at: 2)
        #expect(tracker.highlightedCount(at: 2) == 0)
    }

    @Test func aShrunkFrameMarksNothingThatIsGone() {
        let tracker = ChangeTracker()
        tracker.observe(FrameBytes(offset: 0, bytes: [1, 2, 3]), fileSize: 3, at: 0)
        tracker.observe(FrameBytes(offset: 0, bytes: [1]), fileSize: 1, at: 1)
        #expect(tracker.highlighted(at: 1).isEmpty)
    }
}
