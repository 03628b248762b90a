import TextTrim

/// Which part of an export to measure: all of it, the last full calendar month in it, its
/// last N days, or the days the user names (`--period 2026-10`, `--since`/`--until`).
///
/// A window that depends on the data is placed from the export's own dates, not from today:
/// an export downloaded in November that runs from September 28 to November 20 has October
/// as its last full month. See `resolve(extent:)`.
public enum MeasurementWindow: Sendable, Equatable, CustomStringConvertible {
    /// Every row.
    case all
    /// The last calendar month the export covers from its first day to its last.
    case lastFullMonth
    /// The N days ending on the last day with data.
    case lastDays(Int)
    /// Days from `from` through `through` (both included); a missing end is the export's own.
    case days(from: CalendarDay?, through: CalendarDay?)

    /// The 90 days ending on the last day with data.
    public static let last90Days = MeasurementWindow.lastDays(90)

    /// One calendar month, or `nil` for a month that does not exist.
    public static func month(year: Int, month: Int) -> MeasurementWindow? {
        Period.month(year: year, month: month).map { .days(from: $0.first, through: $0.last) }
    }

    /// Reads `--period`: `all`, `last-month`, `last-90-days` (underscores also accepted, as
    /// checklists write `last_month`), `YYYY-MM` or `YYYY-MM-DD`.
    public init(parsing text: String) throws {
        let key = text.trimmed(.spacesAndTabs).lowercased().replacingUnderscores()
        switch key {
        case "all": self = .all
        case "last-month", "last-full-month": self = .lastFullMonth
        case "last-90-days": self = .last90Days
        default:
            if let day = CalendarDay.parse(key) {
                self = .days(from: day, through: day)
                return
            }
            let parts = key.split(separator: "-")
            if parts.count == 2, parts[0].count == 4, parts[1].count == 2, let y = Int(parts[0]), let m = Int(parts[1]),
               let month = MeasurementWindow.month(year: y, month: m) {
                self = month
                return
            }
            throw PresenceError.invalidPeriod(text)
        }
    }

    /// Reads `--since` and `--until` (`YYYY-MM-DD`, both days included; either may be missing).
    public init(since: String?, until: String?) throws {
        func day(_ text: String?) throws -> CalendarDay? {
            guard let text else { return nil }
            guard let day = CalendarDay.parse(text.trimmed(.spacesAndTabs)) else { throw PresenceError.invalidPeriod(text) }
            return day
        }
        let from = try day(since), through = try day(until)
        if let from, let through, through < from { throw PresenceError.invalidPeriod("\(from) – \(through)") }
        self = from == nil && through == nil ? .all : .days(from: from, through: through)
    }

    /// Whether placing the window needs the export's dates.
    var dependsOnData: Bool {
        switch self {
        case .all: return false
        case .lastFullMonth, .lastDays: return true
        case let .days(from, through): return from == nil || through == nil
        }
    }

    /// The days to measure, given the first and last timestamp of the export (`extent`) and,
    /// when known, today's date; `nil` for `.all`, and when the window depends on dates the
    /// export does not have.
    ///
    /// The last full month is the month of the last row if that month is over (before
    /// `today`) and the rows reach its last week, else the month before: a year's export
    /// ending on November 20 gives October, and so does an October export whose last post
    /// is on October 26. When the rows do not reach back to that month's first week either
    /// (an export of October 14 – November 10), no month is covered; it is then the month of
    /// the last row, and `Coverage` marks it partial. (The week is `Coverage.graceDays`.)
    public func resolve(extent: TimeSpan?, today: CalendarDay? = nil) -> Period? {
        switch self {
        case .all:
            return nil
        case .lastFullMonth:
            guard let extent else { return nil }
            let days = extent.days
            var month = Period.month(of: days.last)
            let isOver = today.map { month.last < $0 } ?? true
            if !isOver || days.last < month.last.adding(days: -Coverage.graceDays) {
                month = Period.month(of: month.first.adding(days: -1))
            }
            if days.first > month.first.adding(days: Coverage.graceDays) { month = Period.month(of: days.last) }
            return month
        case .lastDays(let count):
            guard let extent else { return nil }
            let lastDay = CalendarDay(containing: extent.last)
            return Period(first: lastDay.adding(days: -(max(1, count) - 1)), last: lastDay)
        case let .days(from, through):
            guard let first = from ?? extent.map({ CalendarDay(containing: $0.first) }),
                  let last = through ?? extent.map({ CalendarDay(containing: $0.last) }) else { return nil }
            // `--since` after the export's last day: an empty window, reported as not covered.
            return Period(first: first, last: max(first, last))
        }
    }

    /// `all`, `last full month`, `last 90 days`, `2026-10`, `2026-10-01 – 2026-10-15`, `since 2026-10-01`.
    public var description: String {
        switch self {
        case .all: return "all"
        case .lastFullMonth: return "last full month"
        case .lastDays(let n): return "last \(n) days"
        case let .days(from?, through?):
            let period = Period(first: from, last: through)
            if let period, period.isCalendarMonth { return String(period.first.description.prefix(7)) }
            return period?.description ?? "\(from) – \(through)"
        case let .days(from?, nil): return "since \(from)"
        case let .days(nil, through?): return "until \(through)"
        case .days(nil, nil): return "all"
        }
    }
}

extension String {
    /// The string with `_` read as `-` (`last_month` = `last-month`).
    func replacingUnderscores() -> String { String(map { $0 == "_" ? "-" : $0 }) }
}
