import AuditKit
import AuditReport
import BuiltinChecklists
import Foundation
import Testing

/// The Markdown report of selected personas of the built-in checklists, compared byte for byte
/// with golden files a person has read. `SMAUDIT_UPDATE_GOLDEN=1` rewrites them.
@Suite struct PersonaReportTests {
    static let set: ChecklistSet = ChecklistSet.load(BuiltinChecklists.files.map { (file: $0.name, text: $0.contents) }).0

    /// A struggling, a typical and a strong team, and one half-way through (provisional).
    static let personas: [(checklist: String, example: String, golden: String)] = [
        ("four-mistakes", "A struggling team, John from the article", "four-mistakes-john.md"),
        ("four-mistakes", "A typical team that leaves requests unanswered", "four-mistakes-capped.md"),
        ("seven-steps", "A strong team running a mature B2B programme", "seven-steps-strong.md"),
        ("launch", "A typical startup launching its first accounts", "launch-startup.md"),
        ("four-mistakes", "A typical team halfway through", "four-mistakes-halfway.md"),
    ]

    static func report(checklist id: String, example name: String) throws -> String {
        let checklist = try #require(set.checklist(id))
        let example = try #require(checklist.examples.first { $0.name.hasPrefix(name) }, "no example \(name) in \(id)")
        var answers = AnswerSheet()
        for answer in example.answers {
            let ref = QuestionRef(checklist: answer.checklistID ?? id, question: answer.questionID)
            let question = try #require(set.question(ref))
            answers[ref] = try question.parse(answer.text).get()
        }
        let input = ReportInput(organisation: example.name, auditors: ["smaudit examples"], date: "2026-11-23",
                                checklistIDs: [id], set: set, answers: answers)
        return MarkdownReport.render(input)
    }

    @Test(arguments: personas.map(\.golden))
    func personaReportMatchesItsGoldenFile(golden: String) throws {
        let persona = Self.personas.first { $0.golden == golden }!
        let rendered = try Self.report(checklist: persona.checklist, example: persona.example)
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/\(golden)")
        if ProcessInfo.processInfo.environment["SMAUDIT_UPDATE_GOLDEN"] == "1" {
            try Data(rendered.utf8).write(to: url)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(rendered == expected, "Golden/\(golden) differs; rerun with SMAUDIT_UPDATE_GOLDEN=1 after reading the change")
    }

    @Test func johnsReportLeadsWithTheFourMistakes() throws {
        let report = try Self.report(checklist: "four-mistakes", example: "A struggling team, John from the article")
        let summary = report.components(separatedBy: "## Scores").first ?? ""
        #expect(summary.contains("at risk"))
        #expect(summary.contains("critical"))
    }

    /// The team that does everything else well but sends requests away: the reply problem is
    /// charged once (8 of 29 points), so it scores developing by points alone, is told the
    /// problem first, and is never told to keep it up. (A cap shows only where it lowers the
    /// band: ScoringModelTests.)
    @Test func aTeamThatSendsRequestsAwayIsToldSoFirst() throws {
        let report = try Self.report(checklist: "four-mistakes", example: "A typical team that leaves requests unanswered")
        let summary = report.components(separatedBy: "## Action plan").first ?? ""
        #expect(summary.contains("but one problem still costs it reach, trust or sales: customer requests wait and are sent elsewhere."))
        #expect(summary.contains("**Overall score: 72.4 of 100 — developing**"))
        #expect(summary.contains("1. Customer requests wait and are sent elsewhere (plan: action 1)"))
        #expect(!summary.contains("keep it up"))
    }
}
