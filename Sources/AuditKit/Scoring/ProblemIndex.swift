/// The problems a set of checklists can find, by key, for the commands that name one (`accept`,
/// `plan:` and `accepted:` entries): its heading and its most severe rule.
public struct ProblemIndex: Sendable {
    /// One problem.
    public struct Problem: Sendable, Hashable {
        /// `four-mistakes.service-sent-away`, or a rule's own key when it has no theme.
        public var key: String
        /// The business problem in words.
        public var heading: String
        /// The most severe of its rules.
        public var severity: Severity
    }

    /// Every problem of the checklists, in checklist and rule order.
    public let problems: [Problem]

    /// The problems of `checklists` (all of the set when nil).
    public init(_ set: ChecklistSet, checklists ids: [String]? = nil) {
        var seen: [String: Int] = [:]
        var problems: [Problem] = []
        for id in ids ?? set.ids {
            guard let checklist = set.checklist(id) else { continue }
            for rule in checklist.rules {
                let result = RuleResult(checklistID: id, rule: rule, status: .open, points: rule.points)
                let key = result.themeKey
                let heading = set.theme(of: rule, in: id)?.problem ?? rule.problemHeading
                if let i = seen[key] {
                    problems[i].severity = max(problems[i].severity, rule.severity)
                } else {
                    seen[key] = problems.count
                    problems.append(Problem(key: key, heading: heading, severity: rule.severity))
                }
            }
        }
        self.problems = problems
    }

    /// The problem with this key, if any.
    public func problem(_ key: String) -> Problem? { problems.first { $0.key == key } }
}
