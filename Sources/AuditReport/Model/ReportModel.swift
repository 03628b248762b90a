import AuditKit

/// What both renderers need, computed once per input: the scorecard, each question's state,
/// the questions each rule reads, the summary picks. Lookups are dictionary reads, so
/// rendering stays linear in the number of questions and rules.
struct ReportModel {
    let input: ReportInput
    let scorecard: Scorecard
    let checklists: [Checklist]
    /// Failed rules, severity first, then points.
    let findings: [RuleResult]
    /// The three most important findings.
    let topFindings: [RuleResult]
    /// The three fixes worth most overall points (rules worth no points are left out).
    let topFixes: [RuleResult]
    /// Rules whose outcome is not known yet.
    let openRules: [RuleResult]
    private let evaluator: Evaluator

    /// How many findings and fixes the summary lists.
    static let summaryCount = 3

    init(_ input: ReportInput) {
        self.input = input
        scorecard = input.scorecard
        checklists = input.checklists
        findings = scorecard.findings
        topFindings = Array(findings.prefix(Self.summaryCount))
        topFixes = Array(scorecard.topFixes.lazy.filter { ($0.overallGain ?? 0) > 0 }.prefix(Self.summaryCount))
        openRules = scorecard.openRules
        evaluator = Evaluator(set: input.set, answers: input.answers)
    }

    /// What became of a question.
    func state(of ref: QuestionRef) -> AnswerState {
        guard evaluator.isAsked(ref) else { return .notAsked(kept: input.answers[ref]) }
        switch input.answers[ref] {
        case .notApplicable?: return .notApplicable
        case let value?: return .answered(value)
        case nil: return input.skipped.contains(ref) ? .skipped : .unanswered
        }
    }

    /// The questions a rule reads (its `check`, then its `applies`), each once, in source
    /// order; references to questions that are not loaded are left out.
    func references(of result: RuleResult) -> [QuestionRef] {
        var refs: [QuestionRef] = []
        var seen: Set<QuestionRef> = []
        for expression in [result.rule.check, result.rule.applies].compactMap({ $0 }) {
            expression.root.forEachReference { checklist, question, _ in
                let ref = QuestionRef(checklist: checklist ?? result.checklistID, question: question)
                if input.set.question(ref) != nil, seen.insert(ref).inserted { refs.append(ref) }
            }
        }
        return refs
    }

    /// The section title a rule scores under.
    func sectionTitle(of result: RuleResult) -> String {
        input.set.checklist(result.checklistID)?.sectionTitle(result.rule.sectionID) ?? Section.generalTitle
    }

    /// The checklist title of a result.
    func checklistTitle(_ id: String) -> String { input.set.checklist(id)?.title ?? id }
}
