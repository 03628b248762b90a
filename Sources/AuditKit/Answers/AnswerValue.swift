/// A parsed answer. Stored in sessions (hence `Codable`), compared in tests, and shown with
/// `displayText`, which the question's parser reads back to the same value.
public enum AnswerValue: Sendable, Hashable, Codable {
    /// yesno.
    case bool(Bool)
    /// choice: the canonical label.
    case choice(String)
    /// multi: canonical labels in the checklist's order; empty means "none".
    case choices([String])
    /// number.
    case number(Double)
    /// percent, as a fraction: 3.5% is 0.035.
    case percent(Double)
    /// scale: a whole number within the question's bounds.
    case scale(Int)
    /// duration in seconds.
    case duration(seconds: Double)
    /// date.
    case date(CalendarDate)
    /// text.
    case text(String)
    /// "not applicable", where the question allows it.
    case notApplicable

    /// Canonical text: `yes`, the choice label, `a, b` or `none`, `12000`, `3.5%`, `4`,
    /// `1h30m`, `2024-05-01`, the text, `n/a`. Parsing it with the same question gives this value.
    public var displayText: String {
        switch self {
        case .bool(let b): return b ? "yes" : "no"
        case .choice(let label): return label
        case .choices(let labels): return labels.isEmpty ? "none" : labels.joined(separator: ", ")
        case .number(let v): return ExpressionPrinter.formatNumber(v)
        case .percent(let f): return ExpressionPrinter.formatNumber(AnswerParser.roundPercent(f * 100)) + "%"
        case .scale(let n): return String(n)
        case .duration(let s): return s == 0 ? "0m" : ExpressionPrinter.formatDuration(s)
        case .date(let d): return d.description
        case .text(let t): return t
        case .notApplicable: return "n/a"
        }
    }

    /// True for `.notApplicable`.
    public var isNotApplicable: Bool { self == .notApplicable }
}
