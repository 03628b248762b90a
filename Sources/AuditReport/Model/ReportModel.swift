import AuditKit

/// What every renderer needs, computed once per input: the scorecard, each question's state,
/// the problems (themes) in order with their recommendations shared out so none is printed
/// twice, the action plan, the estimates the exports contradict. Lookups are dictionary reads,
/// so rendering stays linear in the number of questions and rules.
struct ReportModel {
    let input: ReportInput
    let scorecard: Scorecard
    let checklists: [Checklist]
    /// Failed rules, severity first, then points (the JSON's rule-level findings).
    let findings: [RuleResult]
    /// The problems found: failed themes, most severe first, then by gain, then file order.
    let problems: [ThemeResult]
    /// The plan: one action per problem (shared recommendations shared), owners and dates.
    let actionPlan: ActionPlan
    /// The measured answers of the audited checklists, in asking order.
    let measuredInOrder: [(QuestionRef, MeasuredAnswer)]
    /// Measured answers that replaced a different estimate.
    let estimates: [EstimatePair]
    /// Rules whose outcome is not known yet.
    let openRules: [RuleResult]
    /// Rules that do not apply, in checklist order.
    let notApplicableRules: [RuleResult]
    /// Keeps what it works out, so a model read on two threads at once needs one each
    /// (`withOwnEvaluator()`).
    private var evaluator: Evaluator

    init(_ input: ReportInput) {
        self.input = input
        scorecard = input.scorecard
        checklists = input.checklists
        findings = scorecard.findings
        problems = scorecard.themes
        openRules = scorecard.openRules
        notApplicableRules = scorecard.checklists.flatMap { $0.results.filter { $0.status == .notApplicable } }
        evaluator = Evaluator(set: input.set, answers: input.answers)

        actionPlan = ActionPlan(scorecard: scorecard, set: input.set, answers: input.answers, date: input.day, assignments: input.plan)
        measuredInOrder = checklists.flatMap { c in
            c.allQuestions.compactMap { _, q in
                let ref = QuestionRef(checklist: c.id, question: q.id)
                return input.measured[ref].map { (ref, $0) }
            }
        }
        estimates = EstimatePair.all(in: input, checklists: checklists)
    }

    /// What a finding's "why it matters" says: its theme's help, written for the reader, else
    /// that of the first question it reads (which may also guide the auditor). The Markdown,
    /// HTML and JSON findings all say this one.
    func why(theme: Theme?, refs: [QuestionRef]) -> String? {
        theme?.help ?? refs.lazy.compactMap { self.input.set.question($0)?.help }.first
    }

    /// The three problems the summary names.
    var topProblems: ArraySlice<ThemeResult> { scorecard.topProblems }

    /// A problem by its theme key.
    func problem(_ key: String) -> ThemeResult? { problems.first { $0.key == key } }

    /// The problem's one recommendation where the catalogue gives it; else the distinct
    /// recommendations of its rules, most severe rule first.
    static func recommendationTexts(of problem: ThemeResult) -> [String] {
        if let text = problem.theme?.recommendation?.trimmed(), !text.isEmpty { return [text] }
        var seen: Set<String> = []
        return problem.rules.compactMap { r in
            guard let text = r.rule.recommendation?.trimmed(), !text.isEmpty, seen.insert(normalised(text)).inserted else { return nil }
            return text
        }
    }

    /// Recommendations compare without case, spacing or a final full stop.
    static func normalised(_ text: String) -> String {
        var words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
        while words.hasSuffix(".") { words.removeLast() }
        return words
    }

    /// The same model with an evaluator of its own, for reading on another thread: the
    /// evaluator records each question it settles, and two threads must not change it at once.
    func withOwnEvaluator() -> ReportModel {
        var copy = self
        copy.evaluator = Evaluator(set: input.set, answers: input.answers)
        return copy
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
        // Targets are bars, not answers: never quoted, never waited for.
        Scorer.references(of: result.rule, in: result.checklistID).filter { input.set.question($0) != nil && input.set.targetDefault($0) == nil }
    }

    /// The questions the rules of a problem read, each once.
    func references(of problem: ThemeResult) -> [QuestionRef] {
        var seen: Set<QuestionRef> = []
        return problem.rules.flatMap(references(of:)).filter { seen.insert($0).inserted }
    }

    /// The organisation profile's checklist id: its answers describe the organisation, they are
    /// not what a finding found.
    static let profileID = "profile"

    /// The answers a finding quotes as what was found: those its failed rules' `check` read
    /// (an `applies` is context, not evidence, and so is the organisation profile a check may
    /// read), each once, and none a finding before it already quoted.
    func evidence(of problem: ThemeResult, quotedBefore: Set<QuestionRef>) -> [QuestionRef] {
        var seen = quotedBefore
        var out: [QuestionRef] = []
        for r in problem.rules {
            r.rule.check.root.forEachReference { c, q, _ in
                let ref = QuestionRef(checklist: c ?? r.checklistID, question: q)
                if ref.checklist != Self.profileID, input.set.question(ref) != nil, seen.insert(ref).inserted { out.append(ref) }
            }
        }
        return out
    }

    /// What a single rule's failure is called where it is listed alone (the comparison): its own
    /// `problem`, else its theme's, else its title.
    func problemHeading(of r: RuleResult) -> String {
        r.rule.problem ?? findingHeading(of: r)
    }

    /// The heading of the finding a failed rule is reported under: its theme's problem, else its own.
    func findingHeading(of r: RuleResult) -> String {
        if let theme = r.rule.theme, let declared = input.set.checklist(theme.checklist ?? r.checklistID)?.theme(theme.id) {
            return declared.problem
        }
        return r.rule.problemHeading
    }

    /// The section title a rule scores under.
    func sectionTitle(of result: RuleResult) -> String {
        input.set.checklist(result.checklistID)?.sectionTitle(result.rule.sectionID) ?? Section.generalTitle
    }

    /// The checklist title of a result.
    func checklistTitle(_ id: String) -> String { input.set.checklist(id)?.title ?? id }

    /// The article a rule cites, with the quote, when it cites one.
    /// The quote backing why a problem matters, where the catalogue gives one (cited from the
    /// checklist that defines the problem).
    func citation(of problem: ThemeResult) -> (source: Source, quote: String?)? {
        guard let cited = problem.theme?.source, let split = ReportWording.source(cited),
              let source = input.set.checklist(problem.checklistID)?.source(cited: cited) else { return nil }
        return (source, split.quote)
    }

    func citation(of result: RuleResult) -> (source: Source, quote: String?)? {
        guard let split = ReportWording.source(result.rule.source),
              let source = input.set.checklist(result.checklistID)?.source(cited: result.rule.source) else { return nil }
        return (source, split.quote)
    }

    /// The condition under which a question is asked, in words; nil when it is always asked or
    /// its condition has no wording.
    func askedWhen(_ ref: QuestionRef) -> String? {
        guard let when = input.set.question(ref)?.when else { return nil }
        return ConditionWords.describe(when, in: ref.checklist, set: input.set)
    }

    /// Sections of a checklist score that the report leaves out: nothing in them applies (the
    /// pages of a platform the team does not use), so an empty bar would only be noise.
    func isUnused(_ section: SectionScore, of checklist: Checklist) -> Bool {
        let s = section.summary
        if s.passedRules + s.failedRules + s.openRules == 0 { return true }
        let hasQuestions = !(checklist.section(section.id)?.questions.isEmpty ?? true)
        return hasQuestions && s.askedQuestions == 0 && s.passedRules + s.failedRules == 0
    }
}

/// A typed answer the team gave and the measured value that replaced it, when they differ.
struct EstimatePair {
    /// The question.
    var ref: QuestionRef
    /// Its prompt.
    var prompt: String
    /// What the team typed.
    var estimate: String
    /// The measured answer, as the question shows it.
    var measured: String
    /// Where it came from.
    var source: MeasuredAnswer
    /// In a team audit, each auditor's own estimate, by name (then `estimate` may be empty).
    var byAuditor: [(auditor: String, text: String)] = []

    /// The pairs of the audited checklists, in asking order.
    static func all(in input: ReportInput, checklists: [Checklist]) -> [EstimatePair] {
        var pairs: [EstimatePair] = []
        for checklist in checklists {
            for (_, q) in checklist.allQuestions {
                let ref = QuestionRef(checklist: checklist.id, question: q.id)
                guard let m = input.measured[ref] else { continue }
                let measured = input.answers[ref]?.displayText ?? ExpressionPrinter.formatNumber(m.value)
                // An estimate that reads back as the measured value is no disagreement.
                func differs(_ text: String) -> Bool {
                    if case .success(let parsed) = q.parse(text), parsed == input.answers[ref] { return false }
                    return !text.isEmpty && text != measured
                }
                let byAuditor = (input.auditorEstimates[ref] ?? []).map { ($0.auditor.trimmed(), $0.text.trimmed()) }
                if !byAuditor.isEmpty {
                    // A team audit: every auditor's estimate, when any of them missed.
                    guard byAuditor.contains(where: { differs($0.1) }) else { continue }
                    pairs.append(EstimatePair(ref: ref, prompt: q.prompt, estimate: "", measured: measured, source: m,
                                              byAuditor: byAuditor.map { (auditor: $0.0, text: $0.1) }))
                    continue
                }
                guard let estimate = m.estimate?.trimmed(), differs(estimate) else { continue }
                pairs.append(EstimatePair(ref: ref, prompt: q.prompt, estimate: estimate, measured: measured, source: m))
            }
        }
        return pairs
    }
}
