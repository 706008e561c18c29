import Testing

@testable import HexEditor

@Suite("Layout")
struct LayoutTests {
    @Test func eightyColumnsShowSixteenBytesLikeHexdump() throws {
        let layout = try #require(Layout(width: 80, height: 24, fileSize: 4096))
        #expect(layout.bytesPerRow == 16)
        #expect(layout.groupSize == 8)
        #expect(layout.offsetDigits == 8)
        #expect(layout.dataRows == 22)
        #expect(layout.statusRow == 22)
        #expect(layout.messageRow == 23)
        #expect(layout.hexColumn(ofByte: 0) == 10)
        #expect(layout.hexColumn(ofByte: 8) == 35)
        #expect(layout.textPaneBar == 60)
        #expect(layout.textColumn(ofByte: 0) == 61)
        #expect(layout.rowWidth == 78)
    }

    @Test(arguments: [(45, 8), (77, 8), (78, 16), (143, 16), (144, 32), (280, 64)])
    func bytesPerRowIsThePowerOfTwoThatFits(width: Int, expected: Int) throws {
        let layout = try #require(Layout(width: width, height: 10, fileSize: 100))
        #expect(layout.bytesPerRow == expected)
        #expect(layout.rowWidth <= width)
    }

    @Test func narrowTerminalsFallBackToFourBytes() throws {
        let layout = try #require(Layout(width: 40, height: 10, fileSize: 100))
        #expect(layout.bytesPerRow == 4)
        #expect(layout.groupSize == 4)
        #expect(layout.rowWidth == 29)
    }

    @Test func tooSmallTerminalsHaveNoLayout() {
        #expect(Layout(width: 28, height: 10, fileSize: 100) == nil)
        #expect(Layout(width: 80, height: 2, fileSize: 100) == nil)
        #expect(Layout(width: 29, height: 3, fileSize: 100) != nil)
    }

    @Test func requestedColumnsAreUsedWhenTheyFit() throws {
        let layout = try #require(Layout(width: 80, height: 10, fileSize: 100, requestedColumns: 12))
        #expect(layout.bytesPerRow == 12)
        #expect(layout.requestedColumnsFit)
        #expect(layout.hexColumn(ofByte: 8) == 10 + 24 + 1)
    }

    @Test func requestedColumnsThatDoNotFitFallBackToTheBestFit() throws {
        let layout = try #require(Layout(width: 80, height: 10, fileSize: 100, requestedColumns: 64))
        #expect(layout.bytesPerRow == 16)
        #expect(!layout.requestedColumnsFit)
    }

    @Test(arguments: [(0, 8), (1, 8), (1 << 32, 8), ((1 << 32) + 1, 9), (100 << 30, 10)])
    func offsetColumnGrowsWithTheFile(size: Int, digits: Int) throws {
        let layout = try #require(Layout(width: 200, height: 10, fileSize: size))
        #expect(layout.offsetDigits == digits)
    }
}
