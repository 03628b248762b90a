/// A section's score within a checklist.
public struct SectionScore: Sendable, Hashable {
    /// The section id, or `Section.generalID` for rules without a section.
    public var id: String
    /// The section title, or "General".
    public var title: String
    /// The numbers.
    public var summary: ScoreSummary
}

/// One checklist's score, its sections, and every rule's outcome in file order.
public struct ChecklistScore: Sendable, Hashable {
    /// The checklist id.
    public var id: String
    /// The checklist title.
    public var title: String
    /// The checklist version.
    public var version: String
    /// The numbers.
    public var summary: ScoreSummary
    /// Sections in checklist order, then the General bucket when it has rules.
    public var sections: [SectionScore]
    /// Every rule's outcome, in file order.
    public var results: [RuleResult]
    /// What the score may say (caps, provisional, enough answers).
    public var standing: Standing
}

/// Everything the scoring computed for a session: per checklist, per section and overall
/// scores, ranges, coverage, bands, rule outcomes and the gain of fixing each failed rule.
public struct Scorecard: Sendable, Hashable {
    /// Scored checklists in session order.
    public var checklists: [ChecklistScore]
    /// Totals over all checklists: points-weighted, so a checklist weighs as much as its rules.
    public var overall: ScoreSummary
    /// What the overall score may say.
    public var standing: Standing
    /// The problems found: failed rules grouped by theme, most severe first, then by gain.
    public var themes: [ThemeResult]

    /// How many problems a summary names (the report's, and the shell's at the end of an audit).
    public static let topProblemCount = 3

    /// The most important problems: the first of `themes`, which both summaries name.
    public var topProblems: ArraySlice<ThemeResult> { themes.prefix(Self.topProblemCount) }

    /// Creates a scorecard.
    public init(checklists: [ChecklistScore], overall: ScoreSummary, standing: Standing, themes: [ThemeResult]) {
        self.checklists = checklists
        self.overall = overall
        self.standing = standing
        self.themes = themes
    }

    /// Failed rules, most severe first, then most points, then checklist and file order.
    public var findings: [RuleResult] {
        let failed = checklists.flatMap { $0.results.filter { $0.status == .fail } }
        // Sort small keys, not the results: a result carries its whole rule, and moving those
        // around during a sort cost more than scoring itself on large checklists.
        let keys = failed.map { (rank: $0.severity.rank, points: $0.points) }
        let order = failed.indices.sorted { a, b in
            if keys[a].rank != keys[b].rank { return keys[a].rank > keys[b].rank }
            if keys[a].points != keys[b].points { return keys[a].points > keys[b].points }
            return a < b
        }
        return order.map { failed[$0] }
    }

    /// Failed rules ordered by how much fixing them raises the overall score, largest first
    /// (ties keep the findings order).
    public var topFixes: [RuleResult] {
        let ordered = findings
        let gains = ordered.map { $0.overallGain ?? 0 }
        let order = ordered.indices.sorted { a, b in gains[a] != gains[b] ? gains[a] > gains[b] : a < b }
        return order.map { ordered[$0] }
    }

    /// Open rules across checklists, in order.
    public var openRules: [RuleResult] { checklists.flatMap { $0.results.filter { $0.status == .open } } }

    /// The score of one checklist.
    public func checklist(_ id: String) -> ChecklistScore? { checklists.first { $0.id == id } }
}
