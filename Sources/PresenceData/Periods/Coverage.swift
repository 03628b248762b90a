/// How well an export covers the window it was measured over: the window, what the export
/// holds, what was measured, and in words why it falls short.
///
/// A caller filling a question about a period answers it only when `isComplete`; otherwise
/// it leaves the question unanswered and shows `note`.
public struct Coverage: Sendable, Equatable {
    /// How much of the window the export holds.
    public enum Status: Int, Sendable, Comparable {
        /// The whole window (or the whole export, when no window was asked for).
        case full
        /// Part of it: the figures are from fewer days than the window has.
        case partial
        /// None of it, or nothing that can be measured over it.
        case none

        /// Better coverage first.
        public static func < (a: Status, b: Status) -> Bool { a.rawValue < b.rawValue }

        /// `full`, `partial`, `none`.
        public var name: String { ["full", "partial", "none"][rawValue] }
    }

    /// The days measured; `nil` when the whole export was (`MeasurementWindow.all`) or when
    /// the window could not be placed.
    public var window: Period?
    /// The first and last timestamp in the export, whatever the window (GA4: its stated range).
    public var extent: TimeSpan?
    /// The first and last timestamp of the rows measured.
    public var span: TimeSpan?
    /// How much of the window the export holds.
    public var status: Status
    /// Why the status is not `full`, e.g. "the posts export covers 2026-10-02 – 2026-10-30, only part of Oct 2026".
    public var note: String?

    /// Creates a coverage.
    public init(window: Period?, extent: TimeSpan?, span: TimeSpan?, status: Status, note: String?) {
        self.window = window
        self.extent = extent
        self.span = span
        self.status = status
        self.note = note
    }

    /// Whether the figures cover the whole window.
    public var isComplete: Bool { status == .full }

    /// Days of grace at each end of a window for rows dated by what happened (posts,
    /// messages, follower counts): an export holds a row only on a day something happened, so
    /// a month's export whose first post is on the 3rd and last on the 26th covers the month.
    /// A week is the longest quiet spell a regularly used account usually has; an export that
    /// starts or ends further inside the window is reported as covering part of it.
    public static let graceDays = 7

    /// The coverage of rows with their own timestamps: full when the rows come within
    /// `graceDays` of both ends of the window. `what` names the export in the note.
    static func of(_ requested: MeasurementWindow, window: Period?, extent: TimeSpan?, span: TimeSpan?, what: String) -> Coverage {
        if requested == .all { return Coverage(window: nil, extent: extent, span: span, status: .full, note: nil) }
        guard let extent else {
            return Coverage(window: window, extent: nil, span: span, status: .none,
                            note: "\(what) has no dated rows to measure \(requested) from")
        }
        guard let window else {
            return Coverage(window: nil, extent: extent, span: span, status: .none, note: "\(what) has no dated rows")
        }
        let days = extent.days
        guard days.overlaps(window) else {
            return Coverage(window: window, extent: extent, span: span, status: .none,
                            note: "\(what) covers \(days), outside \(window.label)")
        }
        if reaches(days, window) { return Coverage(window: window, extent: extent, span: span, status: .full, note: nil) }
        return Coverage(window: window, extent: extent, span: span, status: .partial,
                        note: "\(what) covers \(days), only part of \(window.label)")
    }

    /// Whether dated rows spanning `days` reach within `graceDays` of both ends of `window`.
    static func reaches(_ days: Period, _ window: Period) -> Bool {
        days.first <= window.first.adding(days: graceDays) && days.last >= window.last.adding(days: -graceDays)
    }

    /// The coverage of an export that states one date range for all its rows and has no date
    /// per row (a GA4 report), so it can only be used whole: `include` says whether it was.
    static func ofStatedRange(_ requested: MeasurementWindow, window: Period?, range: Period?, what: String)
        -> (coverage: Coverage, include: Bool) {
        let extent = range.map(TimeSpan.init(days:))
        if requested == .all { return (Coverage(window: nil, extent: extent, span: extent, status: .full, note: nil), true) }
        guard let range else {
            return (Coverage(window: window, extent: nil, span: nil, status: .none,
                             note: "\(what) states no date range and has no date column"), false)
        }
        guard let window else {
            return (Coverage(window: nil, extent: extent, span: nil, status: .none, note: "\(what) has no dated rows"), false)
        }
        if range == window { return (Coverage(window: window, extent: extent, span: extent, status: .full, note: nil), true) }
        if window.contains(range) {
            return (Coverage(window: window, extent: extent, span: extent, status: .partial,
                             note: "\(what) covers \(range), only part of \(window.label)"), true)
        }
        if !range.overlaps(window) {
            return (Coverage(window: window, extent: extent, span: nil, status: .none,
                             note: "\(what) covers \(range), outside \(window.label)"), false)
        }
        return (Coverage(window: window, extent: extent, span: nil, status: .none,
                         note: "\(what) sums \(range) with no date per row, so \(window.label) cannot be taken out of it: "
                            + "export \(window.label) alone"), false)
    }

    /// The coverage of several parts measured together (the platforms of one kind): the
    /// worst status, its note (named by its part when there are several), and the spans joined.
    static func combined(_ parts: [(name: String, coverage: Coverage)]) -> Coverage {
        guard let first = parts.first?.coverage else { return Coverage(window: nil, extent: nil, span: nil, status: .full, note: nil) }
        var result = first
        var worst = parts[0]
        for part in parts.dropFirst() {
            result.extent = TimeSpan.union(result.extent, part.coverage.extent)
            result.span = TimeSpan.union(result.span, part.coverage.span)
            if result.window == nil { result.window = part.coverage.window }
            if part.coverage.status > worst.coverage.status { worst = part }
        }
        result.status = worst.coverage.status
        result.note = worst.coverage.note.map { parts.count > 1 ? "\(worst.name): \($0)" : $0 }
        return result
    }
}
