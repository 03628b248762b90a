/// The outcome of one rule for one set of answers.
public struct RuleResult: Sendable, Hashable {
    /// The checklist the rule belongs to (fixed: the rule's keys are made from it).
    public let checklistID: String
    /// The rule as loaded (title, finding, recommendation, source, severity), and its keys.
    /// Held by reference: results are copied many times over while scoring, grouping and
    /// sorting, and a rule is twenty fields to retain and release at every copy.
    private var held: Held
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

    /// The rule with the keys made from it once.
    private final class Held: Sendable {
        let rule: Rule
        let qualifiedID: String
        let themeKey: String
        /// The rule's cap, severity and section, read for every result while the caps are
        /// found, the sections tallied and the findings ordered: kept here, they are read
        /// where the results lie rather than from each rule's fields, which at 100,000 rules
        /// are long out of the cache by then.
        let cap: Band?
        let severity: Severity
        let sectionID: String
        let theme: ThemeRef?

        init(_ rule: Rule, checklistID: String) {
            self.rule = rule
            cap = rule.cap
            severity = rule.severity
            sectionID = rule.sectionID
            theme = rule.theme
            qualifiedID = "\(checklistID).\(rule.id)"
            themeKey = theme?.key(in: checklistID) ?? qualifiedID
        }
    }

    /// Creates a result.
    public init(checklistID: String, rule: Rule, status: RuleStatus, points: Double,
                gain: Double? = nil, overallGain: Double? = nil) {
        self.checklistID = checklistID
        held = Held(rule, checklistID: checklistID)
        self.status = status
        self.points = points
        self.gain = gain
        self.overallGain = overallGain
    }

    /// The rule as loaded (with a target's value written into its words, once scored).
    public var rule: Rule {
        get { held.rule }
        set { held = Held(newValue, checklistID: checklistID) }
    }

    /// `checklist.rule`, unique across a session.
    public var qualifiedID: String { held.qualifiedID }

    /// The checklist that owns the rule's theme: the one its `theme:` names, else its own.
    public var themeOwner: String { held.theme?.checklist ?? checklistID }

    /// `rule.theme`, kept with the result.
    var theme: ThemeRef? { held.theme }

    /// What its failure is grouped under: `owner.theme-id`, or its own `qualifiedID` when it
    /// has no theme (a rule without a theme is a theme of its own).
    public var themeKey: String { held.themeKey }

    /// `rule.cap`, kept with the result.
    var cap: Band? { held.cap }

    /// `rule.severity`, kept with the result.
    var severity: Severity { held.severity }

    /// `rule.sectionID`, kept with the result.
    var sectionID: String { held.sectionID }

    public static func == (a: RuleResult, b: RuleResult) -> Bool {
        a.checklistID == b.checklistID && a.status == b.status && a.points == b.points && a.gain == b.gain
            && a.overallGain == b.overallGain && a.notApplicableBecause == b.notApplicableBecause
            && a.isAccepted == b.isAccepted && (a.held === b.held || a.held.rule == b.held.rule)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(checklistID)
        hasher.combine(held.rule)
        hasher.combine(status)
        hasher.combine(points)
        hasher.combine(gain)
        hasher.combine(overallGain)
        hasher.combine(notApplicableBecause)
        hasher.combine(isAccepted)
    }
}
