import AuditKit
import AuditReport
import Foundation
import Testing

/// Determinism, the score bar, and the pieces of the Markdown report the golden files rely on.
@Suite struct RenderingTests {
    @Test func renderingTwiceGivesTheSameBytes() {
        for input in [Fixtures.strong, Fixtures.struggling, CmarkRenderingTests.hostileInput] {
            #expect(Array(MarkdownReport.render(input).utf8) == Array(MarkdownReport.render(input).utf8))
            #expect(Array(JSONReport.render(input).utf8) == Array(JSONReport.render(input).utf8))
        }
        let a = MarkdownReport.render(Fixtures.improved, baseline: Fixtures.struggling)
        let b = MarkdownReport.render(Fixtures.improved, baseline: Fixtures.struggling)
        #expect(a == b)
    }

    @Test func dictionaryInsertionOrderDoesNotMatter() {
        var one = Fixtures.struggling
        var two = Fixtures.struggling
        let refs = Fixtures.set.checklists.flatMap { c in c.questionIDs.map { QuestionRef(checklist: c.id, question: $0) } }
        one.notes = [:]
        two.notes = [:]
        for ref in refs { one.notes[ref] = ["note on \(ref.question)"] }
        for ref in refs.reversed() { two.notes[ref] = ["note on \(ref.question)"] }
        #expect(MarkdownReport.render(one) == MarkdownReport.render(two))
        #expect(JSONReport.render(one) == JSONReport.render(two))
    }

    @Test(arguments: [
        (nil, "░░░░░░░░░░"),
        (0.0, "░░░░░░░░░░"),
        (100.0, "██████████"),
        (55.0, "█████▌░░░░"),
        (98.0, "█████████▊"),
        (1.25, "▏░░░░░░░░░"),
        (70.6, "███████░░░"),
        (74.9, "███████▌░░"),
        (150.0, "██████████"),
        (-3.0, "░░░░░░░░░░"),
    ] as [(Double?, String)])
    func scoreBar(_ score: Double?, _ bar: String) {
        #expect(ScoreBar.render(score) == bar)
        #expect(ScoreBar.render(score).count == ScoreBar.width)
    }

    @Test func summaryComesFirstWithTheTopFindingsAndFixes() throws {
        let md = MarkdownReport.render(Fixtures.struggling)
        let order = ["# Social media audit: Acme Widgets", "## Summary", "## Scores", "## Findings", "## Appendix", "### Scoring method"]
        let positions = order.map { md.range(of: $0)?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil })
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
        // Critical first, then the two high findings in checklist order.
        #expect(md.contains("1. **Help before you sell** (critical, 8 points)"))
        #expect(md.contains("2. **Start from desired outcomes** (high, 5 points)"))
        // 8 of 24 known overall points = 33.3; 5 of 24 = 20.8.
        #expect(md.contains("1. Help before you sell: +33.3\n2. Start from desired outcomes: +20.8\n3. Put relationships before reach: +20.8"))
        // 0 passed, 24 known, 17 open: range 0 … 17 / 41 = 41.5; 5 of 8 asked questions answered.
        #expect(md.contains("anywhere from 0.0 to 41.5: 4 rules are open"))
        #expect(md.contains("Coverage: 5 of 8 questions answered (62.5%)."))
    }

    @Test func appendixShowsEveryState() {
        let md = MarkdownReport.render(Fixtures.struggling)
        #expect(md.contains("| Is there a written brand voice that every team member uses? (`voice_guide`) | *skipped* |  |"))
        #expect(md.contains("| What is the median time to a first reply? (`response_time`) | *not asked* (asked only when answers_requests) |  |"))
        #expect(md.contains("| How consistent is the voice across platforms (1 to 5)? (`voice_consistency`) | *not answered* |  |"))
        let strong = MarkdownReport.render(Fixtures.strong)
        #expect(strong.contains("“42m” (measured from inbox.csv: inbox.first_response_minutes.median)"))
    }

    @Test func notApplicableAnswersAreShown() {
        let yaml = """
        id: na
        title: N/A
        version: "1"
        sections:
          - id: s
            title: S
            questions:
              - {id: q, prompt: Q?, type: yesno, allow_na: true}
        rules:
          - {id: r, title: R, check: q, severity: low}
        """
        let (set, _) = ChecklistSet.load([(file: "na.yaml", text: yaml)])
        var answers = AnswerSheet()
        answers.set("na", "q", .notApplicable)
        let input = ReportInput(organisation: "O", auditors: [], date: "2024-01-01", checklistIDs: ["na"], set: set, answers: answers)
        let md = MarkdownReport.render(input)
        #expect(md.contains("| Q? (`q`) | *not applicable* |  |"))
        // The only rule reads an n/a answer: it is not applicable, so there is nothing to score.
        #expect(md.contains("**Not enough answers to score yet**"))
        #expect(md.contains("- **Auditors:** not recorded"))
    }
}
