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

    /// The heading of the finding: the problem's own, which must hold whenever any of its
    /// rules fails (a business problem, "Customer requests wait and are sent elsewhere"), else,
    /// for a rule that is its own problem, the rule's.
    public var problem: String { theme?.problem ?? rules[0].rule.problemHeading }

    /// The practice it restores: the theme's `title`, else the rule's.
    public var title: String { theme?.title ?? rules[0].rule.title }

    /// The most severe of its rules' severities.
    public var severity: Severity { rules.lazy.map(\.severity).max() ?? .info }

    /// What the problem costs: the most points of its failed rules (a problem is charged once).
    public var points: Double { rules.map(\.points).max() ?? 0 }

    /// The lowest cap among its failed rules, if any.
    public var cap: Band? { rules.compactMap(\.rule.cap).min() }
}
