/// Posts of one type (`Photo`, `Link`, `Video`…): how many, and their median engagement rate by reach.
public struct TypeStatistics: Sendable, Equatable {
    /// The type as written in the export (`(none)` for an empty cell).
    public var type: String
    /// Posts of this type.
    public var count: Int
    /// Median engagement / reach over the posts of this type with reach > 0; `nil` without reach.
    public var engagementRateByReachMedian: Double?

    /// Creates the statistics of one type.
    public init(type: String, count: Int, engagementRateByReachMedian: Double?) {
        self.type = type
        self.count = count
        self.engagementRateByReachMedian = engagementRateByReachMedian
    }
}
