/// A failed rule that limits the band shown, and why.
public struct Cap: Sendable, Hashable {
    /// The highest band the score may be shown in while the rule fails.
    public var band: Band
    /// The checklist of the rule.
    public var checklistID: String
    /// The rule.
    public var ruleID: String
    /// The practice the rule checks (its `title`).
    public var title: String
    /// What is wrong (its `problem`, else its title).
    public var problem: String
}

/// An unanswered question that open rules need, with the points waiting on it.
public struct MissingQuestion: Sendable, Hashable {
    /// The question.
    public var ref: QuestionRef
    /// The points of the open rules that read it.
    public var points: Double
}

/// What a score may honestly say: the points ratio, the band after caps, whether the band is
/// still provisional and which bands it could take, or that there are not enough answers to
/// score at all. One per checklist and one overall.
///
/// - confidence = known points / (known + open points) of the applicable rules;
/// - below `ScoringPolicy.noScoreBelowConfidence` there is no score and no band;
/// - the band shown is the lower of the points band and the cap of every failed rule;
/// - the band is provisional when the bands it could still take (open rules failing or passing,
///   and the caps of open rules that could fail) differ, or confidence is below
///   `ScoringPolicy.provisionalBelowConfidence`.
public struct Standing: Sendable, Hashable {
    /// The numbers.
    public var summary: ScoreSummary
    /// Known share of the applicable points, 0…1 (nil when nothing carries points).
    public var confidence: Double?
    /// The caps of the failed rules, lowest band first.
    public var caps: [Cap]
    /// The caps of open rules (what the band would become if they failed).
    public var openCaps: [Cap]
    /// Unanswered questions that open rules need, most points first.
    public var missing: [MissingQuestion]
    /// How many of `missing` must be answered (most points first) before there is a score;
    /// 0 when there already is one.
    public var questionsToScore: Int

    /// The standing of a summary on its own (no caps, no questions listed), as a section's.
    public static func plain(_ summary: ScoreSummary) -> Standing {
        Standing(summary: summary, confidence: summary.confidence, caps: [], openCaps: [], missing: [], questionsToScore: 0)
    }

    /// Whether enough of the points are known to give a score at all.
    public var hasScore: Bool {
        guard let confidence, summary.score != nil else { return false }
        return confidence >= ScoringPolicy.noScoreBelowConfidence
    }

    /// The points ratio, when there is a score.
    public var score: Double? { hasScore ? summary.score : nil }

    /// The band of the points alone.
    public var pointsBand: Band? { score.map(Band.init(score:)) }

    /// The lowest cap of a failed rule, if any.
    public var cap: Cap? { caps.first }

    /// The band shown: the points band, lowered by every failed rule's cap.
    public var band: Band? {
        guard let pointsBand else { return nil }
        return cap.map { min($0.band, pointsBand) } ?? pointsBand
    }

    /// True when a cap lowered the band below the points band.
    public var isCapped: Bool {
        guard let pointsBand, let band else { return false }
        return band < pointsBand
    }

    /// The lowest and highest band the score could still be shown in, as open rules settle.
    public var span: ClosedRange<Band>? {
        guard hasScore, let low = summary.low, let high = summary.high else { return nil }
        let failedCap = cap?.band ?? .leading
        let top = min(Band(score: high), failedCap)
        let bottom = min(Band(score: low), failedCap, openCaps.map(\.band).min() ?? .leading)
        return min(bottom, top)...top
    }

    /// True when the band may still change: the span holds more than one band, or too little
    /// of the score is known.
    public var isProvisional: Bool {
        guard hasScore else { return false }
        if let span, span.lowerBound != span.upperBound { return true }
        return (confidence ?? 0) < ScoringPolicy.provisionalBelowConfidence
    }
}
