/// The numbers behind one score (a section, a checklist, or the whole session).
///
/// score = passed / known × 100, where known are the points of applicable rules whose outcome
/// is known; the range runs from every open rule failing, passed / (known + open) × 100, to
/// every open rule passing, (passed + open) / (known + open) × 100.
public struct ScoreSummary: Sendable, Hashable {
    /// Points of passed rules.
    public var passedPoints: Double = 0
    /// Points of passed and failed rules.
    public var knownPoints: Double = 0
    /// Points of open rules.
    public var openPoints: Double = 0
    /// Rules by status.
    public var passedRules = 0, failedRules = 0, openRules = 0, notApplicableRules = 0
    /// Questions asked (their `when` absent or true).
    public var askedQuestions = 0
    /// Asked questions that have an answer (n/a counts as an answer).
    public var answeredQuestions = 0

    /// Creates an empty summary.
    public init() {}

    /// passed / known × 100, or nil when no known rule carries points.
    public var score: Double? { knownPoints > 0 ? passedPoints / knownPoints * 100 : nil }

    /// The score if every open rule failed, or nil when nothing carries points.
    public var low: Double? { knownPoints + openPoints > 0 ? passedPoints / (knownPoints + openPoints) * 100 : nil }

    /// The score if every open rule passed, or nil when nothing carries points.
    public var high: Double? {
        knownPoints + openPoints > 0 ? (passedPoints + openPoints) / (knownPoints + openPoints) * 100 : nil
    }

    /// The band of `score` by points alone, before caps (`Standing.band` is the band shown).
    public var pointsBand: Band? { score.map(Band.init(score:)) }

    /// The share of applicable points whose rules have a known outcome, 0…1; nil when no
    /// applicable rule carries points.
    public var confidence: Double? {
        knownPoints + openPoints > 0 ? knownPoints / (knownPoints + openPoints) : nil
    }

    /// Answered share of asked questions, 0…1, or nil when nothing was asked.
    public var coverage: Double? { askedQuestions > 0 ? Double(answeredQuestions) / Double(askedQuestions) : nil }

    /// Adds another summary's counts, for totals (overall is points-weighted this way).
    public mutating func add(_ other: ScoreSummary) {
        passedPoints += other.passedPoints
        knownPoints += other.knownPoints
        openPoints += other.openPoints
        passedRules += other.passedRules
        failedRules += other.failedRules
        openRules += other.openRules
        notApplicableRules += other.notApplicableRules
        askedQuestions += other.askedQuestions
        answeredQuestions += other.answeredQuestions
    }

    /// Counts one rule outcome.
    public mutating func count(_ status: RuleStatus, points: Double) {
        switch status {
        case .pass:
            passedRules += 1
            passedPoints += points
            knownPoints += points
        case .fail:
            failedRules += 1
            knownPoints += points
        case .open:
            openRules += 1
            openPoints += points
        case .notApplicable:
            notApplicableRules += 1
        }
    }
}
