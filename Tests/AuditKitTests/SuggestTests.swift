import AuditKit
import Testing
import TestSupport

/// "Did you mean" suggestions: the edit distance they rest on and the pick among candidates.
@Suite struct SuggestTests {
    @Test(arguments: [
        ("hlep", "help", 1),       // two neighbours swapped are one slip
        ("kitten", "sitting", 3),
        ("", "abc", 3),
        ("CA", "ac", 1),           // case does not count
        ("abc", "ca", 3),          // a swapped pair is not edited again (optimal string alignment)
        ("rpeort", "report", 1),
        ("même", "meme", 1),
    ])
    func distance(a: String, b: String, expected: Int) {
        #expect(Suggest.distance(a, b) == expected)
        #expect(Suggest.distance(b, a) == expected)
    }

    @Test func theClosestCandidateWithinAThirdOfTheWordIsSuggested() {
        #expect(Suggest.closest(to: "hlep", in: ["history", "help", "quit"]) == "help")
        #expect(Suggest.closest(to: "xyz", in: ["history", "help", "quit"]) == nil)
        // Equally close: the first one named.
        #expect(Suggest.closest(to: "cat", in: ["bat", "car"]) == "bat")
        #expect(Suggest.closest(to: "", in: ["a"]) == "a")
    }

    /// Comparing with one candidate after another must not carry anything over from the last:
    /// the pick is the first candidate at the least distance, as pairwise distances say.
    @Test func thePickAgreesWithPairwiseDistances() {
        var g = SeededRandom(seed: 11)
        let letters: [String] = ["a", "b", "c", "d", "e", "é", "e\u{301}", "A", "B", "\r", "\n"]
        func word() -> String { (0..<g.int(0...7)).map { _ in g.pick(letters) }.joined() }
        for _ in 0..<2_000 {
            let candidates = (0..<g.int(0...6)).map { _ in word() }
            // One lowercased set of candidates answers word after word, as the shell's does.
            let reused = Suggest.Candidates(candidates)
            for _ in 0..<3 {
                let target = word()
                let limit = max(1, target.count / 3)
                var expected: (String, Int)?
                for c in candidates {
                    let d = Suggest.distance(target, c)
                    if d <= limit, d < (expected?.1 ?? Int.max) { expected = (c, d) }
                }
                #expect(Suggest.closest(to: target, in: candidates) == expected?.0, "\(target) in \(candidates)")
                #expect(reused.closest(to: target) == expected?.0, "\(target) in \(candidates)")
            }
        }
    }

    /// The word a mistyped command begins: what lowercasing both and `hasPrefix` say, whether
    /// the words are ASCII (compared byte by byte) or not, and with `\r\n` kept one character.
    @Test func theCandidateBegunIsTheFirstThatLowercasedHasPrefixFinds() {
        #expect(Suggest.Candidates(["help", "version", "verbose"]).firstBeginning(with: "VER") == "version")
        #expect(Suggest.Candidates(["vérsion", "verbé"]).firstBeginning(with: "ver") == "verbé")
        #expect(Suggest.Candidates(["a\r\nb", "a\rb"]).firstBeginning(with: "a\r") == "a\rb")
        var g = SeededRandom(seed: 12)
        let letters: [String] = ["a", "b", "A", "B", "é", "É", "e\u{301}", "\r", "\n"]
        func word(_ range: ClosedRange<Int>) -> String { (0..<g.int(range)).map { _ in g.pick(letters) }.joined() }
        for _ in 0..<3_000 {
            let target = word(1...3)
            let candidates = (0..<g.int(0...6)).map { _ in target.lowercased() + word(0...3) } + [word(0...5)]
            let shuffled = candidates.shuffled(using: &g)
            let expected = shuffled.first { $0.lowercased().hasPrefix(target.lowercased()) }
            #expect(Suggest.Candidates(shuffled).firstBeginning(with: target) == expected, "\(target) in \(shuffled)")
        }
    }
}
