/// A figure `measure` computes, known by its path (`inbox.first_response_minutes.median`): the
/// export it comes from and the unit it is in, so that filling a question converts it once, in
/// one place, instead of guessing the unit from the path's words.
public struct Metric: Sendable, Hashable {
    /// How a figure is expressed.
    public enum Unit: Sendable, Hashable {
        /// A count (posts, followers, clusters).
        case count
        /// A share of a whole, 0…1 (response rate, social share of sessions).
        case share
        /// Interactions per follower, written per 100 followers (0.0604 is 6.04 per 100); more
        /// than 100 is possible, so it is never a percentage.
        case perFollower
        /// An average per post (likes, comments, shares per post).
        case perPost
        /// Minutes (reply times).
        case minutes
    }

    /// The dotted path, as `measure --json` and a checklist's `measure:` name it.
    public let path: String
    /// The kind of export it comes from.
    public let kind: ExportKind
    /// Its unit.
    public let unit: Unit

    /// The metric a path names, or nil when `measure` computes no such figure. A platform's own
    /// figure (`posts.by_platform.Instagram.applause_rate`) has its metric's unit.
    public init?(path: String) {
        var parts = path.split(separator: ".").map(String.init)
        if parts.count > 3, parts[1] == "by_platform" { parts.removeSubrange(1...2) }
        guard let kind = parts.first.flatMap(ExportKind.init(rawValue:)), let unit = Self.units[parts.joined(separator: ".")] else { return nil }
        self.path = path
        self.kind = kind
        self.unit = unit
    }

    /// The value as a person writes it: a share as a fraction still (the question's type makes
    /// it a percentage), a per-follower rate per 100 followers, anything else as it is.
    public func shown(_ value: Double) -> Double { unit == .perFollower ? value * 100 : value }

    /// Every metric a question can be filled from, with its unit.
    static let units: [String: Unit] = [
        "posts.count": .count,
        "posts.applause_rate": .perPost,
        "posts.likes_per_post": .perPost,
        "posts.amplification_rate": .perPost,
        "posts.conversation_rate": .perPost,
        "posts.engagement_per_follower": .perFollower,
        "posts.engagement_rate_by_reach.median": .share, "posts.engagement_rate_by_reach.mean": .share,
        "posts.engagement_rate_by_reach.aggregate": .share,
        "posts.engagement_rate_by_impressions.median": .share, "posts.engagement_rate_by_impressions.mean": .share,
        "posts.engagement_rate_by_impressions.aggregate": .share,
        "posts.engagement_rate_by_followers.median": .share, "posts.engagement_rate_by_followers.mean": .share,
        "posts.engagement_rate_by_followers.aggregate": .share,
        "posts.followers_at_end": .count,
        "posts.clustered_updates.clusters": .count,
        "posts.clustered_updates.posts_in_clusters": .count,
        "inbox.messages": .count,
        "inbox.response_rate": .share,
        "inbox.first_response_minutes.median": .minutes,
        "inbox.first_response_minutes.p90": .minutes,
        "inbox.first_response_minutes.mean": .minutes,
        "inbox.replied_within_60m_share": .share,
        "inbox.first_response_business_minutes.median": .minutes,
        "inbox.first_response_business_minutes.p90": .minutes,
        "inbox.first_response_business_minutes.mean": .minutes,
        "followers.first": .count,
        "followers.last": .count,
        "followers.new_followers": .count,
        "followers.growth_rate": .share,
        "followers.monthly_growth_rate": .share,
        "traffic.sessions": .count,
        "traffic.social_sessions": .count,
        "traffic.social_share": .share,
        "traffic.conversion_rate": .share,
        "traffic.social_conversion_rate": .share,
    ]

    /// The paths of every metric, for messages that list what is accepted.
    public static var allPaths: [String] { units.keys.sorted() }

    /// Whether `measure` gives a figure at this path: a metric of the table, or one keyed by a
    /// name the exports give (`posts.by_platform.Instagram.applause_rate`,
    /// `inbox.by_responder.Brand.median_minutes`, `posts.by_type.Video.count`).
    public static func isKnown(_ path: String) -> Bool {
        if Metric(path: path) != nil { return true }
        let parts = path.split(separator: ".")
        return parts.count > 3 && ["by_responder", "by_type"].contains(String(parts[1])) && ExportKind(rawValue: String(parts[0])) != nil
    }
}
