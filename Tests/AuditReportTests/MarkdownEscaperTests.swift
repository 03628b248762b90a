import AuditReport
import Testing

/// Unit tests of the one escaping function every piece of user text goes through.
@Suite struct MarkdownEscaperTests {
    @Test(arguments: [
        ("| col |", ###"\| col \|"###),
        ("`rm -rf /`", ###"\`rm -rf /\`"###),
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("Q&A &amp;", "Q&amp;A &amp;amp;"),
        ("# heading", ###"\# heading"###),
        ("## also", ###"\## also"###),
        ("not # a heading", "not # a heading"),
        ("*bold* and _em_", ###"\*bold\* and \_em\_"###),
        ("__init__", ###"\_\_init\_\_"###),
        ("first_response_minutes", "first_response_minutes"),
        ("[link](javascript:alert(1))", ###"\[link\](javascript:alert(1))"###),
        ("~~gone~~", ###"\~\~gone\~\~"###),
        (###"C:\temp\"###, ###"C:\\temp\\"###),
        ("- item", ###"\- item"###),
        ("+ item", ###"\+ item"###),
        ("=====", ###"\====="###),
        ("1. first", ###"1\. first"###),
        ("12) twelfth", ###"12\) twelfth"###),
        ("0.3.1", "0.3.1"),
        ("2024-05-01", "2024-05-01"),
        ("> quoted", "&gt; quoted"),
        ("line one\nline two", "line one / line two"),
        ("a\r\n\r\nb\rc\u{2028}d", "a / b / c / d"),
        ("trailing  \n  next", "trailing / next"),
        ("    four spaces would be code", "four spaces would be code"),
        ("\n\n# after blank lines", ###"\# after blank lines"###),
        ("tab\there\u{0007}bell", "tab here bell"),
        ("Café Lumière 🥐 naïve 👩🏽‍💻", "Café Lumière 🥐 naïve 👩🏽‍💻"),
        ("", ""),
        (" \n ", ""),
    ])
    func escapes(_ input: String, _ expected: String) {
        #expect(MarkdownEscaper.escape(input) == expected)
    }

    @Test func neverLeavesALineBreakOrARawAngleBracket() {
        let hostile = "x\n|a|b|\n<img src=x onerror=alert(1)>\r\n# h\u{85}y"
        let out = MarkdownEscaper.escape(hostile)
        #expect(!out.contains("\n") && !out.contains("\r") && !out.contains("\u{85}"))
        #expect(!out.contains("<") && !out.contains(">"))
        // Every pipe is escaped, so none can end a table cell.
        #expect(!out.replacingOccurrences(of: ###"\|"###, with: "").contains("|"))
    }
}
