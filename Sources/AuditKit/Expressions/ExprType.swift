/// The static type of an expression, checked when a checklist loads.
public indirect enum ExprType: Sendable, Hashable, CustomStringConvertible {
    /// true or false (yesno answers, comparisons).
    case bool
    /// number, percent and scale answers, numeric literals.
    case number
    /// durations.
    case duration
    /// dates.
    case date
    /// text; `choices` is set for a choice question so literals can be checked against it.
    case string(choices: [String]?, question: String?)
    /// a multi question's selection.
    case set(choices: [String], question: String)
    /// a literal list; `element` is nil for `[]`.
    case list(element: ExprType?)

    /// The type a question's answer has in expressions.
    public static func of(_ q: Question, qualified name: String) -> ExprType {
        switch q.type {
        case .yesno: return .bool
        case .choice: return .string(choices: q.choices, question: name)
        case .multi: return .set(choices: q.choices, question: name)
        case .number, .percent, .scale: return .number
        case .duration: return .duration
        case .date: return .date
        case .text: return .string(choices: nil, question: name)
        }
    }

    /// Plain words for messages: "a number", "a list of strings".
    public var description: String {
        switch self {
        case .bool: return "true/false"
        case .number: return "a number"
        case .duration: return "a duration"
        case .date: return "a date"
        case .string(let choices, let q): return choices != nil ? "a choice (\(q ?? ""))" : "a string"
        case .set(_, let q): return "a multiple choice (\(q))"
        case .list(let e): return e.map { "a list of \($0.pluralName)" } ?? "an empty list"
        }
    }

    var pluralName: String {
        switch self {
        case .bool: return "true/false values"
        case .number: return "numbers"
        case .duration: return "durations"
        case .date: return "dates"
        case .string: return "strings"
        case .set: return "selections"
        case .list: return "lists"
        }
    }

    /// Strings and choices compare with each other; numbers with numbers; and so on.
    var base: Int {
        switch self {
        case .bool: return 0
        case .number: return 1
        case .duration: return 2
        case .date: return 3
        case .string: return 4
        case .set, .list: return 5
        }
    }
}
