import Testing
@testable import AuditKit

/// Issue 29, item 2: a `file#quote` citation is split in one place.
struct CitationTests {
    @Test func aCitationSplitsIntoFileAndQuote() {
        #expect(Citation("004.txt#resolve a customer problem quickly") == Citation(file: "004.txt", quote: "resolve a customer problem quickly"))
        #expect(Citation("004.txt") == Citation(file: "004.txt", quote: nil))
        #expect(Citation("004.txt#") == Citation(file: "004.txt", quote: nil))
        #expect(Citation("") == nil)
        #expect(Citation(nil) == nil)
        // Only the first `#` splits: a quote may hold one.
        #expect(Citation("a.txt#rule #1")?.quote == "rule #1")
    }

    /// A `#` followed by a combining mark is one grapheme; the split is by bytes, so it is found.
    @Test func aHashBeforeACombiningMarkStillSplits() {
        #expect(Citation("a.txt#\u{301}quote")?.file == "a.txt")
    }
}

extension Citation {
    init(file: String, quote: String?) {
        self.init("x")!
        self.file = file
        self.quote = quote
    }
}
