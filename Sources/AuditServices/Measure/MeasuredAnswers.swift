import AuditKit
import AuditReport
import PresenceData

/// Fills audit questions that declare `measure: METRIC` with measured values. The answers and
/// their types are here; what a measurement fills in a session is in MeasuredAnswers+Plan.swift,
/// and how it is said in MeasuredAnswers+Wording.swift.
public enum MeasuredAnswers {
    /// What `check` says of a `measure:` metric that no measurement gives, with the closest one.
    public static func metricProblem(_ metric: String) -> String? {
        guard !Metric.isKnown(metric) else { return nil }
        let hint = Suggest.hint(Suggest.closest(to: metric, in: Metric.allPaths))
            ?? "; the metrics are listed by `smaudit measure --help`"
        return "unknown metric `\(metric)` in `measure:`\(hint)"
    }

    /// The answer a metric gives a question, converted to its type (minutes for durations,
    /// fractions for percentages), or nil when the type does not fit or the value is out of bounds.
    ///
    /// The answer is rounded as a person would type it (66.67%, not 66.6666666667%; whole
    /// seconds); the exact figure stays in the answer's `measured` record.
    public static func answer(for question: Question, metric: String, value: Double) -> AnswerValue? {
        let unit = Metric(path: metric)?.unit
        let candidate: AnswerValue
        switch question.type {
        case .duration: candidate = .duration(seconds: (unit == .minutes ? value * 60 : value).rounded())
        case .percent:
            // A rate per follower is not a share of anything: it belongs in a number question.
            guard unit != .perFollower else { return nil }
            candidate = .percent((value * 10_000).rounded() / 10_000)
        case .number: candidate = .number(((Metric(path: metric)?.shown(value) ?? value) * 100).rounded() / 100)
        case .scale: candidate = .scale(Int(value.rounded()))
        default: return nil
        }
        // Through the parser, so bounds are checked and the stored value is what the file re-reads.
        return try? question.parse(candidate.displayText).get()
    }

    /// One question a measurement fills.
    public struct Fill: Sendable {
        /// The question.
        public var ref: QuestionRef
        /// The answer the measured value gives, as the question reads it.
        public var answer: AnswerValue
        /// The metric path, e.g. `inbox.response_rate`.
        public var metric: String
        /// The exact measured value.
        public var value: Double
        /// The export file it came from.
        public var file: String
        /// The part of the export measured, in words (`Oct 2026`, `2026-01-01 – 2026-03-31`).
        public var period: String?
        /// The answer the team typed, when it differs and this fill would replace it.
        public var replacesTyped: String?
        /// The social platforms the figure covers, by their exports (`Instagram`); empty when
        /// not known or not a platform's (web analytics).
        public var platforms: [String] = []
        /// How many export files of its kind the figure comes from.
        public var exportCount = 1
        /// The same figure per platform, when the exports were of several.
        public var byPlatform: [PlatformFigure] = []
        /// Followers at each month's end over the whole export, for a follower figure.
        public var series: [PlatformFigure] = []
        /// The window asked for (the last full month, the last 90 days, all).
        public var window: MeasurementWindow = .all
        /// When the data is old for the audit: "the data ends on 31 August 2026, 98 days ago".
        public var staleNote: String?

        /// The period in words: `October 2026, the last full month in the exports`.
        public var periodInWords: String? {
            guard let period else { return nil }
            let words = HumanNumbers.period(period)
            switch window {
            case .lastFullMonth: return words + ", the last full month in the exports"
            case .lastDays(let n): return words + ", the last \(n) days in the exports"
            default: return words
            }
        }

        /// `, Instagram only` when the figure comes from one platform's exports: a question about
        /// every channel filled from one would otherwise read as the whole.
        var platformNote: String { platforms.count == 1 ? ", \(platforms[0]) only" : "" }
    }

    /// A measurable question left unanswered, and why (the export does not cover its period).
    public struct Unfilled: Sendable {
        public var ref: QuestionRef
        public var reason: String
    }

    /// What to do with answers the team typed when a measurement covers them too.
    public enum TypedAnswers: Sendable {
        /// Use the measured value; the typed answer is kept as the team's `estimated:`.
        case replace
        /// Leave the typed answer; the measured value is only reported.
        case keep
    }
}
