import AuditKit

/// How an audit differs from an earlier one of the same team: score changes overall and per
/// checklist, problems solved, new problems (rules that passed before and fail now), rules
/// judged for the first time (open, not applicable or absent before, failing now), and every
/// answer that changed.
public struct ReportComparison: Sendable {
    /// A score before and after, both as shown (one decimal).
    public struct ScoreChange: Sendable, Hashable {
        /// The checklist id, or nil for the overall score.
        public var id: String?
        /// The checklist title, or "Overall".
        public var title: String
        /// The earlier score, nil when there was none (or the checklist was not audited).
        public var previous: Double?
        /// The current score, nil when there is none.
        public var current: Double?

        /// current − previous, nil when either is missing.
        public var change: Double? {
            guard let previous, let current else { return nil }
            return Band.displayed(current - previous)
        }
    }

    /// An earlier finding that no longer fails.
    public struct ResolvedFinding: Sendable, Hashable {
        /// The failed rule as it was in the earlier audit.
        public var previous: RuleResult
        /// Its status now, or nil when the rule is no longer part of the audit.
        public var currentStatus: RuleStatus?

        /// True when an answer the rule reads was measured from an export now but typed before:
        /// the figure may be better known rather than better.
        public var measuredNow = false

        /// True when the practice now passes. One that no longer applies (the team left the
        /// platform, say) or cannot be judged now is not solved, and is listed apart.
        public var isSolved: Bool { currentStatus == .pass }
    }

    /// A rule failing now that the earlier audit could not judge.
    public struct FirstJudged: Sendable, Hashable {
        /// The failed rule now.
        public var current: RuleResult
        /// Its status in the earlier audit (open or not applicable), nil when it was not part of it.
        public var previousStatus: RuleStatus?
    }

    /// One question whose answer changed.
    public struct AnswerChange: Sendable, Hashable {
        /// The question.
        public var ref: QuestionRef
        /// Its prompt (from the current checklists when present).
        public var prompt: String
        /// The earlier answer as text, nil when there was none.
        public var previous: String?
        /// The current answer as text, nil when there is none.
        public var current: String?
    }

    /// The earlier audit's own date (`started`), nil when it has none (a hand-written file).
    public var baselineDate: String?
    /// The overall score change: of every checklist, or, when the two audits covered different
    /// checklists, of the ones both covered (a one-checklist score against a three-checklist
    /// overall would compare different things).
    public var overall: ScoreChange
    /// The titles of the checklists both audits covered, when the audits covered different ones;
    /// nil when they covered the same.
    public var sharedChecklistTitles: [String]?
    /// Whether the earlier overall score (as compared) was provisional.
    public var baselineWasProvisional: Bool
    /// Per checklist: the current checklists in audit order, then those only the earlier audit had.
    public var checklists: [ScoreChange]
    /// Earlier findings that no longer fail, in the earlier findings' order.
    public var resolved: [ResolvedFinding]
    /// Rules that passed in the earlier audit and fail now, in findings order.
    public var new: [RuleResult]
    /// Rules that fail now and were open, not applicable or not audited before, in findings order.
    public var firstJudged: [FirstJudged]
    /// Answers that changed, in checklist and question order.
    public var changedAnswers: [AnswerChange]

    /// Compares an audit with an earlier one.
    public init(current: ReportInput, baseline: ReportInput) {
        self.init(ReportModel(current), ReportModel(baseline))
    }

    init(_ now: ReportModel, _ before: ReportModel) {
        baselineDate = before.input.isDated ? before.input.date : nil
        let shared = now.input.checklistIDs.filter(before.input.checklistIDs.contains)
        if Set(now.input.checklistIDs) != Set(before.input.checklistIDs), !shared.isEmpty {
            let nowShared = Scorer.score(now.input.set, answers: now.input.answers, checklists: shared)
            let beforeShared = Scorer.score(before.input.set, answers: before.input.answers, checklists: shared)
            overall = ScoreChange(id: nil, title: "Overall, on the checklists both audits cover",
                                  previous: ReportWording.shown(beforeShared.standing.score),
                                  current: ReportWording.shown(nowShared.standing.score))
            sharedChecklistTitles = shared.compactMap { now.input.set.checklist($0)?.title }
            baselineWasProvisional = beforeShared.standing.isProvisional
        } else {
            overall = ScoreChange(id: nil, title: "Overall", previous: ReportWording.shown(before.scorecard.standing.score),
                                  current: ReportWording.shown(now.scorecard.standing.score))
            sharedChecklistTitles = nil
            baselineWasProvisional = before.scorecard.standing.isProvisional
        }
        var previousScores: [String: ChecklistScore] = [:]
        for c in before.scorecard.checklists where previousScores[c.id] == nil { previousScores[c.id] = c }
        var currentIDs: Set<String> = []
        var changes: [ScoreChange] = []
        for c in now.scorecard.checklists {
            currentIDs.insert(c.id)
            changes.append(ScoreChange(id: c.id, title: c.title, previous: ReportWording.shown(previousScores[c.id]?.standing.score),
                                       current: ReportWording.shown(c.standing.score)))
        }
        for c in before.scorecard.checklists where !currentIDs.contains(c.id) {
            changes.append(ScoreChange(id: c.id, title: c.title, previous: ReportWording.shown(c.standing.score), current: nil))
        }
        checklists = changes

        var currentStatus: [String: RuleStatus] = [:]
        for c in now.scorecard.checklists {
            for r in c.results { currentStatus[r.qualifiedID] = r.status }
        }
        var previousStatus: [String: RuleStatus] = [:]
        for c in before.scorecard.checklists {
            for r in c.results { previousStatus[r.qualifiedID] = r.status }
        }
        resolved = before.findings.compactMap { r in
            let status = currentStatus[r.qualifiedID]
            guard status != .fail else { return nil }
            var item = ResolvedFinding(previous: r, currentStatus: status)
            item.measuredNow = now.references(of: r).contains { now.input.measured[$0] != nil && before.input.measured[$0] == nil }
            return item
        }
        new = now.findings.filter { previousStatus[$0.qualifiedID] == .pass }
        firstJudged = now.findings.compactMap { r in
            let status = previousStatus[r.qualifiedID]
            return status == .pass || status == .fail ? nil : FirstJudged(current: r, previousStatus: status)
        }

        var answerChanges: [AnswerChange] = []
        var seen: Set<QuestionRef> = []
        func compare(_ ref: QuestionRef, prompt: String) {
            guard seen.insert(ref).inserted else { return }
            let old = before.input.answers[ref], new = now.input.answers[ref]
            if old != new {
                answerChanges.append(AnswerChange(ref: ref, prompt: prompt, previous: old?.displayText, current: new?.displayText))
            }
        }
        // Only the checklists both audits covered: a checklist new this time would list every
        // one of its answers as changed from "not answered".
        for checklist in now.checklists + before.checklists where shared.contains(checklist.id) {
            for (_, q) in checklist.allQuestions { compare(QuestionRef(checklist: checklist.id, question: q.id), prompt: q.prompt) }
        }
        changedAnswers = answerChanges
    }
}
