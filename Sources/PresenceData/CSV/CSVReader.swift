#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import TextTrim

/// A streaming CSV reader over the bytes of a file (or an in-memory buffer), in constant memory.
///
/// It follows RFC 4180 — quoted fields may hold delimiters, newlines and `""` escapes — with
/// the leniencies real exports need: `\n` or `\r\n` ends a record, so a bare `\r` inside an
/// unquoted field is kept as data, unless the first line ends with a bare `\r` (Excel for
/// Mac's "CSV (Macintosh)"), in which case every `\r` ends a line; a UTF-8 BOM is stripped;
/// blank lines are skipped; comment and title lines before the header are set aside; the
/// delimiter (`,` `;` or tab) is detected from the header line unless given. Every record
/// carries the physical line on which it starts, and a record whose field count differs from
/// the header's is reported and skipped, so no column is ever read shifted.
///
/// The reader is hand-written on purpose: the CSV libraries in the package mirror (SwiftCSV,
/// CSV.swift) load whole files into memory or treat a bare CR as a row break, cannot report
/// the physical line number of each record, and are not fast enough to stream a million rows
/// faster than pandas. This one reads 1 MiB chunks and hands out fields as byte views, so
/// numbers and timestamps are parsed without allocating a `String`.
public struct CSVReader: Sendable {
    /// Where the bytes come from.
    public enum Source: Sendable {
        /// A file on disk, read in chunks.
        case file(path: String)
        /// Bytes already in memory (tests, stdin captured by the caller).
        case bytes([UInt8])
    }

    /// The input.
    public let source: Source
    /// The name used in warnings (the path as the user typed it).
    public let displayName: String
    /// The delimiter byte, or `nil` to detect it from the header line.
    public let delimiter: UInt8?
    /// The size of each read, 1 MiB by default; small sizes exercise chunk boundaries in tests.
    public let chunkSize: Int

    /// Creates a reader of the file at `path`.
    public init(path: String, delimiter: UInt8? = nil, chunkSize: Int = 1 << 20) {
        self.source = .file(path: path)
        self.displayName = path
        self.delimiter = delimiter
        self.chunkSize = max(1, chunkSize)
    }

    /// Creates a reader of in-memory bytes.
    public init(bytes: [UInt8], name: String = "<memory>", delimiter: UInt8? = nil, chunkSize: Int = 1 << 20) {
        self.source = .bytes(bytes)
        self.displayName = name
        self.delimiter = delimiter
        self.chunkSize = max(1, chunkSize)
    }

    /// Converts a user-given delimiter (`,` `;` `\t`, `tab`, or any one ASCII character) to a byte.
    public static func delimiterByte(_ text: String) throws -> UInt8 {
        if text == "\\t" || text.lowercased() == "tab" { return UInt8(ascii: "\t") }
        let utf8 = Array(text.utf8)
        guard utf8.count == 1, utf8[0] < 0x80, utf8[0] != UInt8(ascii: "\""),
              utf8[0] != UInt8(ascii: "\n"), utf8[0] != UInt8(ascii: "\r") else {
            throw PresenceError.invalidDelimiter(text)
        }
        return utf8[0]
    }

    /// What ends the lines of the input: the first line end outside quotes decides. A bare
    /// `\r` there means an Excel for Mac "CSV (Macintosh)" file, whose every line ends so.
    static func detectLineEnd(_ buffer: UnsafeBufferPointer<UInt8>) -> CSVParser.LineEnd {
        var inQuotes = false
        for i in buffer.indices {
            let b = buffer[i]
            if b == UInt8(ascii: "\"") { inQuotes.toggle(); continue }
            if inQuotes { continue }
            if b == UInt8(ascii: "\n") { return .lineFeed }
            if b == UInt8(ascii: "\r") {
                return i + 1 < buffer.count && buffer[i + 1] != UInt8(ascii: "\n") ? .any : .lineFeed
            }
        }
        return .lineFeed
    }

    /// Picks the delimiter from the first line that has one: the most frequent of `,` `;` tab
    /// outside quotes (`,` when no line has any). Comment lines (`#`, as GA4 writes before its
    /// table) are passed over, and Excel's `sep=;` hint line names it outright.
    static func detectDelimiter(_ buffer: UnsafeBufferPointer<UInt8>, lineEnd: CSVParser.LineEnd) -> UInt8 {
        var i = 0
        let n = buffer.count
        while i < n {
            var comma = 0, semicolon = 0, tab = 0
            var inQuotes = false
            let lineStart = i
            while i < n {
                let b = buffer[i]
                if b == UInt8(ascii: "\"") { inQuotes.toggle() }
                if !inQuotes && (b == UInt8(ascii: "\n") || (b == UInt8(ascii: "\r") && lineEnd == .any)) { break }
                if !inQuotes {
                    switch b {
                    case UInt8(ascii: ","): comma += 1
                    case UInt8(ascii: ";"): semicolon += 1
                    case UInt8(ascii: "\t"): tab += 1
                    default: break
                    }
                }
                i += 1
            }
            let line = UnsafeBufferPointer(rebasing: buffer[lineStart..<i])
            i += 1
            if let hinted = separatorHint(line) { return hinted }
            if line.first == UInt8(ascii: "#") { continue }
            if tab > comma && tab >= semicolon { return UInt8(ascii: "\t") }
            if semicolon > comma { return UInt8(ascii: ";") }
            if comma > 0 { return UInt8(ascii: ",") }
        }
        return UInt8(ascii: ",")
    }

    /// The delimiter named by Excel's `sep=X` first line, if `line` is one.
    private static func separatorHint(_ line: UnsafeBufferPointer<UInt8>) -> UInt8? {
        let trimmed = FieldParser.trimmed(line)
        guard trimmed.count == 5, Array(trimmed.prefix(4)).map({ $0 | 0x20 }) == Array("sep=".utf8) else { return nil }
        let d = trimmed[4]
        return d == UInt8(ascii: "\"") || d >= 0x80 ? nil : d
    }

    /// Whether a first record is Excel's `sep=X` hint (split or not by the delimiter it names).
    private static func isSeparatorHint(_ record: CSVRow) -> Bool {
        let first = String(decoding: FieldParser.trimmed(record.bytes(0)), as: UTF8.self).lowercased()
        guard first.hasPrefix("sep=") else { return false }
        if record.count == 1 { return first.count == 5 }
        return record.count == 2 && first == "sep=" && FieldParser.trimmed(record.bytes(1)).isEmpty
    }

    /// Thrown by `scan` to stop at the end of the first table (internal control flow).
    private struct EndOfTable: Error {}
    /// A split read's first half reached its end at a record's start.
    private struct StoppedAtSplit: Error {}

    /// Streams the input: `header` gets the header record and what came before it, then `row`
    /// gets every later record whose field count matches the header's; `problem` gets each
    /// ragged record and an unterminated quote, with the number of rows it cost. Returns the
    /// number of rows skipped as malformed.
    ///
    /// Before the header, `#` comment lines (GA4's preamble), Excel's `sep=` hint and a one-cell
    /// title line (LinkedIn's exports saved as CSV) are set aside as the preamble. In a file
    /// that had `#` comments, a later comment line starts another table: reading stops there.
    /// `progress` is called after each chunk with the bytes and the rows (after the header) read so far.
    @discardableResult
    ///
    /// A split read (`SplitRead`) takes the file in two halves at once: the first half's scan
    /// is given `stop`, and ends at its offset when a record starts exactly there; the second
    /// half's is given `tail`, and reads from that offset with the header already known.
    func scan(
        header: (CSVHeader) throws -> Void,
        row: (CSVRow) throws -> Void,
        problem: (PresenceWarning, Int) -> Void,
        progress: ((Int, Int) -> Void)? = nil,
        stop: ScanStop? = nil,
        tail: TailStart? = nil
    ) throws -> Int {
        var parser: CSVParser? = tail.map { CSVParser(delimiter: $0.delimiter, lineEnd: .lineFeed, firstLine: $0.line) }
        // The counts every row reads and writes live in a class, not in captured locals: a
        // captured `var` is boxed and checked for exclusive access at run time on every row.
        let counts = ScanCounts()
        if let tail { counts.columns = tail.columns }
        var skipped = 0
        var preamble: [String] = []
        var title: (fields: [String], line: Int)?
        let name = displayName
        func becomeHeader(_ fields: [String], line: Int) throws {
            counts.columns = fields.count
            try header(CSVHeader(fields: fields.map { $0.trimmed(.spacesAndTabs) }, delimiter: parser!.delimiter, line: line, preamble: preamble,
                                 file: name))
        }
        func onRow(_ record: CSVRow) throws {
            let columns = counts.columns
            if columns >= 0, record.count == columns, !counts.commented {
                counts.records += 1
                return try row(record)
            }
            if columns >= 0 { counts.records += 1 }
            let firstField = record.bytes(0)
            // "# Start date: …" or a lone "#" is a comment; a header cell named "#" is not.
            let isComment = !record.isQuoted(0) && firstField.first == UInt8(ascii: "#")
                && (record.count == 1 || (firstField.count > 1 && firstField[1] == UInt8(ascii: " ")))
            if columns < 0 {
                if isComment {
                    counts.commented = true
                    preamble.append(String(record.strings().joined(separator: ",").dropFirst()).trimmed(.spacesAndTabs))
                    return
                }
                if record.line == 1 && CSVReader.isSeparatorHint(record) { return }
                if let t = title {
                    title = nil
                    if record.count > 1 {
                        preamble.append(t.fields[0].trimmed(.spacesAndTabs))
                        try becomeHeader(record.strings(), line: record.line)
                        return
                    }
                    // Two one-column lines: the first was the header of a one-column file,
                    // and this record is its first row.
                    try becomeHeader(t.fields, line: t.line)
                } else if record.count == 1 {
                    title = (record.strings(), record.line)
                    return
                } else {
                    try becomeHeader(record.strings(), line: record.line)
                    return
                }
            }
            if isComment && counts.commented {
                problem(PresenceWarning(file: name, line: record.line,
                                        message: "another table starts here; only the first table was read"), 0)
                throw EndOfTable()
            }
            // The header may have just been placed (a one-column file's title line).
            let columnCount = counts.columns
            if record.count != columnCount {
                let lost = record.lastLine - record.line + 1
                skipped += lost
                if let quoteLine = record.spanningQuoteLine {
                    problem(PresenceWarning(
                        file: name, line: quoteLine,
                        message: "a quoted field opened here runs on to line \(record.lastLine) (\(record.count) fields, "
                            + "expected \(columnCount)); lines \(record.line)–\(record.lastLine) skipped: is a closing quote missing?"),
                        lost)
                } else {
                    problem(PresenceWarning(file: name, line: record.line,
                                            message: "expected \(columnCount) fields, found \(record.count); row skipped"), 1)
                }
                return
            }
            try row(record)
        }
        var first = tail == nil
        var bytesRead = tail?.offset ?? 0
        do {
            try forEachChunk(from: tail?.offset ?? 0) { whole in
                var chunk = whole
                let chunkStart = bytesRead
                bytesRead += chunk.count
                if first {
                    first = false
                    try rejectNonText(chunk)
                    if chunk.count >= 3, chunk[0] == 0xEF, chunk[1] == 0xBB, chunk[2] == 0xBF {
                        chunk = UnsafeBufferPointer(rebasing: chunk[3...])
                    }
                    let layout = detectedLayout(firstChunk: chunk)
                    parser = CSVParser(delimiter: delimiter ?? layout.delimiter, lineEnd: layout.lineEnd)
                    stop?.lineEnd = layout.lineEnd
                }
                do {
                    // The split offset in this chunk: read up to it, and stop there if a record starts there.
                    let bom = whole.count - chunk.count
                    if let stop, stop.line == nil, stop.lineEnd == .lineFeed, stop.offset >= chunkStart + bom, stop.offset < bytesRead {
                        try parser!.feed(UnsafeBufferPointer(rebasing: whole[bom..<(stop.offset - chunkStart)]), onRow: onRow)
                        if parser!.isAtRecordStart && counts.columns >= 0 {
                            stop.line = parser!.line
                            progress?(stop.offset, counts.records)
                            throw StoppedAtSplit()
                        }
                        try parser!.feed(UnsafeBufferPointer(rebasing: whole[(stop.offset - chunkStart)...]), onRow: onRow)
                    } else {
                        try parser!.feed(chunk, onRow: onRow)
                    }
                } catch let tooLong as CSVParser.RecordTooLong {
                    throw PresenceError.recordTooLong(file: name, line: tooLong.line, quoteLine: tooLong.quoteLine)
                }
                progress?(bytesRead, counts.records)
            }
            guard let parser else { throw PresenceError.emptyFile(file: name) }
            if let open = try parser.finish(onRow: onRow) {
                let lost = open.lastLine - open.line + 1
                skipped += lost
                let lines = lost == 1 ? "line \(open.line)" : "lines \(open.line)–\(open.lastLine)"
                problem(PresenceWarning(file: name, line: open.line,
                                        message: "quoted field never closed; \(lines) (the rest of the file) skipped"), lost)
            }
            if counts.columns < 0, let t = title { try becomeHeader(t.fields, line: t.line) }
        } catch is EndOfTable {
        } catch is StoppedAtSplit {
            return skipped
        }
        if counts.columns < 0 { throw PresenceError.emptyFile(file: name) }
        return skipped
    }

    /// What `scan` counts on every row. Exclusive access is not checked at run time: one scan
    /// owns it, on one thread, and its accesses never overlap.
    private final class ScanCounts {
        /// The header's field count; -1 before the header.
        @exclusivity(unchecked) var columns = -1
        /// Records after the header.
        @exclusivity(unchecked) var records = 0
        /// Whether the preamble had `#` comments, so a later one starts another table.
        @exclusivity(unchecked) var commented = false
    }

    /// Refuses a spreadsheet or a UTF-16 file with one line saying what to do, instead of
    /// reading its bytes as CSV.
    private func rejectNonText(_ chunk: UnsafeBufferPointer<UInt8>) throws {
        let zip: [UInt8] = [0x50, 0x4B, 0x03, 0x04]                       // .xlsx (a zip)
        let ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]  // .xls
        if chunk.starts(with: zip) || chunk.starts(with: ole) {
            throw PresenceError.spreadsheet(file: displayName)
        }
        if chunk.starts(with: [0xFF, 0xFE]) || chunk.starts(with: [0xFE, 0xFF]) {
            throw PresenceError.utf16(file: displayName)
        }
    }

    /// The delimiter and line ends found at the start of the input: in the whole buffer for
    /// in-memory input, in the first chunk (1 MiB) for a file.
    private func detectedLayout(firstChunk: UnsafeBufferPointer<UInt8>) -> (delimiter: UInt8, lineEnd: CSVParser.LineEnd) {
        func layout(_ buffer: UnsafeBufferPointer<UInt8>) -> (UInt8, CSVParser.LineEnd) {
            let lineEnd = CSVReader.detectLineEnd(buffer)
            return (CSVReader.detectDelimiter(buffer, lineEnd: lineEnd), lineEnd)
        }
        if case .bytes(let all) = source {
            return all.withUnsafeBufferPointer { buffer in
                let hasBOM = buffer.count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF
                return layout(hasBOM ? UnsafeBufferPointer(rebasing: buffer[3...]) : buffer)
            }
        }
        return layout(firstChunk)
    }

    /// The size of the input in bytes, when it can be known (for progress).
    public var byteCount: Int? {
        switch source {
        case .bytes(let all): return all.count
        case .file(let path):
            var info = stat()
            return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG ? Int(info.st_size) : nil
        }
    }

    /// Reads everything into memory: the header, every well-formed record and the problems.
    /// Meant for small files and tests; measurements use the streaming path.
    public func readAll() throws -> (header: [String], records: [CSVRecord], problems: [PresenceWarning]) {
        var headerFields: [String] = []
        var records: [CSVRecord] = []
        var problems: [PresenceWarning] = []
        try scan(
            header: { headerFields = $0.fields },
            row: { records.append(CSVRecord(line: $0.line, fields: $0.strings())) },
            problem: { warning, _ in problems.append(warning) })
        return (headerFields, records, problems)
    }

    /// Calls `body` with successive chunks of the input. A BOM split across the first two
    /// reads is not detected; reads are `chunkSize` (≥ 1 MiB by default) so this cannot
    /// happen for files.
    private func forEachChunk(from start: Int = 0, _ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        switch source {
        case .bytes(let all):
            try all.withUnsafeBufferPointer { buffer in
                var offset = min(start, buffer.count)
                // Keep a BOM in the first chunk whatever the chunk size.
                var size = max(chunkSize, 3)
                while offset < buffer.count {
                    let end = min(buffer.count, offset + size)
                    try body(UnsafeBufferPointer(rebasing: buffer[offset..<end]))
                    offset = end
                    size = chunkSize
                }
            }
        case .file(let path):
            let fd = open(path, O_RDONLY)
            if fd < 0 {
                throw PresenceError.cannotRead(file: displayName, reason: String(cString: strerror(errno)))
            }
            defer { close(fd) }
            if start > 0 && lseek(fd, off_t(start), SEEK_SET) < 0 {
                throw PresenceError.cannotRead(file: displayName, reason: String(cString: strerror(errno)))
            }
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
            defer { buffer.deallocate() }
            while true {
                let n = read(fd, buffer.baseAddress, chunkSize)
                if n < 0 {
                    if errno == EINTR { continue }
                    // Said as every other command says it, not as strerror does ("Is a directory").
                    let reason = errno == EISDIR ? "it is a folder, not a file" : String(cString: strerror(errno))
                    throw PresenceError.cannotRead(file: displayName, reason: reason)
                }
                if n == 0 { break }
                try body(UnsafeBufferPointer(start: buffer.baseAddress!.assumingMemoryBound(to: UInt8.self), count: n))
            }
        }
    }
}
