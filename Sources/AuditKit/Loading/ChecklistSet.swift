/// Several loaded checklists (built-ins and user files) that may read each other's answers.
public struct ChecklistSet: Sendable {
    /// The usable checklists, in load order; checklists with errors are left out.
    public private(set) var checklists: [Checklist]
    private var index: [String: Int] = [:]

    /// A set of already validated checklists (no checks run); first of a duplicate id wins.
    public init(unchecked checklists: [Checklist]) {
        self.checklists = checklists
        for (i, c) in checklists.enumerated() where index[c.id] == nil { index[c.id] = i }
    }

    /// An empty set.
    public init() { self.init(unchecked: []) }

    /// The checklist with this id.
    public func checklist(_ id: String) -> Checklist? { index[id].map { checklists[$0] } }

    /// The theme a rule of checklist `checklistID` names, from that checklist or the one it
    /// qualifies it with; nil when the rule names none.
    public func theme(of rule: Rule, in checklistID: String) -> Theme? { theme(rule.theme, in: checklistID) }

    /// The theme `ref`, written in checklist `checklistID`, names; nil for none.
    func theme(_ ref: ThemeRef?, in checklistID: String) -> Theme? {
        ref.flatMap { checklist($0.checklist ?? checklistID)?.theme($0.id) }
    }

    /// The question a reference names.
    public func question(_ ref: QuestionRef) -> Question? { checklist(ref.checklist)?.question(ref.question) }

    /// The default of a target, when the reference names one.
    public func targetDefault(_ ref: QuestionRef) -> AnswerValue? {
        index[ref.checklist].flatMap { checklists[$0].targetDefaults[ref.question] }
    }

    /// Whether a reference names a loaded question, without copying it out.
    public func contains(_ ref: QuestionRef) -> Bool { whenOf(ref) != nil }

    /// The place in the set of the checklist with this id.
    func place(of id: String) -> Int? { index[id] }

    /// Where the question or target a reference names is: its checklist's place in the set,
    /// its number there (`Checklist.numbered(_:)`), and its `when` (nil inside when absent, as
    /// for every target). Nil for a name that is neither, or a target without a default.
    func locate(_ ref: QuestionRef) -> (checklist: Int, number: Int, when: RuleExpression?)? {
        guard let i = index[ref.checklist], let (question, number) = checklists[i].numbered(ref.question) else { return nil }
        if number < checklists[i].questionCount { return (i, number, question.when) }
        // A target is never asked, but always has a value: its default or the team's.
        return checklists[i].targetDefaults[ref.question] != nil ? (i, number, nil) : nil
    }

    /// Whether the reference names a question, and its `when` (nil inside when absent). Reads in
    /// place, without copying the checklist or question, since evaluation calls it per reference.
    func whenOf(_ ref: QuestionRef) -> RuleExpression?? { locate(ref).map(\.when) }

    /// Whether any `when`, `applies` or `check` of checklist `id` reads an answer of checklist
    /// `other` (the organisation profile is asked only of audits whose checklists read it).
    public func checklist(_ id: String, reads other: String) -> Bool {
        guard let checklist = checklist(id) else { return false }
        var found = false
        let expressions = checklist.sections.flatMap { $0.questions.compactMap(\.when) }
            + checklist.rules.flatMap { [$0.check] + ($0.applies.map { [$0] } ?? []) }
        for expression in expressions where !found {
            expression.root.forEachReference { c, _, _ in if c == other { found = true } }
        }
        return found
    }

    /// Ids of the checklists, in order.
    public var ids: [String] { checklists.map(\.id) }

    /// Loads and validates several files together, so that cross-checklist references resolve.
    /// Returns the checklists without errors and every diagnostic of every file, in file order.
    public static func load(_ files: [(file: String, text: String)]) -> (ChecklistSet, [Diagnostic]) {
        SetValidator.load(files)
    }

    /// Whether a question is asked (its `when` absent or true) given these answers.
    public func isAsked(_ ref: QuestionRef, in answers: AnswerSheet) -> Bool {
        // Most questions have no condition; they need no evaluator (the shell asks this for
        // every question after every answer).
        // `whenOf` reads in place; copying the whole question out cost more than the check.
        guard let when = whenOf(ref) else { return false }
        guard when != nil else { return true }
        return Evaluator(set: self, answers: answers).isAsked(ref)
    }
}
