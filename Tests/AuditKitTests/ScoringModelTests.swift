import Foundation
import Testing
@testable import AuditKit

/// Issue 15: scores that cannot mislead. Each test works its example out by hand in comments.
@Suite struct ScoringModelTests {
    /// Ten yes/no practices; `service` is the one critical rule (8 points), the others high (5),
    /// low (1) and medium (3) as written.
    static let practices = yaml(
        "id: p", "title: Practices", "version: 1", "sections:",
        "  - id: s", "    title: S", "    questions:",
        "      - {id: service, prompt: Service?, type: yesno}",
        "      - {id: a, prompt: A?, type: yesno}",
        "      - {id: b, prompt: B?, type: yesno}",
        "      - {id: c, prompt: C?, type: yesno}",
        "      - {id: d, prompt: D?, type: yesno}",
        "      - {id: e, prompt: E?, type: yesno}",
        "      - {id: f, prompt: F?, type: yesno}",
        "      - {id: g, prompt: G?, type: yesno}",
        "      - {id: h, prompt: H?, type: yesno}",
        "      - {id: rate, prompt: Rate?, type: percent, allow_na: true}",
        "rules:",
        "  - {id: service-in-channel, title: Requests answered where asked, problem: Requests are sent to the phone line, severity: critical, check: service}",
        "  - {id: ra, title: A, severity: high, check: a}",
        "  - {id: rb, title: B, severity: high, check: b}",
        "  - {id: rc, title: C, severity: high, check: c}",
        "  - {id: rd, title: D, severity: high, check: d}",
        "  - {id: re, title: E, severity: high, check: e}",
        "  - {id: rf, title: F, severity: high, check: f}",
        "  - {id: rg, title: G, severity: high, check: g}",
        "  - {id: rh, title: H, severity: high, points: 42, check: h}")

    static func card(_ text: String, _ answers: [String: AnswerValue], checklist: String = "p") -> Scorecard {
        let set = mustLoad(text)
        var sheet = AnswerSheet()
        for (q, v) in answers { sheet.set(checklist, q, v) }
        return Scorer.score(set, answers: sheet)
    }

    static func all(_ value: Bool, except: [String: Bool] = [:]) -> [String: AnswerValue] {
        var answers: [String: AnswerValue] = [:]
        for q in ["service", "a", "b", "c", "d", "e", "f", "g", "h"] { answers[q] = .bool(except[q] ?? value) }
        return answers
    }

    // MARK: Caps

    /// Everything passes but the critical rule: 7 × 5 + 42 = 77 of 77 + 8 = 85 points,
    /// 77 / 85 = 90.6 → leading by points, but the failed critical rule caps it at developing.
    @Test func aFailedCriticalPracticeCapsALeadingScore() throws {
        let standing = Self.card(Self.practices, Self.all(true, except: ["service": false])).standing
        #expect(abs(standing.score! - 90.588) < 0.001)
        #expect(standing.pointsBand == .leading)
        #expect(standing.band == .developing)
        #expect(standing.isCapped)
        #expect(standing.cap?.ruleID == "service-in-channel")
        #expect(standing.cap?.problem == "Requests are sent to the phone line")
        #expect(!standing.isProvisional)
    }

    /// `caps:` caps harder, softer, or not at all.
    @Test func aRuleMaySetItsOwnCap() {
        let answers = Self.all(true, except: ["service": false])
        for (setting, band) in [("at risk", Band.atRisk), ("strong", .strong), ("none", .leading)] {
            let text = Self.practices.replacingOccurrences(of: "severity: critical, check: service}", with: "severity: critical, caps: \(setting), check: service}")
            #expect(Self.card(text, answers).standing.band == band, "caps: \(setting)")
        }
        // A high rule caps nothing by default; with `caps: at risk` it does.
        let text = Self.practices.replacingOccurrences(of: "{id: ra, title: A, severity: high, check: a}", with: "{id: ra, title: A, severity: high, caps: at risk, check: a}")
        #expect(Self.card(text, Self.all(true, except: ["a": false])).standing.band == .atRisk)
        #expect(Self.card(Self.practices, Self.all(true, except: ["a": false])).standing.band == .leading)
    }

    // MARK: Provisional and no score

    /// service, a, b, c and h answered yes; d–g open. Known = 8 + 15 + 42 = 65, open = 20:
    /// confidence 65 / 85 = 76.5% (< 80%), range 65 / 85 = 76.5 (developing) … 100 (leading).
    /// The span reaches from developing to leading: provisional.
    @Test func theProvisionalSpanAtAboutSixtyToEightyPercentConfidence() throws {
        let standing = Self.card(Self.practices, ["service": .bool(true), "a": .bool(true), "b": .bool(true),
                                                  "c": .bool(true), "h": .bool(true)]).standing
        #expect(abs(standing.confidence! - 0.7647) < 0.001)
        #expect(standing.score == 100)
        #expect(standing.isProvisional)
        #expect(standing.span == Band.developing...Band.leading)
        // At 60%: h answered no and only 42 of 70 points... a, b, h known: 10 + 42 = 52 of 85 = 61.2%.
        let sixty = Self.card(Self.practices, ["a": .bool(true), "b": .bool(true), "h": .bool(false)]).standing
        #expect(abs(sixty.confidence! - 0.6118) < 0.001)
        // Score 10 / 52 = 19.2; range 10 / 85 = 11.8 … 43 / 85 = 50.6: at risk to developing,
        // and the open critical rule could cap it, which changes nothing below developing.
        #expect(sixty.isProvisional)
        #expect(sixty.span == Band.atRisk...Band.developing)
    }

    /// An open critical rule could still cap the band: with everything else passing the score
    /// reads leading, but the band is provisional down to developing.
    @Test func anOpenCriticalRuleMakesTheBandProvisional() {
        var answers = Self.all(true)
        answers["service"] = nil
        let standing = Self.card(Self.practices, answers).standing
        // Known 77 of 85 = 90.6% confidence; range 77 / 85 = 90.6 … 100: leading either way by
        // points, but if `service` fails the cap makes it developing.
        #expect(standing.band == .leading)
        #expect(standing.isProvisional)
        #expect(standing.span == Band.developing...Band.leading)
    }

    /// Only `a` answered: 5 of 85 points known (5.9% < 25%): no score, no band, and how many
    /// questions to answer first: h (42 points) then service (8) brings 55 of 85 = 64.7%.
    @Test func belowAQuarterOfThePointsThereIsNoScore() {
        let standing = Self.card(Self.practices, ["a": .bool(true)]).standing
        #expect(!standing.hasScore)
        #expect(standing.score == nil && standing.band == nil)
        #expect(standing.summary.score == 100)  // the points ratio exists, but is not shown
        // Answering h alone gives 5 + 42 = 47 of 85 = 55%: one question is enough.
        #expect(standing.questionsToScore == 1)
        #expect(standing.missing.first?.ref.question == "h")
        #expect(standing.missing.map(\.points) == [42, 8, 5, 5, 5, 5, 5, 5])
    }

    // MARK: Not applicable is not unknown

    static let naChecklist = yaml(
        "id: n", "title: N", "version: 1", "sections:", "  - id: s", "    title: S", "    questions:",
        "      - {id: rate, prompt: Rate?, type: percent, allow_na: true}",
        "      - {id: time, prompt: Time?, type: duration, allow_na: true}",
        "      - {id: owner, prompt: Owner?, type: yesno}",
        "rules:",
        "  - {id: fast, title: Fast, severity: high, check: rate >= 90% and time <= 1h}",
        "  - {id: either, title: Either, severity: medium, check: rate >= 90% or owner}",
        "  - {id: negated, title: Negated, severity: low, check: not (rate < 50%)}",
        "  - {id: guarded, title: Guarded, severity: low, applies: not na(rate), check: owner}",
        "  - {id: said-na, title: Said n/a, severity: low, check: na(rate) or answered(rate)}")

    /// With `rate` answered n/a and `time` 30m, `owner` unanswered:
    /// - fast: NA and true = NA → not applicable (excluded from points), not open;
    /// - either: NA or unknown = unknown → open (owner could still settle it);
    /// - negated: not NA = NA → not applicable;
    /// - guarded: applies `not na(rate)` = false → not applicable;
    /// - said-na: na(rate) is true → pass. Every question answered but owner; nothing waits on rate.
    @Test func naMakesRulesNotApplicableThroughAndOrNot() throws {
        let card = Self.card(Self.naChecklist, ["rate": .notApplicable, "time": .duration(seconds: 1800)], checklist: "n")
        let status = Dictionary(uniqueKeysWithValues: card.checklists[0].results.map { ($0.rule.id, $0.status) })
        #expect(status == ["fast": .notApplicable, "either": .open, "negated": .notApplicable, "guarded": .notApplicable, "said-na": .pass])
        let fast = try #require(card.checklists[0].results.first { $0.rule.id == "fast" })
        #expect(fast.notApplicableBecause == [QuestionRef(checklist: "n", question: "rate")])
        // Owner answered yes: either becomes true (true or NA = true); known points 3 + 1 = 4.
        let settled = Self.card(Self.naChecklist, ["rate": .notApplicable, "time": .duration(seconds: 1800), "owner": .bool(true)], checklist: "n")
        #expect(settled.checklists[0].results.map(\.status) == [.notApplicable, .pass, .notApplicable, .notApplicable, .pass])
        #expect(settled.overall.openRules == 0)
        #expect(settled.overall.knownPoints == 4)
    }

    /// The truth table of `and`, `or` and `not` over true, false, unknown and not applicable.
    @Test func naTruthTable() throws {
        let text = yaml(
            "id: t", "title: T", "version: 1", "sections:", "  - id: s", "    title: S", "    questions:",
            "      - {id: x, prompt: X?, type: yesno, allow_na: true}",
            "      - {id: y, prompt: Y?, type: yesno, allow_na: true}",
            "rules: []")
        let set = mustLoad(text)
        let inputs: [(String, AnswerValue?)] = [("T", .bool(true)), ("F", .bool(false)), ("U", nil), ("N", .notApplicable)]
        func show(_ v: Value?) -> String {
            switch v { case .bool(true)?: "T"; case .bool(false)?: "F"; case .notApplicable?: "N"; default: "U" }
        }
        var and = "", or = "", not = ""
        for (xn, xv) in inputs {
            var sheet = AnswerSheet()
            sheet.set("t", "x", xv)
            not += show(Evaluator(set: set, answers: sheet).evaluate(try Parser.parse("not x").get(), in: "t"))
            for (_, yv) in inputs {
                sheet.set("t", "y", yv)
                let e = Evaluator(set: set, answers: sheet)
                and += show(e.evaluate(try Parser.parse("x and y").get(), in: "t"))
                or += show(e.evaluate(try Parser.parse("x or y").get(), in: "t"))
            }
            and += xn == "N" ? "" : " "
            or += xn == "N" ? "" : " "
        }
        // Rows x = T, F, U, N; columns y = T, F, U, N.
        #expect(and == "TFUN FFFF UFUU NFUN")
        #expect(or == "TTTT TFUN TUUU TNUN")
        #expect(not == "FTUN")
        // Strict operators: n/a wins even over unknown; answered() is false, na() true.
        var sheet = AnswerSheet()
        sheet.set("t", "x", .notApplicable)
        let e = Evaluator(set: set, answers: sheet)
        #expect(e.evaluate(try Parser.parse("x == y").get(), in: "t") == .notApplicable)
        #expect(e.evaluate(try Parser.parse("answered(x)").get(), in: "t") == .bool(false))
        #expect(e.evaluate(try Parser.parse("na(x)").get(), in: "t") == .bool(true))
        #expect(e.evaluate(try Parser.parse("na(y)").get(), in: "t") == .bool(false))
    }

    // MARK: Themes

    /// Two checklists; `service` (critical, 8 points) in one and `insight` (high, 5, the same
    /// problem seen from the other) in the other, one theme. One answer fails both.
    static let serviceChecklist = yaml(
        "id: four", "title: Four", "version: 1",
        "themes:", "  - {id: service-sent-away, title: Requests answered where asked, problem: Customer requests are sent away}",
        "sections:", "  - id: s", "    title: S", "    questions:",
        "      - {id: service, prompt: Service?, type: yesno}",
        "      - {id: other, prompt: Other?, type: yesno}",
        "rules:",
        "  - {id: service-in-channel, title: Requests answered where asked, theme: service-sent-away, severity: critical, check: service}",
        "  - {id: r-other, title: Other, severity: high, check: other}")
    static let sevenChecklist = yaml(
        "id: seven", "title: Seven", "version: 1", "sections:", "  - id: s", "    title: S", "    questions:",
        "      - {id: outcome, prompt: Outcome?, type: yesno}",
        "rules:",
        "  - {id: service-outcome, title: Service as an outcome, theme: four.service-sent-away, severity: high, check: outcome and four.service}",
        "  - {id: r-outcome, title: Outcome, severity: medium, check: outcome}")

    /// Four: service fails (8), other passes (5): 5 / 13. Seven: service-outcome fails (5),
    /// outcome passes (3): 3 / 8. Overall the problem is charged once: it weighs 8 (the most of
    /// its rules) and costs 8, other and outcome pass: 8 / 16 = 50.0 (summed per rule it was
    /// 8 / 21 = 38.1). Separately, each rule's gain in its own checklist is 8 / 13 = 61.5 and
    /// 5 / 8 = 62.5 (sum 124.0); fixing the theme adds 8 / 16 = 50.0 to the overall score: one
    /// problem, one gain. Per checklist the theme gains 61.5 and 62.5.
    @Test func aThemeIsOneProblemWithOneComputedGain() throws {
        let set = mustLoad(Self.serviceChecklist, Self.sevenChecklist)
        var sheet = AnswerSheet()
        sheet.set("four", "service", .bool(false))
        sheet.set("four", "other", .bool(true))
        sheet.set("seven", "outcome", .bool(true))
        let card = Scorer.score(set, answers: sheet)
        #expect(abs(card.overall.score! - 50) < 0.001)
        let theme = try #require(card.themes.first)
        #expect(card.themes.count == 1)
        #expect(theme.key == "four.service-sent-away")
        #expect(theme.problem == "Customer requests are sent away")
        #expect(theme.rules.map(\.qualifiedID) == ["four.service-in-channel", "seven.service-outcome"])
        let separate = theme.rules.compactMap(\.gain).reduce(0, +)
        #expect(abs(separate - 124.038) < 0.001)
        #expect(abs(theme.gain - 50) < 0.001)
        #expect(theme.gain < separate)
        #expect(abs(theme.checklistGains["four"]! - 61.538) < 0.001)
        #expect(abs(theme.checklistGains["seven"]! - 62.5) < 0.001)
        #expect(theme.severity == .critical && theme.cap == .developing)
    }

    /// A problem heads its finding whichever of its rules fail (issue 24: the problem is written
    /// to hold whenever any of its causes fails); the finding lists the rules that failed.
    @Test func aProblemHeadsItsFindingWhicheverOfItsRulesFail() throws {
        let text = yaml(
            "id: t", "title: T", "version: 1",
            "themes:", "  - {id: habits, title: Habits that earn trust, problem: Habits that earn trust are missing}",
            "sections:", "  - id: s", "    title: S", "    questions:",
            "      - {id: a, prompt: A?, type: yesno}",
            "      - {id: b, prompt: B?, type: yesno, allow_na: true}",
            "      - {id: c, prompt: C?, type: yesno, allow_na: true}",
            "rules:",
            "  - {id: ra, title: A, problem: Posts are not regular, theme: habits, severity: high, check: a}",
            "  - {id: rb, title: B, problem: Nobody replies, theme: habits, severity: high, check: b}",
            "  - {id: rc, title: C, problem: No thanks given, theme: habits, severity: high, check: c}")
        let heading = "Habits that earn trust are missing"
        let oneOfThree = Self.card(text, ["a": .bool(false), "b": .bool(true), "c": .bool(true)], checklist: "t")
        #expect(try #require(oneOfThree.themes.first).problem == heading)
        #expect(try #require(oneOfThree.themes.first).rules.map(\.rule.id) == ["ra"])
        let twoOfThree = Self.card(text, ["a": .bool(false), "b": .bool(false), "c": .bool(true)], checklist: "t")
        #expect(try #require(twoOfThree.themes.first).problem == heading)
        #expect(try #require(twoOfThree.themes.first).rules.map(\.rule.id) == ["ra", "rb"])
        let allThree = Self.card(text, ["a": .bool(false), "b": .bool(false), "c": .bool(false)], checklist: "t")
        #expect(try #require(allThree.themes.first).problem == heading)
        let allThatApply = Self.card(text, ["a": .bool(false), "b": .notApplicable, "c": .notApplicable], checklist: "t")
        #expect(try #require(allThatApply.themes.first).problem == heading)
    }

    @Test func anUnknownThemeIsAnErrorAtItsPlace() {
        let text = Self.serviceChecklist.replacingOccurrences(of: "theme: service-sent-away,", with: "theme: service-sent-awya,")
        let (_, diagnostics) = ChecklistSet.load([(file: "f0.yaml", text: text)])
        // Line 13 is the first rule; its `theme:` value starts at column 75.
        #expect(diagnostics.map { "\($0.location.line):\($0.location.column) \($0.message)" }
                == ["13:75 rule `service-in-channel` names unknown theme `service-sent-awya`; did you mean `service-sent-away`?"])
    }

    /// The same check and applies under two ids, not in one theme: a warning at the second
    /// rule's `check`, naming the first.
    @Test func aDuplicateRuleIsAWarningAtItsCheck() {
        let seven = yaml(
            "id: seven", "title: Seven", "version: 1", "sections:", "  - id: s", "    title: S", "    questions:",
            "      - {id: outcome, prompt: Outcome?, type: yesno}",
            "rules:",
            "  - {id: again, title: Again, severity: high, check: four.service}")   // line 10, check at col 54
        let (_, diagnostics) = ChecklistSet.load([(file: "four.yaml", text: Self.serviceChecklist), (file: "seven.yaml", text: seven)])
        #expect(diagnostics.map { "\($0.location):\($0.severity) \($0.message)" } == [
            "seven.yaml:10:54:warning rule `again` has the same `check` and `applies` as `four.service-in-channel` (four.yaml:13:121): one practice judged twice; put both in one theme (a restatement carries points: 0) or remove one",
        ])
        // In one theme, it is an insight, not a duplicate.
        let themed = seven.replacingOccurrences(of: "severity: high, check", with: "theme: four.service-sent-away, points: 0, severity: high, check")
        #expect(ChecklistSet.load([(file: "four.yaml", text: Self.serviceChecklist), (file: "seven.yaml", text: themed)]).1.isEmpty)
    }

    // MARK: Rules that test themselves

    static let tested = yaml(
        "id: t", "title: T", "version: 1", "sections:", "  - id: s", "    title: S", "    questions:",
        "      - {id: q, prompt: Q?, type: yesno}",
        "      - {id: r, prompt: R?, type: yesno}",
        "rules:",
        "  - {id: both, title: Both, severity: high, check: q}",
        "  - {id: never-fails, title: Never fails, severity: medium, check: r}",   // line 12, id at col 10
        "examples:",
        "  - {name: bad, answers: {q: no, r: yes}, expect: {fails: [both], passes: [never-fails]}}",
        "  - {name: good, answers: {q: yes, r: yes}, expect: {passes: [both, never-fails]}}")

    @Test func checkStrictFailsOnAnUntestedRuleAndPassesOnceAnExampleNamesIt() {
        let lenient = CheckRunner.run(files: [(file: "t.yaml", text: Self.tested)])
        #expect(lenient.success)
        #expect(lenient.diagnostics.map { "\($0.location):\($0.severity)" } == ["t.yaml:12:10:warning"])
        let strict = CheckRunner.run(files: [(file: "t.yaml", text: Self.tested)], strict: true)
        #expect(!strict.success)
        #expect(strict.diagnostics.map { "\($0.location):\($0.severity) \($0.message)" } == [
            "t.yaml:12:10:error rule `never-fails` is shown failing (in `fails`) by no example; add an example that lists it, or give the rule `untested: REASON`",
        ])
        // An example that names it failing settles it.
        let named = Self.tested + "\n  - {name: worse, answers: {q: no, r: no}, expect: {fails: [both, never-fails]}}\n"
        #expect(CheckRunner.run(files: [(file: "t.yaml", text: named)], strict: true).success)
        // So does `untested:` (for a rule that is worth no points).
        let untested = Self.tested.replacingOccurrences(of: "severity: medium, check: r}", with: "severity: info, untested: context only, check: r}")
        #expect(CheckRunner.run(files: [(file: "t.yaml", text: untested)], strict: true).success)
    }

    @Test func aFailingExampleIsReportedAtItsExpect() {
        let wrong = Self.tested.replacingOccurrences(of: "expect: {passes: [both, never-fails]}", with: "expect: {fails: [both]}")
        let report = CheckRunner.run(files: [(file: "t.yaml", text: wrong)])
        // The second example is on line 15; its `expect` key is at column 45.
        #expect(report.reportText.contains("t.yaml:15:45: error: example \"good\": expected fails [both], got []; missing: both"), "\(report.reportText)")
    }
}
