/// First responses given by one responder (the `from` of the reply, e.g. a brand handle).
public struct ResponderStatistics: Sendable, Equatable {
    /// The responder as written in the export (`(unknown)` without a `from` column).
    public var responder: String
    /// Conversations this responder answered first.
    public var replied: Int
    /// Median first-response minutes over them; `nil` without times.
    public var medianMinutes: Double?

    /// Creates the statistics.
    public init(responder: String, replied: Int, medianMinutes: Double?) {
        self.responder = responder
        self.replied = replied
        self.medianMinutes = medianMinutes
    }
}
