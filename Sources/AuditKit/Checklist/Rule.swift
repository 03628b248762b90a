/// A rule: when it `applies`, its `check` is true for a healthy practice.
///
/// A value, as any other, but its fields are kept in one shared object until a copy is changed:
/// a rule is copied into each result of every scoring and through every pass over a checklist,
/// and copying twenty fields meant twenty reference counts to change in memory the pass had
/// not otherwise touched (a tenth of loading and scoring a large checklist).
public struct Rule: Sendable, Hashable {
    /// The fields, shared by copies of a rule until one of them is changed.
    final class Stored: @unchecked Sendable {
        // Unchecked: a `Stored` is changed only through `Rule`'s setters, which first make it
        // the changing rule's own (`fields`), so no other rule or thread ever sees it change.
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
        var capSetting: CapSetting
        var untested: String?
        var bar: String?
        var themeLocation: SourceLocation?
        var explicitSection: String?
        var sectionID: String
        var location: SourceLocation
        var idLocation: SourceLocation

        init(id: String, title: String, applies: RuleExpression?, check: RuleExpression, severity: Severity,
             explicitPoints: Double?, finding: String?, recommendation: String?, source: String?,
             problem: String?, theme: ThemeRef?, capSetting: CapSetting, untested: String?, bar: String?,
             themeLocation: SourceLocation?, explicitSection: String?, sectionID: String,
             location: SourceLocation, idLocation: SourceLocation) {
            self.id = id
            self.title = title
            self.applies = applies
            self.check = check
            self.severity = severity
            self.explicitPoints = explicitPoints
            self.finding = finding
            self.recommendation = recommendation
            self.source = source
            self.problem = problem
            self.theme = theme
            self.capSetting = capSetting
            self.untested = untested
            self.bar = bar
            self.themeLocation = themeLocation
            self.explicitSection = explicitSection
            self.sectionID = sectionID
            self.location = location
            self.idLocation = idLocation
        }

        /// A copy for a rule about to change.
        func copy() -> Stored {
            Stored(id: id, title: title, applies: applies, check: check, severity: severity,
                   explicitPoints: explicitPoints, finding: finding, recommendation: recommendation,
                   source: source, problem: problem, theme: theme, capSetting: capSetting,
                   untested: untested, bar: bar, themeLocation: themeLocation,
                   explicitSection: explicitSection, sectionID: sectionID, location: location,
                   idLocation: idLocation)
        }
    }

    private(set) var stored: Stored

    /// The fields, made this rule's own first if another rule shares them.
    private var fields: Stored {
        mutating get {
            if !isKnownUniquelyReferenced(&stored) { stored = stored.copy() }
            return stored
        }
    }

    /// Unique within the checklist.
    public var id: String {
        get { stored.id }
        set { fields.id = newValue }
    }
    /// Short name, as in "fix *Reply to customer requests*".
    public var title: String {
        get { stored.title }
        set { fields.title = newValue }
    }
    /// When false the rule is not applicable; nil means always applies.
    public var applies: RuleExpression? {
        get { stored.applies }
        set { fields.applies = newValue }
    }
    /// True when the practice is healthy.
    public var check: RuleExpression {
        get { stored.check }
        set { fields.check = newValue }
    }
    /// How much a failure matters.
    public var severity: Severity {
        get { stored.severity }
        set { fields.severity = newValue }
    }
    /// Points as written in the file; nil means the severity's default.
    public var explicitPoints: Double? {
        get { stored.explicitPoints }
        set { fields.explicitPoints = newValue }
    }
    /// What is wrong, in the team's terms.
    public var finding: String? {
        get { stored.finding }
        set { fields.finding = newValue }
    }
    /// What to do next.
    public var recommendation: String? {
        get { stored.recommendation }
        set { fields.recommendation = newValue }
    }
    /// `<seed file>#<quote>` citation.
    public var source: String? {
        get { stored.source }
        set { fields.source = newValue }
    }
    /// What is wrong, as a heading, when the rule fails (`title` is the practice, shown when it
    /// passes); nil when the checklist gives none.
    public var problem: String? {
        get { stored.problem }
        set { fields.problem = newValue }
    }
    /// The theme the rule judges, as written; nil for a rule that is its own theme.
    public var theme: ThemeRef? {
        get { stored.theme }
        set { fields.theme = newValue }
    }
    /// How a failure limits the band (see `cap`).
    public var capSetting: CapSetting {
        get { stored.capSetting }
        set { fields.capSetting = newValue }
    }
    /// Why the rule need not appear in examples both failing and passing (`check --strict`).
    public var untested: String? {
        get { stored.untested }
        set { fields.untested = newValue }
    }
    /// Where the rule's threshold is the audit's own, not the articles': the bar in words and
    /// why (`a first reply within one hour: the article asks for “quickly”`). The report's
    /// method states each once, so findings need not hedge.
    public var bar: String? {
        get { stored.bar }
        set { fields.bar = newValue }
    }
    /// Where the `theme:` value is, for errors about it.
    public var themeLocation: SourceLocation? {
        get { stored.themeLocation }
        set { fields.themeLocation = newValue }
    }
    /// The section the rule scores under as written (`section:`), if any.
    public var explicitSection: String? {
        get { stored.explicitSection }
        set { fields.explicitSection = newValue }
    }
    /// The section the rule scores under after defaults (see `Checklist`), or `Section.generalID`.
    public var sectionID: String {
        get { stored.sectionID }
        set { fields.sectionID = newValue }
    }
    /// Where the rule's mapping starts.
    public var location: SourceLocation {
        get { stored.location }
        set { fields.location = newValue }
    }
    /// Where the rule's `id` value is.
    public var idLocation: SourceLocation {
        get { stored.idLocation }
        set { fields.idLocation = newValue }
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
        stored = Stored(id: id, title: title, applies: applies, check: check, severity: severity,
                        explicitPoints: explicitPoints, finding: finding, recommendation: recommendation,
                        source: source, problem: nil, theme: nil, capSetting: .byDefault, untested: nil,
                        bar: nil, themeLocation: nil, explicitSection: explicitSection, sectionID: sectionID,
                        location: location, idLocation: idLocation ?? location)
    }

    public static func == (lhs: Rule, rhs: Rule) -> Bool {
        let a = lhs.stored, b = rhs.stored
        if a === b { return true }
        return a.id == b.id
            && a.title == b.title
            && a.applies == b.applies
            && a.check == b.check
            && a.severity == b.severity
            && a.explicitPoints == b.explicitPoints
            && a.finding == b.finding
            && a.recommendation == b.recommendation
            && a.source == b.source
            && a.problem == b.problem
            && a.theme == b.theme
            && a.capSetting == b.capSetting
            && a.untested == b.untested
            && a.bar == b.bar
            && a.themeLocation == b.themeLocation
            && a.explicitSection == b.explicitSection
            && a.sectionID == b.sectionID
            && a.location == b.location
            && a.idLocation == b.idLocation
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(stored.id)
        hasher.combine(stored.title)
        hasher.combine(stored.applies)
        hasher.combine(stored.check)
        hasher.combine(stored.severity)
        hasher.combine(stored.explicitPoints)
        hasher.combine(stored.finding)
        hasher.combine(stored.recommendation)
        hasher.combine(stored.source)
        hasher.combine(stored.problem)
        hasher.combine(stored.theme)
        hasher.combine(stored.capSetting)
        hasher.combine(stored.untested)
        hasher.combine(stored.bar)
        hasher.combine(stored.themeLocation)
        hasher.combine(stored.explicitSection)
        hasher.combine(stored.sectionID)
        hasher.combine(stored.location)
        hasher.combine(stored.idLocation)
    }
}
