/// The answer of a completion callback for the text before the cursor.
public struct Completions: Sendable, Equatable {
    /// How many Unicode scalars at the end of the text before the cursor the candidates replace
    /// (the word being completed; for a free-text answer it may be the whole line).
    public var replacing: Int
    /// Full replacements for those scalars.
    public var candidates: [String]
    /// Whether a single completed candidate is followed by a space.
    public var appendSpace: Bool

    public init(replacing: Int, candidates: [String], appendSpace: Bool = true) {
        self.replacing = replacing
        self.candidates = candidates
        self.appendSpace = appendSpace
    }

    /// No candidates.
    public static let none = Completions(replacing: 0, candidates: [])
}

/// Supplies completions for the text before the cursor.
public typealias Completer = (_ textBeforeCursor: String) -> Completions

/// The longest prefix shared by every string (compared by Unicode scalars).
func commonPrefix(_ strings: [String]) -> String {
    guard var prefix = strings.first.map({ Array($0.unicodeScalars) }) else { return "" }
    for string in strings.dropFirst() {
        let scalars = Array(string.unicodeScalars)
        var length = 0
        while length < min(prefix.count, scalars.count), prefix[length] == scalars[length] { length += 1 }
        prefix.removeSubrange(length...)
    }
    var result = ""
    result.unicodeScalars.append(contentsOf: prefix)
    return result
}

/// Lays candidates out in columns that fit `width`, like a shell's completion list.
func candidateColumns(_ candidates: [String], width: Int) -> String {
    let widest = candidates.map(\.count).max() ?? 0
    let columnWidth = widest + 2
    let columns = max(1, width / max(1, columnWidth))
    let rows = (candidates.count + columns - 1) / columns
    var lines: [String] = []
    for row in 0..<rows {
        var line = ""
        for column in 0..<columns {
            let index = column * rows + row
            guard index < candidates.count else { continue }
            let item = candidates[index]
            let isLast = (column + 1) * rows + row >= candidates.count
            line += isLast ? item : item + String(repeating: " ", count: columnWidth - item.count)
        }
        lines.append(line)
    }
    return lines.joined(separator: "\n")
}
