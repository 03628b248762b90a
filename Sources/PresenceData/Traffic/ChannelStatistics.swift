/// Sessions and conversions of one channel, summed over the export's rows.
public struct ChannelStatistics: Sendable, Equatable {
    /// The channel as written (`(not set)` for an empty cell).
    public var channel: String
    /// Sessions.
    public var sessions: Double
    /// Conversions; `nil` without a conversions column.
    public var conversions: Double?
    /// Whether the channel counts as social.
    public var isSocial: Bool
    /// The share of its sessions with a key event (GA4's session key event rate, weighted by
    /// sessions over the rows summed); `nil` without that column.
    public var keyEventRate: Double?

    /// Creates the statistics.
    public init(channel: String, sessions: Double, conversions: Double?, isSocial: Bool, keyEventRate: Double? = nil) {
        self.channel = channel
        self.sessions = sessions
        self.conversions = conversions
        self.isSocial = isSocial
        self.keyEventRate = keyEventRate
    }
}
