import AuditReport
import Testing

/// The Markdown report of each persona, byte for byte.
@Suite struct GoldenReportTests {
    @Test func strongTeam() throws {
        try Golden.check(MarkdownReport.render(Fixtures.strong), against: "strong.md")
    }

    @Test func strugglingTeamWithOpenQuestions() throws {
        try Golden.check(MarkdownReport.render(Fixtures.struggling), against: "struggling.md")
    }

    @Test func comparisonWithBaseline() throws {
        try Golden.check(MarkdownReport.render(Fixtures.improved, baseline: Fixtures.struggling), against: "comparison.md")
    }
}
