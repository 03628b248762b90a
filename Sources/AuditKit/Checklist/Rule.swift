/// A rule: when it `applies`, its `check` is true for a healthy practice.
public struct Rule: Sendable, Hashable {
    /// Unique within the checklist.
    public var id: String
    /// Short name, as in "fix *Reply to customer requests*".
    public var title: String
    /// When false the rule is not applicable; nil means always applies.
    public var applies: RuleExpression?
    /// True when the practice is healthy.
    public var check: RuleExpression
    /// How much a failure matters.
    public var severity: Severity
    /// Points as written in the file; nil means the severity's default.
    public var explicitPoints: Double?
    /// What is wrong, in the team's terms.
    public var finding: String?
    /// What to do next.
    public var recommendation: String?
    /// `<seed file>#<quote>` citation.
    public var source: String?
    /// What is wrong, as a heading, when the rule fails (`title` is the practice, shown when it
    /// passes); nil when the checklist gives none.
    public var problem: String?
    /// The theme the rule judges, as written; nil for a rule that is its own theme.
    public var theme: ThemeRef?
    /// How a failure limits the band (see `cap`).
    public var capSetting: CapSetting = .byDefault
    /// Why the rule need not appear in examples both failing and passing (`check --strict`).
    public var untested: String?
    /// Where the rule's threshold is the audit's own, not the articles': the bar in words and
    /// why (`a first reply within one hour: the article asks for “quickly”`). The report's
    /// method states each once, so findings need not hedge.
    public var bar: String?
    /// Where the `theme:` value is, for errors about it.
    public var themeLocation: SourceLocation?
    /// The section the rule scores under as written (`section:`), if any.
    public var explicitSection: String?
    /// The section the rule scores under after defaults (see `Checklist`), or `Section.generalID`.
    public var sectionID: String
    /// Where the rule's mapping starts.
    public var location: SourceLocation
    /// Where the rule's `id` value is.
    public var idLocation: SourceLocation

    /// Points this rule is worth: `points:` if given, else the severity's default.
    public var points: Double { explicitPoints ?? severity.defaultPoints }

    /// The band a failure of this rule caps the score at, if any: `caps:` when written, else
    /// `ScoringPolicy.criticalCap` for a critical rule.
    public var cap: Band? {
        switch capSetting {
        case .byDefault: return severity == .critical ? ScoringPolicy.criticalCap : nil
        case .none: return nil
        case .band(let band): return band
        }
    }

    /// The heading of a failure: `problem`, else `title`.
    public var problemHeading: String { problem ?? title }

    /// Creates a rule.
    public init(id: String, title: String, applies: RuleExpression? = nil, check: RuleExpression,
                severity: Severity, explicitPoints: Double? = nil, finding: String? = nil,
                recommendation: String? = nil, source: String? = nil, explicitSection: String? = nil,
                sectionID: String = Section.generalID,
                location: SourceLocation = SourceLocation(file: "", line: 1, column: 1),
                idLocation: SourceLocation? = nil) {
        self.id = id
        self.title = title
        self.applies = applies
        self.check = check
        self.severity = severity
        self.explicitPoints = explicitPoints
        self.finding = finding
        self.recommendation = recommendation
        self.source = source
        self.explicitSection = explicitSection
        self.sectionID = sectionID
        self.location = location
        self.idLocation = idLocation ?? location
    }
}
