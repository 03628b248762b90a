/// What a rule came to for one set of answers.
public enum RuleStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Applies and `check` is true: the practice is healthy.
    case pass
    /// Applies and `check` is false: a finding.
    case fail
    /// `applies` is false, or the rule depends on an answer of `n/a`: it does not count.
    case notApplicable = "not applicable"
    /// `applies` or `check` is unknown (unanswered or skipped inputs): shown as open.
    case open
}
