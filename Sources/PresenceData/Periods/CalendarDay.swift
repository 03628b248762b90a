import CivilCalendar

/// A date of the proleptic Gregorian calendar, without a time zone. Exports write wall-clock
/// times (Meta in the account's zone, GA4 in the property's), and a month is read in the time
/// the export was written in, so a day is simply a count of 86,400-second steps from 1970.
public struct CalendarDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The year.
    public let year: Int
    /// 1 … 12.
    public let month: Int
    /// 1 … 31.
    public let day: Int

    /// The date, or `nil` when it does not exist (February 30).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= CalendarDay.days(inYear: year, month: month) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The day `daysSinceEpoch` days after 1970-01-01.
    public init(daysSinceEpoch: Int) {
        (year, month, day) = CivilDays.date(daysSinceEpoch)
    }

    /// The day an instant (seconds since 1970, wall-clock time read as UTC) falls on.
    public init(containing seconds: Double) {
        self.init(daysSinceEpoch: Int((seconds / 86_400).rounded(.down)))
    }

    /// Days since 1970-01-01.
    public var daysSinceEpoch: Int { CivilDays.from(year: year, month: month, day: day) }

    /// The instant the day starts, in seconds since 1970.
    public var start: Double { Double(daysSinceEpoch) * 86_400 }

    /// The day `count` days later (earlier when negative).
    public func adding(days count: Int) -> CalendarDay { CalendarDay(daysSinceEpoch: daysSinceEpoch + count) }

    /// Days in a month of a year.
    public static func days(inYear year: Int, month: Int) -> Int { CivilDays.inMonth(month, year: year) }

    /// Reads `YYYY-MM-DD`.
    public static func parse(_ text: String) -> CalendarDay? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        return CalendarDay(year: y, month: m, day: d)
    }

    /// `2026-10-01`.
    public var description: String {
        let y = String(year), m = month < 10 ? "0\(month)" : "\(month)", d = day < 10 ? "0\(day)" : "\(day)"
        return "\(String(repeating: "0", count: max(0, 4 - y.count)))\(y)-\(m)-\(d)"
    }

    /// Earlier days first.
    public static func < (a: CalendarDay, b: CalendarDay) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }
}
