import AuditKit

/// Short plain-text renderings of scores and findings for the shell and the command line.
public enum ScoreText {
    /// A score, range or gain with one decimal: `69.2`, `80.0` (see `NumberText`).
    public static func number(_ value: Double) -> String { NumberText.score(value) }

    /// A count, or a number as the user typed it: `70`, `2.5` (see `NumberText`).
    public static func count(_ value: Double) -> String { NumberText.count(value) }

    /// `Score 69.2 (developing), range 58.0–75.0 with 4 rules open, 80% answered.`; a capped band
    /// says why, a provisional one the bands it could still take, and with too few answers
    /// there is no score, only how many more questions to answer.
    public static func line(_ standing: Standing) -> String {
        let summary = standing.summary
        guard let score = standing.score, let band = standing.band else {
            guard standing.questionsToScore > 0 else { return "No score yet: no rule has a known outcome." }
            let first = standing.missing.prefix(min(3, standing.questionsToScore)).map(\.ref.description).joined(separator: ", ")
            return "Not enough answers to score yet: answer \(standing.questionsToScore.counted("more question")) (worth most first: \(first))."
        }
        var line: String
        if standing.isProvisional, let span = standing.span, span.lowerBound != span.upperBound {
            line = "Provisional score \(number(score)) (\(span.lowerBound.label) to \(span.upperBound.label))"
        } else {
            line = "\(standing.isProvisional ? "Provisional score" : "Score") \(number(score)) (\(band.label))"
        }
        if standing.isCapped, let cap = standing.cap { line += ", capped at \(cap.band.label): \(cap.checklistID).\(cap.ruleID) fails" }
        if summary.openRules > 0, let low = summary.low, let high = summary.high {
            line += ", range \(number(low))–\(number(high)) with \(summary.openRules.counted("rule")) open"
        }
        if let coverage = summary.coverage { line += ", \(Int((coverage * 100).rounded()))% answered" }
        return line + "."
    }

    /// A score and its band in a few words, as `line` names them: `85.2 developing (capped)`,
    /// `34.1 at risk to developing (provisional)`, or `-` without a score. For tables.
    public static func short(_ standing: Standing) -> String {
        guard let score = standing.score, let band = standing.band else { return "-" }
        if standing.isProvisional {
            let bands = standing.span.map { $0.lowerBound == $0.upperBound ? $0.lowerBound.label : "\($0.lowerBound.label) to \($0.upperBound.label)" }
            return "\(number(score)) \(bands ?? band.label) (provisional)"
        }
        return "\(number(score)) \(band.label)" + (standing.isCapped ? " (capped)" : "")
    }

    /// The score lines of `score` and `run`: overall, then one per checklist, labels aligned.
    public static func lines(_ card: Scorecard) -> String {
        var text = "overall        " + line(card.standing)
        for checklist in card.checklists { text += "\n" + checklist.id.padded(toWidth: 14) + " " + line(checklist.standing) }
        return text
    }

    /// `[high] four-mistakes.rule: Title (fix: +9.0)`.
    /// One problem (a failed theme) as the report's summary names it:
    /// `[critical] Customer requests go unanswered (fix: +13.1)`.
    public static func problemLine(_ problem: ThemeResult) -> String {
        "[\(problem.severity.rawValue)] \(problem.problem) (fix: \(NumberText.gain(problem.gain)))"
    }

    public static func findingLine(_ result: RuleResult) -> String {
        var line = "[\(result.rule.severity.rawValue)] \(result.qualifiedID): \(result.rule.title)"
        if let gain = result.overallGain { line += " (fix: \(NumberText.gain(gain)))" }
        return line
    }
}
