/// What a rule came to for one set of answers.
public enum RuleStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Applies and `check` is true: the practice is healthy.
    case pass
    /// Applies and `check` is false: a finding.
    case fail
    /// `applies` is false: the rule does not count.
    case notApplicable = "not applicable"
    /// `applies` or `check` is unknown (unanswered or n/a inputs): shown as open.
    case open
}
