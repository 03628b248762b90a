/// Customer-service metrics of an inbox export (seed 004).
///
/// A conversation starter is an inbound message that replies to nothing; its first response
/// is the earliest non-inbound message replying to it. Response rate = starters with a first
/// response / starters; first-response minutes = response time − starter time;
/// `replied_within_60m_share` = starters answered within 60 minutes (inclusive) / all starters.
public struct InboxMetrics: Sendable, Equatable {
    /// Messages read.
    public var messages: Int
    /// Rows skipped as malformed.
    public var skippedRows: Int
    /// Conversation starters.
    public var starters: Int
    /// Starters with a first response.
    public var replied: Int
    /// replied / starters.
    public var responseRate: Double?
    /// First-response minutes; `nil` without a time column or without answered starters.
    public var firstResponseMinutes: ResponseTimes?
    /// Share of starters answered within 60 minutes.
    public var repliedWithin60mShare: Double?
    /// First-reply minutes counted in business hours, where a ticket export gives them.
    public var firstResponseBusinessMinutes: ResponseTimes?
    /// Tickets of channels that are not social media, left out, by channel.
    public var otherChannels: [String: Int] = [:]
    /// Per responder, sorted by name.
    public var byResponder: [ResponderStatistics]
    /// Why a metric is `nil`, by its JSON name.
    public var unavailable: [String: String]

    /// Creates the metrics.
    public init(messages: Int = 0, skippedRows: Int = 0, starters: Int = 0, replied: Int = 0,
                responseRate: Double? = nil, firstResponseMinutes: ResponseTimes? = nil,
                repliedWithin60mShare: Double? = nil, byResponder: [ResponderStatistics] = [],
                unavailable: [String: String] = [:]) {
        self.messages = messages
        self.skippedRows = skippedRows
        self.starters = starters
        self.replied = replied
        self.responseRate = responseRate
        self.firstResponseMinutes = firstResponseMinutes
        self.repliedWithin60mShare = repliedWithin60mShare
        self.byResponder = byResponder
        self.unavailable = unavailable
    }
}
