/// One rule's outcome, with what fixing it would be worth.
public struct RuleResult: Sendable, Hashable {
    /// The checklist the rule belongs to.
    public var checklistID: String
    /// The rule as loaded (title, finding, recommendation, source, severity).
    public var rule: Rule
    /// Pass, fail, not applicable or open.
    public var status: RuleStatus
    /// Points the rule is worth.
    public var points: Double
    /// For a failed rule: score points its checklist would gain if it passed; else nil.
    public var gain: Double?
    /// For a failed rule: score points the overall score would gain if it passed; else nil.
    public var overallGain: Double?
    /// For a rule that is not applicable because of an `n/a` answer: the questions answered
    /// `n/a` that it reads (empty when its `applies` is simply false).
    public var notApplicableBecause: [QuestionRef] = []
    /// The rule fails, but its problem is accepted for now: it is scored as not applicable.
    public var isAccepted = false

    /// Creates a result.
    public init(checklistID: String, rule: Rule, status: RuleStatus, points: Double,
                gain: Double? = nil, overallGain: Double? = nil) {
        self.checklistID = checklistID
        self.rule = rule
        self.status = status
        self.points = points
        self.gain = gain
        self.overallGain = overallGain
    }

    /// `checklist.rule`, unique across a session.
    public var qualifiedID: String { "\(checklistID).\(rule.id)" }

    /// The checklist that owns the rule's theme: the one its `theme:` names, else its own.
    public var themeOwner: String { rule.theme?.checklist ?? checklistID }

    /// What its failure is grouped under: `owner.theme-id`, or its own `qualifiedID` when it
    /// has no theme (a rule without a theme is a theme of its own).
    public var themeKey: String { rule.theme.map { "\(themeOwner).\($0.id)" } ?? qualifiedID }
}
