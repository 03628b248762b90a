import Testing
@testable import PresenceData

/// Lines other tools write before the header, and files that are not CSV at all.
@Suite struct PreambleAndRefusalTests {
    func header(_ text: String) throws -> (header: [String], preamble: [String], lines: [Int]) {
        var header: [String] = [], preamble: [String] = [], lines: [Int] = []
        try CSVReader(bytes: Array(text.utf8), name: "t.csv").scan(
            header: { header = $0.fields; preamble = $0.preamble },
            row: { lines.append($0.line) },
            problem: { _, _ in })
        return (header, preamble, lines)
    }

    @Test func excelsSeparatorHintNamesTheDelimiter() throws {
        let t = try header("sep=;\na;b\n1;2\n")
        #expect(t.header == ["a", "b"])
        #expect(t.lines == [3])
        #expect(try header("sep=,\nDate,Primary\n2026-10-01,20\n").header == ["Date", "Primary"])
    }

    @Test func commentLinesBeforeTheHeaderAreItsPreamble() throws {
        let t = try header("# Start date: 20261001\n#\n# End date: 20261031\nchannel,sessions\nDirect,1\n")
        #expect(t.header == ["channel", "sessions"])
        #expect(t.preamble == ["Start date: 20261001", "", "End date: 20261031"])
        #expect(t.lines == [5])
        // A header cell named "#" is not a comment.
        #expect(try header("#,Date\n1,2\n").header == ["#", "Date"])
    }

    @Test func aTitleLineAboveTheHeaderIsSetAside() throws {
        let t = try header("All posts\nPost title,Likes\nHello,3\n")
        #expect(t.header == ["Post title", "Likes"])
        #expect(t.preamble == ["All posts"])
        // But a one-column file keeps its header.
        let one = try header("likes\n1\n2\n")
        #expect(one.header == ["likes"])
        #expect(one.lines == [2, 3])
        #expect(try header("likes\n").header == ["likes"])
    }

    @Test func aSecondTableEndsTheFirst() throws {
        var problems: [String] = []
        var rows = 0
        try CSVReader(bytes: Array("# a\nh1,h2\n1,2\n\n# b\nx,y,z\n1,2,3\n".utf8), name: "t.csv").scan(
            header: { _ in }, row: { _ in rows += 1 }, problem: { warning, _ in problems.append(warning.description) })
        #expect(rows == 1)
        #expect(problems == ["t.csv:5: another table starts here; only the first table was read"])
    }

    @Test func aWorkbookIsRefusedWithTheSheetToSave() throws {
        let xlsx = try fixture(String(decoding: [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00], as: UTF8.self), name: "content.xlsx")
        #expect(throws: PresenceError.spreadsheet(file: xlsx)) { try PresenceMeasurer.measure(posts: xlsx) }
        let message = PresenceError.spreadsheet(file: "content.xls").description
        #expect(!message.contains("\n"))
        #expect(message.contains("'All posts'") && message.contains("'New followers'"))
        #expect(throws: PresenceError.utf16(file: "t.csv")) {
            try CSVReader(bytes: [0xFF, 0xFE, 0x44, 0x00], name: "t.csv").readAll()
        }
    }

    @Test func timestampsAsYouTubeAndGA4WriteThem() {
        let october3 = TimestampParser.parse("2026-10-03")!
        #expect(TimestampParser.parse("Oct 3, 2026") == october3)
        #expect(TimestampParser.parse("October 3 2026") == october3)
        #expect(TimestampParser.parse("Sept. 3, 2026") == TimestampParser.parse("2026-09-03"))
        #expect(TimestampParser.parse("Oct 3, 2026 2:05 PM") == october3 + 14 * 3600 + 5 * 60)
        #expect(TimestampParser.parse("20261003") == october3)
        #expect(TimestampParser.parse("20261303") == nil)
        #expect(TimestampParser.parse("Foo 3, 2026") == nil)
        #expect(TimestampParser.parse("2026-10-01 10:00 +0000") == TimestampParser.parse("2026-10-01T10:00:00Z"))
    }
}
