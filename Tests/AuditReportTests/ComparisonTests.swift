import AuditKit
import AuditReport
import Foundation
import Testing

/// The comparison with an earlier audit, with every delta worked out by hand.
@Suite struct ComparisonTests {
    // Baseline (Fixtures.struggling, 2024-01-15):
    //   seven-steps: consistent-voice passes (4 ≥ 4, 1 point); has-objectives (5), micro-segments (3),
    //     communities (3), plan-metrics (5), roi-review (3) fail; written-voice (3) and influencers (1)
    //     are open; measured-objectives and service-backed do not apply (no objectives). 1 of 20 → 5.0.
    //   four-mistakes: relationships-first (5), no-early-selling (8), helpful-content (3),
    //     people-not-logos (3) fail, the two selling rules one problem charged once (8): 0 of 16;
    //     answer-service-requests (8), answer-most-messages (5) (one problem, 8) and fast-replies
    //     (5) are open; pinterest-helpful does not apply. 0 of 16 → 0.0.
    //   overall: 1 of 36 → 2.78 → 2.8.
    // Now (Fixtures.improved, 2024-04-15):
    //   seven-steps: has-objectives 5, written-voice 3, micro-segments 3, roi-review 3 pass;
    //     measured-objectives 5 (metrics_defined no), consistent-voice 1 (2 < 4), communities 3,
    //     plan-metrics 5 fail; influencers open; service-backed passes with 0 points. 14 of 28 → 50.0.
    //   four-mistakes: no-early-selling 8, answer-service-requests 8, answer-most-messages 5 (85%)
    //     pass; relationships-first 5, helpful-content 3 (50% < 60%), people-not-logos 3,
    //     fast-replies 5 (6h > 4h) fail. Problems: selling-first weighs 8 and costs 3 (5 passed),
    //     requests-unanswered passes 8, the others 0 of 13: 13 of 29 → 44.83 → 44.8.
    //   overall: 27 of 57 (service-backed joins requests-unanswered with 0 points) → 47.37 → 47.4;
    //     change 47.4 − 2.8 = +44.6.
    // Resolved, in the baseline's findings order (severity, points, file): no-early-selling,
    // has-objectives, micro-segments, roi-review, all passing now. New (passed before, fail now):
    // consistent-voice. Judged for the first time: measured-objectives (did not apply) and
    // fast-replies (open), in the current findings' order. Eleven answers changed.
    @Test func knownDeltas() throws {
        let c = ReportComparison(current: Fixtures.improved, baseline: Fixtures.struggling)
        #expect(c.baselineDate == "2024-01-15")
        #expect(c.overall.previous == 2.8 && c.overall.current == 47.4 && c.overall.change == 44.6)
        #expect(c.checklists.map(\.id) == ["seven-steps", "four-mistakes"])
        #expect(c.checklists.map(\.previous) == [5, 0])
        #expect(c.checklists.map(\.current) == [50, 44.8])
        #expect(c.checklists.map(\.change) == [45, 44.8])
        #expect(c.resolved.map(\.previous.qualifiedID) == ["four-mistakes.no-early-selling", "seven-steps.has-objectives",
                                                          "seven-steps.micro-segments", "seven-steps.roi-review"])
        #expect(c.resolved.allSatisfy { $0.currentStatus == .pass && $0.isSolved })
        #expect(c.new.map(\.qualifiedID) == ["seven-steps.consistent-voice"])
        #expect(c.firstJudged.map(\.current.qualifiedID) == ["seven-steps.measured-objectives", "four-mistakes.fast-replies"])
        #expect(c.firstJudged.map(\.previousStatus) == [.notApplicable, .open])
        #expect(c.changedAnswers.map(\.ref.question) == ["objectives", "metrics_defined", "voice_guide", "voice_consistency",
                                                        "segments_named", "roi_review", "sells_immediately", "helpful_share",
                                                        "answers_requests", "response_rate", "response_time"])
        let helpful = try #require(c.changedAnswers.first { $0.ref.question == "helpful_share" })
        #expect(helpful.previous == "20%" && helpful.current == "50%")
        let voice = try #require(c.changedAnswers.first { $0.ref.question == "voice_guide" })
        #expect(voice.previous == nil && voice.current == "yes")
    }

    @Test func markdownShowsTheDeltasWithSigns() {
        let up = MarkdownReport.render(Fixtures.improved, baseline: Fixtures.struggling)
        #expect(up.contains("| **Overall** | 2.8 | 47.4 | +44.6 |"))
        #expect(up.contains("| Seven steps to productive social media | 5.0 | 50.0 | +45.0 |"))
        // The section is practice by practice: a problem can be partly fixed.
        #expect(up.contains("- Help before you sell (in place now)"))
        #expect(up.contains("**Practices that slipped (1)**\n\n- The voice changes from platform to platform (low; passed before)"))
        #expect(up.contains("- Replies to customers are slow (high; open before)"))
        #expect(up.contains("- Objectives are not measured (high; did not apply before)"))
        #expect(up.contains("- What share of your posts help others rather than promote you? — “20%” → “50%”"))
        // The summary says what changed, problem by problem, before any detail: solved are the
        // problems that were findings and are not now; new, those that are findings now only.
        let summary = up.components(separatedBy: "## Action plan").first ?? ""
        #expect(summary.contains("**Since the previous audit (15 January 2024):** The score rose from 2.8 to 47.4; the earlier score was provisional. Solved: “No business objective is set”; “Everyone is addressed as one audience”; “Results are never weighed against their cost”. New: “Objectives are not measured”; “Replies to customers are slow”; “The voice changes from platform to platform”."), "\(summary)")
        // The other way round every change is negative, and solved and new swap.
        let down = MarkdownReport.render(Fixtures.struggling, baseline: Fixtures.improved)
        #expect(down.contains("| **Overall** | 47.4 | 2.8 | -44.6 |"))
        #expect(down.contains("| The four mistakes audit | 44.8 | 0.0 | -44.8 |"))
        #expect(down.contains("**Practices that slipped (4)**\n\n- New followers are pitched to at once (critical; passed before)\n- No business objective is set (high; passed before)"))
        // measured-objectives no longer applies (no objectives); fast-replies is open (answers_requests skipped).
        // A problem that no longer applies is not solved: it is listed with those not judged.
        #expect(down.contains("**Not judged this time (2)**\n\n- Objectives are not measured (no longer applies)\n- Replies to customers are slow (open now: questions it needs are unanswered)"), "\(down)")
        #expect(!down.contains("Solved: “Objectives are not measured”"))
    }

    /// A baseline that audited fewer checklists is compared on the ones both audits cover, not
    /// its one-checklist score against a three-checklist overall, and a provisional baseline
    /// score says so. Four mistakes: 0.0 of 16 known points then (13 open: provisional), 44.8 now.
    @Test func aBaselineOfFewerChecklistsIsComparedOnTheSharedOnes() {
        var baseline = Fixtures.struggling
        baseline.checklistIDs = ["four-mistakes"]
        let c = ReportComparison(current: Fixtures.improved, baseline: baseline)
        #expect(c.sharedChecklistTitles == ["The four mistakes audit"])
        #expect(c.overall.previous == 0 && c.overall.current == 44.8 && c.overall.change == 44.8)
        #expect(c.baselineWasProvisional)
        let md = MarkdownReport.render(Fixtures.improved, baseline: baseline)
        #expect(md.contains("On the checklist both audits cover (The four mistakes audit), the score rose from 0.0 to 44.8; the earlier score was provisional."), "\(md)")
        #expect(md.contains("| **Overall, on the checklists both audits cover** | 0.0 | 44.8 | +44.8 |"), "\(md)")
        // Answers of the seven steps, which the earlier audit did not cover, are not "changed".
        #expect(c.changedAnswers.allSatisfy { $0.ref.checklist == "four-mistakes" }, "\(c.changedAnswers.map(\.ref))")
        #expect(!c.changedAnswers.isEmpty)
        // The same checklists on both sides: the overall scores, as before.
        #expect(ReportComparison(current: Fixtures.improved, baseline: Fixtures.struggling).sharedChecklistTitles == nil)
    }

    /// A problem that passes now because its answer was measured this time (typed before) is
    /// said to be so: the reply time may be better known rather than better.
    @Test func aProblemSolvedByAMeasurementSaysSo() throws {
        let c = ReportComparison(current: Fixtures.strong, baseline: Fixtures.improved)
        let replies = try #require(c.resolved.first { $0.previous.qualifiedID == "four-mistakes.fast-replies" })
        #expect(replies.isSolved && replies.measuredNow)
        #expect(c.resolved.filter { $0.previous.qualifiedID != "four-mistakes.fast-replies" }.allSatisfy { !$0.measuredNow })
        let md = MarkdownReport.render(Fixtures.strong, baseline: Fixtures.improved)
        #expect(md.contains("- Reply within four hours (in place now, measured from an export this time; typed before)"), "\(md)")
    }

    @Test func aHandWrittenBaselineIsUndated() {
        var baseline = Fixtures.struggling
        baseline.isDated = false
        let md = MarkdownReport.render(Fixtures.improved, baseline: baseline)
        #expect(md.contains("**Since the previous audit (undated):**"))
        #expect(md.contains("The previous audit is undated: its file records no start date."))
        #expect(ReportComparison(current: Fixtures.improved, baseline: baseline).baselineDate == nil)
    }

    @Test func noComparisonWithoutBaseline() {
        #expect(!MarkdownReport.render(Fixtures.improved).contains("Compared with the previous audit"))
    }

    @Test func sameAuditComparedWithItselfChangesNothing() {
        let c = ReportComparison(current: Fixtures.strong, baseline: Fixtures.strong)
        #expect(c.overall.change == 0)
        #expect(c.resolved.isEmpty && c.new.isEmpty && c.firstJudged.isEmpty && c.changedAnswers.isEmpty)
        let md = MarkdownReport.render(Fixtures.strong, baseline: Fixtures.strong)
        #expect(md.contains("| **Overall** | 98.3 | 98.3 | 0.0 |"))
        #expect(md.contains("The score stayed at 98.3. No problem was solved. No new problem."))
    }
}
