#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import AuditKit
import PresenceData

/// The progress line of a long import on a terminal: `reading posts.csv: 412.3 MB of 1.2 GB
/// (34%), 3,400,000 rows, 180.2 MB/s`. Nothing is drawn until the import has run for `delay`
/// seconds (a short import shows nothing); then the line is redrawn in place (carriage return
/// and erase-to-end-of-line) at most every `interval` seconds, and always at a file's last
/// chunk, and `finish()` erases it.
///
/// The caller decides whether there is a terminal to draw on; the clock is injectable so the
/// timing can be tested without waiting.
final class ProgressLine {
    private let delay: Double
    private let interval: Double
    private let clock: () -> Double
    private let write: (String) -> Void
    private let start: Double
    private var lastDraw = -Double.infinity
    private var drawn = false
    private var file = ""
    private var fileStart = 0.0

    /// A line that appears after `delay` seconds; `write` puts text on the terminal.
    init(delay: Double = 1, interval: Double = 0.1, clock: @escaping () -> Double = ProgressLine.monotonicSeconds,
                write: @escaping (String) -> Void) {
        self.delay = delay
        self.interval = interval
        self.clock = clock
        self.write = write
        start = clock()
    }

    /// Redraws the line for `progress` when it is due.
    func update(_ progress: ImportProgress) {
        let now = clock()
        let key = progress.file + (progress.isDatePass ? "\u{0}dates" : "")
        if key != file {
            file = key
            fileStart = now
        }
        // The last chunk of a file is always drawn once the line shows: the line must end on
        // 100 % and every row, not on whatever the clock let through last.
        let complete = progress.totalBytes.map { progress.bytesRead >= $0 } ?? false
        guard now - start >= delay, now - lastDraw >= interval || (complete && drawn) else { return }
        lastDraw = now
        drawn = true
        write("\r" + Self.text(progress, seconds: now - fileStart) + "\u{1B}[K")
    }

    /// Erases the line, if one was drawn.
    func finish() {
        if drawn { write("\r\u{1B}[K") }
        drawn = false
    }

    /// `reading posts.csv: 412.3 MB of 1.2 GB (34%), 3,400,000 rows, 180.2 MB/s`; `seconds` is
    /// how long this file has been read.
    static func text(_ p: ImportProgress, seconds: Double) -> String {
        var name = p.file
        if name.count > 40 { name = "…" + name.suffix(39) }
        var text = (p.isDatePass ? "reading the dates in " : "reading ") + name + ": " + bytes(p.bytesRead)
        if let total = p.totalBytes, total > 0 {
            text += " of " + bytes(total) + " (\(min(100, p.bytesRead * 100 / total))%)"
        }
        text += ", " + grouped(p.rows) + (p.rows == 1 ? " row" : " rows")
        if seconds > 0 { text += ", " + bytes(Int(Double(p.bytesRead) / seconds)) + "/s" }
        return text
    }

    /// `950 B`, `12.4 KB`, `412.3 MB`, `1.2 GB` (powers of 1,000, as file managers show sizes).
    static func bytes(_ n: Int) -> String {
        if n < 1_000 { return "\(n) B" }
        let units = ["KB", "MB", "GB", "TB"]
        var value = Double(n) / 1_000
        var unit = 0
        while value >= 1_000 && unit < units.count - 1 {
            value /= 1_000
            unit += 1
        }
        return DecimalFormat.trimmed((value * 10).rounded() / 10, decimals: 1) + " " + units[unit]
    }

    /// `3,400,000`.
    static func grouped(_ n: Int) -> String {
        var digits = String(n.magnitude)
        var out = ""
        while digits.count > 3 {
            out = "," + digits.suffix(3) + out
            digits.removeLast(3)
        }
        return (n < 0 ? "-" : "") + digits + out
    }

    /// Seconds from an arbitrary start, never going back.
    static func monotonicSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
}
