import AuditKit

/// What became of one question in a session, as the report shows it.
public enum AnswerState: Sendable, Hashable {
    /// Asked and answered with a real value.
    case answered(AnswerValue)
    /// Asked and answered "not applicable".
    case notApplicable
    /// Asked, and the team chose to skip it.
    case skipped
    /// Not asked, because its `when` condition is false or unknown; an answer given while it
    /// was asked is kept (and shown) but not scored.
    case notAsked(kept: AnswerValue?)
    /// Asked but not answered yet.
    case unanswered

    /// The state's name in the JSON report: `answered`, `not_applicable`, `skipped`,
    /// `not_asked`, `unanswered`.
    public var key: String {
        switch self {
        case .answered: "answered"
        case .notApplicable: "not_applicable"
        case .skipped: "skipped"
        case .notAsked: "not_asked"
        case .unanswered: "unanswered"
        }
    }

    /// The state in words, as the report lists it: `answered`, `not applicable`, `skipped`,
    /// `not asked`, `not answered`.
    public var word: String {
        switch self {
        case .answered: "answered"
        case .notApplicable: "not applicable"
        case .skipped: "skipped"
        case .notAsked: "not asked"
        case .unanswered: "not answered"
        }
    }

    /// The answer as plain text (`yes`, `n/a`) or nil when there is no answer.
    public var answerText: String? {
        switch self {
        case .answered(let value), .notAsked(kept: let value?): value.displayText
        case .notApplicable: AnswerValue.notApplicable.displayText
        case .skipped, .notAsked(kept: nil), .unanswered: nil
        }
    }
}
