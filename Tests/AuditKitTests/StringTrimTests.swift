import AuditKit
import Testing

/// The one trim: which characters each kind takes off, and that the middle is left alone.
@Suite struct StringTrimTests {
    @Test func spacesAndLineBreaksByDefault() {
        #expect(" \t a b \r\n".trimmed() == "a b")
        #expect("\u{00A0}a\u{00A0}".trimmed() == "\u{00A0}a\u{00A0}")
        #expect(" \n\t ".trimmed() == "")
        #expect("".trimmed() == "")
        #expect("a".trimmed() == "a")
        #expect(Substring(" x ").trimmed() == "x")
    }

    @Test func unicodeWhitespaceTakesNoBreakSpacesToo() {
        #expect("\u{00A0}\u{2003} a b\u{3000}\n".trimmed(.unicodeWhitespace) == "a b")
        #expect("é".trimmed(.unicodeWhitespace) == "é")
    }
}
