/// "Did you mean" suggestions by edit distance.
public enum Suggest {
    /// Edit distance, case-insensitive, where swapping two neighbours counts as one edit
    /// (optimal string alignment: `hlep` is one slip from `help`); O(n·m) on two short words.
    public static func distance(_ a: String, _ b: String) -> Int {
        var rows = Rows()
        return distance(lowered(a), lowered(b), rows: &rows)
    }

    /// The three rows of the distance table, kept from one candidate to the next.
    fileprivate struct Rows {
        var beforePrevious: [Int] = [], previous: [Int] = [], current: [Int] = []
    }

    /// A word's Unicode scalars, lowercased, as numbers.
    private static func lowered(_ word: String) -> [UInt32] {
        word.lowercased().unicodeScalars.map(\.value)
    }

    fileprivate static func distance<X: RandomAccessCollection, Y: RandomAccessCollection>(_ x: X, _ y: Y, rows: inout Rows) -> Int
        where X.Index == Int, Y.Index == Int, X.Element == Y.Element, X.Element: Equatable {
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
                rows.current[j] = min(rows.previous[j] + 1, rows.current[j - 1] + 1, rows.previous[j - 1] + (x[x.startIndex + i - 1] == y[y.startIndex + j - 1] ? 0 : 1))
                if i > 1, j > 1, x[x.startIndex + i - 1] == y[y.startIndex + j - 2], x[x.startIndex + i - 2] == y[y.startIndex + j - 1] {
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
        Candidates(candidates).closest(to: word)
    }

    /// Words to suggest from, lowercased once: the shell compares every line it does not
    /// understand with the same command names, and lowercasing each name into a new string
    /// for every line cost more than the comparisons.
    public struct Candidates: Sendable {
        /// A word lowercased: ASCII (as every command and id is) as bytes, compared byte by
        /// byte; any other word as its scalars and its lowercased text.
        private enum Lowered {
            case ascii([UInt8])
            case other(scalars: [UInt32], text: String)
        }

        private let words: [String]
        private let lowered: [Lowered]

        /// The candidates, in the order ties are settled (the first one wins).
        public init(_ words: [String]) {
            self.words = words
            lowered = words.map(Self.lower)
        }

        /// A carriage return counts as not ASCII: with a line feed after it, the two are one
        /// character, which a comparison byte by byte would split.
        private static func lower(_ word: String) -> Lowered {
            if word.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) {
                return .ascii(word.utf8.map { $0 &- 0x41 < 26 ? $0 | 0x20 : $0 })
            }
            let text = word.lowercased()
            return .other(scalars: text.unicodeScalars.map(\.value), text: text)
        }

        /// The candidate closest to `word`, when close enough to be a likely typo (at most a
        /// third of the word's length, and at least 1, edits away); the first of the closest.
        public func closest(to word: String) -> String? {
            let limit = max(1, word.count / 3)
            let x = Self.lower(word)
            // The word's scalars, made only if a candidate is not ASCII or the word is not.
            lazy var scalars: [UInt32] = {
                switch x {
                case .ascii(let bytes): return bytes.map(UInt32.init)
                case .other(let scalars, _): return scalars
                }
            }()
            var rows = Suggest.Rows()
            var best: (index: Int, distance: Int)?
            for (i, y) in lowered.enumerated() {
                let d: Int
                switch (x, y) {
                case (.ascii(let a), .ascii(let b)):
                    // The distance is at least the difference of the lengths: a cheap test
                    // that leaves out only candidates too far away anyway.
                    if abs(a.count - b.count) > limit { continue }
                    d = Suggest.distance(a, b, rows: &rows)
                case (_, .ascii(let b)):
                    if abs(scalars.count - b.count) > limit { continue }
                    d = Suggest.distance(scalars, b.lazy.map(UInt32.init), rows: &rows)
                case (_, .other(let b, _)):
                    if abs(scalars.count - b.count) > limit { continue }
                    d = Suggest.distance(scalars, b, rows: &rows)
                }
                if d <= limit, d < (best?.distance ?? Int.max) { best = (i, d) }
            }
            return best.map { words[$0.index] }
        }

        /// The first candidate that begins with `word`, case aside (`VER` → `version`).
        public func firstBeginning(with word: String) -> String? {
            let x = Self.lower(word)
            let text: String
            switch x {
            case .ascii(let bytes): text = String(decoding: bytes, as: UTF8.self)
            case .other(_, let lowered): text = lowered
            }
            let found = lowered.firstIndex { y in
                switch (x, y) {
                case (.ascii(let a), .ascii(let b)): return b.starts(with: a)
                case (_, .ascii(let b)): return String(decoding: b, as: UTF8.self).hasPrefix(text)
                case (_, .other(_, let lowered)): return lowered.hasPrefix(text)
                }
            }
            return found.map { words[$0] }
        }
    }

    /// `; did you mean `x`?`: the one way a suggestion is offered, right after the clause it
    /// corrects (anything that follows goes after a space); nil when there is none, so callers
    /// can offer something else instead. `quote` is what surrounds the word: a backquote for
    /// ids, `"` for names, nothing for options that are written bare (`--format`).
    public static func hint(_ suggestion: String?, quote: String = "`") -> String? {
        suggestion.map { "; did you mean \(quote)\($0)\(quote)?" }
    }
}
