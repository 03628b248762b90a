/// "Did you mean" suggestions by edit distance.
public enum Suggest {
    /// Edit distance, case-insensitive, where swapping two neighbours counts as one edit
    /// (optimal string alignment: `hlep` is one slip from `help`); O(n·m) on two short words.
    public static func distance(_ a: String, _ b: String) -> Int {
        var rows = Rows()
        return distance(Array(a.lowercased().unicodeScalars), Array(b.lowercased().unicodeScalars), rows: &rows)
    }

    /// The three rows of the distance table, kept from one candidate to the next.
    private struct Rows {
        var beforePrevious: [Int] = [], previous: [Int] = [], current: [Int] = []
    }

    private static func distance(_ x: [Unicode.Scalar], _ y: [Unicode.Scalar], rows: inout Rows) -> Int {
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        // Refilled in place: a mistyped word is compared with every command or id in turn.
        func refill(_ row: inout [Int]) {
            row.removeAll(keepingCapacity: true)
            row.append(contentsOf: 0...y.count)
        }
        refill(&rows.beforePrevious)
        refill(&rows.previous)
        refill(&rows.current)
        for i in 1...x.count {
            rows.current[0] = i
            for j in 1...y.count {
                rows.current[j] = min(rows.previous[j] + 1, rows.current[j - 1] + 1, rows.previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                    rows.current[j] = min(rows.current[j], rows.beforePrevious[j - 2] + 1)
                }
            }
            swap(&rows.beforePrevious, &rows.previous)
            swap(&rows.previous, &rows.current)
        }
        return rows.previous[y.count]
    }

    /// The candidate closest to `word`, when close enough to be a likely typo
    /// (at most a third of the word's length, and at least 1, edits away).
    public static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        closest(to: word, in: Array(candidates))
    }

    /// `closest(to:in:)` over an array, which every caller but a few has: a generic sequence
    /// from another module is walked through its witness table, one call per candidate, and
    /// the shell asks this for every line it does not understand.
    public static func closest(to word: String, in candidates: [String]) -> String? {
        let limit = max(1, word.count / 3)
        let x = Array(word.lowercased().unicodeScalars)
        var rows = Rows()
        var best: (String, Int)?
        for c in candidates {
            // The distance is at least the difference of the lengths: a cheap test that leaves
            // out only candidates too far away anyway, so suggesting among many ids stays fast.
            // An ASCII candidate (every command and id) is as long as its bytes, lowercased or not.
            if abs(c.utf8.count - x.count) > limit, c.utf8.allSatisfy({ $0 < 0x80 }) { continue }
            let y = Array(c.lowercased().unicodeScalars)
            if abs(y.count - x.count) > limit { continue }
            let d = distance(x, y, rows: &rows)
            if d <= limit, d < (best?.1 ?? Int.max) { best = (c, d) }
        }
        return best?.0
    }

    /// `; did you mean `x`?`: the one way a suggestion is offered, right after the clause it
    /// corrects (anything that follows goes after a space); nil when there is none, so callers
    /// can offer something else instead. `quote` is what surrounds the word: a backquote for
    /// ids, `"` for names, nothing for options that are written bare (`--format`).
    public static func hint(_ suggestion: String?, quote: String = "`") -> String? {
        suggestion.map { "; did you mean \(quote)\($0)\(quote)?" }
    }
}
