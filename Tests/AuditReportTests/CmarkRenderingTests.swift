import AuditKit
@testable import AuditReport
import Foundation
import Testing

/// Renders reports with hostile text through a real GFM renderer (`cmark-gfm -e table`) and
/// checks that every table keeps its columns and no HTML from the team's text gets through.
@Suite struct CmarkRenderingTests {
    static let hostileChecklist = """
    id: hostile
    title: "Hostile `checklist` | <b>test</b>"
    version: "1.0 | <i>"
    sections:
      - id: s
        title: "# Section <i>italic</i> | pipe"
        questions:
          - id: handle
            prompt: "Prompt | with <img src=x onerror=alert(1)> and *stars*?"
            type: text
            help: "Help with `code` | and <script>alert('help')</script>"
          - id: pick
            prompt: Pick one
            type: choice
            choices: ["x | y", "<b>bold</b>", "# hash"]
          - id: wait
            prompt: Response time?
            type: duration
    rules:
      - id: r1
        title: "Rule | title <script>alert(1)</script>"
        check: handle == "fine"
        severity: high
        finding: "Finding with | pipe and\\nnew line"
        recommendation: "Do *this* | not <that>"
      - id: r2
        title: Picked
        check: pick == "x | y"
        severity: medium
      - id: r3
        title: Quick
        check: wait <= 1h
        severity: low
    """

    static let hostileText = "| col | col |\n# heading\n<script>alert(1)</script> `code` *bold* _em_ [x](javascript:alert(1)) 🎉 Ünïcødé"

    static var hostileInput: ReportInput {
        let (set, diagnostics) = ChecklistSet.load([(file: "hostile.yaml", text: hostileChecklist)])
        precondition(!diagnostics.hasErrors, "\(diagnostics)")
        var answers = AnswerSheet()
        answers.set("hostile", "handle", .text(hostileText))
        answers.set("hostile", "pick", .choice("<b>bold</b>"))
        answers.set("hostile", "wait", .duration(seconds: 7200))
        let h = { QuestionRef(checklist: "hostile", question: $0) }
        return ReportInput(
            organisation: "Evil | Corp <script>alert('org')</script> # `x` *y*\nsecond line",
            auditors: ["# root", "`whoami`", "<img src=x onerror=alert(1)>", "Zoë | 🎉"],
            date: "2024-05-01 | <b>",
            checklistIDs: ["hostile"], set: set, answers: answers,
            notes: [h("handle"): ["multi-line note\n| a | b |\n|---|---|\n<script>alert(2)</script>", "  - list?\n1. ordered?"]],
            evidence: [h("handle"): ["https://example.com/?a=1&b=<2>", "[click](javascript:alert(3))"],
                       h("pick"): ["<iframe src=x>"]],
            measured: [h("wait"): MeasuredAnswer(file: "in|box<1>.csv", metric: "inbox.*median*", value: 120)])
    }

    /// The `cmark-gfm` binary, or nil when it is not installed.
    static var cmark: String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/usr/local/bin"
        let dirs = path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin", "/opt/homebrew/bin"]
        return dirs.map { $0 + "/cmark-gfm" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func html(_ markdown: String, using binary: String) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("smaudit-report-\(UUID().uuidString).md")
        try Data(markdown.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["-e", "table", file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return String(decoding: data, as: UTF8.self)
    }

    /// Cells per row of each table in the HTML.
    static func tableShapes(_ html: String) -> [[Int]] {
        html.components(separatedBy: "<table>").dropFirst().map { table in
            let body = table.components(separatedBy: "</table>")[0]
            return body.components(separatedBy: "<tr>").dropFirst().map { row in
                row.components(separatedBy: "<td").count - 1 + row.components(separatedBy: "<th").count - 1
            }
        }
    }

    static let allowedTags: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6", "p", "ul", "ol", "li", "strong", "em",
                                           "code", "table", "thead", "tbody", "tr", "th", "td", "blockquote", "a"]

    static func tags(_ html: String) -> Set<String> {
        var found: Set<String> = []
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            rest = rest[rest.index(after: open)...]
            let name = rest.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }
            found.insert(name.lowercased())
        }
        return found
    }

    @Test(arguments: ["hostile", "struggling", "typical", "comparison"])
    func tablesKeepTheirColumnsAndNoHTMLGetsThrough(_ name: String) throws {
        guard let binary = Self.cmark else {
            print("skipped: cmark-gfm not installed")
            return
        }
        let markdown: String
        switch name {
        case "hostile": markdown = MarkdownReport.render(Self.hostileInput, baseline: Self.hostileInput)
        case "struggling": markdown = MarkdownReport.render(Fixtures.struggling)
        case "typical": markdown = MarkdownReport.render(Fixtures.typical)
        default: markdown = MarkdownReport.render(Fixtures.improved, baseline: Fixtures.struggling)
        }
        let html = try Self.html(markdown, using: binary)

        // Every Markdown table came out as an HTML table, with every row as wide as its header.
        let markdownTables = markdown.split(separator: "\n").filter { $0.hasPrefix("|:--") }.count
        let shapes = Self.tableShapes(html)
        #expect(shapes.count == markdownTables)
        for shape in shapes {
            #expect(shape.count >= 2)
            #expect(Set(shape).count == 1, "a row changed the column count: \(shape)")
        }
        // No raw HTML element from user text, not even one cmark would have dropped.
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("raw HTML omitted"))
        #expect(Self.tags(html).subtracting(Self.allowedTags).isEmpty, "unexpected tags: \(Self.tags(html).subtracting(Self.allowedTags))")
        #expect(!html.contains("javascript:alert(1)\""))
        // What was escaped only where it would act renders as the text typed.
        if name == "typical" {
            #expect(html.contains("<h1>Social media audit: Hearth &amp; Crumb</h1>"))
            #expect(html.contains("<li>Every DM gets the same reply: &quot;please call 0161 496 0000&quot;.</li>"))
            #expect(html.contains("<a href=\"https://example.com/hearth-and-crumb/instagram-replies.png\">"))
        }
    }

    @Test func hostileTextSurvivesAsText() throws {
        guard let binary = Self.cmark else {
            print("skipped: cmark-gfm not installed")
            return
        }
        let html = try Self.html(MarkdownReport.render(Self.hostileInput), using: binary)
        // The title is one heading, with the organisation's text visible and its line break a separator.
        #expect(html.contains("<h1>Social media audit: Evil | Corp &lt;script&gt;alert('org')&lt;/script&gt; # `x` *y* / second line</h1>"))
        // The hostile answer is quoted as text: stars, underscores and backticks stay characters.
        #expect(html.contains("| col | col | / # heading / &lt;script&gt;alert(1)&lt;/script&gt; `code` *bold* _em_ [x](javascript:alert(1)) 🎉 Ünïcødé"))
        #expect(!html.contains("<em>bold</em>") && !html.contains("<code>code</code>"))
        // Auditors: none became a heading or an image.
        #expect(html.contains("# root, `whoami`, &lt;img src=x onerror=alert(1)&gt;, Zoë | 🎉"))
    }
}
