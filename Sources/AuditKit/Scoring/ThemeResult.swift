/// One underlying problem found: the failed rules of one theme (a rule without a theme is a
/// theme of its own), with the gain of fixing all of them at once.
public struct ThemeResult: Sendable, Hashable {
    /// `checklist.theme-id`, or `checklist.rule-id` for a rule that is its own theme.
    public var key: String
    /// The declared theme; nil for a rule that is its own theme.
    public var theme: Theme?
    /// The checklist the theme belongs to.
    public var checklistID: String
    /// Its failed rules, most severe first, then in checklist order.
    public var rules: [RuleResult]
    /// Score points the overall score gains if every rule here passed (computed from the
    /// points, not summed from separate gains).
    public var gain: Double
    /// The same per checklist: how much each checklist's own score gains when its rules here pass.
    public var checklistGains: [String: Double]

    /// How many rules of the theme apply (pass, fail or are open), the failed ones included.
    public var applicableRuleCount = 0

    /// The heading of the finding: the theme's `problem` when the theme fails as a whole (every
    /// one of its rules that applies fails), else the most severe failed rule's own, which
    /// says exactly what that rule found. A theme of three practices of which one is kept is
    /// not "missing", and its problem need not hedge to stay true.
    public var problem: String {
        guard let theme, rules.count >= applicableRuleCount else { return rules[0].rule.problemHeading }
        return theme.problem
    }

    /// The practice it restores: the theme's `title`, else the rule's.
    public var title: String { theme?.title ?? rules[0].rule.title }

    /// The most severe of its rules' severities.
    public var severity: Severity { rules.map(\.rule.severity).max() ?? .info }

    /// The points its failed rules carry together.
    public var points: Double { rules.reduce(0) { $0 + $1.points } }

    /// The lowest cap among its failed rules, if any.
    public var cap: Band? { rules.compactMap(\.rule.cap).min() }
}
