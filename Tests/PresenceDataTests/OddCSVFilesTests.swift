import Testing
@testable import PresenceData

/// Issue 14, items 7 and 8: files from other tools (Excel for Mac's "CSV (Macintosh)"), an
/// unterminated quote, and error messages that must stay short whatever the file holds.
@Suite struct OddCSVFilesTests {
    @Test func carriageReturnOnlyLineEndsAreRecognised() throws {
        // Excel for Mac's "CSV (Macintosh)" ends every line with a bare CR. Three records on
        // lines 1–3; the quoted field holds a CR of its own, so the last record is on line 4.
        let t = try readCSV("date,likes,comments,shares\r2024-01-01,1,2,3\r\"a\rb\",4,5,6\r")
        #expect(t.header == ["date", "likes", "comments", "shares"])
        #expect(t.records == [CSVRecord(line: 2, fields: ["2024-01-01", "1", "2", "3"]),
                              CSVRecord(line: 3, fields: ["a\rb", "4", "5", "6"])])
        for size in 1...7 {
            #expect(try readCSV("date,likes,comments,shares\r2024-01-01,1,2,3\r\"a\rb\",4,5,6\r", chunkSize: size).records
                == t.records, "chunk \(size)")
        }
    }

    @Test func carriageReturnOnlyPostsExportIsMeasured() throws {
        // Two posts: engagement 1+2+3 = 6 and 4+5+6 = 15; applause (6 + 15) / 2 = 10.5.
        let path = try fixture("date,likes,comments,shares\r2024-01-01,1,2,3\r2024-01-02,4,5,6\r")
        let (m, warnings) = try PresenceMeasurer.measure(posts: path)
        #expect(warnings.isEmpty)
        #expect(m.posts?.count == 2)
        #expect(m.posts?.applauseRate == 10.5)
    }

    @Test func theNotRecognisedErrorListsAtMostTwentyColumns() throws {
        // 500 columns, one of them 5,000 characters long: the message names 20 and counts the rest.
        let long = String(repeating: "x", count: 5_000)
        let header = ([long] + (1..<500).map { "c\($0)" }).joined(separator: ",")
        let path = try fixture(header + "\n" + Array(repeating: "1", count: 500).joined(separator: ",") + "\n")
        do {
            _ = try PresenceMeasurer.measure(inbox: path)
            Issue.record("expected an error")
        } catch let error as PresenceError {
            let message = error.description
            #expect(message.count < 1_000, "\(message.count) characters")
            #expect(message.contains("'c19'"))
            #expect(!message.contains("'c20'"))
            #expect(message.contains("… and 480 more"))
            #expect(message.contains("missing: id, inbound, in_reply_to"))
        }
    }

    @Test func aMappedColumnThatIsMissingListsAtMostTwentyColumns() throws {
        let header = (0..<100).map { "c\($0)" }.joined(separator: ",")
        let path = try fixture(header + "\n" + Array(repeating: "1", count: 100).joined(separator: ",") + "\n")
        do {
            _ = try PresenceMeasurer.measure(traffic: path, mappings: ["channel": "Nope"])
            Issue.record("expected an error")
        } catch let error as PresenceError {
            #expect(error.description.contains("… and 80 more"))
            #expect(!error.description.contains("'c20'"))
        }
    }

    /// Line 3 opens a quote that the quote on line 4 closes: lines 3 and 4 read as one record of
    /// 3 fields. Both messages on them are lost, and the warning says where the quote opened.
    static let openQuote = """
        id,from,inbound,time,in_reply_to
        1,alice,true,2024-01-01T10:00:00Z,
        2,"Brand,false,2024-01-01T10:30:00Z,1
        3,bob,true,"2024-01-01T11:00:00Z",
        4,Brand,false,2024-01-01T11:20:00Z,1

        """

    @Test func anUnterminatedQuoteIsReportedWhereItOpenedAndCountsEveryLineLost() throws {
        let path = try fixture(Self.openQuote)
        let (m, warnings) = try PresenceMeasurer.measure(inbox: path)
        #expect(m.inbox?.messages == 2)
        #expect(m.inbox?.skippedRows == 2)
        #expect(warnings.map(\.description) == [
            "\(path):3: a quoted field opened here runs on to line 4 (3 fields, expected 5); lines 3–4 skipped: is a closing quote missing?",
        ])
    }

    @Test func aQuoteLeftOpenAtTheEndCountsTheLinesItSwallowed() throws {
        // The quote on line 3 never closes: lines 3, 4 and 5 are lost.
        let path = try fixture("likes,comments,shares\n1,2,3\n\"4,5,6\n7,8,9\n10,11,12\n")
        let (m, warnings) = try PresenceMeasurer.measure(posts: path)
        #expect(m.posts?.count == 1)
        #expect(m.posts?.skippedRows == 3)
        #expect(warnings.map(\.description) == ["\(path):3: quoted field never closed; lines 3–5 (the rest of the file) skipped"])
    }

    /// A quote never closed near the top of a large file would make the rest of the file one
    /// record held in memory; past 16 MiB the read stops with a message at the quote's line.
    @Test func aRecordPastTheSizeLimitStopsTheReadAtItsQuote() throws {
        let row = "4,5,6 and some more text in the field that never ends\n"
        let body = String(repeating: row, count: (CSVParser.maxRecordBytes / row.utf8.count) + 10)
        let path = try fixture("likes,comments,shares\n1,2,3\n\"" + body)
        #expect(throws: PresenceError.recordTooLong(file: path, line: 3, quoteLine: 3)) {
            _ = try PresenceMeasurer.measure(posts: path)
        }
        #expect(PresenceError.recordTooLong(file: "p.csv", line: 3, quoteLine: 3).description
                == "p.csv:3: a quoted field opened here runs on for more than 16 MiB, so its quote is probably never closed; close it (or export the file again) and measure again")
    }
}
