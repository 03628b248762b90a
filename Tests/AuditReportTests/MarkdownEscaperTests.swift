import Foundation
import Testing
import TestSupport
@testable import AuditReport

/// Unit tests of the one escaping function every piece of user text goes through.
@Suite struct MarkdownEscaperTests {
    @Test(arguments: [
        ("| col |", ###"\| col \|"###),
        ("`rm -rf /`", ###"\`rm -rf /\`"###),
        ("<script>alert(1)</script>", "&lt;script>alert(1)&lt;/script>"),
        ("<!-- c --> <?x?> <https://x.example>", "&lt;!-- c --> &lt;?x?> &lt;https://x.example>"),
        // Only what would act is escaped: an & that starts an entity, a < before a tag's first character.
        ("Hearth & Crumb", "Hearth & Crumb"),
        ("Q&A &amp; &#38; &#x26; &copy", "Q&A &amp;amp; &amp;#38; &amp;#x26; &copy"),
        ("ends with &", "ends with &amp;"),
        ("replies in < 4h, reach > 1k", "replies in < 4h, reach > 1k"),
        ("ends with <", "ends with &lt;"),
        ("she said \"call us\" – it's 'fine'", "she said \"call us\" – it's 'fine'"),
        ("# heading", ###"\# heading"###),
        ("## also", ###"\## also"###),
        ("not # a heading", "not # a heading"),
        ("*bold* and _em_", ###"\*bold\* and \_em\_"###),
        ("__init__", ###"\_\_init\_\_"###),
        ("first_response_minutes", "first_response_minutes"),
        ("[link](javascript:alert(1))", ###"\[link](javascript:alert(1))"###),
        ("a] b", "a] b"),
        ("~~gone~~", ###"\~\~gone\~\~"###),
        (###"C:\temp\"###, ###"C:\temp\\"###),
        (###"not \*bold\*"###, ###"not \\\*bold\\\*"###),
        ("- item", ###"\- item"###),
        ("+ item", ###"\+ item"###),
        ("---", ###"\---"###),
        ("-3.5 points", "-3.5 points"),
        ("=====", ###"\====="###),
        ("1. first", ###"1\. first"###),
        ("12) twelfth", ###"12\) twelfth"###),
        ("0.3.1", "0.3.1"),
        ("2024-05-01", "2024-05-01"),
        ("> quoted", ###"\> quoted"###),
        ("line one\nline two", "line one / line two"),
        ("a\r\n\r\nb\rc\u{2028}d", "a / b / c / d"),
        ("trailing  \n  next", "trailing / next"),
        ("    four spaces would be code", "four spaces would be code"),
        ("\n\n# after blank lines", ###"\# after blank lines"###),
        ("tab\there\u{0007}bell", "tab here bell"),
        ("Café Lumière 🥐 naïve 👩🏽‍💻", "Café Lumière 🥐 naïve 👩🏽‍💻"),
        ("", ""),
        (" \n ", ""),
        // C1 controls (a terminal reads U+009B as ESC [) and bidirectional overrides are neutralised.
        ("red\u{9B}31m text", "red 31m text"),
        ("invoice\u{202E}fdp.exe", "invoice fdp.exe"),
        ("\u{2066}isolated\u{2069} and \u{1B}[2J", ###"isolated  and  \[2J"###),
        ("مرحبا بالعالم", "مرحبا بالعالم"),
    ])
    func escapes(_ input: String, _ expected: String) {
        #expect(MarkdownEscaper.escape(input) == expected)
    }

    /// A megabyte of text with spaces and one character to escape: the output is exact, and
    /// building it is linear (`bench/replay` times a report with a 1 MB note).
    @Test func aMegabyteNoteIsEscapedWhole() {
        let half = String(repeating: "a b ", count: 131_072)
        let out = MarkdownEscaper.escape(half + "|" + half)
        #expect(out.utf8.count == 2 * half.utf8.count - 1 + 2)
        #expect(out.hasSuffix("a b") && out.contains("a b \\|a b"))
    }

    @Test func midLineTextKeepsWhatOnlyALineStartWouldOpen() {
        #expect(MarkdownEscaper.escape("# 1. - not a block here", midLine: true) == "# 1. - not a block here")
        #expect(MarkdownEscaper.escape("# 1. - not a block here") == ###"\# 1. - not a block here"###)
        #expect(MarkdownEscaper.escape("*still* | escaped", midLine: true) == ###"\*still\* \| escaped"###)
    }

    @Test func neverLeavesALineBreakOrATag() {
        let hostile = "x\n|a|b|\n<img src=x onerror=alert(1)>\r\n# h\u{85}y</b><!--"
        let out = MarkdownEscaper.escape(hostile)
        #expect(!out.contains("\n") && !out.contains("\r") && !out.contains("\u{85}"))
        #expect(!out.contains("<img") && !out.contains("</b") && !out.contains("<!"))
        // Every pipe is escaped, so none can end a table cell.
        #expect(!out.replacingOccurrences(of: ###"\|"###, with: "").contains("|"))
    }

    /// The shortcut for text with nothing to escape must give exactly what the full pass gives,
    /// on random text made of ordinary letters and every character the rules treat specially.
    @Test func theShortcutAgreesWithTheFullPass() {
        let alphabet: [Character] = ["a", "Z", "0", "7", " ", " ", ".", ")", "#", "-", "+", "=", "&", "<", ">", "\\", "`",
                                     "*", "_", "[", "]", "|", "~", "\n", "\t", "é", "’", "\u{2028}", "\u{7F}", ";", "!", "/",
                                     "—", "“", "日", "🙂", "e\u{301}", "\u{A0}", "\u{85}", "\u{9B}", "\u{202E}", "\u{2066}", "\u{2029}"]
        var g = SeededRandom(seed: 42)
        var shortcuts = 0, nonASCIIShortcuts = 0, blankEnds = 0
        for _ in 0..<5_000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...12, using: &g) {
                // Plain letters most of the time, so that many strings take the shortcut.
                text.append(Int.random(in: 0...2, using: &g) == 0
                            ? alphabet.randomElement(using: &g)! : "k")
            }
            // As a checklist's folded scalar ends, or a fragment joined to its neighbours by a
            // space, often with nothing else to escape.
            if Int.random(in: 0...3, using: &g) == 0 { text += String(repeating: "\n", count: Int.random(in: 1...2, using: &g)) }
            if Int.random(in: 0...3, using: &g) == 0 { text = " " + text }
            if Int.random(in: 0...3, using: &g) == 0 { text += " " }
            let body = text.trimmingCharacters(in: [" ", "\n"])
            if body != text, !body.isEmpty, MarkdownEscaper.needsNoEscaping(body, midLine: true) { blankEnds += 1 }
            if MarkdownEscaper.needsNoEscaping(text) {
                shortcuts += 1
                if !text.utf8.allSatisfy({ $0 < 0x80 }) { nonASCIIShortcuts += 1 }
            }
            #expect(MarkdownEscaper.escape(text) == MarkdownEscaper.escapeEachScalar(text), "\(text.debugDescription)")
            #expect(MarkdownEscaper.escape(text, midLine: true) == MarkdownEscaper.escapeEachScalar(text, midLine: true), "\(text.debugDescription)")
        }
        #expect(shortcuts > 500)
        #expect(blankEnds > 500)
        // Prose with dashes, curly quotes and accents takes it too (most of a report's text).
        #expect(nonASCIIShortcuts > 100)
    }
}
