import Testing
import TestSupport
@testable import AuditReport

/// How a finding decides that its own words already give the quote it cites: the text is
/// compared without quotation marks, case or runs of spaces.
@Suite struct ComparableTextTests {
    @Test(arguments: [
        ("  “Making the BIG mistake”\n\tof  'going' ", "making the big mistake of going"),
        ("\"\"", ""),
        ("a\u{A0}\u{2028}b", "a b"),
        ("Ends with spaces   ", "ends with spaces"),
    ])
    func wordsAreComparedWithoutQuotesCaseOrSpacing(text: String, expected: String) {
        #expect(DocumentBuilder.comparable(text) == expected)
    }

    /// The scalar loop must say what the plain definition says (lowercase, drop the quote
    /// characters, split on whitespace, join with one space) on random prose.
    @Test func agreesWithThePlainDefinition() {
        func plain(_ text: String) -> String {
            text.lowercased().filter { !"\"“”‘’'".contains($0) }.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        let alphabet: [String] = ["a", "Z", "É", "ß", "İ", "Σ", "Ω", "ǅ", " ", "  ", "\t", "\n", "\r\n", "\u{A0}", "\u{2029}", "\"", "“", "”",
                                  "‘", "’", "'", ".", "…", "—", "日", "🙂", "x"]
        var g = SeededRandom(seed: 7)
        for _ in 0..<3_000 {
            var text = ""
            for _ in 0..<g.int(0...14) { text += g.pick(alphabet) }
            #expect(DocumentBuilder.comparable(text) == plain(text), "\(text.debugDescription)")
        }
    }
}
