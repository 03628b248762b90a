/// A target's value in words for a rule's finding or bar: `{reply_target}` in the text becomes
/// "1 hour", or "4 hours" once the team sets its own, so the finding never names a bar that is
/// not the one judged.
public enum TargetWords {
    /// `3600 s` → `1 hour`, `5400 s` → `1 hour 30 minutes`, `0.65` → `65%`, `12000` → `12000`.
    public static func words(_ value: AnswerValue) -> String {
        switch value {
        case .duration(let seconds):
            var rest = Int(seconds.rounded())
            var parts: [String] = []
            for (unit, size) in [("day", 86_400), ("hour", 3600), ("minute", 60)] where rest >= size {
                let n = rest / size
                parts.append("\(n) \(unit)\(n == 1 ? "" : "s")")
                rest %= size
            }
            if parts.isEmpty { return "\(rest) seconds" }
            return parts.joined(separator: " ")
        default:
            return value.displayText
        }
    }

    /// `text` with every `{id}` naming a target of `checklistID` replaced by its value's words;
    /// a value the team set (`own`) reads "your target of 4 hours", so the report stops hedging.
    public static func fill(_ text: String, checklistID: String, own: (QuestionRef) -> Bool = { _ in false },
                            values: (QuestionRef) -> AnswerValue?) -> String {
        // By byte: scoring asks this of every rule's words, and most have no `{`.
        guard text.utf8.contains(UInt8(ascii: "{")) else { return text }
        // Substrings are added with `append(contentsOf:)`: `+=` and `+` of a `Substring` take
        // the generic path, whose first call has the runtime look its types up by name.
        var out = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            out.append(contentsOf: rest[..<open])
            let name = String(rest[rest.index(after: open)..<close])
            let ref = QuestionRef(checklist: checklistID, question: name)
            if let value = values(ref) {
                out += (own(ref) ? "your target of " : "") + words(value)
            } else {
                out.append(contentsOf: rest[open...close])
            }
            rest = rest[rest.index(after: close)...]
        }
        out.append(contentsOf: rest)
        return out
    }
}
