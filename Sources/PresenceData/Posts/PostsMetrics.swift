/// Metrics of a posts export. A metric the columns cannot support is `nil`, and `unavailable`
/// says why, keyed by the metric's JSON name (e.g. `"engagement_rate_by_impressions": "no impressions column"`).
public struct PostsMetrics: Sendable, Equatable {
    /// Posts read.
    public var count: Int
    /// Rows skipped as malformed.
    public var skippedRows: Int
    /// Mean of likes + comments + shares per post (seed 001's applause rate).
    public var applauseRate: Double?
    /// Mean likes per post.
    public var likesPerPost: Double?
    /// Mean shares per post.
    public var amplificationRate: Double?
    /// Mean comments per post.
    public var conversationRate: Double?
    /// Engagement / reach.
    public var engagementRateByReach: RateSummary?
    /// Engagement / impressions.
    public var engagementRateByImpressions: RateSummary?
    /// Engagement / followers at the time of the post.
    public var engagementRateByFollowers: RateSummary?
    /// Per post type, sorted by type name.
    public var byType: [TypeStatistics]
    /// Clustered updates, `nil` without timestamps.
    public var clusteredUpdates: ClusteredUpdates?
    /// Total engagement (likes + comments + shares) of the posts in the period divided by the
    /// follower count at the end of the period (seed 002's share of followers who engage, as
    /// an upper bound: a person who engages twice counts twice).
    public var engagementPerFollower: Double?
    /// The follower count that divides: from the followers series at the end of the period,
    /// else the followers column of the latest post.
    public var followersAtEnd: Double?
    /// Why a metric is `nil`, by its JSON name.
    public var unavailable: [String: String]
    /// The account or page names of the posts measured, where the export names them.
    public var accounts: [String] = []
    /// Each account's own figures, by name, when the export names several accounts.
    public var byAccount: [AccountStatistics] = []

    /// Creates the metrics.
    public init(count: Int = 0, skippedRows: Int = 0, applauseRate: Double? = nil, likesPerPost: Double? = nil,
                amplificationRate: Double? = nil, conversationRate: Double? = nil,
                engagementRateByReach: RateSummary? = nil, engagementRateByImpressions: RateSummary? = nil,
                engagementRateByFollowers: RateSummary? = nil, byType: [TypeStatistics] = [],
                clusteredUpdates: ClusteredUpdates? = nil, engagementPerFollower: Double? = nil,
                followersAtEnd: Double? = nil, unavailable: [String: String] = [:]) {
        self.count = count
        self.skippedRows = skippedRows
        self.applauseRate = applauseRate
        self.likesPerPost = likesPerPost
        self.amplificationRate = amplificationRate
        self.conversationRate = conversationRate
        self.engagementRateByReach = engagementRateByReach
        self.engagementRateByImpressions = engagementRateByImpressions
        self.engagementRateByFollowers = engagementRateByFollowers
        self.byType = byType
        self.clusteredUpdates = clusteredUpdates
        self.engagementPerFollower = engagementPerFollower
        self.followersAtEnd = followersAtEnd
        self.unavailable = unavailable
    }
}
