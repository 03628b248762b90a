import AuditKit

/// One platform's figure of a measured answer, as the question reads it.
public struct PlatformAnswer: Sendable, Hashable {
    public var platform: String
    public var value: AnswerValue

    public init(platform: String, value: AnswerValue) {
        self.platform = platform
        self.value = value
    }
}

/// An answer computed from a platform's data export rather than typed by the team, such as a
/// median first-response time from an inbox export. The report names the file and the metric.
public struct MeasuredAnswer: Sendable, Hashable {
    /// The export the value came from, as the team named it (e.g. `inbox.csv`).
    public var file: String
    /// The metric path, e.g. `inbox.first_response_minutes.median`.
    public var metric: String
    /// The computed value, in the metric's own unit.
    public var value: Double
    /// The period of the export the value covers, in words (`Oct 2026`, `2026-08-03 – 2026-10-31`);
    /// nil when not recorded (measured before periods were).
    public var period: String?
    /// What the team had typed before the measurement replaced it (`50%`), their estimate; nil
    /// when the question was unanswered.
    public var estimate: String?
    /// The figure per platform, as the question reads it, when the exports were of several.
    public var byPlatform: [PlatformAnswer] = []
    /// The figure over time (`2026-10` → followers at that month's end), oldest first.
    public var series: [PlatformFigure] = []

    /// Creates a measured answer.
    public init(file: String, metric: String, value: Double, period: String? = nil, estimate: String? = nil) {
        self.file = file
        self.metric = metric
        self.value = value
        self.period = period
        self.estimate = estimate
    }
}
