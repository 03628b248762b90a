import CivilCalendar

/// Parses export timestamps straight from bytes into seconds since 1970-01-01T00:00:00Z.
///
/// Accepted forms (surrounding spaces ignored; a time without a zone is taken as UTC, so
/// differences between two naive times are right whatever the zone):
/// - ISO 8601 and its common variants: `2017-10-31`, `2017-10-31T22:10`, `2017-10-31 22:10:47`,
///   `2017-10-31T22:10:47.125Z`, `2017-10-31T22:10:47+01:00`, `… +0100`, `… +01`;
/// - `YYYY-MM-DD HH:MM[:SS]` (the space form of the above);
/// - Twitter's `Tue Oct 31 22:10:47 +0000 2017`;
/// - US-style `10/31/2017 22:10[:47]` or `10/31/2017 10:10 PM` (Facebook's "Posted" column,
///   Meta Business Suite's `10/03/2026 08:31`, LinkedIn's `10/01/2026`);
/// - a month name first, `Oct 3, 2026` or `October 3 2026 14:05` (YouTube Studio);
/// - `20261031` (GA4's Date dimension).
///
/// Hand-written rather than `DateFormatter`/`ISO8601FormatStyle` because it runs once per row
/// of million-row files and must not allocate.
public enum TimestampParser {
    /// Parses a string; `nil` when it is not one of the accepted forms.
    public static func parse(_ text: String) -> Double? {
        var text = text
        return text.withUTF8 { parse($0) }
    }

    /// Parses bytes; `nil` when they are not one of the accepted forms.
    public static func parse(_ raw: UnsafeBufferPointer<UInt8>) -> Double? {
        let b = FieldParser.trimmed(raw)
        if b.count < 8 { return nil }
        if b.count == 8, let year = digits(b, 0, 4), let month = digits(b, 4, 2), let day = digits(b, 6, 2) {
            return seconds(year: year, month: month, day: day, hour: 0, minute: 0, second: 0)
        }
        if isDigit(b[0]) && isDigit(b[1]) && isDigit(b[2]) && isDigit(b[3]) && b[4] == UInt8(ascii: "-") {
            return wholeSeconds(b) ?? iso(b)
        }
        if isLetter(b[0]) { return twitter(b) ?? monthFirst(b) }
        if isDigit(b[0]) { return usStyle(b) }
        return nil
    }

    @inline(__always) static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    @inline(__always) private static func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }

    /// Reads exactly `count` digits at `i`.
    @inline(__always)
    private static func digits(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ count: Int) -> Int? {
        if i + count > b.count { return nil }
        var v = 0
        for k in i..<(i + count) {
            let c = b[k]
            if !isDigit(c) { return nil }
            v = v * 10 + Int(c - 0x30)
        }
        return v
    }

    /// Reads one or two digits at `i`, advancing `i`.
    @inline(__always)
    private static func oneOrTwoDigits(_ b: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> Int? {
        guard i < b.count, isDigit(b[i]) else { return nil }
        var v = Int(b[i] - 0x30)
        i += 1
        if i < b.count, isDigit(b[i]) { v = v * 10 + Int(b[i] - 0x30); i += 1 }
        return v
    }

    private static func seconds(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) -> Double? {
        guard (1...12).contains(month), (1...31).contains(day), (0...24).contains(hour),
              (0...59).contains(minute), (0...60).contains(second) else { return nil }
        let days = CivilDays.from(year: year, month: month, day: day)
        return Double(days * 86_400 + hour * 3_600 + minute * 60 + second)
    }

    /// `HH:MM[:SS[.fff]]` at `i`; returns hour, minute, second, fraction, advancing `i`.
    private static func clock(_ b: UnsafeBufferPointer<UInt8>, _ i: inout Int)
        -> (hour: Int, minute: Int, second: Int, fraction: Double)? {
        guard let hour = oneOrTwoDigits(b, &i), i < b.count, b[i] == UInt8(ascii: ":"),
              let minute = digits(b, i + 1, 2) else { return nil }
        i += 3
        var second = 0
        var fraction = 0.0
        if i < b.count, b[i] == UInt8(ascii: ":") {
            guard let s = digits(b, i + 1, 2) else { return nil }
            second = s
            i += 3
            if i < b.count, b[i] == UInt8(ascii: ".") || b[i] == UInt8(ascii: ",") {
                i += 1
                var scale = 0.1
                let start = i
                while i < b.count, isDigit(b[i]) {
                    fraction += Double(b[i] - 0x30) * scale
                    scale /= 10
                    i += 1
                }
                if i == start { return nil }
            }
        }
        return (hour, minute, second, fraction)
    }

    /// `Z`, `±HH`, `±HHMM`, `±HH:MM` (optionally after a space) at `i`, or nothing; the offset in seconds.
    private static func zone(_ b: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> Int? {
        if i < b.count, b[i] == UInt8(ascii: " ") { i += 1 }
        if i == b.count { return 0 }
        let c = b[i]
        if c == UInt8(ascii: "Z") || c == UInt8(ascii: "z") { i += 1; return 0 }
        if b.count - i == 3, c | 0x20 == UInt8(ascii: "u"), b[i + 1] | 0x20 == UInt8(ascii: "t"), b[i + 2] | 0x20 == UInt8(ascii: "c") {
            i += 3
            return 0
        }
        guard c == UInt8(ascii: "+") || c == UInt8(ascii: "-"), let hours = digits(b, i + 1, 2) else { return nil }
        i += 3
        var minutes = 0
        if i < b.count, b[i] == UInt8(ascii: ":") { i += 1 }
        if i < b.count {
            guard let m = digits(b, i, 2) else { return nil }
            minutes = m
            i += 2
        }
        let offset = hours * 3_600 + minutes * 60
        return c == UInt8(ascii: "-") ? -offset : offset
    }

    /// The form most exports write, `2017-10-31 22:10:47` or `2017-10-31T22:10:47Z`, read
    /// field by field at fixed places (it is most of a posts file's dates); nil for any other
    /// form, which `iso` reads.
    @inline(__always)
    static func wholeSeconds(_ b: UnsafeBufferPointer<UInt8>) -> Double? {
        guard b.count == 19 || (b.count == 20 && b[19] | 0x20 == UInt8(ascii: "z")),
              b[7] == UInt8(ascii: "-"), b[10] == UInt8(ascii: " ") || b[10] == UInt8(ascii: "T"),
              b[13] == UInt8(ascii: ":"), b[16] == UInt8(ascii: ":") else { return nil }
        @inline(__always) func pair(_ i: Int) -> Int {
            let tens = b[i] &- 0x30, ones = b[i + 1] &- 0x30
            return tens > 9 || ones > 9 ? -1 : Int(tens) * 10 + Int(ones)
        }
        let century = pair(0), years = pair(2), month = pair(5), day = pair(8)
        let hour = pair(11), minute = pair(14), second = pair(17)
        guard century >= 0, years >= 0, month >= 0, day >= 0, hour >= 0, minute >= 0, second >= 0 else { return nil }
        return seconds(year: century * 100 + years, month: month, day: day, hour: hour, minute: minute, second: second)
    }

    static func iso(_ b: UnsafeBufferPointer<UInt8>) -> Double? {
        guard let year = digits(b, 0, 4), let month = digits(b, 5, 2), b.count >= 10,
              b[7] == UInt8(ascii: "-"), let day = digits(b, 8, 2) else { return nil }
        if b.count == 10 { return seconds(year: year, month: month, day: day, hour: 0, minute: 0, second: 0) }
        guard b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: "t") || b[10] == UInt8(ascii: " ") else { return nil }
        var i = 11
        guard let time = clock(b, &i), let offset = zone(b, &i), i == b.count,
              let base = seconds(year: year, month: month, day: day, hour: time.hour, minute: time.minute, second: time.second)
        else { return nil }
        return base - Double(offset) + time.fraction
    }

    private static let monthNames: [UInt32] = ["jan", "feb", "mar", "apr", "may", "jun",
                                               "jul", "aug", "sep", "oct", "nov", "dec"].map(code)

    private static func code(_ s: String) -> UInt32 {
        s.utf8.reduce(0) { $0 << 8 | UInt32($1 | 0x20) }
    }

    /// `Tue Oct 31 22:10:47 +0000 2017`.
    private static func twitter(_ b: UnsafeBufferPointer<UInt8>) -> Double? {
        guard b.count >= 26, b[3] == UInt8(ascii: " "), b[7] == UInt8(ascii: " ") else { return nil }
        let monthCode = UInt32(b[4] | 0x20) << 16 | UInt32(b[5] | 0x20) << 8 | UInt32(b[6] | 0x20)
        guard let monthIndex = monthNames.firstIndex(of: monthCode) else { return nil }
        var i = 8
        if b[i] == UInt8(ascii: " ") { i += 1 }
        guard let day = oneOrTwoDigits(b, &i), i < b.count, b[i] == UInt8(ascii: " ") else { return nil }
        i += 1
        guard let time = clock(b, &i), i < b.count, b[i] == UInt8(ascii: " ") else { return nil }
        i += 1
        guard i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-"),
              let hours = digits(b, i + 1, 2), let minutes = digits(b, i + 3, 2) else { return nil }
        let offset = (hours * 3_600 + minutes * 60) * (b[i] == UInt8(ascii: "-") ? -1 : 1)
        i += 5
        guard i < b.count, b[i] == UInt8(ascii: " "), let year = digits(b, i + 1, 4), i + 5 == b.count,
              let base = seconds(year: year, month: monthIndex + 1, day: day, hour: time.hour,
                                 minute: time.minute, second: time.second)
        else { return nil }
        return base - Double(offset) + time.fraction
    }

    /// `M/D/YYYY[ H:MM[:SS][ AM|PM]]`.
    private static func usStyle(_ b: UnsafeBufferPointer<UInt8>) -> Double? {
        var i = 0
        guard let month = oneOrTwoDigits(b, &i), i < b.count, b[i] == UInt8(ascii: "/") else { return nil }
        i += 1
        guard let day = oneOrTwoDigits(b, &i), i < b.count, b[i] == UInt8(ascii: "/"),
              let year = digits(b, i + 1, 4) else { return nil }
        i += 5
        return dateAndOptionalTime(b, &i, year: year, month: month, day: day)
    }

    /// `Oct 3, 2026`, `October 3 2026`, then an optional time as in `usStyle`.
    private static func monthFirst(_ b: UnsafeBufferPointer<UInt8>) -> Double? {
        guard b.count >= 3 else { return nil }
        let monthCode = UInt32(b[0] | 0x20) << 16 | UInt32(b[1] | 0x20) << 8 | UInt32(b[2] | 0x20)
        guard let monthIndex = monthNames.firstIndex(of: monthCode) else { return nil }
        var i = 3
        while i < b.count, isLetter(b[i]) { i += 1 }
        if i < b.count, b[i] == UInt8(ascii: ".") { i += 1 }
        guard i < b.count, b[i] == UInt8(ascii: " ") else { return nil }
        i += 1
        guard let day = oneOrTwoDigits(b, &i) else { return nil }
        if i < b.count, b[i] == UInt8(ascii: ",") { i += 1 }
        guard i < b.count, b[i] == UInt8(ascii: " "), let year = digits(b, i + 1, 4) else { return nil }
        i += 5
        return dateAndOptionalTime(b, &i, year: year, month: monthIndex + 1, day: day)
    }

    /// The end of a date at `i`, or a space and `H:MM[:SS][ AM|PM]` to the end of the text.
    private static func dateAndOptionalTime(_ b: UnsafeBufferPointer<UInt8>, _ i: inout Int,
                                            year: Int, month: Int, day: Int) -> Double? {
        if i == b.count { return seconds(year: year, month: month, day: day, hour: 0, minute: 0, second: 0) }
        guard b[i] == UInt8(ascii: " ") else { return nil }
        i += 1
        guard var time = clock(b, &i) else { return nil }
        if i < b.count {
            if b[i] == UInt8(ascii: " ") { i += 1 }
            guard i + 2 == b.count, b[i + 1] | 0x20 == UInt8(ascii: "m"), time.hour >= 1, time.hour <= 12 else { return nil }
            let marker = b[i] | 0x20
            if marker == UInt8(ascii: "a") {
                if time.hour == 12 { time.hour = 0 }
            } else if marker == UInt8(ascii: "p") {
                if time.hour != 12 { time.hour += 12 }
            } else {
                return nil
            }
            i += 2
        }
        guard let base = seconds(year: year, month: month, day: day, hour: time.hour,
                                 minute: time.minute, second: time.second) else { return nil }
        return base + time.fraction
    }
}
