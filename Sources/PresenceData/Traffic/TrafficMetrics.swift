/// Traffic by channel and conversions from social media (seed 001).
///
/// social_share = social sessions / all sessions; conversion_rate = converting sessions /
/// sessions; social_conversion_rate = converting social sessions / social sessions, to compare
/// with the former. A converting session is one with a key event: with GA4's "Session key event
/// rate" column, its rate × the row's sessions, so the rate can never pass 100 %; without it,
/// conversions (key events, which a session can have several of) stand in for them.
public struct TrafficMetrics: Sendable, Equatable {
    /// Channel names counted as social unless `--social-channels` says otherwise (matched
    /// case-insensitively): Google Analytics 4's `Organic Social` and `Paid Social`, Universal
    /// Analytics' `Social`, and `Social Network`.
    public static let defaultSocialChannels = ["Organic Social", "Paid Social", "Social", "Social Network"]

    /// All sessions.
    public var sessions: Double
    /// Sessions from social channels.
    public var socialSessions: Double
    /// socialSessions / sessions.
    public var socialShare: Double?
    /// conversions / sessions.
    public var conversionRate: Double?
    /// social conversions / social sessions.
    public var socialConversionRate: Double?
    /// Converting sessions / sessions of the channels named organic social (`Organic Social`,
    /// `Social`, `Social Network`) and of paid social (`Paid Social`), where both are in the
    /// export and have sessions; nil otherwise.
    public var organicSocialConversionRate: Double?, paidSocialConversionRate: Double?
    /// What the conversion rates count: `sessions with a key event` or `key events`.
    public var conversionBasis: String?
    /// Per channel, sorted by name.
    public var byChannel: [ChannelStatistics]
    /// Rows skipped as malformed (not part of the JSON shape; shown in warnings).
    public var skippedRows: Int
    /// Why a metric is `nil`, by its JSON name.
    public var unavailable: [String: String]

    /// Creates the metrics.
    public init(sessions: Double = 0, socialSessions: Double = 0, socialShare: Double? = nil,
                conversionRate: Double? = nil, socialConversionRate: Double? = nil,
                byChannel: [ChannelStatistics] = [], skippedRows: Int = 0, unavailable: [String: String] = [:]) {
        self.sessions = sessions
        self.socialSessions = socialSessions
        self.socialShare = socialShare
        self.conversionRate = conversionRate
        self.socialConversionRate = socialConversionRate
        self.byChannel = byChannel
        self.skippedRows = skippedRows
        self.unavailable = unavailable
    }
}
