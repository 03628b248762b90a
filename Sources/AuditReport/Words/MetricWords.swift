/// A measured metric's path (`inbox.first_response_minutes.median`) in words (“median time to a
/// first reply”) and the kind of export it came from (“the inbox export”), so the report shows
/// no internal ids. Paths the table does not know are spelled out from their parts.
enum MetricWords {
    /// What the metric measures.
    static func words(_ metric: String) -> String {
        var parts = metric.split(separator: ".").map(String.init)
        var platform: String?
        if parts.count > 3, parts[1] == "by_platform" {
            platform = parts[2]
            parts.removeSubrange(1...2)
        }
        let key = parts.joined(separator: ".")
        let words = known[key] ?? spelled(parts.dropFirst().isEmpty ? parts : Array(parts.dropFirst()))
        return platform.map { "\(words) on \($0)" } ?? words
    }

    /// The kind of export, as a reader names it: `inbox export`.
    static func export(_ metric: String) -> String {
        switch metric.split(separator: ".").first.map(String.init) {
        case "posts": "posts export"
        case "inbox": "inbox export"
        case "followers": "follower export"
        case "traffic": "web analytics export"
        default: "export"
        }
    }

    private static let known: [String: String] = [
        "posts.count": "number of posts",
        "posts.applause_rate": "applause rate (likes, shares and comments per post)",
        "posts.likes_per_post": "likes per post",
        "posts.amplification_rate": "shares per post",
        "posts.conversation_rate": "comments per post",
        "posts.engagement_per_follower": "interactions relative to followers",
        "posts.followers_at_end": "followers at the end of the period",
        "posts.clustered_updates.clusters": "bursts of posts published close together",
        "posts.clustered_updates.posts_in_clusters": "posts published in bursts",
        "inbox.messages": "customer messages",
        "inbox.response_rate": "share of customer messages answered",
        "inbox.first_response_minutes.median": "median time to a first reply",
        "inbox.first_response_minutes.p90": "time within which 90% of first replies came",
        "inbox.first_response_minutes.mean": "mean time to a first reply",
        "inbox.replied_within_60m_share": "share of messages answered within an hour",
        "followers.first": "followers at the start of the period",
        "followers.last": "followers at the end of the period",
        "followers.growth_rate": "follower growth over the period",
        "followers.monthly_growth_rate": "follower growth per month",
        "followers.new_followers": "new followers",
        "traffic.sessions": "website sessions",
        "traffic.social_sessions": "website sessions from social media",
        "traffic.social_share": "share of website sessions from social media",
        "traffic.conversion_rate": "conversion rate of all website sessions",
        "traffic.social_conversion_rate": "conversion rate of website sessions from social media",
    ]

    /// `engagement_rate_by_reach.median` → `engagement rate by reach (median)`.
    private static func spelled(_ parts: [String]) -> String {
        let words = parts.map { $0.split(separator: "_").joined(separator: " ") }
        guard words.count > 1 else { return words.first ?? "" }
        let statistic = ["median": "median", "mean": "mean", "aggregate": "over all posts", "p90": "90th percentile"]
        if let last = parts.last, let name = statistic[last] {
            return words.dropLast().joined(separator: ", ") + " (\(name))"
        }
        return words.joined(separator: ", ")
    }
}
