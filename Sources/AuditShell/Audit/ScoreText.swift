import AuditKit

/// Short plain-text renderings of scores and findings for the shell and the command line.
public enum ScoreText {
    /// A number with at most one decimal: 69.2, 80.
    public static func number(_ value: Double) -> String {
        DecimalFormat.trimmed(Band.displayed(value), decimals: 1)
    }

    /// `Score 69.2 (developing), range 58–75 with 4 rules open, 80% answered.`
    public static func line(_ summary: ScoreSummary) -> String {
        guard let score = summary.score, let band = summary.band else {
            return "No score yet: no rule has a known outcome."
        }
        var line = "Score \(number(score)) (\(band.label))"
        if summary.openRules > 0, let low = summary.low, let high = summary.high {
            line += ", range \(number(low))–\(number(high)) with \(summary.openRules.counted("rule")) open"
        }
        if let coverage = summary.coverage { line += ", \(Int((coverage * 100).rounded()))% answered" }
        return line + "."
    }

    /// `[high] four-mistakes.rule: Title (fix: +9)`.
    public static func findingLine(_ result: RuleResult) -> String {
        var line = "[\(result.rule.severity.rawValue)] \(result.qualifiedID): \(result.rule.title)"
        if let gain = result.overallGain { line += " (fix: +\(number(gain)))" }
        return line
    }
}
