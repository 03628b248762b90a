extension Scorecard {
    /// Plain text that shows every score's formula with the actual numbers, e.g.
    /// `four-mistakes: 18 of 26 points passed = 69.2 (developing); open rules 4 points: range 60.0–73.3`,
    /// then what limits the band (caps, provisional, too few answers), each section, each rule's
    /// outcome, and the gain of fixing each problem found.
    public func explain() -> String {
        var lines: [String] = []
        lines.append("score = points passed / points of applicable rules with a known outcome × 100")
        lines.append("range = every open rule failing … every open rule passing; confidence = known / (known + open) points")
        lines.append("band = the points band, lowered to the cap of any failed rule; provisional while the range or an open cap")
        lines.append("       spans bands or confidence is below \(Self.percent(ScoringPolicy.provisionalBelowConfidence)); no score below \(Self.percent(ScoringPolicy.noScoreBelowConfidence))")
        lines.append("")
        lines.append(Self.line(name: "overall", standing))
        lines += Self.verdict(standing).map { "  " + $0 }
        for c in checklists {
            lines.append("")
            lines.append(Self.line(name: c.id, c.standing))
            lines += Self.verdict(c.standing).map { "  " + $0 }
            for s in c.sections where s.summary.knownPoints + s.summary.openPoints > 0 || s.summary.askedQuestions > 0 {
                lines.append("  " + Self.line(name: "\(s.id) (\(s.title))", .plain(s.summary)))
            }
            for r in c.results {
                var text = "  \(Self.statusWord(r.status)) \(r.rule.id): \(r.rule.title) [\(r.rule.severity.rawValue), \(r.points.counted(as: "point"))"
                if let cap = r.rule.cap { text += ", caps at \(cap.label)" }
                text += "]"
                if r.status == .fail, let gain = r.gain {
                    text += " → fix: +\(Self.decimal(gain)) (overall +\(Self.decimal(r.overallGain ?? 0)))"
                }
                if !r.notApplicableBecause.isEmpty {
                    text += " (n/a: " + r.notApplicableBecause.map(\.description).joined(separator: ", ") + ")"
                }
                lines.append(text)
            }
        }
        if !themes.isEmpty {
            lines.append("")
            lines.append("problems found (fixing all the rules of one at once):")
            for t in themes {
                let rules = t.rules.map(\.qualifiedID).joined(separator: ", ")
                lines.append("  \(t.problem) [\(t.severity.rawValue)] → +\(Self.decimal(t.gain)) overall (\(rules))")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// One summary line with the formula filled in.
    static func line(name: String, _ standing: Standing) -> String {
        let s = standing.summary
        var text = "\(name): "
        if let score = s.score {
            text += "\(number(s.passedPoints)) of \(number(s.knownPoints)) points passed = \(decimal(score))"
            if let band = s.pointsBand { text += " (\(band.label) by points)" }
        } else {
            text += "no rule with points has a known outcome yet"
        }
        if s.openPoints > 0 || s.openRules > 0, let low = s.low, let high = s.high {
            text += "; open rules \(s.openPoints.counted(as: "point")): range \(decimal(low))–\(decimal(high))"
        }
        if let confidence = standing.confidence { text += "; confidence \(decimal(confidence * 100))%" }
        if let coverage = s.coverage {
            text += "; coverage \(s.answeredQuestions) of \(s.askedQuestions) questions (\(decimal(coverage * 100))%)"
        }
        return text
    }

    /// What the band shown is, and why: caps, provisional span, or not enough answers.
    static func verdict(_ standing: Standing) -> [String] {
        guard standing.hasScore else {
            guard standing.summary.knownPoints + standing.summary.openPoints > 0 else { return [] }
            let next = standing.missing.prefix(standing.questionsToScore).map(\.ref.description).joined(separator: ", ")
            return ["no score: confidence below \(percent(ScoringPolicy.noScoreBelowConfidence)); answer \(standing.questionsToScore.counted("more question")) first: \(next)"]
        }
        var out: [String] = []
        if let band = standing.band {
            var text = "band: \(band.label)"
            if standing.isCapped, let cap = standing.cap {
                text += " (capped at \(cap.band.label): `\(cap.checklistID).\(cap.ruleID)` fails)"
            }
            out.append(text)
        }
        if standing.isProvisional, let span = standing.span {
            let range = span.lowerBound == span.upperBound ? span.lowerBound.label : "\(span.lowerBound.label) to \(span.upperBound.label)"
            var text = "provisional: \(range)"
            let lowCaps = standing.openCaps.filter { $0.band < span.upperBound }
            if !lowCaps.isEmpty { text += "; open rules that would cap it: " + lowCaps.map { "`\($0.checklistID).\($0.ruleID)`" }.joined(separator: ", ") }
            out.append(text)
        }
        return out
    }

    static func statusWord(_ status: RuleStatus) -> String {
        switch status {
        case .pass: "pass"
        case .fail: "FAIL"
        case .open: "open"
        case .notApplicable: "n/a "
        }
    }

    /// A score, range or gain (see `NumberText`).
    static func decimal(_ v: Double) -> String { NumberText.score(v) }

    /// A count of points or questions (see `NumberText`).
    static func number(_ v: Double) -> String { NumberText.count(v) }

    static func percent(_ fraction: Double) -> String { number(fraction * 100) + "%" }
}

extension Double {
    /// `1 point`, `2.5 points`: a count of a noun that may be fractional.
    func counted(as noun: String) -> String {
        "\(NumberText.count(self)) " + (self == 1 ? noun : noun + "s")
    }
}
