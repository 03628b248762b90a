/// The kind of answer a question takes; decides parsing, display and the expression type.
public enum QuestionType: String, Sendable, Hashable, Codable, CaseIterable {
    /// yes or no.
    case yesno
    /// Exactly one of `choices`.
    case choice
    /// Any subset of `choices`, possibly empty.
    case multi
    /// A plain number, e.g. followers.
    case number
    /// A share, stored as a fraction (0.035 for 3.5%).
    case percent
    /// A whole number on a scale, 1–5 unless `min`/`max` say otherwise.
    case scale
    /// A length of time such as `45m` or `1d`.
    case duration
    /// A calendar day in ISO form, `2024-05-01`.
    case date
    /// Free text, any non-empty line.
    case text

    /// The accepted spellings of `type:` in a checklist, for error messages.
    public static var acceptedList: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
