/// A rule: when it `applies`, its `check` is true for a healthy practice.
///
/// A value: its copies share their fields (`Shared`) until one of them is changed.
public struct Rule: Sendable, Hashable {
    /// What the rule holds, kept in one `Shared` object for all its copies.
    struct Fields: Sendable, Hashable {
        var id: String
        var title: String
        var applies: RuleExpression?
        var check: RuleExpression
        var severity: Severity
        var explicitPoints: Double?
        var finding: String?
        var recommendation: String?
        var source: String?
        var problem: String?
        var theme: ThemeRef?
        var capSetting: CapSetting = .byDefault
        var untested: String?
        var bar: String?
        var themeLocation: SourceLocation?
        var explicitSection: String?
        var sectionID: String
        var location: SourceLocation
        var idLocation: SourceLocation
    }

    private(set) var shared: Shared<Fields>

    /// Unique within the checklist.
    public var id: String {
        get { shared.value.id }
        set { Shared.own(&shared).value.id = newValue }
    }
    /// Short name, as in "fix *Reply to customer requests*".
    public var title: String {
        get { shared.value.title }
        set { Shared.own(&shared).value.title = newValue }
    }
    /// When false the rule is not applicable; nil means always applies.
    public var applies: RuleExpression? {
        // Lent in place, not copied: scoring reads both expressions of every rule, and a copy
        // retains their four references and releases them again.
        _read { yield shared.value.applies }
        set { Shared.own(&shared).value.applies = newValue }
    }
    /// True when the practice is healthy.
    public var check: RuleExpression {
        _read { yield shared.value.check }
        set { Shared.own(&shared).value.check = newValue }
    }
    /// How much a failure matters.
    public var severity: Severity {
        get { shared.value.severity }
        set { Shared.own(&shared).value.severity = newValue }
    }
    /// Points as written in the file; nil means the severity's default.
    public var explicitPoints: Double? {
        get { shared.value.explicitPoints }
        set { Shared.own(&shared).value.explicitPoints = newValue }
    }
    /// What is wrong, in the team's terms.
    public var finding: String? {
        get { shared.value.finding }
        set { Shared.own(&shared).value.finding = newValue }
    }
    /// What to do next.
    public var recommendation: String? {
        get { shared.value.recommendation }
        set { Shared.own(&shared).value.recommendation = newValue }
    }
    /// `<seed file>#<quote>` citation.
    public var source: String? {
        get { shared.value.source }
        set { Shared.own(&shared).value.source = newValue }
    }
    /// What is wrong, as a heading, when the rule fails (`title` is the practice, shown when it
    /// passes); nil when the checklist gives none.
    public var problem: String? {
        get { shared.value.problem }
        set { Shared.own(&shared).value.problem = newValue }
    }
    /// The theme the rule judges, as written; nil for a rule that is its own theme.
    public var theme: ThemeRef? {
        get { shared.value.theme }
        set { Shared.own(&shared).value.theme = newValue }
    }
    /// How a failure limits the band (see `cap`).
    public var capSetting: CapSetting {
        get { shared.value.capSetting }
        set { Shared.own(&shared).value.capSetting = newValue }
    }
    /// Why the rule need not appear in examples both failing and passing (`check --strict`).
    public var untested: String? {
        get { shared.value.untested }
        set { Shared.own(&shared).value.untested = newValue }
    }
    /// Where the rule's threshold is the audit's own, not the articles': the bar in words and
    /// why (`a first reply within one hour: the article asks for “quickly”`). The report's
    /// method states each once, so findings need not hedge.
    public var bar: String? {
        get { shared.value.bar }
        set { Shared.own(&shared).value.bar = newValue }
    }
    /// Where the `theme:` value is, for errors about it.
    public var themeLocation: SourceLocation? {
        get { shared.value.themeLocation }
        set { Shared.own(&shared).value.themeLocation = newValue }
    }
    /// The section the rule scores under as written (`section:`), if any.
    public var explicitSection: String? {
        get { shared.value.explicitSection }
        set { Shared.own(&shared).value.explicitSection = newValue }
    }
    /// The section the rule scores under after defaults (see `Checklist`), or `Section.generalID`.
    public var sectionID: String {
        get { shared.value.sectionID }
        set { Shared.own(&shared).value.sectionID = newValue }
    }
    /// Where the rule's mapping starts.
    public var location: SourceLocation {
        get { shared.value.location }
        set { Shared.own(&shared).value.location = newValue }
    }
    /// Where the rule's `id` value is.
    public var idLocation: SourceLocation {
        get { shared.value.idLocation }
        set { Shared.own(&shared).value.idLocation = newValue }
    }

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
        shared = Shared(Fields(id: id, title: title, applies: applies, check: check, severity: severity,
                               explicitPoints: explicitPoints, finding: finding,
                               recommendation: recommendation, source: source,
                               explicitSection: explicitSection, sectionID: sectionID, location: location,
                               idLocation: idLocation ?? location))
    }

    public static func == (lhs: Rule, rhs: Rule) -> Bool {
        lhs.shared === rhs.shared || lhs.shared.value == rhs.shared.value
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(shared.value) }
}
