extension Scorecard {
    /// Plain text that shows every score's formula with the actual numbers, e.g.
    /// `four-mistakes: 18 of 26 points passed = 69.2 (developing); open rules 4 points: range 60.0–73.3`,
    /// then each section, each rule's outcome, and the gain of fixing each failed rule.
    public func explain() -> String {
        var lines: [String] = []
        lines.append("score = points passed / points of applicable rules with a known outcome × 100")
        lines.append("range = every open rule failing … every open rule passing; coverage = answered / asked questions")
        lines.append("")
        lines.append(Self.line(name: "overall", overall))
        for c in checklists {
            lines.append("")
            lines.append(Self.line(name: c.id, c.summary))
            for s in c.sections where s.summary.knownPoints + s.summary.openPoints > 0 || s.summary.askedQuestions > 0 {
                lines.append("  " + Self.line(name: "\(s.id) (\(s.title))", s.summary))
            }
            for r in c.results {
                var text = "  \(Self.statusWord(r.status)) \(r.rule.id): \(r.rule.title) [\(r.rule.severity.rawValue), \(Self.number(r.points)) points]"
                if r.status == .fail, let gain = r.gain {
                    text += " → fix: +\(Self.decimal(gain)) (overall +\(Self.decimal(r.overallGain ?? 0)))"
                }
                lines.append(text)
            }
        }
        return lines.joined(separator: "\n")
    }

    /// One summary line with the formula filled in.
    static func line(name: String, _ s: ScoreSummary) -> String {
        var text = "\(name): "
        if let score = s.score {
            text += "\(number(s.passedPoints)) of \(number(s.knownPoints)) points passed = \(decimal(score)) (\(Band(score: score).label))"
        } else {
            text += "no rule with points has a known outcome yet, so there is no score"
        }
        if s.openPoints > 0 || s.openRules > 0, let low = s.low, let high = s.high {
            text += "; open rules \(number(s.openPoints)) points: range \(decimal(low))–\(decimal(high))"
        }
        if let coverage = s.coverage {
            text += "; coverage \(s.answeredQuestions) of \(s.askedQuestions) questions (\(decimal(coverage * 100))%)"
        }
        return text
    }

    static func statusWord(_ status: RuleStatus) -> String {
        switch status {
        case .pass: "pass"
        case .fail: "FAIL"
        case .open: "open"
        case .notApplicable: "n/a "
        }
    }

    /// One decimal, the precision bands are taken at.
    static func decimal(_ v: Double) -> String { DecimalFormat.fixed(Band.displayed(v), decimals: 1) }

    static func number(_ v: Double) -> String { ExpressionPrinter.formatNumber(v) }
}
