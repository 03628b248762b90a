/// A runtime value of an expression. Unknown is not a case: evaluation returns `Value?` and
/// nil is unknown, so every operator must say what it does with it. "Not applicable" is a case:
/// an answer of `n/a` makes what depends on it not applicable rather than unknown.
public enum Value: Sendable, Hashable {
    /// An answer of `n/a`, and whatever depends on it strictly (see `Evaluator`).
    case notApplicable
    /// true or false.
    case bool(Bool)
    /// numbers, percents (as fractions) and scales.
    case number(Double)
    /// seconds.
    case duration(Double)
    /// days since 1970-01-01.
    case date(Int)
    /// strings, choice labels and text answers.
    case string(String)
    /// multiple-choice selections and literal lists.
    case list([Value])

    /// The value of an answer.
    public init(_ answer: AnswerValue) {
        switch answer {
        case .bool(let b): self = .bool(b)
        case .choice(let s), .text(let s): self = .string(s)
        case .choices(let labels): self = .list(labels.map { .string($0) })
        case .number(let v), .percent(let v): self = .number(v)
        case .scale(let n): self = .number(Double(n))
        case .duration(let s): self = .duration(s)
        case .date(let d): self = .date(d.dayNumber)
        case .notApplicable: self = .notApplicable
        }
    }
}
