import AuditKit

/// How an audit differs from an earlier one of the same team: score changes overall and per
/// checklist, findings resolved and new, and every answer that changed.
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

    /// The earlier audit's date.
    public var baselineDate: String
    /// The overall score change.
    public var overall: ScoreChange
    /// Per checklist: the current checklists in audit order, then those only the earlier audit had.
    public var checklists: [ScoreChange]
    /// Earlier findings that no longer fail, in the earlier findings' order.
    public var resolved: [ResolvedFinding]
    /// Findings that did not fail before, in findings order.
    public var new: [RuleResult]
    /// Answers that changed, in checklist and question order.
    public var changedAnswers: [AnswerChange]

    /// Compares an audit with an earlier one.
    public init(current: ReportInput, baseline: ReportInput) {
        self.init(ReportModel(current), ReportModel(baseline))
    }

    init(_ now: ReportModel, _ before: ReportModel) {
        baselineDate = before.input.date
        overall = ScoreChange(id: nil, title: "Overall", previous: ReportFormat.shown(before.scorecard.overall.score),
                              current: ReportFormat.shown(now.scorecard.overall.score))
        var previousScores: [String: ChecklistScore] = [:]
        for c in before.scorecard.checklists where previousScores[c.id] == nil { previousScores[c.id] = c }
        var currentIDs: Set<String> = []
        var changes: [ScoreChange] = []
        for c in now.scorecard.checklists {
            currentIDs.insert(c.id)
            changes.append(ScoreChange(id: c.id, title: c.title, previous: ReportFormat.shown(previousScores[c.id]?.summary.score),
                                       current: ReportFormat.shown(c.summary.score)))
        }
        for c in before.scorecard.checklists where !currentIDs.contains(c.id) {
            changes.append(ScoreChange(id: c.id, title: c.title, previous: ReportFormat.shown(c.summary.score), current: nil))
        }
        checklists = changes

        var currentStatus: [String: RuleStatus] = [:]
        for c in now.scorecard.checklists {
            for r in c.results { currentStatus[r.qualifiedID] = r.status }
        }
        let previousFailures = Set(before.findings.map(\.qualifiedID))
        resolved = before.findings.compactMap { r in
            let status = currentStatus[r.qualifiedID]
            return status == .fail ? nil : ResolvedFinding(previous: r, currentStatus: status)
        }
        new = now.findings.filter { !previousFailures.contains($0.qualifiedID) }

        var answerChanges: [AnswerChange] = []
        var seen: Set<QuestionRef> = []
        func compare(_ ref: QuestionRef, prompt: String) {
            guard seen.insert(ref).inserted else { return }
            let old = before.input.answers[ref], new = now.input.answers[ref]
            if old != new {
                answerChanges.append(AnswerChange(ref: ref, prompt: prompt, previous: old?.displayText, current: new?.displayText))
            }
        }
        for checklist in now.checklists {
            for section in checklist.sections {
                for q in section.questions { compare(QuestionRef(checklist: checklist.id, question: q.id), prompt: q.prompt) }
            }
        }
        for checklist in before.checklists {
            for section in checklist.sections {
                for q in section.questions { compare(QuestionRef(checklist: checklist.id, question: q.id), prompt: q.prompt) }
            }
        }
        changedAnswers = answerChanges
    }
}
