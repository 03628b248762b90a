import JSONText

/// Everything `smaudit measure` computed: one section per export given (`nil` for the others).
///
/// `json()` prints the one object of issue 8 (snake_case keys in the order, rates as
/// fractions, `null` for a metric the columns cannot support); `value(at:)` reads one figure
/// by its JSON path, e.g. `inbox.first_response_minutes.median`.
public struct PresenceMeasurement: Sendable, Equatable {
    /// Posts metrics, if a posts export was read.
    public var posts: PostsMetrics?
    /// Inbox metrics, if an inbox export was read.
    public var inbox: InboxMetrics?
    /// Follower growth, if a followers series was read.
    public var followers: FollowerMetrics?
    /// Traffic by channel, if a traffic export was read.
    public var traffic: TrafficMetrics?

    /// Creates a measurement.
    public init(posts: PostsMetrics? = nil, inbox: InboxMetrics? = nil,
                followers: FollowerMetrics? = nil, traffic: TrafficMetrics? = nil) {
        self.posts = posts
        self.inbox = inbox
        self.followers = followers
        self.traffic = traffic
    }

    /// The measurement as a JSON tree in the key order.
    public var jsonValue: JSONValue {
        .object([
            .init("posts", posts.map(Self.json) ?? .null),
            .init("inbox", inbox.map(Self.json) ?? .null),
            .init("followers", followers.map(Self.json) ?? .null),
            .init("traffic", traffic.map(Self.json) ?? .null),
        ])
    }

    /// The JSON text: one object on one line.
    public func json() -> String { jsonValue.rendered() }

    /// The number at a dotted JSON path (`posts.engagement_rate_by_reach.median`,
    /// `inbox.by_responder.BrandHandle.median_minutes`); `nil` when absent or `null`.
    public func value(at path: String) -> Double? {
        var node = jsonValue
        for key in path.split(separator: ".", omittingEmptySubsequences: false) {
            guard let next = node[String(key)] else { return nil }
            node = next
        }
        return node.doubleValue
    }

    private static func json(_ r: RateSummary?) -> JSONValue {
        guard let r else { return .null }
        return .object([.init("median", .number(r.median)), .init("mean", .number(r.mean)),
                        .init("aggregate", .number(r.aggregate))])
    }

    private static func json(_ p: PostsMetrics) -> JSONValue {
        .object([
            .init("count", .integer(p.count)),
            .init("skipped_rows", .integer(p.skippedRows)),
            .init("applause_rate", .number(p.applauseRate)),
            .init("likes_per_post", .number(p.likesPerPost)),
            .init("amplification_rate", .number(p.amplificationRate)),
            .init("conversation_rate", .number(p.conversationRate)),
            .init("engagement_rate_by_reach", json(p.engagementRateByReach)),
            .init("engagement_rate_by_impressions", json(p.engagementRateByImpressions)),
            .init("engagement_rate_by_followers", json(p.engagementRateByFollowers)),
            .init("by_type", .object(p.byType.map {
                .init($0.type, .object([.init("count", .integer($0.count)),
                                        .init("engagement_rate_by_reach_median", .number($0.engagementRateByReachMedian))]))
            })),
            .init("clustered_updates", p.clusteredUpdates.map {
                .object([.init("window_minutes", .number($0.windowMinutes)),
                         .init("clusters", .integer($0.clusters)),
                         .init("posts_in_clusters", .integer($0.postsInClusters))])
            } ?? .null),
        ])
    }

    private static func json(_ m: InboxMetrics) -> JSONValue {
        .object([
            .init("messages", .integer(m.messages)),
            .init("skipped_rows", .integer(m.skippedRows)),
            .init("starters", .integer(m.starters)),
            .init("replied", .integer(m.replied)),
            .init("response_rate", .number(m.responseRate)),
            .init("first_response_minutes", m.firstResponseMinutes.map {
                .object([.init("median", .number($0.median)), .init("p90", .number($0.p90)),
                         .init("mean", .number($0.mean))])
            } ?? .null),
            .init("replied_within_60m_share", .number(m.repliedWithin60mShare)),
            .init("by_responder", .object(m.byResponder.map {
                .init($0.responder, .object([.init("replied", .integer($0.replied)),
                                             .init("median_minutes", .number($0.medianMinutes))]))
            })),
        ])
    }

    private static func json(_ f: FollowerMetrics) -> JSONValue {
        .object([
            .init("first", .number(f.first)),
            .init("last", .number(f.last)),
            .init("growth_rate", .number(f.growthRate)),
            .init("monthly_growth_rate", .number(f.monthlyGrowthRate)),
        ])
    }

    private static func json(_ t: TrafficMetrics) -> JSONValue {
        .object([
            .init("sessions", .number(t.sessions)),
            .init("social_sessions", .number(t.socialSessions)),
            .init("social_share", .number(t.socialShare)),
            .init("conversion_rate", .number(t.conversionRate)),
            .init("social_conversion_rate", .number(t.socialConversionRate)),
            .init("by_channel", .object(t.byChannel.map {
                .init($0.channel, .object([.init("sessions", .number($0.sessions)),
                                           .init("conversions", .number($0.conversions))]))
            })),
        ])
    }
}
