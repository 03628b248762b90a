#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The byte-level state machine behind `CSVReader`.
///
/// Bytes are fed in chunks of any size (a chunk boundary may fall anywhere, even between the
/// `\r` and `\n` of a line end or inside a `""` escape); each completed record is handed to
/// the row callback as a `CSVRow` view over the parser's own buffers, valid only during the
/// call. Memory is the largest record seen, never the file.
final class CSVParser {
    private static let quote = UInt8(ascii: "\"")
    private static let lf = UInt8(ascii: "\n")
    private static let cr = UInt8(ascii: "\r")

    /// What ends a line.
    enum LineEnd: Sendable {
        /// `\n` or `\r\n`; a bare `\r` is data (the usual case, and what RFC 4180 readers expect).
        case lineFeed
        /// `\r`, `\n` or `\r\n`, each one line end: Excel for Mac's "CSV (Macintosh)" ends
        /// lines with a bare `\r`.
        case any
    }

    private enum State: UInt8 {
        /// `carriageReturn`: a `\r` seen outside quotes; with `.lineFeed` the next byte decides
        /// whether it was a line end, with `.any` the record has ended and a `\n` right after
        /// belongs to the same line end.
        case fieldStart, unquoted, quoted, quoteInQuoted, carriageReturn
    }

    /// The longest record kept in memory. A quote that is never closed would otherwise make the
    /// rest of the file one record: 16 MiB is far beyond any real row (a post's text, a
    /// message), and keeps memory flat whatever the file.
    static let maxRecordBytes = 16 << 20

    /// A record grew past `maxRecordBytes`.
    struct RecordTooLong: Error, Equatable {
        /// The line the record starts on.
        let line: Int
        /// The line of the quote still open, if the record is in a quoted field.
        let quoteLine: Int?
    }

    let delimiter: UInt8
    let lineEnd: LineEnd
    private var state = State.fieldStart
    /// The physical line being read (1-based).
    private(set) var line = 1
    private var recordLine = 1
    private var recordStarted = false
    private var fieldQuoted = false
    /// Line on which the current quoted field opened, and the first such line of this record
    /// whose field ran across a line end (a quote left open merges records).
    private var quoteOpenLine = 1
    private var spanningQuoteLine: Int?
    /// In `.any` mode inside quotes: the previous byte was `\r`, so a `\n` now is not a new line.
    private var quotedAfterCR = false

    private var bytes: UnsafeMutablePointer<UInt8>
    private var byteCount = 0
    private var byteCapacity = 4096
    private var ends: UnsafeMutablePointer<Int>
    private var quotedFlags: UnsafeMutablePointer<Bool>
    /// `false` for every field: the quoted flags of a record read in place, which has no quotes.
    private var unquoted: UnsafeMutablePointer<Bool>
    private var fieldCount = 0
    private var fieldCapacity = 64

    init(delimiter: UInt8, lineEnd: LineEnd = .lineFeed, firstLine: Int = 1) {
        self.delimiter = delimiter
        self.lineEnd = lineEnd
        line = firstLine
        recordLine = firstLine
        bytes = .allocate(capacity: byteCapacity)
        ends = .allocate(capacity: fieldCapacity)
        quotedFlags = .allocate(capacity: fieldCapacity)
        unquoted = .allocate(capacity: fieldCapacity)
        unquoted.initialize(repeating: false, count: fieldCapacity)
    }

    deinit {
        bytes.deallocate()
        ends.deallocate()
        quotedFlags.deallocate()
        unquoted.deallocate()
    }

    @inline(__always)
    private func append(_ source: UnsafePointer<UInt8>, _ count: Int) {
        if count == 0 { return }
        if byteCount + count > byteCapacity { growBytes(to: byteCount + count) }
        (bytes + byteCount).update(from: source, count: count)
        byteCount += count
    }

    @inline(__always)
    private func append(_ byte: UInt8) {
        if byteCount == byteCapacity { growBytes(to: byteCount + 1) }
        bytes[byteCount] = byte
        byteCount += 1
    }

    private func growBytes(to needed: Int) {
        var capacity = byteCapacity * 2
        while capacity < needed { capacity *= 2 }
        let fresh = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        fresh.update(from: bytes, count: byteCount)
        bytes.deallocate()
        bytes = fresh
        byteCapacity = capacity
    }

    /// Doubles the room for field ends, keeping the ones recorded.
    private func growFields() {
        let capacity = fieldCapacity * 2
        let freshEnds = UnsafeMutablePointer<Int>.allocate(capacity: capacity)
        freshEnds.update(from: ends, count: fieldCapacity)
        ends.deallocate()
        ends = freshEnds
        let freshFlags = UnsafeMutablePointer<Bool>.allocate(capacity: capacity)
        freshFlags.update(from: quotedFlags, count: fieldCapacity)
        quotedFlags.deallocate()
        quotedFlags = freshFlags
        unquoted.deallocate()
        unquoted = .allocate(capacity: capacity)
        unquoted.initialize(repeating: false, count: capacity)
        fieldCapacity = capacity
    }

    @inline(__always)
    private func endField() {
        if fieldCount == fieldCapacity { growFields() }
        ends[fieldCount] = byteCount
        quotedFlags[fieldCount] = fieldQuoted
        fieldCount += 1
        fieldQuoted = false
    }

    /// Ends the record whose last line end was just read (`line` already counts it).
    private func endRecord(_ onRow: (CSVRow) throws -> Void) throws {
        endField()
        defer {
            fieldCount = 0
            byteCount = 0
            recordStarted = false
            spanningQuoteLine = nil
            state = .fieldStart
        }
        // A physical line with nothing on it is not a record.
        if fieldCount == 1 && byteCount == 0 && !quotedFlags[0] { return }
        try onRow(CSVRow(base: bytes, ends: ends, quoted: quotedFlags, count: fieldCount, line: recordLine,
                         lastLine: max(recordLine, line - 1), spanningQuoteLine: spanningQuoteLine))
    }

    /// Counts a line end met inside a quoted field.
    @inline(__always)
    private func lineInQuotes() {
        line += 1
        if spanningQuoteLine == nil { spanningQuoteLine = quoteOpenLine }
    }

    /// Whether the bytes fed so far end exactly at the start of a record.
    var isAtRecordStart: Bool { state == .fieldStart && !recordStarted }

    /// Feeds the next chunk of the input, calling `onRow` with each completed, non-blank record.
    func feed(_ chunk: UnsafeBufferPointer<UInt8>, onRow: (CSVRow) throws -> Void) throws {
        guard let p = chunk.baseAddress else { return }
        let n = chunk.count
        let delimiter = self.delimiter
        var i = 0
        while i < n {
            switch state {
            case .fieldStart:
                if !recordStarted {
                    i = try simpleRecords(p, from: i, to: n, onRow: onRow)
                    if i == n { return }
                    recordStarted = true
                    recordLine = line
                }
                if p[i] == Self.quote {
                    fieldQuoted = true
                    quoteOpenLine = line
                    quotedAfterCR = false
                    state = .quoted
                    i += 1
                    continue
                }
                state = .unquoted
                fallthrough
            case .unquoted:
                var j = i
                while j < n {
                    let c = p[j]
                    if c == delimiter || c == Self.lf || c == Self.cr { break }
                    j += 1
                }
                append(p + i, j - i)
                if byteCount > Self.maxRecordBytes { throw RecordTooLong(line: recordLine, quoteLine: nil) }
                if j == n { i = n; continue }
                let c = p[j]
                i = j + 1
                if c == delimiter {
                    endField()
                    state = .fieldStart
                } else if c == Self.lf {
                    line += 1
                    try endRecord(onRow)
                } else {
                    try carriageReturnOutsideQuotes(onRow)
                }
            case .carriageReturn:
                if lineEnd == .any {
                    // The record already ended at the "\r"; a "\n" right after is the same line end.
                    if p[i] == Self.lf { i += 1 }
                    state = .fieldStart
                } else if p[i] == Self.lf {
                    // Only "\r\n" ends a record; a bare "\r" is data.
                    line += 1
                    i += 1
                    try endRecord(onRow)
                } else {
                    append(Self.cr)
                    state = .unquoted
                }
            case .quoted:
                var j = i
                if lineEnd == .lineFeed {
                    while j < n {
                        let c = p[j]
                        if c == Self.quote { break }
                        if c == Self.lf { lineInQuotes() }
                        j += 1
                    }
                } else {
                    while j < n {
                        let c = p[j]
                        if c == Self.quote { break }
                        if c == Self.cr || (c == Self.lf && !quotedAfterCR) { lineInQuotes() }
                        quotedAfterCR = c == Self.cr
                        j += 1
                    }
                }
                append(p + i, j - i)
                if byteCount > Self.maxRecordBytes { throw RecordTooLong(line: recordLine, quoteLine: quoteOpenLine) }
                if j == n { i = n; continue }
                i = j + 1
                quotedAfterCR = false
                state = .quoteInQuoted
            case .quoteInQuoted:
                let c = p[i]
                if c == Self.quote {
                    append(Self.quote)
                    state = .quoted
                    i += 1
                } else if c == delimiter {
                    endField()
                    state = .fieldStart
                    i += 1
                } else if c == Self.lf {
                    line += 1
                    i += 1
                    try endRecord(onRow)
                } else if c == Self.cr {
                    i += 1
                    try carriageReturnOutsideQuotes(onRow)
                } else {
                    // Text after a closing quote (`"ab"c`): kept as data, as most readers do.
                    state = .unquoted
                }
            }
        }
    }

    /// The fast path: hands over, in place and without copying, each whole record from `start`
    /// that ends in this chunk and holds no quote (nor, in `.any` mode, a `\r`), as nearly every
    /// row of a real export is; returns where the first other record starts. A record with a
    /// quote or cut by the chunk's end goes through the state machine instead.
    @inline(__always)
    private func simpleRecords(_ p: UnsafePointer<UInt8>, from start: Int, to n: Int,
                               onRow: (CSVRow) throws -> Void) throws -> Int {
        let delimiter = self.delimiter
        let crEndsLine = lineEnd == .any
        // Eight bytes at a time: a word with no delimiter, quote or `\r` is passed over whole.
        let delimiters = Self.repeated(delimiter), quotes = Self.repeated(Self.quote), crs = Self.repeated(Self.cr)
        let raw = UnsafeRawPointer(p)
        // The buffers in locals: a store through `ends` could otherwise be taken to change them.
        var ends = self.ends, capacity = fieldCapacity
        var i = start
        while i < n, let found = memchr(p + i, Int32(Self.lf), n - i) {
            let newline = UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - p
            let recordStart = i
            if newline - recordStart > Self.maxRecordBytes { return i }
            var end = newline
            var fields = 0
            var k = i
            // Each special byte found: a delimiter ends a field; a quote, or a `\r` that does not
            // end the line, sends the record to the state machine.
            scan: while k < end {
                var mask: UInt64
                let width: Int
                if k + 8 <= end {
                    let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: k, as: UInt64.self))
                    mask = Self.bytesEqual(word, delimiters) | Self.bytesEqual(word, quotes) | Self.bytesEqual(word, crs)
                    width = 8
                } else {
                    let c = p[k]
                    mask = c == delimiter || c == Self.quote || c == Self.cr ? 0x80 : 0
                    width = 1
                }
                while mask != 0 {
                    let at = k + mask.trailingZeroBitCount / 8
                    mask &= mask &- 1
                    let c = p[at]
                    if c == delimiter {
                        if fields + 1 == capacity {
                            growFields()
                            ends = self.ends
                            capacity = fieldCapacity
                        }
                        ends[fields] = at - recordStart
                        fields += 1
                    } else if c == Self.quote {
                        return i
                    } else {
                        // "\r\n" ends the line in `.lineFeed` mode; any other `\r` is not simple.
                        if crEndsLine || at != newline - 1 { return i }
                        end = at
                        break scan
                    }
                }
                k += width
            }
            ends[fields] = end - recordStart
            fields += 1
            let recordLine = line
            line += 1
            i = newline + 1
            // A physical line with nothing on it is not a record.
            if fields == 1 && end == recordStart { continue }
            try onRow(CSVRow(base: p + recordStart, ends: ends, quoted: unquoted,
                             count: fields, line: recordLine, lastLine: recordLine, spanningQuoteLine: nil, gap: 1))
        }
        return i
    }

    /// `byte` in each of a word's eight bytes.
    @inline(__always)
    private static func repeated(_ byte: UInt8) -> UInt64 { UInt64(byte) &* 0x0101_0101_0101_0101 }

    /// The high bit of each byte of `word` equal to the byte repeated in `pattern`, exactly
    /// (no borrow between bytes, so no false match beside a true one).
    @inline(__always)
    private static func bytesEqual(_ word: UInt64, _ pattern: UInt64) -> UInt64 {
        let v = word ^ pattern
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        return ~(((v & low7) &+ low7) | v | low7)
    }

    /// A `\r` outside quotes: a line end of its own in `.any` mode; otherwise decided by the next byte.
    @inline(__always)
    private func carriageReturnOutsideQuotes(_ onRow: (CSVRow) throws -> Void) throws {
        if lineEnd == .any {
            line += 1
            try endRecord(onRow)
        }
        state = .carriageReturn
    }

    /// A quoted field left open at the end of the input: where its record starts and the
    /// last line it swallowed. That record is dropped.
    struct OpenQuote: Equatable {
        /// The line on which the unterminated record starts.
        let line: Int
        /// The last line of the input that has anything on it.
        let lastLine: Int
    }

    /// Ends the input; returns the quoted field left open, if any (its record is dropped).
    func finish(onRow: (CSVRow) throws -> Void) throws -> OpenQuote? {
        switch state {
        case .quoted:
            // A line end just before the end of the input does not count as a line of its own.
            let last = byteCount > 0 && (bytes[byteCount - 1] == Self.lf || bytes[byteCount - 1] == Self.cr) ? line - 1 : line
            let open = OpenQuote(line: recordLine, lastLine: max(recordLine, last))
            fieldCount = 0
            byteCount = 0
            recordStarted = false
            spanningQuoteLine = nil
            state = .fieldStart
            return open
        case .fieldStart:
            if recordStarted { line += 1; try endRecord(onRow) }
        case .carriageReturn:
            if lineEnd == .lineFeed { line += 1; try endRecord(onRow) }
        case .unquoted, .quoteInQuoted:
            line += 1
            try endRecord(onRow)
        }
        return nil
    }
}
