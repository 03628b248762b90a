/// When the rows of an export happened: the first and the last timestamp (seconds since 1970,
/// wall-clock time read as UTC), or for an export that states its date range (GA4) that range.
public struct TimeSpan: Sendable, Equatable, CustomStringConvertible {
    /// The earliest instant.
    public var first: Double
    /// The latest instant.
    public var last: Double
    /// Whether the span is whole days stated by the export (GA4's preamble) rather than the
    /// timestamps of its rows; it is then shown as dates.
    public var isStatedRange: Bool

    /// A span from `first` to `last`.
    public init(first: Double, last: Double, isStatedRange: Bool = false) {
        self.first = first
        self.last = last
        self.isStatedRange = isStatedRange
    }

    /// The span of a stated range of whole days (its last instant is the start of its last day).
    public init(days: Period) {
        self.init(first: days.start, last: days.last.start, isStatedRange: true)
    }

    /// The days the span touches.
    public var days: Period { Period(first: CalendarDay(containing: first), last: CalendarDay(containing: last))! }

    /// Widens `span` to include `time`.
    @inline(__always)
    static func include(_ span: inout TimeSpan?, _ time: Double) {
        if var s = span {
            if time < s.first { s.first = time }
            if time > s.last { s.last = time }
            span = s
        } else {
            span = TimeSpan(first: time, last: time)
        }
    }

    /// The smallest span holding both (either may be missing).
    static func union(_ a: TimeSpan?, _ b: TimeSpan?) -> TimeSpan? {
        guard let a else { return b }
        guard let b else { return a }
        return TimeSpan(first: min(a.first, b.first), last: max(a.last, b.last),
                        isStatedRange: a.isStatedRange && b.isStatedRange)
    }

    /// `2026-10-02 – 2026-10-30`: the days, which is what a reader compares with a month.
    public var description: String { days.description }

    /// `2026-10-02T09:00:00` (no zone: the export's wall-clock time), or the date alone for a
    /// stated range.
    func isoText(_ instant: Double) -> String {
        let day = CalendarDay(containing: instant)
        if isStatedRange { return day.description }
        let seconds = Int((instant - day.start).rounded(.down))
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(day)T\(two(seconds / 3_600)):\(two(seconds / 60 % 60)):\(two(seconds % 60))"
    }
}
