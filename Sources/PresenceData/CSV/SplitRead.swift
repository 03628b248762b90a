#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Asks a scan to stop at a byte offset when a record starts exactly there: the first half of
/// a split read. When the offset falls inside a record (a quoted field holding a line end),
/// the scan reads on to the end of the file instead, and `line` stays nil.
final class ScanStop: @unchecked Sendable {
    /// Where the second half starts: just after a line end.
    let offset: Int
    /// The line of the record at `offset`, once the scan stopped there.
    var line: Int?
    /// The line ends found at the start of the file (a split needs `\n` ones).
    var lineEnd: CSVParser.LineEnd?

    init(offset: Int) { self.offset = offset }
}

/// Where the second half of a split read starts, and what the first half's header said.
struct TailStart: Sendable {
    /// The byte just after a line end.
    let offset: Int
    /// The physical line number of the record there.
    let line: Int
    let delimiter: UInt8
    /// The header's field count.
    let columns: Int
}

/// Splits a big export in two halves read at the same time, on the two cores of a laptop: the
/// second half starts just after the line end nearest the middle, on the line the first half
/// would have reached there (line ends counted in a pass as fast as `wc -l`). The first half
/// stops there only if a record starts there; if that line end was inside a quoted field, the
/// first half reads on to the end and the second half's work is thrown away, so a split never
/// changes what is read.
enum SplitRead {
    /// Below this size a file is read in one piece: the second thread would not pay for itself.
    static let minimumBytes = 8 << 20

    /// The offset just after the first `\n` from the middle of the file, and the physical line
    /// number there; nil for a small file, one that is not a plain file, or one without a line
    /// end past the middle.
    static func midpoint(of reader: CSVReader, from minimum: Int = minimumBytes) -> (offset: Int, line: Int)? {
        guard case .file(let path) = reader.source, let size = reader.byteCount, size >= minimum else { return nil }
        let fd = open(path, O_RDONLY)
        if fd < 0 { return nil }
        defer { close(fd) }
        let chunk = 1 << 20
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: chunk)
        defer { buffer.deallocate() }
        var offset = 0
        var lines = 1
        var middle: Int?
        // Count line ends up to the middle, then find the next one.
        while middle == nil {
            let n = pread(fd, buffer, chunk, off_t(offset))
            if n <= 0 { return nil }
            var i = 0
            let limit = size / 2 - offset
            while i < n, let found = memchr(buffer + i, Int32(UInt8(ascii: "\n")), n - i) {
                let at = UnsafeMutableRawPointer(found).assumingMemoryBound(to: UInt8.self) - buffer
                lines += 1
                i = at + 1
                if at >= limit { middle = offset + i; break }
            }
            offset += n
        }
        guard let middle, middle < size else { return nil }
        return (middle, lines)
    }
}
