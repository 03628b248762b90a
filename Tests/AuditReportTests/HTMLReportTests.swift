import AuditKit
@testable import AuditReport
import Foundation
import Testing

/// The HTML report parses into a tree of known elements, loads nothing from outside, runs no
/// script, gives every chart a text alternative, says what the Markdown says in the same order,
/// and keeps hostile text inside its markup.
@Suite struct HTMLReportTests {
    /// One tag of the page: its name, attributes, whether it closes or closes itself.
    struct Tag {
        var name: String
        var attributes: [String: String]
        var closing: Bool
        var selfClosing: Bool
    }

    /// The tags and text of a page, read as a browser's tokenizer would for the markup this
    /// report writes (quoted attribute values; the stylesheet holds no `<`).
    static func tokens(_ html: String) -> (tags: [Tag], text: String) {
        var tags: [Tag] = []
        var text = ""
        let chars = Array(html.unicodeScalars)
        var i = 0
        while i < chars.count {
            guard chars[i] == "<" else { text.unicodeScalars.append(chars[i]); i += 1; continue }
            var j = i + 1
            var quote: Unicode.Scalar?
            while j < chars.count {
                if let q = quote { if chars[j] == q { quote = nil } } else if chars[j] == "\"" || chars[j] == "'" { quote = chars[j] } else if chars[j] == ">" { break }
                j += 1
            }
            var inside = String(String.UnicodeScalarView(chars[(i + 1)..<min(j, chars.count)]))
            i = j + 1
            if inside.hasPrefix("!") { continue }
            let closing = inside.hasPrefix("/")
            if closing { inside.removeFirst() }
            let selfClosing = inside.hasSuffix("/")
            if selfClosing { inside.removeLast() }
            let name = String(inside.prefix { !$0.isWhitespace }).lowercased()
            var attributes: [String: String] = [:]
            var rest = Substring(inside.dropFirst(name.count))
            while let eq = rest.firstIndex(of: "=") {
                let key = rest[..<eq].trimmingCharacters(in: .whitespaces).lowercased()
                rest = rest[rest.index(after: eq)...]
                guard let q = rest.first, q == "\"" || q == "'" else { attributes[key] = "<unquoted>"; break }
                rest = rest.dropFirst()
                let end = rest.firstIndex(of: q) ?? rest.endIndex
                attributes[key] = String(rest[..<end])
                rest = end < rest.endIndex ? rest[rest.index(after: end)...] : ""
            }
            tags.append(Tag(name: name, attributes: attributes, closing: closing, selfClosing: selfClosing))
        }
        return (tags, text)
    }

    static let allowed: Set<String> = ["html", "head", "meta", "title", "style", "body", "main", "header", "section", "h1", "h2", "h3",
                                       "h4", "h5", "h6", "p", "ul", "ol", "li", "strong", "em", "code", "a", "table", "thead", "tbody",
                                       "tr", "th", "td", "blockquote", "footer", "span", "figure", "svg", "rect", "line", "text",
                                       "tspan", "polygon", "circle"]
    static let void: Set<String> = ["meta"]

    /// Checks the page: only known elements, properly nested; no script, handler, `src` or
    /// stylesheet import; links only to `allowedLinks`; every chart titled. Returns the problems.
    static func problems(_ html: String, allowedLinks: Set<String>) -> [String] {
        var problems: [String] = []
        let (tags, _) = tokens(html)
        var stack: [String] = []
        for (index, tag) in tags.enumerated() {
            if !allowed.contains(tag.name) { problems.append("unexpected element <\(tag.name)>") }
            for (key, value) in tag.attributes {
                if key.hasPrefix("on") { problems.append("event handler \(key) on <\(tag.name)>") }
                if key == "src" || key == "srcset" || key == "xlink:href" || key == "action" { problems.append("\(key)=\(value)") }
                if key == "href" && !allowedLinks.contains(value) { problems.append("link to \(value)") }
                if value == "<unquoted>" { problems.append("unquoted attribute \(key) on <\(tag.name)>") }
                if key == "style" && tag.name != "span" { problems.append("style attribute on <\(tag.name)>") }
            }
            if tag.name == "svg" && !tag.closing {
                let next = tags.dropFirst(index + 1).first
                if next?.name != "title" || tag.attributes["aria-label"]?.isEmpty ?? true || tag.attributes["role"] != "img" {
                    problems.append("a chart without a title and aria-label")
                }
            }
            if tag.closing {
                if stack.last == tag.name { stack.removeLast() } else { problems.append("</\(tag.name)> closes <\(stack.last ?? "nothing")>") }
            } else if !tag.selfClosing && !void.contains(tag.name) {
                stack.append(tag.name)
            }
        }
        if !stack.isEmpty { problems.append("unclosed: \(stack)") }
        let lower = html.lowercased()
        for forbidden in ["<script", "@import", "url(", "http://", "<iframe", "<img", "<link", "<object", "<embed"] where lower.contains(forbidden) {
            // Evidence links may be http://, and they are checked above as hrefs.
            if forbidden == "http://" && allowedLinks.contains(where: { $0.lowercased().hasPrefix("http://") }) { continue }
            problems.append("contains \(forbidden)")
        }
        if tags.filter({ $0.name == "style" && !$0.closing }).count != 1 { problems.append("not exactly one stylesheet") }
        return problems
    }

    static func links(of input: ReportInput) -> Set<String> {
        Set(input.evidence.values.flatMap { $0 }.filter { DocumentBuilder.isWebAddress($0) })
    }

    @Test(arguments: ["struggling", "typical", "strong", "comparison"])
    func pagesAreSelfContainedAndEveryChartHasATitle(_ name: String) {
        let (input, baseline) = Self.persona(name)
        let html = HTMLReport.render(input, baseline: baseline)
        #expect(Self.problems(html, allowedLinks: Self.links(of: input)) == [])
        #expect(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"))
        let charts = html.components(separatedBy: "<svg ").count - 1
        // One view of the score: the gauge and one bar chart per checklist (its sections); with
        // a baseline, the before/after bars too. No radar, no bars that repeat the table above.
        #expect(charts == (baseline == nil ? 3 : 4))
        #expect(html.contains("aria-label=\"Seven steps to productive social media: score per section: Step 1: Desired outcomes"))
        #expect(!html.contains("radar"))
    }

    static func persona(_ name: String) -> (ReportInput, ReportInput?) {
        switch name {
        case "struggling": (Fixtures.struggling, nil)
        case "typical": (Fixtures.typical, nil)
        case "strong": (Fixtures.strong, nil)
        default: (Fixtures.improved, Fixtures.struggling)
        }
    }

    /// The headings of both formats, in order, as a reader sees them.
    @Test(arguments: ["struggling", "typical", "comparison"])
    func sameContentInTheSameOrderAsTheMarkdown(_ name: String) throws {
        let (input, baseline) = Self.persona(name)
        let md = MarkdownReport.render(input, baseline: baseline)
        let html = HTMLReport.render(input, baseline: baseline)
        let markdownHeadings = md.split(separator: "\n").filter { $0.hasPrefix("#") }.map { line in
            String(line.drop { $0 == "#" }.dropFirst()).replacingOccurrences(of: "\\", with: "")
        }
        let heading = try Regex(#"<h[1-6]>(.*?)</h[1-6]>"#)
        let htmlHeadings = html.matches(of: heading).map { match in
            Self.unescape(String(html[match.range]).replacingOccurrences(of: #"<[^>]+>"#, with: "", options: .regularExpression))
        }
        #expect(htmlHeadings == markdownHeadings)
        // Every answer quoted in the Markdown is quoted in the page.
        for quoted in md.matches(of: try Regex("“[^”]*”")).map({ String(md[$0.range]) }) {
            #expect(html.contains(Self.htmlEscaped(quoted.replacingOccurrences(of: "\\", with: ""))), "\(quoted)")
        }
    }

    static func unescape(_ s: String) -> String {
        s.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }

    static func htmlEscaped(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "'", with: "&#39;")
    }

    /// Text that tries to end the chart, open a script or leave an attribute stays text.
    static var hostileInput: ReportInput {
        let yaml = """
        id: evil
        title: "Evil </svg><script>alert(1)</script> \\" onload=\\"alert(2)"
        version: "1"
        sections:
        \((1...5).map { i in """
          - id: s\(i)
            title: "S\(i) </title></svg><img src=x onerror=alert(\(i))> ' \\" \\u009B\\u202E"
            questions:
              - {id: q\(i), prompt: "Q\(i) <script>x</script>?", type: yesno}
        """ }.joined(separator: "\n"))
        rules:
        \((1...5).map { i in "  - {id: r\(i), title: \"R\(i) </text>\", check: q\(i), severity: high, recommendation: \"Do <b>it</b>\"}" }.joined(separator: "\n"))
        """
        let (set, diagnostics) = ChecklistSet.load([(file: "evil.yaml", text: yaml)])
        precondition(!diagnostics.hasErrors, "\(diagnostics)")
        var answers = AnswerSheet()
        for i in 1...4 { answers.set("evil", "q\(i)", .bool(i % 2 == 0)) }
        let q = QuestionRef(checklist: "evil", question: "q1")
        return ReportInput(organisation: "</title></head><script>alert('org')</script>\u{9B}31m\u{202E}fdp.exe \" x=\"", auditors: ["' onmouseover='alert(3)"],
                           date: "2024-05-01", checklistIDs: ["evil"], set: set, answers: answers,
                           notes: [q: ["</svg></figure><script>alert(4)</script>"]],
                           evidence: [q: ["javascript:alert(5)", "https://example.com/a?b=1&c=\"2\"", "https://example.com/ok"]])
    }

    @Test func hostileTextCannotEscapeTheMarkup() {
        let input = Self.hostileInput
        for html in [HTMLReport.render(input), HTMLReport.render(input, baseline: input)] {
            #expect(Self.problems(html, allowedLinks: ["https://example.com/ok"]) == [])
            #expect(!html.contains("\u{9B}") && !html.contains("\u{202E}"))
            #expect(html.contains("&lt;/svg&gt;&lt;script&gt;alert(1)&lt;/script&gt; &quot; onload=&quot;alert(2)"))
            #expect(html.contains("<title>Social media audit: &lt;/title&gt;&lt;/head&gt;&lt;script&gt;alert(&#39;org&#39;)&lt;/script&gt; 31m fdp.exe &quot; x=&quot;</title>"))
            // The section bars' labels carry the section titles, escaped inside the SVG too.
            #expect(html.contains("class=\"label\">S1 &lt;/title&gt;&lt;/svg&gt;&lt;img src=x onerror=alert(1)&gt;"))
        }
    }

    @Test(arguments: [
        ("Hearth & Crumb", "Hearth &amp; Crumb"),
        ("</svg><script>", "&lt;/svg&gt;&lt;script&gt;"),
        ("a \"b\" 'c'", "a &quot;b&quot; &#39;c&#39;"),
        ("line\nbreak\u{2028}x", "line / break / x"),
        ("  red\u{9B}31m \u{202E}x\u{7}  ", "red 31m  x"),
        ("Café 🥐", "Café 🥐"),
        ("", ""),
    ])
    func theOneEscapingFunction(_ input: String, _ expected: String) {
        #expect(HTMLEscaper.escape(input) == expected)
    }
}

/// Issue 25: the client's data drawn, the paper, and the annex left out.
@Suite struct ReportLayoutTests {
    /// A checklist with one question filled from a web analytics export.
    static func measuredInput() -> ReportInput {
        let text = """
        id: traffic
        title: Traffic
        version: "1"
        sections:
          - id: s
            title: S
            questions:
              - {id: social_share, prompt: What share of website sessions came from social media?, type: percent, measure: traffic.social_share}
              - {id: tracked, prompt: Is it tracked?, type: yesno}
        rules:
          - {id: r-tracked, title: Tracked, severity: medium, check: tracked}
        """
        var input = Fixtures.input(checklist: "traffic", text, answers: ["social_share": .percent(0.196), "tracked": .bool(false)])
        input.measured = [QuestionRef(checklist: "traffic", question: "social_share"):
                            MeasuredAnswer(file: "/home/priya/ga4-oct.csv", metric: "traffic.social_share", value: 0.196, period: "Oct 2026")]
        return input
    }

    @Test func theClientsMeasuredDataIsDrawnAndSaidFirst() {
        let input = Self.measuredInput()
        let html = HTMLReport.render(input)
        #expect(html.contains("aria-label=\"Website sessions by source, October 2026: Social media 19.6%; All other sources 80.4%\""))
        let md = MarkdownReport.render(input)
        let summary = RenderingTests.section("Summary", of: md)
        #expect(summary.contains("**What the data shows (October 2026):** From the web analytics export:\n\n- Share of website sessions from social media: 19.6%"), "\(summary)")
        // Before the score, and no file name in the summary.
        #expect(summary.range(of: "What the data shows")!.lowerBound < summary.range(of: "Overall score")!.lowerBound)
        #expect(!summary.contains("ga4-oct.csv"))
        // Without measured data there is no chart of it.
        #expect(!HTMLReport.render(Fixtures.struggling).contains("Website sessions by source"))
    }

    @Test func thePaperIsTheOneAskedForElseTheLocales() {
        #expect(HTMLReport.render(Fixtures.strong, settings: ReportSettings(paper: .letter)).contains("@page { size: letter; margin:"))
        #expect(HTMLReport.render(Fixtures.strong).contains("@page { size: A4; margin:"))
        let cases: [([String: String], ReportSettings.Paper)] = [
            (["LANG": "en_US.UTF-8"], .letter), (["LANG": "fr_CA.UTF-8"], .letter), (["LANG": "en_GB.UTF-8"], .a4),
            (["LANG": "en_US.UTF-8", "LC_PAPER": "de_DE.UTF-8"], .a4), (["LC_ALL": "en_CA", "LANG": "en_GB"], .letter),
            (["LANG": "C.UTF-8"], .a4), ([:], .a4), (["LC_PAPER": "", "LANG": "es_US"], .letter),
        ]
        for (environment, paper) in cases { #expect(ReportSettings.Paper.fromLocale(environment) == paper, "\(environment)") }
    }

    @Test func briefLeavesTheAnnexOut() {
        let full = MarkdownReport.render(Fixtures.struggling)
        let brief = MarkdownReport.render(Fixtures.struggling, settings: ReportSettings(brief: true))
        #expect(full.contains("\n## Annex\n") && !brief.contains("\n## Annex\n"))
        // The body, pointing to the full report instead of an annex it does not have.
        #expect(!brief.lowercased().contains("annex"))
        #expect(brief == RenderingTests.body(full).trimmingCharacters(in: .newlines)
            .replacingOccurrences(of: "in the annex.", with: "in the full report.") + "\n")
    }

    @Test(arguments: [(1.0, "1 second"), (45.0, "45 seconds"), (720.0, "12 minutes"), (4050.0, "about 1 hour 10 minutes"),
                      (3600.0, "1 hour"), (7200.0, "2 hours"), (64_800.0, "18 hours"), (86_400.0, "24 hours"),
                      (172_800.0, "2 days"), (200_000.0, "about 2 days"), (1_814_400.0, "3 weeks"), (3_540.0, "59 minutes"), (3_590.0, "about 1 hour")])
    func durationsReadAsTime(seconds: Double, words: String) {
        #expect(HumanNumbers.duration(seconds: seconds) == words)
    }
}
