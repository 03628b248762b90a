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
    /// What it measures, for a reader: “median time to a first reply”.
    public let words: String
    /// The platform a platform's own figure is of (`Instagram` in
    /// `posts.by_platform.Instagram.applause_rate`), nil for a total.
    public let platform: String?

    /// The metric a path names, or nil when `measure` computes no such figure. A platform's own
    /// figure (`posts.by_platform.Instagram.applause_rate`) has its metric's unit.
    public init?(path: String) {
        var parts = path.split(separator: ".").map(String.init)
        var platform: String?
        if parts.count > 3, parts[1] == "by_platform" {
            platform = parts[2]
            parts.removeSubrange(1...2)
        }
        guard let kind = parts.first.flatMap(ExportKind.init(rawValue:)), let entry = Self.table[parts.joined(separator: ".")] else { return nil }
        self.path = path
        self.kind = kind
        self.unit = entry.unit
        self.words = entry.words
        self.platform = platform
    }

    /// The value as a person writes it: a share as a fraction still (the question's type makes
    /// it a percentage), a per-follower rate per 100 followers, anything else as it is.
    public func shown(_ value: Double) -> Double { unit == .perFollower ? value * 100 : value }

    /// Every metric a question can be filled from: its unit, and what it measures in words, so
    /// that a report and a prompt name it without internal ids.
    static let table: [String: (unit: Unit, words: String)] = [
        "posts.count": (.count, "number of posts"),
        "posts.applause_rate": (.perPost, "applause rate (likes, shares and comments per post)"),
        "posts.likes_per_post": (.perPost, "likes per post"),
        "posts.amplification_rate": (.perPost, "shares per post"),
        "posts.conversation_rate": (.perPost, "comments per post"),
        "posts.engagement_per_follower": (.perFollower, "interactions relative to followers"),
        "posts.engagement_rate_by_reach.median": (.share, "engagement rate by reach (median)"),
        "posts.engagement_rate_by_reach.mean": (.share, "engagement rate by reach (mean)"),
        "posts.engagement_rate_by_reach.aggregate": (.share, "engagement rate by reach (over all posts)"),
        "posts.engagement_rate_by_impressions.median": (.share, "engagement rate by impressions (median)"),
        "posts.engagement_rate_by_impressions.mean": (.share, "engagement rate by impressions (mean)"),
        "posts.engagement_rate_by_impressions.aggregate": (.share, "engagement rate by impressions (over all posts)"),
        "posts.engagement_rate_by_followers.median": (.share, "engagement rate by followers (median)"),
        "posts.engagement_rate_by_followers.mean": (.share, "engagement rate by followers (mean)"),
        "posts.engagement_rate_by_followers.aggregate": (.share, "engagement rate by followers (over all posts)"),
        "posts.followers_at_end": (.count, "followers at the end of the period"),
        "posts.clustered_updates.clusters": (.count, "bursts of posts published close together"),
        "posts.clustered_updates.posts_in_clusters": (.count, "posts published in bursts"),
        "inbox.messages": (.count, "customer messages"),
        "inbox.response_rate": (.share, "share of customer messages answered"),
        "inbox.first_response_minutes.median": (.minutes, "median time to a first reply"),
        "inbox.first_response_minutes.p90": (.minutes, "time within which 90% of first replies came"),
        "inbox.first_response_minutes.mean": (.minutes, "mean time to a first reply"),
        "inbox.replied_within_60m_share": (.share, "share of messages answered within an hour"),
        "inbox.first_response_business_minutes.median": (.minutes, "median time to a first reply in business hours"),
        "inbox.first_response_business_minutes.p90": (.minutes, "time within which 90% of first replies came, in business hours"),
        "inbox.first_response_business_minutes.mean": (.minutes, "mean time to a first reply in business hours"),
        "followers.first": (.count, "followers at the start of the period"),
        "followers.last": (.count, "followers at the end of the period"),
        "followers.new_followers": (.count, "new followers"),
        "followers.growth_rate": (.share, "follower growth over the period"),
        "followers.monthly_growth_rate": (.share, "follower growth per month"),
        "traffic.sessions": (.count, "website sessions"),
        "traffic.social_sessions": (.count, "website sessions from social media"),
        "traffic.social_share": (.share, "share of website sessions from social media"),
        "traffic.conversion_rate": (.share, "conversion rate of all website sessions"),
        "traffic.social_conversion_rate": (.share, "conversion rate of website sessions from social media"),
        "traffic.organic_social_conversion_rate": (.share, "conversion rate of website sessions from organic social media"),
        "traffic.paid_social_conversion_rate": (.share, "conversion rate of website sessions from paid social media"),
    ]

    /// The paths of every metric, for messages that list what is accepted.
    public static var allPaths: [String] { table.keys.sorted() }

    /// Whether `measure` gives a figure at this path: a metric of the table, or one keyed by a
    /// name the exports give (`posts.by_platform.Instagram.applause_rate`,
    /// `inbox.by_responder.Brand.median_minutes`, `posts.by_type.Video.count`).
    public static func isKnown(_ path: String) -> Bool {
        if Metric(path: path) != nil { return true }
        let parts = path.split(separator: ".")
        return parts.count > 3 && ["by_responder", "by_type"].contains(String(parts[1])) && ExportKind(rawValue: String(parts[0])) != nil
    }
}
