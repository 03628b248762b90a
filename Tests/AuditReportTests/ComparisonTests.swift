import AuditKit
import AuditReport
import Testing

/// The comparison with an earlier audit, with every delta worked out by hand.
@Suite struct ComparisonTests {
    // Baseline (Fixtures.struggling, 2024-01-15):
    //   seven-steps: has-objectives fails (5); measured-objectives and service-backed do not
    //     apply (no objectives); written-voice (3) and consistent-voice (1) are open.
    //     0 of 5 known points → 0.0.
    //   four-mistakes: relationships-first (5), no-early-selling (8), helpful-content (3, 20% < 60%),
    //     people-not-logos (3) fail; answer-service-requests (8) and fast-replies (5) are open
    //     (answers_requests skipped). 0 of 19 → 0.0.
    //   overall: 0 of 24 → 0.0.
    // Now (Fixtures.improved, 2024-04-15):
    //   seven-steps: has-objectives 5 pass, measured-objectives 5 fail (metrics_defined no),
    //     written-voice 3 pass, consistent-voice 1 pass (4 ≥ 4), service-backed 3 pass (requests
    //     are answered). 12 of 17 → 70.588 → 70.6, change +70.6.
    //   four-mistakes: relationships-first 5 fail, no-early-selling 8 pass, helpful-content 3 fail
    //     (50% < 60%), people-not-logos 3 fail, answer-service-requests 8 pass, fast-replies 5 fail
    //     (6h > 4h). 16 of 32 → 50.0, change +50.0.
    //   overall: 28 of 49 → 57.143 → 57.1, change +57.1.
    // Resolved: no-early-selling and has-objectives (both pass now), in the baseline's findings
    // order (critical first). New: measured-objectives and fast-replies (high, 5 each).
    // Answers changed: objectives, metrics_defined, voice_guide, voice_consistency,
    // sells_immediately, helpful_share, answers_requests, response_time = 8.
    @Test func knownDeltas() throws {
        let c = ReportComparison(current: Fixtures.improved, baseline: Fixtures.struggling)
        #expect(c.baselineDate == "2024-01-15")
        #expect(c.overall.previous == 0 && c.overall.current == 57.1 && c.overall.change == 57.1)
        #expect(c.checklists.map(\.id) == ["seven-steps", "four-mistakes"])
        #expect(c.checklists.map(\.previous) == [0, 0])
        #expect(c.checklists.map(\.current) == [70.6, 50])
        #expect(c.checklists.map(\.change) == [70.6, 50])
        #expect(c.resolved.map(\.previous.qualifiedID) == ["four-mistakes.no-early-selling", "seven-steps.has-objectives"])
        #expect(c.resolved.map(\.currentStatus) == [.pass, .pass])
        #expect(c.new.map(\.qualifiedID) == ["seven-steps.measured-objectives", "four-mistakes.fast-replies"])
        #expect(c.changedAnswers.map(\.ref.question) == ["objectives", "metrics_defined", "voice_guide", "voice_consistency",
                                                        "sells_immediately", "helpful_share", "answers_requests", "response_time"])
        let helpful = try #require(c.changedAnswers.first { $0.ref.question == "helpful_share" })
        #expect(helpful.previous == "20%" && helpful.current == "50%")
        let voice = try #require(c.changedAnswers.first { $0.ref.question == "voice_guide" })
        #expect(voice.previous == nil && voice.current == "yes")
    }

    @Test func markdownShowsTheDeltasWithSigns() {
        let up = MarkdownReport.render(Fixtures.improved, baseline: Fixtures.struggling)
        #expect(up.contains("| **Overall** | 0.0 | 57.1 | +57.1 |"))
        #expect(up.contains("| Seven steps to productive social media | 0.0 | 70.6 | +70.6 |"))
        #expect(up.contains("- Help before you sell (now passes)"))
        #expect(up.contains("- Reply within four hours (high, 5 points)"))
        #expect(up.contains("(`four-mistakes.helpful_share`): “20%” → “50%”"))
        // The other way round every change is negative, and resolved and new swap.
        let down = MarkdownReport.render(Fixtures.struggling, baseline: Fixtures.improved)
        #expect(down.contains("| **Overall** | 57.1 | 0.0 | -57.1 |"))
        #expect(down.contains("| The four mistakes audit | 50.0 | 0.0 | -50.0 |"))
        #expect(down.contains("**New findings (2)**\n\n- Help before you sell (critical, 8 points)\n- Start from desired outcomes (high, 5 points)"))
        // measured-objectives no longer applies (no objectives); fast-replies is open (answers_requests skipped).
        #expect(down.contains("- Measure every objective (no longer applies)"))
        #expect(down.contains("- Reply within four hours (now open: questions it needs are unanswered)"))
    }

    @Test func noComparisonWithoutBaseline() {
        #expect(!MarkdownReport.render(Fixtures.improved).contains("Compared with the previous audit"))
    }

    @Test func sameAuditComparedWithItselfChangesNothing() {
        let c = ReportComparison(current: Fixtures.strong, baseline: Fixtures.strong)
        #expect(c.overall.change == 0)
        #expect(c.resolved.isEmpty && c.new.isEmpty && c.changedAnswers.isEmpty)
        #expect(MarkdownReport.render(Fixtures.strong, baseline: Fixtures.strong).contains("| **Overall** | 98.0 | 98.0 | 0.0 |"))
    }
}
