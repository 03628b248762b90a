/// "Did you mean" suggestions by edit distance.
public enum Suggest {
    /// Edit distance, case-insensitive, where swapping two neighbours counts as one edit
    /// (optimal string alignment: `hlep` is one slip from `help`); O(n·m) on two short words.
    public static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a.lowercased().unicodeScalars), y = Array(b.lowercased().unicodeScalars)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var beforePrevious = [Int](repeating: 0, count: y.count + 1)
        var previous = Array(0...y.count)
        var current = previous
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[y.count]
    }

    /// The candidate closest to `word`, when close enough to be a likely typo
    /// (at most a third of the word's length, and at least 1, edits away).
    public static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        let limit = max(1, word.count / 3)
        var best: (String, Int)?
        for c in candidates {
            // Cheap length filter first, so suggesting among many ids stays fast.
            if abs(c.count - word.count) > limit { continue }
            let d = distance(word, c)
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
