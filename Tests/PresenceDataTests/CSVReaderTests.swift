import Testing
@testable import PresenceData

@Suite struct CSVReaderTests {
    @Test func quotedNewlinesKeepPhysicalLineNumbers() throws {
        // Record 1 spans lines 2-3, so record 2 starts on line 4.
        let t = try readCSV("a,b\n\"x\ny\",1\nz,2\n")
        #expect(t.header == ["a", "b"])
        #expect(t.records == [CSVRecord(line: 2, fields: ["x\ny", "1"]), CSVRecord(line: 4, fields: ["z", "2"])])
    }

    @Test func doubledQuotesAreEscapes() throws {
        let t = try readCSV("a,b\n\"say \"\"hi\"\"\",\"\"\n")
        #expect(t.records == [CSVRecord(line: 2, fields: ["say \"hi\"", ""])])
    }

    @Test func bareCarriageReturnIsData() throws {
        // Only \n or \r\n ends a record: "one\rtwo" is one field.
        let t = try readCSV("a,b\r\none\rtwo,1\r\nthree,2")
        #expect(t.records == [CSVRecord(line: 2, fields: ["one\rtwo", "1"]), CSVRecord(line: 3, fields: ["three", "2"])])
    }

    @Test func raggedRowsAreReportedAndSkipped() throws {
        let t = try readCSV("a,b,c\n1,2,3\n4,5\n6,7,8,9\n10,11,12\n")
        #expect(t.records.map(\.line) == [2, 5])
        #expect(t.problems.map(\.description) == [
            "t.csv:3: expected 3 fields, found 2; row skipped",
            "t.csv:4: expected 3 fields, found 4; row skipped",
        ])
    }

    @Test func byteOrderMarkIsStripped() throws {
        let t = try readCSV("\u{FEFF}id;name\n1;x\n")
        #expect(t.header == ["id", "name"])
        #expect(t.records == [CSVRecord(line: 2, fields: ["1", "x"])])
    }

    @Test func delimiterIsDetectedFromTheHeader() throws {
        #expect(try readCSV("a;b;\"c,d\"\n1;2;3\n").header == ["a", "b", "c,d"])
        #expect(try readCSV("a\tb\tc,d\n1\t2\t3\n").records == [CSVRecord(line: 2, fields: ["1", "2", "3"])])
        #expect(try readCSV("a,b\n1,2\n").records.first?.fields == ["1", "2"])
        // Given explicitly, the delimiter wins over detection.
        #expect(try readCSV("a,b;c\n1,2;3\n", delimiter: UInt8(ascii: ";")).header == ["a,b", "c"])
    }

    @Test func blankLinesAndMissingFinalNewline() throws {
        let t = try readCSV("a,b\n\n1,2\n\n\n3,")
        #expect(t.records == [CSVRecord(line: 3, fields: ["1", "2"]), CSVRecord(line: 6, fields: ["3", ""])])
    }

    @Test func unterminatedQuoteIsReportedWithItsLine() throws {
        let t = try readCSV("a,b\n1,2\n3,\"open\n4,5\n")
        #expect(t.records.count == 1)
        #expect(t.problems.map(\.description) == ["t.csv:3: quoted field never closed; lines 3–4 (the rest of the file) skipped"])
    }

    @Test func textAfterAClosingQuoteIsKept() throws {
        #expect(try readCSV("a,b\n\"x\"y,1\n").records.first?.fields == ["xy", "1"])
    }

    @Test func everyChunkSizeGivesTheSameRecords() throws {
        let text = "\u{FEFF}a,b,c\r\n\"q,\"\"x\"\"\r\nnext\",bare\rcr,3\r\n\r\n,,\n4,5\n6,7,8\r\n"
        let whole = try readCSV(text)
        for size in 1...9 {
            let chunked = try readCSV(text, chunkSize: size)
            #expect(chunked.header == whole.header, "chunk \(size)")
            #expect(chunked.records == whole.records, "chunk \(size)")
            #expect(chunked.problems == whole.problems, "chunk \(size)")
        }
        #expect(whole.records == [
            CSVRecord(line: 2, fields: ["q,\"x\"\r\nnext", "bare\rcr", "3"]),
            CSVRecord(line: 5, fields: ["", "", ""]),
            CSVRecord(line: 7, fields: ["6", "7", "8"]),
        ])
        #expect(whole.problems.map(\.line) == [6])
    }

    @Test func emptyInputIsAnError() {
        #expect(throws: PresenceError.emptyFile(file: "t.csv")) { try readCSV("") }
        #expect(throws: PresenceError.emptyFile(file: "t.csv")) { try readCSV("\n\n") }
    }

    @Test func fileThatDoesNotExist() {
        #expect(throws: (any Error).self) { try CSVReader(path: "/nonexistent/x.csv").readAll() }
    }

    @Test func delimiterArguments() throws {
        #expect(try CSVReader.delimiterByte(";") == UInt8(ascii: ";"))
        #expect(try CSVReader.delimiterByte("tab") == UInt8(ascii: "\t"))
        #expect(try CSVReader.delimiterByte("\\t") == UInt8(ascii: "\t"))
        #expect(throws: PresenceError.invalidDelimiter("\"")) { try CSVReader.delimiterByte("\"") }
        #expect(throws: PresenceError.invalidDelimiter(";;")) { try CSVReader.delimiterByte(";;") }
    }
}
