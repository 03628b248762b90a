/// A moment as the audit files write it, `2026-11-23T10:00:00Z`: whole seconds since
/// 1970-01-01T00:00:00Z, UTC. One type for the times sessions and decisions are stamped with,
/// instead of strings cut at their tenth character for the day and parsed back.
public struct Timestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Seconds since 1970-01-01T00:00:00Z.
    public let seconds: Int64

    public init(seconds: Int64) { self.seconds = seconds }

    /// Reads `YYYY-MM-DDTHH:MM:SSZ` (also with a space for the `T`, or a date alone, at
    /// midnight); nil for anything else.
    public init?(iso text: String) {
        let b = Array(text.utf8)
        func number(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= b.count else { return nil }
            var value = 0
            for c in b[from..<(from + count)] {
                guard c >= 0x30 && c <= 0x39 else { return nil }
                value = value * 10 + Int(c - 0x30)
            }
            return value
        }
        guard b.count >= 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
              let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
              (1...12).contains(month), (1...CivilDays.inMonth(month, year: year)).contains(day) else { return nil }
        var seconds = Int64(CivilDays.from(year: year, month: month, day: day)) * 86_400
        if b.count > 10 {
            guard b.count == 19 || (b.count == 20 && b[19] == UInt8(ascii: "Z")),
                  b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: " "), b[13] == UInt8(ascii: ":"), b[16] == UInt8(ascii: ":"),
                  let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
                  hour < 24, minute < 60, second < 61 else { return nil }
            seconds += Int64(hour * 3_600 + minute * 60 + second)
        }
        self.seconds = seconds
    }

    /// The calendar day as days since 1970-01-01 (negative before it).
    public var dayNumber: Int { Int(seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400) }

    /// The calendar day, as year, month and day.
    public var day: (year: Int, month: Int, day: Int) { CivilDays.date(dayNumber) }

    /// `2026-11-23`.
    public var dayText: String {
        let d = day
        return Self.digits(d.year, 4) + "-" + Self.digits(d.month, 2) + "-" + Self.digits(d.day, 2)
    }

    /// `2026-11-23T10:00:00Z`.
    public var description: String {
        let inDay = Int(((seconds % 86_400) + 86_400) % 86_400)
        return dayText + "T" + Self.digits(inDay / 3_600, 2) + ":" + Self.digits(inDay / 60 % 60, 2) + ":"
            + Self.digits(inDay % 60, 2) + "Z"
    }

    public static func < (a: Timestamp, b: Timestamp) -> Bool { a.seconds < b.seconds }

    private static func digits(_ n: Int, _ width: Int) -> String {
        let text = String(n)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
