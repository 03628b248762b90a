import Foundation
import Testing
@testable import AuditKit

/// Issue 24: one business problem, one finding, charged once. Each score is worked out by hand
/// in the comments.
@Suite struct ProblemCatalogueTests {
    /// `inbox` defines the problem `reply` (requests wait); `launch2` joins it from another
    /// checklist. r1 is high (5), r2 critical (8), r3 medium (3) and on its own; r4 low (1) in
    /// `reply` too.
    static let inbox = yaml(
        "id: inbox", "title: Inbox", "version: 1", "sources: [a.txt]",
        "themes:",
        "  - id: reply",
        "    title: Requests are answered quickly where they are asked",
        "    problem: Customer requests wait and are sent elsewhere",
        "    help: Customers judge the company by the reply.",
        "    recommendation: Name one person who answers the inbox every working day.",
        "    source: \"a.txt#the reply is the message\"",
        "sections:",
        "  - id: s", "    title: S", "    questions:",
        "      - {id: owner, prompt: Owner?, type: yesno}",
        "      - {id: plan, prompt: Plan?, type: yesno}",
        "      - {id: target, prompt: Target?, type: yesno}",
        "rules:",
        "  - {id: r1, title: An owner, severity: high, check: owner, theme: reply}",
        "  - {id: r3, title: A plan, severity: medium, check: plan}",
        "  - {id: r4, title: A target, severity: low, check: target, theme: reply}")
    static let launch2 = yaml(
        "id: launch2", "title: Launch", "version: 1",
        "sections:",
        "  - id: s", "    title: S", "    questions:",
        "      - {id: place, prompt: Where?, type: yesno}",
        "rules:",
        "  - {id: r2, title: Answered where asked, severity: critical, caps: none, check: place, theme: inbox.reply}")

    static func card(_ answers: [String: Bool]) -> Scorecard {
        let set = mustLoad(inbox, launch2)
        var sheet = AnswerSheet()
        for (key, value) in answers {
            let parts = key.split(separator: ".").map(String.init)
            sheet.set(parts[0], parts[1], .bool(value))
        }
        return Scorer.score(set, answers: sheet)
    }

    @Test func aProblemFoundInTwoChecklistsIsChargedOnceAndIsOneFinding() {
        let card = Self.card(["inbox.owner": false, "inbox.plan": true, "inbox.target": true, "launch2.place": false])
        // reply weighs 8 (the most of r1 5, r4 1, r2 8) and costs 8 (r2 fails); r3 passes 3.
        // Overall 3 / 11 = 27.3 (summed per rule it was 3 + 1 passed of 17: 23.5).
        #expect(card.overall.passedPoints == 3)
        #expect(card.overall.knownPoints == 11)
        #expect(card.themes.map(\.problem) == ["Customer requests wait and are sent elsewhere"])
        #expect(card.themes[0].rules.map(\.qualifiedID) == ["launch2.r2", "inbox.r1"])
        // Alone, inbox weighs reply at 5 (r1, r4) costing 5, and r3 3: 3 / 8 = 37.5.
        #expect(card.checklist("inbox")?.summary.score == 37.5)
        #expect(card.checklist("launch2")?.summary.score == 0)
        // Fixing the whole problem gives back its 8 points: 11 / 11 − 3 / 11 = 72.7.
        #expect(abs(card.themes[0].gain - 800.0 / 11) < 1e-9)
        #expect(card.themes[0].points == 8)
    }

    @Test func fixingOneCauseGainsOnlyWhatTheProblemStopsCosting() {
        let card = Self.card(["inbox.owner": false, "inbox.plan": true, "inbox.target": true, "launch2.place": false])
        let r1 = card.checklist("inbox")!.results.first { $0.rule.id == "r1" }!
        let r2 = card.checklist("launch2")!.results.first { $0.rule.id == "r2" }!
        // r2 passing leaves r1 failing: the problem then costs 5, so overall gains 3 / 11.
        #expect(abs(r2.overallGain! - 300.0 / 11) < 1e-9)
        // r1 passing changes nothing overall while r2 (8) still fails.
        #expect(r1.overallGain == 0)
        // In inbox alone r1 is the most its problem costs there: fixing it leaves r4 passing, 5 of 8.
        #expect(r1.gain == 62.5)
    }

    @Test func aMinorCauseCostsWhatItIsWorthNotTheWholeProblem() {
        let card = Self.card(["inbox.owner": true, "inbox.plan": true, "inbox.target": false, "launch2.place": true])
        // reply weighs 8 and costs 1 (r4, low): 7 + 3 passed of 11 = 90.9.
        #expect(card.overall.passedPoints == 10)
        #expect(card.overall.knownPoints == 11)
    }

    @Test func anOpenCauseLeavesTheWholeProblemOpenUntilOneFails() {
        let card = Self.card(["inbox.owner": true, "inbox.plan": true, "inbox.target": true])
        // r2 is open: reply (8) is open, r3 passes 3: 3 of 3 known, 8 open.
        #expect(card.overall.knownPoints == 3)
        #expect(card.overall.openPoints == 8)
    }

    @Test func theProblemCarriesItsRecommendationAndQuote() throws {
        let set = mustLoad(Self.inbox, Self.launch2)
        let theme = try #require(set.checklist("inbox")?.theme("reply"))
        #expect(theme.recommendation == "Name one person who answers the inbox every working day.")
        #expect(theme.source == "a.txt#the reply is the message")
    }

    @Test func aProblemCitingAnUnlistedSourceIsAnErrorAtItsSource() {
        let text = Self.inbox.replacingOccurrences(of: "sources: [a.txt]", with: "sources: [b.txt]")
        #expect(problems([("inbox.yaml", text)]).contains(
            "11:13 source file `a.txt` is not listed in the checklist's `sources` (listed: b.txt)"))
    }

    @Test func noneWithoutAnExclusiveChoiceIsNoChoiceAndWithTwoIsRefused() throws {
        let set = mustLoad(yaml(
            "id: m", "title: M", "version: 1", "sections:",
            "  - id: s", "    title: S", "    questions:",
            "      - {id: plain, prompt: P?, type: multi, choices: [a, b]}",
            "      - {id: two, prompt: T?, type: multi, choices: [a, {label: none yet, exclusive: true}, {label: not sure, exclusive: true}]}"))
        let plain = try #require(set.question(QuestionRef(checklist: "m", question: "plain")))
        let two = try #require(set.question(QuestionRef(checklist: "m", question: "two")))
        #expect(try plain.parse("none").get() == .choices([]))
        guard case .failure(let error) = two.parse("none") else { Issue.record("accepted"); return }
        #expect(error.reason == "\"none\" could mean \"none yet\" or \"not sure\"")
        #expect(error.accepted == "type the one you mean")
    }

    /// Two rules in different problems reading the same answers, with the same outcome in every
    /// example, are one problem found twice: an error with --strict at the later rule's check.
    @Test func strictCheckFlagsOneProblemInTwoAndANothingChoiceThatIsNotExclusive() {
        let text = yaml(
            "id: dup", "title: Dup", "version: 1",
            "themes:", "  - {id: a, title: A ok, problem: A bad}",
            "sections:",
            "  - id: s", "    title: S", "    questions:",
            "      - {id: q, prompt: Q?, type: yesno}",
            "      - {id: m, prompt: M?, type: multi, choices: [x, none yet]}",
            "rules:",
            "  - {id: r1, title: R1, check: q, severity: high, theme: a}",
            "  - {id: r2, title: R2, check: q == true, severity: medium}",
            "  - {id: r3, title: R3, check: not (m contains \"none yet\"), severity: low}",
            "examples:",
            "  - {name: one, answers: {q: yes, m: x}, expect: {passes: [r1, r2, r3]}}",
            "  - {name: two, answers: {q: no, m: none yet}, expect: {fails: [r1, r2, r3]}}")
        let report = CheckRunner.run(files: [(file: "dup.yaml", text: text)], strict: true)
        let lines = report.diagnostics.map { "\($0.location.line):\($0.location.column) \($0.severity) \($0.message)" }
        #expect(lines == [
            "15:32 error rule `r3` tests `none yet` of `dup.m`, which is not exclusive, so a typed `none` scores differently from choosing it; write the choice as `{label: none yet, exclusive: true}`",
            "14:32 error rule `r2` reads the same answers as `r1` (dup.yaml:13:32) and comes to the same outcome in every example, but they are in different problems (`dup.r2`, `dup.a`): one business problem found twice; put both in one problem (`theme:`)",
        ])
        #expect(!report.success)
        // Without --strict they are warnings.
        #expect(CheckRunner.run(files: [(file: "dup.yaml", text: text)]).diagnostics.allSatisfy { $0.severity == .warning })
    }
}
