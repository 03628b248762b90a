/// Community growth from a dated series of follower counts.
public struct FollowerMetrics: Sendable, Equatable {
    /// An average Gregorian month, 365.2425 / 12 days, in seconds.
    public static let secondsPerMonth = 365.2425 / 12 * 86_400

    /// Count at the earliest date.
    public var first: Double?
    /// Count at the latest date.
    public var last: Double?
    /// (last − first) / first.
    public var growthRate: Double?
    /// Compound monthly growth: (last / first)^(1 / months) − 1, months = span / 30.436875 days.
    public var monthlyGrowthRate: Double?
    /// Followers gained over the period: last − first, or the sum of the days of a series of
    /// followers gained (LinkedIn's export).
    public var newFollowers: Double?
    /// The count at the end of each month of the whole export (not only the period measured),
    /// oldest first: what a chart of followers over time draws.
    public var byMonth: [MonthCount] = []
    /// Rows skipped as malformed (not part of the JSON shape; shown in warnings).
    public var skippedRows: Int
    /// Why a metric is `nil`, by its JSON name.
    public var unavailable: [String: String]

    /// Creates the metrics.
    public init(first: Double? = nil, last: Double? = nil, growthRate: Double? = nil, monthlyGrowthRate: Double? = nil,
                newFollowers: Double? = nil, skippedRows: Int = 0, unavailable: [String: String] = [:]) {
        self.first = first
        self.last = last
        self.growthRate = growthRate
        self.monthlyGrowthRate = monthlyGrowthRate
        self.newFollowers = newFollowers
        self.skippedRows = skippedRows
        self.unavailable = unavailable
    }
}

/// Followers at the end of one month: `2026-10`, 25,010.
public struct MonthCount: Sendable, Equatable, Hashable {
    /// `YYYY-MM`.
    public var month: String
    /// The count.
    public var followers: Double

    public init(month: String, followers: Double) {
        self.month = month
        self.followers = followers
    }

    /// `2026-10`.
    static func label(year: Int, month: Int) -> String { "\(year)-\(month < 10 ? "0" : "")\(month)" }
}
