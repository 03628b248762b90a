/// One record as a view over the parser's buffers or the chunk read: valid only inside the
/// callback that receives it. Field `i` spans `ends[i-1] + gap ..< ends[i]` of `base` (from 0
/// for the first field); `gap` is 1 when the record is the chunk's own bytes, delimiters
/// included, and 0 when the parser copied its unescaped fields end to end.
struct CSVRow {
    let base: UnsafePointer<UInt8>
    let ends: UnsafePointer<Int>
    let quoted: UnsafePointer<Bool>
    /// Number of fields.
    let count: Int
    /// Physical (1-based) line on which the record starts.
    let line: Int
    /// Physical line on which the record ends (`line` unless a quoted field holds a line end).
    let lastLine: Int
    /// The line on which a quoted field that runs across a line end opened, if any: when such
    /// a record has the wrong field count, that quote is the likely culprit.
    let spanningQuoteLine: Int?
    /// Bytes between one field's end and the next one's start.
    let gap: Int

    init(base: UnsafePointer<UInt8>, ends: UnsafeMutablePointer<Int>,
         quoted: UnsafeMutablePointer<Bool>, count: Int, line: Int, lastLine: Int, spanningQuoteLine: Int?, gap: Int = 0) {
        self.base = base
        self.gap = gap
        self.ends = UnsafePointer(ends)
        self.quoted = UnsafePointer(quoted)
        self.count = count
        self.line = line
        self.lastLine = lastLine
        self.spanningQuoteLine = spanningQuoteLine
    }

    /// The unescaped bytes of field `i`.
    @inline(__always)
    func bytes(_ i: Int) -> UnsafeBufferPointer<UInt8> {
        let start = i == 0 ? 0 : ends[i - 1] + gap
        return UnsafeBufferPointer(start: base + start, count: ends[i] - start)
    }

    /// Whether field `i` was written in quotes.
    @inline(__always)
    func isQuoted(_ i: Int) -> Bool { quoted[i] }

    /// Field `i` decoded as UTF-8 (invalid sequences repaired).
    func string(_ i: Int) -> String { String(decoding: bytes(i), as: UTF8.self) }

    /// All fields as strings.
    func strings() -> [String] { (0..<count).map(string) }
}
