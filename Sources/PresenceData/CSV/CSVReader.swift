#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A streaming CSV reader over the bytes of a file (or an in-memory buffer), in constant memory.
///
/// It follows RFC 4180 — quoted fields may hold delimiters, newlines and `""` escapes — with
/// the leniencies real exports need: only `\n` or `\r\n` ends a record, so a bare `\r` inside an
/// unquoted field is kept as data; a UTF-8 BOM is stripped; blank lines are skipped; the
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

    /// Picks the delimiter of a header line: the most frequent of `,` `;` tab outside quotes
    /// (`,` when none occurs).
    static func detectDelimiter(_ line: UnsafeBufferPointer<UInt8>) -> UInt8 {
        var comma = 0, semicolon = 0, tab = 0
        var inQuotes = false
        for b in line {
            if b == UInt8(ascii: "\"") { inQuotes.toggle(); continue }
            if inQuotes { continue }
            if b == UInt8(ascii: "\n") { break }
            switch b {
            case UInt8(ascii: ","): comma += 1
            case UInt8(ascii: ";"): semicolon += 1
            case UInt8(ascii: "\t"): tab += 1
            default: break
            }
        }
        if tab > comma && tab >= semicolon { return UInt8(ascii: "\t") }
        if semicolon > comma { return UInt8(ascii: ";") }
        return UInt8(ascii: ",")
    }

    /// Streams the input: `header` gets the first record's fields (trimmed) and the delimiter
    /// in use, then `row` gets every later record whose field count matches the header;
    /// `problem` gets ragged records and an unterminated quote. Returns the number of records
    /// skipped as malformed.
    @discardableResult
    func scan(
        header: ([String], UInt8) throws -> Void,
        row: (CSVRow) throws -> Void,
        problem: (PresenceWarning) -> Void
    ) throws -> Int {
        var parser: CSVParser?
        var columnCount = -1
        var skipped = 0
        let name = displayName
        func onRow(_ record: CSVRow) throws {
            if columnCount < 0 {
                columnCount = record.count
                try header(record.strings().map(CSVReader.trim), parser!.delimiter)
                return
            }
            if record.count != columnCount {
                skipped += 1
                problem(PresenceWarning(
                    file: name, line: record.line,
                    message: "expected \(columnCount) fields, found \(record.count); row skipped"))
                return
            }
            try row(record)
        }
        var first = true
        try forEachChunk { chunk in
            var chunk = chunk
            if first {
                first = false
                if chunk.count >= 3, chunk[0] == 0xEF, chunk[1] == 0xBB, chunk[2] == 0xBF {
                    chunk = UnsafeBufferPointer(rebasing: chunk[3...])
                }
                parser = CSVParser(delimiter: delimiter ?? detectedDelimiter(firstChunk: chunk))
            }
            try parser!.feed(chunk, onRow: onRow)
        }
        guard let parser else { throw PresenceError.emptyFile(file: name) }
        if let open = try parser.finish(onRow: onRow) {
            skipped += 1
            problem(PresenceWarning(
                file: name, line: open,
                message: "quoted field never closed; the rest of the file was skipped"))
        }
        if columnCount < 0 { throw PresenceError.emptyFile(file: name) }
        return skipped
    }

    /// The delimiter found in the header line: in the whole buffer for in-memory input, in the
    /// first chunk (1 MiB) for a file.
    private func detectedDelimiter(firstChunk: UnsafeBufferPointer<UInt8>) -> UInt8 {
        if case .bytes(let all) = source {
            return all.withUnsafeBufferPointer { buffer in
                let hasBOM = buffer.count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF
                return CSVReader.detectDelimiter(hasBOM ? UnsafeBufferPointer(rebasing: buffer[3...]) : buffer)
            }
        }
        return CSVReader.detectDelimiter(firstChunk)
    }

    /// Reads everything into memory: the header, every well-formed record and the problems.
    /// Meant for small files and tests; measurements use the streaming path.
    public func readAll() throws -> (header: [String], records: [CSVRecord], problems: [PresenceWarning]) {
        var headerFields: [String] = []
        var records: [CSVRecord] = []
        var problems: [PresenceWarning] = []
        try scan(
            header: { fields, _ in headerFields = fields },
            row: { records.append(CSVRecord(line: $0.line, fields: $0.strings())) },
            problem: { problems.append($0) })
        return (headerFields, records, problems)
    }

    /// Calls `body` with successive chunks of the input. A BOM split across the first two
    /// reads is not detected; reads are `chunkSize` (≥ 1 MiB by default) so this cannot
    /// happen for files.
    private func forEachChunk(_ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        switch source {
        case .bytes(let all):
            try all.withUnsafeBufferPointer { buffer in
                var offset = 0
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
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
            defer { buffer.deallocate() }
            while true {
                let n = read(fd, buffer.baseAddress, chunkSize)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw PresenceError.cannotRead(file: displayName, reason: String(cString: strerror(errno)))
                }
                if n == 0 { break }
                try body(UnsafeBufferPointer(start: buffer.baseAddress!.assumingMemoryBound(to: UInt8.self), count: n))
            }
        }
    }

    /// Trims spaces and tabs from both ends.
    static func trim(_ s: String) -> String {
        var sub = Substring(s)
        while let c = sub.first, c == " " || c == "\t" { sub.removeFirst() }
        while let c = sub.last, c == " " || c == "\t" { sub.removeLast() }
        return String(sub)
    }
}
