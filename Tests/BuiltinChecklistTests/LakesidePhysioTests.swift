import AuditKit
import AuditReport
import BuiltinChecklists
import Foundation
import Testing

/// Issue 24, as a consultant tried it: a struggling two-clinic physiotherapy practice audited
/// with all three built-in checklists (Fixtures/lakeside-physio.yaml). One finding per business
/// problem, each answer quoted once, and no advice that presumes a PR contact, HR, a newsletter,
/// a blog or a community the practice does not have.
@Suite struct LakesidePhysioTests {
    static let set = PersonaReportTests.set
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

    static func input() throws -> ReportInput {
        let text = try String(contentsOf: folder.appendingPathComponent("Fixtures/lakeside-physio.yaml"), encoding: .utf8)
        let read = SessionReader.read(text: text, file: "lakeside-physio.yaml", set: set, now: "2026-12-07T09:00:00Z")
        let session = try #require(read.session, "\(read.diagnostics)")
        #expect(!read.diagnostics.hasErrors)
        #expect(session.checklistIDs == ["profile", "seven-steps", "four-mistakes", "launch"])
        var measured: [QuestionRef: MeasuredAnswer] = [:]
        for (ref, entry) in session.entries {
            if let m = entry.measured {
                measured[ref] = MeasuredAnswer(file: m.file, metric: m.metric, value: m.value, period: m.period, estimate: entry.estimated)
            }
        }
        return ReportInput(organisation: session.organisation, auditors: session.auditors, date: "2026-12-07",
                           checklistIDs: session.checklistIDs, set: set, answers: session.answers, measured: measured)
    }

    static func report() throws -> String { MarkdownReport.render(try input()) }

    /// The part of the report between `## title` and the next section.
    static func section(_ title: String, of report: String) -> String {
        let after = report.components(separatedBy: "\n## \(title)\n").dropFirst().first ?? ""
        return after.components(separatedBy: "\n## ").first ?? ""
    }

    @Test func aStrugglingPracticeGetsOneFindingPerProblemAndAtMostTwelve() throws {
        let input = try Self.input()
        let card = Scorer.score(Self.set, answers: input.answers, checklists: input.checklistIDs)
        #expect(card.themes.count == 12)
        #expect(Set(card.themes.map(\.key)).count == card.themes.count)
        // The reply problem and the goals problem are one finding each, however many of their
        // rules fail in however many checklists.
        let reply = card.themes.filter { t in t.rules.contains { ["answer-where-asked", "response-rate", "reply-to-comments", "messages-checked", "response-target-set"].contains($0.rule.id) } }
        #expect(reply.map(\.problem) == ["Customer requests wait and are sent elsewhere"])
        #expect(Set(reply[0].rules.map(\.checklistID)).count >= 2)
        let goals = card.themes.filter { t in t.rules.contains { ["outcomes-written", "goals-for-each-presence", "channel-plan", "engagement-targets"].contains($0.rule.id) } }
        #expect(goals.map(\.problem) == ["Social media is not steered by written goals"])
        let findings = Self.section("Findings", of: try Self.report())
        #expect(findings.components(separatedBy: "\n### ").count - 1 == 12)
    }

    /// The whole report, Markdown and HTML, compared byte for byte with golden files a person
    /// has read. `SMAUDIT_UPDATE_GOLDEN=1` rewrites them.
    @Test(arguments: ["md", "html"])
    func theReportMatchesItsGoldenFile(format: String) throws {
        let rendered = format == "md" ? try Self.report() : HTMLReport.render(try Self.input())
        let url = Self.folder.appendingPathComponent("Golden/lakeside-physio.\(format)")
        if ProcessInfo.processInfo.environment["SMAUDIT_UPDATE_GOLDEN"] == "1" {
            try Data(rendered.utf8).write(to: url)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(rendered == expected, "Golden/lakeside-physio.\(format) differs; rerun with SMAUDIT_UPDATE_GOLDEN=1 after reading the change")
    }

    /// Issue 25's limits for a struggling organisation audited with all three checklists: a
    /// body of at most 2,500 words, a summary of at most 250, findings of at most 150, and at
    /// most four actions in each phase.
    @Test func theBodyIsReadInTenMinutes() throws {
        let report = MarkdownReport.render(try Self.input(), settings: ReportSettings(brief: true))
        func words(_ text: String) -> Int { text.split(whereSeparator: { $0 == " " || $0 == "\n" }).count }
        #expect(words(report) <= 2_500, "\(words(report)) words")
        #expect(words(Self.section("Summary", of: report)) <= 250)
        let findings = Self.section("Findings", of: report).components(separatedBy: "\n### ").dropFirst()
        #expect(findings.count == 12)
        for finding in findings { #expect(words(finding) <= 150, "\(words(finding)) words: \(finding)") }
        let phases = Self.section("Action plan", of: report).components(separatedBy: "\n### ").dropFirst()
        #expect(phases.map { $0.split(separator: "\n").filter { $0.first?.isNumber ?? false }.count } == [4, 4, 4])
        #expect(!report.contains("annex"))
    }

    /// `report --brief --paper a4` of the struggling practice: at most 10 A4 pages, and the
    /// first one holds the whole summary. Needs Chromium (and pdftotext for the first page);
    /// without them the test says it skipped.
    @Test func theBriefReportPrintsOnAtMostTenA4PagesWithTheSummaryOnTheFirst() throws {
        guard let browser = PDFPrinter.findBrowser(path: ProcessInfo.processInfo.environment["PATH"]) else {
            print("skipped: no chromium (install chromium-headless-shell)")
            return
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("smaudit-lakeside-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = folder.appendingPathComponent("lakeside.pdf")
        try PDFPrinter.print(html: HTMLReport.render(try Self.input(), settings: ReportSettings(brief: true, paper: .a4)), to: pdf.path, browser: browser)
        let text = String(decoding: try Data(contentsOf: pdf), as: UTF8.self)
        let pages = text.matches(of: try Regex(#"/Type\s*/Page[^s]"#)).count
        #expect((1...10).contains(pages), "\(pages) pages")
        // A4 is 595 × 842 points.
        #expect(text.contains("/MediaBox [0 0 594.95996 841.91998]"), "not A4")
        guard let pdftotext = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            print("skipped: no pdftotext (install poppler-utils)")
            return
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: pdftotext)
        process.arguments = ["-f", "1", "-l", "1", pdf.path, "-"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let first = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        // The summary's last line, and the plan's heading after it, are on page 1.
        #expect(first.contains("3. Replies come from a faceless account, in no agreed voice (plan: action 3)"), "\(first)")
        #expect(first.contains("Action plan"), "\(first)")
    }

    @Test func noAnswerIsQuotedInTwoFindings() throws {
        let findings = Self.section("Findings", of: try Self.report())
        var quoted: [String: Int] = [:]
        for checklist in Self.set.checklists {
            for section in checklist.sections {
                for question in section.questions {
                    let count = findings.components(separatedBy: "- \(question.prompt) — ").count - 1
                    if count > 0 { quoted["\(checklist.id).\(question.id)"] = count }
                }
            }
        }
        #expect(!quoted.isEmpty)
        #expect(quoted.filter { $0.value > 1 }.isEmpty, "\(quoted.filter { $0.value > 1 })")
    }

    /// Phrases that presume a function the practice lacks (it has front-desk customer service
    /// only). Other people's blogs and newsletters (small media to approach) presume nothing.
    static let presumes = [" PR ", "PR,", "PR.", "PR contact", "press", "HR", "recruit", "your newsletter", "the newsletter",
                           "your email list", "the email list", "your blog", "the blog", "your community", "community space",
                           "community you host"]

    @Test func noRecommendationPresumesAFunctionThePracticeLacks() throws {
        let report = try Self.report()
        let advice = Self.section("Action plan", of: report) + Self.section("Findings", of: report)
        for word in Self.presumes {
            #expect(!advice.contains(word), "the report's advice mentions “\(word)”")
        }
        // Every rule of the built-ins whose advice names such a function does not apply to a
        // practice with this profile, whatever its other answers; no problem's own advice names one.
        let profileOnly = AnswerSheet(try Self.input().answers.values.filter { $0.key.checklist == "profile" })
        let evaluator = Evaluator(set: Self.set, answers: profileOnly)
        var presuming: [String] = []
        for checklist in Self.set.checklists {
            for rule in checklist.rules {
                let text = [rule.recommendation, rule.finding].compactMap { $0 }.joined(separator: " ")
                guard Self.presumes.contains(where: text.contains) else { continue }
                presuming.append(rule.id)
                #expect(Scorer.status(of: rule, in: checklist.id, evaluator: evaluator) == .notApplicable,
                        "\(checklist.id).\(rule.id) advises “\(text)” to a practice without that function")
            }
            for theme in checklist.themes {
                let text = [theme.recommendation, theme.help].compactMap { $0 }.joined(separator: " ")
                #expect(!Self.presumes.contains(where: text.contains), "problem \(checklist.id).\(theme.id): “\(text)”")
            }
        }
        #expect(!presuming.isEmpty)   // the check looked at something
    }
}
