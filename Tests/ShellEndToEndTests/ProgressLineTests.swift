import PresenceData
@testable import smaudit
import Testing

/// The progress line `smaudit measure` draws on a terminal, with a clock the test moves.
@Suite struct ProgressLineTests {
    /// A clock the test moves by hand.
    final class Clock { var now = 0.0 }

    @Test func appearsAfterTheDelayIsRedrawnInPlaceAndCleared() {
        let clock = Clock()
        var out: [String] = []
        let line = ProgressLine(delay: 1, interval: 0.1, clock: { clock.now }, write: { out.append($0) })
        line.update(ImportProgress(file: "posts.csv", bytesRead: 1_000_000, totalBytes: 4_000_000, rows: 10_000))
        #expect(out.isEmpty)
        clock.now = 1.5
        line.update(ImportProgress(file: "posts.csv", bytesRead: 3_000_000, totalBytes: 4_000_000, rows: 30_000))
        // 3 MB in the 1.5 s since the file's first chunk: 2 MB/s.
        #expect(out == ["\rreading posts.csv: 3 MB of 4 MB (75%), 30,000 rows, 2 MB/s\u{1B}[K"])
        clock.now = 1.55
        line.update(ImportProgress(file: "posts.csv", bytesRead: 3_500_000, totalBytes: 4_000_000, rows: 35_000))
        #expect(out.count == 1)   // less than 0.1 s later: not redrawn
        line.finish()
        #expect(out.last == "\r\u{1B}[K")
    }

    /// The last chunk of a file is drawn even when it comes within `interval` of the previous
    /// draw, so the line always ends at 100 % and the full row count, however fast the machine.
    @Test func theFinalStateIsDrawnWhateverTheClockSays() {
        let clock = Clock()
        var out: [String] = []
        let line = ProgressLine(delay: 0, interval: 0.1, clock: { clock.now }, write: { out.append($0) })
        line.update(ImportProgress(file: "posts.csv", bytesRead: 1_000_000, totalBytes: 4_000_000, rows: 10_000))
        line.update(ImportProgress(file: "posts.csv", bytesRead: 2_000_000, totalBytes: 4_000_000, rows: 20_000))
        line.update(ImportProgress(file: "posts.csv", bytesRead: 4_000_000, totalBytes: 4_000_000, rows: 40_000))
        #expect(out == ["\rreading posts.csv: 1 MB of 4 MB (25%), 10,000 rows\u{1B}[K",
                        "\rreading posts.csv: 4 MB of 4 MB (100%), 40,000 rows\u{1B}[K"])
    }

    @Test func aShortImportDrawsNothing() {
        let clock = Clock()
        var out: [String] = []
        let line = ProgressLine(delay: 1, clock: { clock.now }, write: { out.append($0) })
        clock.now = 0.4
        line.update(ImportProgress(file: "posts.csv", bytesRead: 10, totalBytes: 10, rows: 1))
        line.finish()
        #expect(out.isEmpty)
    }

    @Test func sizesAndCounts() {
        #expect(ProgressLine.bytes(950) == "950 B")
        #expect(ProgressLine.bytes(12_400) == "12.4 KB")
        #expect(ProgressLine.bytes(1_234_000_000) == "1.2 GB")
        #expect(ProgressLine.grouped(3_400_000) == "3,400,000")
        #expect(ProgressLine.text(ImportProgress(file: String(repeating: "d/", count: 30) + "posts.csv", bytesRead: 5,
                                                 totalBytes: nil, rows: 1, isDatePass: true), seconds: 0)
            == "reading the dates in …d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/posts.csv: 5 B, 1 row")
    }
}
