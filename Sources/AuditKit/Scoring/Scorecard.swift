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
}

/// Everything the scoring computed for a session: per checklist, per section and overall
/// scores, ranges, coverage, bands, rule outcomes and the gain of fixing each failed rule.
public struct Scorecard: Sendable, Hashable {
    /// Scored checklists in session order.
    public var checklists: [ChecklistScore]
    /// Totals over all checklists: points-weighted, so a checklist weighs as much as its rules.
    public var overall: ScoreSummary

    /// Creates a scorecard.
    public init(checklists: [ChecklistScore], overall: ScoreSummary) {
        self.checklists = checklists
        self.overall = overall
    }

    /// Failed rules, most severe first, then most points, then checklist and file order.
    public var findings: [RuleResult] {
        let failed = checklists.flatMap { $0.results.filter { $0.status == .fail } }
        return failed.enumerated().sorted { a, b in
            if a.element.rule.severity != b.element.rule.severity { return a.element.rule.severity > b.element.rule.severity }
            if a.element.points != b.element.points { return a.element.points > b.element.points }
            return a.offset < b.offset
        }.map(\.element)
    }

    /// Failed rules ordered by how much fixing them raises the overall score, largest first.
    public var topFixes: [RuleResult] {
        findings.enumerated().sorted { a, b in
            let ga = a.element.overallGain ?? 0, gb = b.element.overallGain ?? 0
            return ga != gb ? ga > gb : a.offset < b.offset
        }.map(\.element)
    }

    /// Open rules across checklists, in order.
    public var openRules: [RuleResult] { checklists.flatMap { $0.results.filter { $0.status == .open } } }

    /// The score of one checklist.
    public func checklist(_ id: String) -> ChecklistScore? { checklists.first { $0.id == id } }
}
