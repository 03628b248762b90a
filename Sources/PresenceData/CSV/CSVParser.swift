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

    private enum State: UInt8 {
        case fieldStart, unquoted, quoted, quoteInQuoted, carriageReturn
    }

    let delimiter: UInt8
    private var state = State.fieldStart
    private var line = 1
    private var recordLine = 1
    private var recordStarted = false
    private var fieldQuoted = false

    private var bytes: UnsafeMutablePointer<UInt8>
    private var byteCount = 0
    private var byteCapacity = 4096
    private var ends: UnsafeMutablePointer<Int>
    private var quotedFlags: UnsafeMutablePointer<Bool>
    private var fieldCount = 0
    private var fieldCapacity = 64

    init(delimiter: UInt8) {
        self.delimiter = delimiter
        bytes = .allocate(capacity: byteCapacity)
        ends = .allocate(capacity: fieldCapacity)
        quotedFlags = .allocate(capacity: fieldCapacity)
    }

    deinit {
        bytes.deallocate()
        ends.deallocate()
        quotedFlags.deallocate()
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

    @inline(__always)
    private func endField() {
        if fieldCount == fieldCapacity {
            let capacity = fieldCapacity * 2
            let freshEnds = UnsafeMutablePointer<Int>.allocate(capacity: capacity)
            freshEnds.update(from: ends, count: fieldCount)
            ends.deallocate()
            ends = freshEnds
            let freshFlags = UnsafeMutablePointer<Bool>.allocate(capacity: capacity)
            freshFlags.update(from: quotedFlags, count: fieldCount)
            quotedFlags.deallocate()
            quotedFlags = freshFlags
            fieldCapacity = capacity
        }
        ends[fieldCount] = byteCount
        quotedFlags[fieldCount] = fieldQuoted
        fieldCount += 1
        fieldQuoted = false
    }

    private func endRecord(_ onRow: (CSVRow) throws -> Void) throws {
        endField()
        defer {
            fieldCount = 0
            byteCount = 0
            recordStarted = false
            state = .fieldStart
        }
        // A physical line with nothing on it is not a record.
        if fieldCount == 1 && byteCount == 0 && !quotedFlags[0] { return }
        try onRow(CSVRow(base: bytes, ends: ends, quoted: quotedFlags, count: fieldCount, line: recordLine))
    }

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
                    recordStarted = true
                    recordLine = line
                }
                if p[i] == Self.quote {
                    fieldQuoted = true
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
                    state = .carriageReturn
                }
            case .carriageReturn:
                // Only "\r\n" ends a record; a bare "\r" is data.
                if p[i] == Self.lf {
                    line += 1
                    i += 1
                    try endRecord(onRow)
                } else {
                    append(Self.cr)
                    state = .unquoted
                }
            case .quoted:
                var j = i
                while j < n {
                    let c = p[j]
                    if c == Self.quote { break }
                    if c == Self.lf { line += 1 }
                    j += 1
                }
                append(p + i, j - i)
                if j == n { i = n; continue }
                i = j + 1
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
                    state = .carriageReturn
                    i += 1
                } else {
                    // Text after a closing quote (`"ab"c`): kept as data, as most readers do.
                    state = .unquoted
                }
            }
        }
    }

    /// Ends the input; returns the starting line of a quoted field left open, if any
    /// (that last record is then dropped).
    func finish(onRow: (CSVRow) throws -> Void) throws -> Int? {
        switch state {
        case .quoted:
            let open = recordLine
            fieldCount = 0
            byteCount = 0
            recordStarted = false
            state = .fieldStart
            return open
        case .fieldStart:
            if recordStarted { try endRecord(onRow) }
        case .unquoted, .quoteInQuoted, .carriageReturn:
            try endRecord(onRow)
        }
        return nil
    }
}
