/// A run of whole days, `first` through `last`, both included: a calendar month, the last
/// 90 days, or the days given with `--since` and `--until`.
public struct Period: Sendable, Hashable, CustomStringConvertible {
    /// The first day.
    public let first: CalendarDay
    /// The last day (included).
    public let last: CalendarDay

    /// The days from `first` through `last`, or `nil` when `last` comes before `first`.
    public init?(first: CalendarDay, last: CalendarDay) {
        guard first <= last else { return nil }
        self.first = first
        self.last = last
    }

    /// A calendar month, or `nil` for a month that does not exist.
    public static func month(year: Int, month: Int) -> Period? {
        guard let first = CalendarDay(year: year, month: month, day: 1),
              let last = CalendarDay(year: year, month: month, day: CalendarDay.days(inYear: year, month: month)) else { return nil }
        return Period(first: first, last: last)
    }

    /// The calendar month a day falls in.
    public static func month(of day: CalendarDay) -> Period { month(year: day.year, month: day.month)! }

    /// The instant the period starts, in seconds since 1970.
    public var start: Double { first.start }

    /// The instant just after it ends (the start of the day after `last`).
    public var end: Double { last.start + 86_400 }

    /// Whether an instant falls inside the period.
    @inline(__always)
    public func contains(_ seconds: Double) -> Bool { seconds >= start && seconds < end }

    /// Whether every day of `other` is inside this period.
    public func contains(_ other: Period) -> Bool { first <= other.first && other.last <= last }

    /// Whether the two periods share a day.
    public func overlaps(_ other: Period) -> Bool { first <= other.last && other.first <= last }

    /// Whether the period is exactly one calendar month.
    public var isCalendarMonth: Bool { first.day == 1 && Period.month(of: first) == self }

    /// `Oct 2026` for a calendar month, `2026-10-01 – 2026-10-31` otherwise.
    public var label: String {
        isCalendarMonth ? "\(Period.monthNames[first.month - 1]) \(first.year)" : description
    }

    /// `2026-10-01 – 2026-10-31` (one date for a single day).
    public var description: String { first == last ? "\(first)" : "\(first) – \(last)" }

    /// Three-letter English month names, January first.
    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
}
