import Testing
@testable import AuditKit

@Suite struct ScoringTests {
    static let hand = yaml(
        "id: hand", "title: Worked by hand", "version: 1", "sections:",
        "  - id: network", "    title: Network", "    questions:",
        "      - {id: top_priority, prompt: P, type: choice, choices: [growing followers, sales]}",
        "      - {id: followers, prompt: F, type: number}",
        "  - id: selling", "    title: Selling", "    questions:",
        "      - {id: sells_immediately, prompt: S, type: yesno}",
        "      - {id: response_time, prompt: R, type: duration, allow_na: true}",
        "      - {id: team, prompt: T, type: number, when: sells_immediately == false}",
        "rules:",
        "  - {id: r1, title: Relationships first, severity: high, check: top_priority != \"growing followers\"}",
        "  - {id: r2, title: Enough followers, severity: medium, check: followers >= 100}",
        "  - {id: r3, title: Do not sell at once, severity: critical, check: not sells_immediately}",
        "  - {id: r4, title: Fast replies, severity: low, applies: answered(response_time), check: response_time <= 2h}",
        "  - {id: r5, title: Replies within a day, severity: medium, points: 4, check: response_time <= 1d}",
        "  - {id: r6, title: Big audience, severity: info, check: followers > 1000}",
        "  - {id: r7, title: Always, severity: low, check: true}",
        "examples:",
        "  - name: John from the article",
        "    answers: {top_priority: growing followers, followers: 500, sells_immediately: yes}",
        "    expect: {fails: [r1, r3, r6], passes: [r2, r7], open: [r5], band: at risk, score: 23.5, score_between: [20, 25]}",
        "  - name: Wrong on purpose",
        "    answers: {top_priority: sales}",
        "    expect: {fails: [r1], band: leading}")

    static let other = yaml(
        "id: other", "title: Other", "version: 1", "sections:",
        "  - id: s", "    title: S", "    questions:", "      - {id: ok, prompt: OK, type: yesno}",
        "rules:", "  - {id: o1, title: O, severity: high, check: ok}")

    func johnAnswers() -> AnswerSheet {
        var sheet = AnswerSheet()
        sheet.set("hand", "top_priority", .choice("growing followers"))
        sheet.set("hand", "followers", .number(500))
        sheet.set("hand", "sells_immediately", .bool(true))
        return sheet
    }

    @Test func workedExample() throws {
        let set = mustLoad(Self.hand)
        let card = Scorer.score(set, answers: johnAnswers())
        let c = try #require(card.checklist("hand"))
        // r1 fail (5: high), r2 pass (3: medium), r3 fail (8: critical), r4 not applicable
        // (response_time unanswered, so answered() is false), r5 open (points: 4 overrides medium),
        // r6 fail (0: info), r7 pass (1: low).
        #expect(c.results.map(\.status) == [.fail, .pass, .fail, .notApplicable, .open, .fail, .pass])
        // passed = 3 + 1 = 4; known = 5 + 3 + 8 + 0 + 1 = 17; open = 4.
        #expect(c.summary.passedPoints == 4)
        #expect(c.summary.knownPoints == 17)
        #expect(c.summary.openPoints == 4)
        // score = 4 / 17 × 100 = 23.53 → at risk.
        #expect(abs(c.summary.score! - 23.529) < 0.001)
        #expect(c.summary.pointsBand == .atRisk)
        // range: 4 / 21 = 19.05 (every open rule fails) … 8 / 21 = 38.10 (every open rule passes).
        #expect(abs(c.summary.low! - 19.048) < 0.001)
        #expect(abs(c.summary.high! - 38.095) < 0.001)
        // Asked: top_priority, followers, sells_immediately, response_time (team's `when` is false,
        // since sells_immediately is yes) = 4; answered 3 → coverage 0.75.
        #expect(c.summary.askedQuestions == 4)
        #expect(c.summary.answeredQuestions == 3)
        #expect(c.summary.coverage == 0.75)
        // Gains: fixing r1 adds 5 / 17 = 29.41 points, r3 8 / 17 = 47.06, r6 nothing.
        let gains = Dictionary(uniqueKeysWithValues: c.results.compactMap { r in r.gain.map { (r.rule.id, $0) } })
        #expect(abs(gains["r1"]! - 29.412) < 0.001)
        #expect(abs(gains["r3"]! - 47.059) < 0.001)
        #expect(gains["r6"] == 0)
        // Findings: critical first, then high, then info.
        #expect(card.findings.map(\.rule.id) == ["r3", "r1", "r6"])
        // Sections: network r1 fail 5, r2 pass 3, r6 fail 0 → 3 / 8 = 37.5;
        // selling r3 fail 8, r5 open 4 → 0 / 8 = 0, range 0 … 4 / 12 = 33.3; General: r7 1 / 1 = 100.
        #expect(c.sections.map(\.id) == ["network", "selling", "general"])
        #expect(c.sections[0].summary.score == 37.5)
        #expect(c.sections[1].summary.score == 0)
        #expect(abs(c.sections[1].summary.high! - 33.333) < 0.001)
        #expect(c.sections[2].summary.score == 100)
    }

    @Test func explainShowsTheFormulaWithTheNumbers() {
        let set = mustLoad(Self.hand)
        let text = Scorer.score(set, answers: johnAnswers()).explain()
        // confidence = 17 known of 17 + 4 applicable points = 81.0%.
        #expect(text.contains("hand: 4 of 17 points passed = 23.5 (at risk by points); open rules 4 points: range 19.0–38.1; confidence 81.0%; coverage 3 of 4 questions (75.0%)"))
        #expect(text.contains("FAIL r3: Do not sell at once [critical, 8 points, caps at developing] → fix: +47.1 (overall +47.1)"))
        #expect(text.contains("  network (Network): 3 of 8 points passed = 37.5 (at risk by points)"))
        #expect(text.contains("n/a  r4: Fast replies"))
    }

    @Test func overallIsPointsWeightedAcrossChecklists() throws {
        let set = mustLoad(Self.hand, Self.other)
        var sheet = johnAnswers()
        sheet.set("other", "ok", .bool(true))
        let card = Scorer.score(set, answers: sheet)
        // overall = (4 + 5) / (17 + 5) = 40.9; fixing r3 adds 8 / 22 = 36.4 overall, 47.1 in its checklist.
        #expect(abs(card.overall.score! - 40.909) < 0.001)
        #expect(card.overall.pointsBand == .atRisk)
        let r3 = try #require(card.findings.first)
        #expect(abs(r3.overallGain! - 36.364) < 0.001)
        #expect(abs(r3.gain! - 47.059) < 0.001)
        #expect(card.topFixes.map(\.rule.id) == ["r3", "r1", "r6"])
    }

    @Test func noKnownPointsMeansNoScore() {
        let set = mustLoad(Self.hand)
        let card = Scorer.score(set, answers: AnswerSheet())
        // Only r7 (`check: true`) is known: 1 of 1; everything reading answers is open or n/a.
        #expect(card.overall.score == 100)
        let empty = mustLoad(Self.other)
        #expect(Scorer.score(empty, answers: AnswerSheet()).overall.score == nil)
        #expect(Scorer.score(empty, answers: AnswerSheet()).explain().contains("no rule with points has a known outcome yet"))
    }

    @Test func bandsInOnePlace() {
        #expect(Band(score: 0) == .atRisk)
        #expect(Band(score: 49.94) == .atRisk)
        #expect(Band(score: 49.95) == .developing)   // shown as 50.0, so banded as 50
        #expect(Band(score: 79.9) == .developing)
        #expect(Band(score: 79.96) == .strong)       // shown as 80.0
        #expect(Band(score: 89.9) == .strong)
        #expect(Band(score: 90) == .leading)
        #expect(Band(score: 100) == .leading)
        #expect(Band(label: "At-Risk") == .atRisk)
        #expect(Severity.allCases.map(\.defaultPoints) == [0, 1, 3, 5, 8])
    }

    @Test func examplesRunAndReportDifferences() {
        let set = mustLoad(Self.hand)
        let results = ExampleRunner.runAll(set)
        #expect(results.count == 2)
        #expect(results[0].passed, "\(results[0].mismatches)")
        #expect(!results[1].passed)
        // "Wrong on purpose": top_priority sales → r1 passes; only r7 passes otherwise: 6 of 6 = 100.
        // Reported at the example's `expect:` (line 30, column 5).
        #expect(results[1].render() == """
            f0.yaml:30:5: error: example "Wrong on purpose": expected fails [r1], got []; missing: r1
            """)
        let wrongBand = yaml(
            "id: wb", "title: W", "version: 1", "sections:", "  - id: s", "    title: S", "    questions:",
            "      - {id: ok, prompt: OK, type: yesno}",
            "rules:", "  - {id: o1, title: O, severity: high, check: ok}",
            "examples:", "  - {name: John from the article, answers: {ok: no}, expect: {band: developing, score_between: [50, 60]}}")
        let r = ExampleRunner.runAll(mustLoad(wrongBand))
        #expect(r[0].render() == """
            f0.yaml:12:54: error: example "John from the article": expected band developing, got at risk (0.0)
            f0.yaml:12:54: error: example "John from the article": expected score between 50 and 60, got 0.0
            """)
    }

    @Test func checkRunnerRendersDiagnosticsAndExamples() {
        let report = CheckRunner.run(files: [(file: "hand.yaml", text: Self.hand)])
        #expect(!report.success)
        // Rules no example lists both failing and passing are warnings without --strict.
        #expect(!report.diagnostics.hasErrors)
        #expect(report.reportText.contains("hand.yaml:30:5: error: example \"Wrong on purpose\": expected fails [r1], got []; missing: r1"))
        #expect(report.reportText.contains("hand.yaml: 1 of 2 examples failed"))
        let ok = CheckRunner.run(files: [(file: "other.yaml", text: Self.other)])
        #expect(ok.success)
        #expect(ok.reportText == "other.yaml: ok, 0 examples passed")
        let broken = CheckRunner.run(files: [(file: "b.yaml", text: "id: b\ntitle: [\n")])
        #expect(!broken.success)
        #expect(broken.diagnosticsText.hasPrefix("b.yaml:"))
        #expect(broken.diagnosticsText.hasSuffix("1 error in b.yaml"))
    }

    @Test func checkRunnerLoadsContextForCrossReferences() {
        let user = yaml(
            "id: mine", "title: Mine", "version: 1", "sections:", "  - id: s", "    title: S", "    questions:",
            "      - {id: x, prompt: X, type: yesno}",
            "rules:", "  - {id: m1, title: M, severity: low, check: x and other.ok}",
            "examples:", "  - {name: both, answers: {x: yes, other.ok: yes}, expect: {passes: [m1]}}")
        let alone = CheckRunner.run(files: [(file: "mine.yaml", text: user)])
        #expect(!alone.success)
        let withContext = CheckRunner.run(files: [(file: "mine.yaml", text: user)],
                                          context: [(file: "builtin:other", text: Self.other)])
        #expect(withContext.success, "\(withContext.diagnosticsText) \(withContext.reportText)")
        // A checked file redefining a context checklist's id replaces it instead of clashing.
        let copy = CheckRunner.run(files: [(file: "other-copy.yaml", text: Self.other)],
                                   context: [(file: "builtin:other", text: Self.other)])
        #expect(copy.success)
    }
}
