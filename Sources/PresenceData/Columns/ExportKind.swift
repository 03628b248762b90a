/// The kinds of export `smaudit measure` reads, and the generic column names of each (the
/// recognised platform layouts are in `ExportFormat`).
public enum ExportKind: String, Sendable, CaseIterable {
    /// Posts with reach and reactions (Facebook Page Insights, or a generic posts file).
    case posts
    /// Customer messages and brand replies (Twitter customer-support style, or generic), or
    /// helpdesk tickets with their first reply (Zendesk, Freshdesk).
    case inbox
    /// A dated series of follower counts.
    case followers
    /// Web analytics sessions and conversions by channel.
    case traffic

    /// The kind a metric path reads (`inbox.response_rate` → inbox), nil for none.
    public init?(metric: String) {
        self.init(rawValue: String(metric.prefix(while: { $0 != "." })))
    }

    /// The fields this kind reads, in the order they are looked for.
    public var fields: [ColumnMapping.Field] {
        switch self {
        case .posts: return [.date, .type, .reach, .impressions, .likes, .comments, .shares, .followers, .account]
        case .inbox: return [.id, .from, .inbound, .time, .inReplyTo, .channel, .firstReplyMinutes, .firstReplyBusinessMinutes,
                             .firstReplyAt, .replies]
        case .followers: return [.date, .followers]
        case .traffic: return [.channel, .sessions, .conversions, .keyEventRate, .date]
        }
    }

    /// Fields without which the file is not this kind of export. For posts at least one of
    /// the counts must be present (see `satisfied(by:)`).
    var required: [ColumnMapping.Field] {
        switch self {
        case .posts: return [.likes, .comments, .shares, .reach, .impressions]
        case .inbox: return [.id, .inbound, .inReplyTo]
        case .followers: return [.date, .followers]
        case .traffic: return [.channel, .sessions]
        }
    }

    /// Whether the found fields are enough to measure anything.
    func satisfied(by found: Set<ColumnMapping.Field>) -> Bool {
        switch self {
        case .posts: return !found.isDisjoint(with: required)
        // Messages with their links, or tickets with their creation time and first reply.
        case .inbox: return required.allSatisfy(found.contains) || Self.isTicketLayout(found)
        default: return required.allSatisfy(found.contains)
        }
    }

    /// Whether the columns found are those of a helpdesk ticket export: one row per ticket,
    /// with its creation time and its first reply (minutes or the time).
    static func isTicketLayout(_ found: Set<ColumnMapping.Field>) -> Bool {
        !found.contains(.inbound) && found.contains(.time) && (found.contains(.firstReplyMinutes) || found.contains(.firstReplyAt))
    }

    /// Header names (lower-cased) accepted for a field in this kind, best first.
    ///
    /// Facebook Page Insights: `Posted`, `Type`, `Lifetime Post Total Reach`,
    /// `Lifetime Post Total Impressions`, `like`, `comment`, `share`, `Page total likes`.
    /// Twitter customer support: `tweet_id`, `author_id`, `inbound`, `created_at`,
    /// `in_response_to_tweet_id` (`response_tweet_id` is the reverse link and is not needed).
    /// Google Analytics: `Default Channel Group` / `Session default channel group`, `Sessions`,
    /// `Conversions` / `Key events` / `Goal completions`.
    func synonyms(_ field: ColumnMapping.Field) -> [String] {
        switch field {
        case .date:
            return ["date", "posted", "post published", "published", "publish time", "created_time",
                    "created_at", "created", "timestamp", "datetime", "time"]
        case .type: return ["type", "post type", "media type", "media_type", "format"]
        case .reach: return ["reach", "lifetime post total reach", "post reach", "total reach"]
        case .impressions:
            return ["impressions", "lifetime post total impressions", "post impressions", "total impressions"]
        case .likes: return ["likes", "like", "reactions", "favorites", "favourites", "favorite_count"]
        case .comments: return ["comments", "comment", "replies"]
        case .shares: return ["shares", "share", "retweets", "reposts", "retweet_count"]
        case .followers:
            return ["followers", "page total likes", "lifetime total likes", "fans", "followers_count",
                    "follower count", "follower_count", "subscribers"]
        case .account: return ["account", "page", "page name", "profile", "handle", "channel"]
        case .id: return ["id", "tweet_id", "message_id", "message id"]
        case .from: return ["from", "author_id", "author", "sender", "user", "screen_name"]
        case .inbound: return ["inbound", "is_inbound", "incoming"]
        case .time: return ["time", "created_at", "timestamp", "date", "sent_at", "datetime"]
        case .inReplyTo:
            return ["in_reply_to", "in_response_to_tweet_id", "in_reply_to_id", "reply_to", "parent_id"]
        case .channel:
            return ["channel", "default channel group", "session default channel group", "channel group",
                    "channel grouping", "default channel grouping"]
        case .sessions: return ["sessions", "visits"]
        case .conversions:
            return ["conversions", "key events", "goal completions", "transactions"]
        case .keyEventRate: return ["session key event rate", "key_event_rate", "session conversion rate"]
        case .firstReplyMinutes: return ["first_reply_minutes", "first reply minutes", "first reply time in minutes"]
        case .firstReplyBusinessMinutes: return ["first_reply_business_minutes", "first reply business minutes"]
        case .firstReplyAt: return ["first_reply_at", "first reply at", "first replied at"]
        case .replies: return ["replies", "agent replies"]
        }
    }

    /// Finds the column of every field this kind reads, from the header alone: through the
    /// recognised format the header is in (see `ExportFormat`), else the generic names.
    public func resolveColumns(header: [String], mapping: ColumnMapping, file: String) throws -> [ColumnMapping.Field: Int] {
        try ExportFormat.detect(kind: self, header: header).resolveColumns(header: header, mapping: mapping, file: file)
    }
}

extension ExportKind {
    /// The kind of export as a reader names it: “the inbox export”, without the article.
    public var readerName: String {
        switch self {
        case .posts: "posts export"
        case .inbox: "inbox export"
        case .followers: "follower export"
        case .traffic: "web analytics export"
        }
    }
}
