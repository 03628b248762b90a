import Testing
import TestSupport
@testable import AuditKit

/// Loading records, rule by rule, the numbers of the questions and targets of its own
/// checklist each rule reads, and scoring finds what is known of them by number instead of by
/// name. These check the numbers, and that scoring by them judges exactly as scoring by name.
struct RuleReadsTests {
    @Test func eachRuleReadsItsOwnQuestionsAndTargetsByNumber() throws {
        let other = yaml(
            "id: other", "title: O", "version: 1", "sections:",
            "  - {id: s, title: S, questions: [{id: o, prompt: O?, type: yesno}]}")
        let text = yaml(
            "id: own", "title: T", "version: 1", "sections:",
            "  - id: s0", "    title: S0", "    questions:",
            "      - {id: a, prompt: A?, type: yesno}",
            "      - {id: b, prompt: B?, type: number}",
            "  - id: s1", "    title: S1", "    questions:",
            "      - {id: c, prompt: C?, type: number}",
            "targets:",
            "  - {id: bar, prompt: Bar, type: number, default: 3}",
            "rules:",
            "  - {id: r0, title: R, severity: low, check: c + c > 2, applies: answered(a)}",
            "  - {id: r1, title: R, severity: low, check: other.o and own.b >= bar}",
            "  - {id: r2, title: R, severity: low, check: \"1 > 0\"}")
        let set = mustLoad(other, text)
        let own = try #require(set.checklist("own"))
        // `applies` before `check`; a name read twice kept once; another checklist's left out;
        // a target numbered after the three questions.
        #expect(own.ruleReads.of(rule: 0).map(Array.init) == [0, 2])
        #expect(own.ruleReads.of(rule: 1).map(Array.init) == [1, 3])
        #expect(own.ruleReads.of(rule: 2).map(Array.init) == [])
        #expect(own.ruleReads.of(rule: 3) == nil)
    }

    /// Random pairs of checklists, the second reading the first's answers, with `when`s,
    /// targets, `n/a` answers and names read twice: every result, summary and explanation is
    /// the same whether the rules' numbers are known or every name is looked up, on one core
    /// and on two (questions settled, rules judged and themes grouped on both).
    @Test func scoringByNumberJudgesAsScoringByName() throws {
        var g = SeededRandom(seed: 7)
        for round in 0..<80 {
            var texts: [String] = []
            var sheet = AnswerSheet()
            var kinds: [String: [Bool]] = [:]  // per checklist, per question: a number (else yes/no)
            for c in ["c0", "c1"] {
                let count = g.int(1...7)
                let isNumber = (0..<count).map { _ in g.chance(0.5) }
                kinds[c] = isNumber
                var lines = ["id: \(c)", "title: \(c)", "version: 1", "sections:", "  - id: s0", "    title: S0", "    questions:"]
                for q in 0..<count {
                    if q == 3 { lines += ["  - id: s1", "    title: S1", "    questions:"] }
                    var fields = "id: q\(q), prompt: Q?, type: \(isNumber[q] ? "number" : "yesno"), allow_na: true"
                    if q > 0, g.chance(0.3) {
                        let j = g.int(0...q - 1)
                        fields += isNumber[j] ? ", when: answered(q\(j))" : ", when: q\(j)"
                    }
                    lines.append("      - {\(fields)}")
                    if g.chance(0.8) {
                        sheet.set(c, "q\(q)", g.chance(0.15) ? .notApplicable
                                  : isNumber[q] ? .number(Double(g.int(0...6))) : .bool(g.chance(0.5)))
                    }
                }
                lines += ["targets:", "  - {id: bar, prompt: Bar, type: number, default: 3}"]
                if g.chance(0.3) { sheet.set(c, "bar", .number(Double(g.int(0...6)))) }
                func term() -> String {
                    // Mostly its own questions, written plain or qualified; in c1 some of c0's.
                    let owner = c == "c1" && g.chance(0.3) ? "c0" : c
                    let q = g.int(0...kinds[owner]!.count - 1)
                    let name = owner != c || g.chance(0.2) ? "\(owner).q\(q)" : "q\(q)"
                    if kinds[owner]![q] {
                        return g.pick(["\(name) >= 3", "\(name) + \(name) > 4", "\(name) >= bar", "answered(\(name))", "na(\(name))"])
                    }
                    return g.pick([name, "not \(name)", "answered(\(name))", "na(\(name))"])
                }
                lines.append("rules:")
                for r in 0..<g.int(1...8) {
                    let check = (0..<g.int(1...3)).map { _ in term() }.joined(separator: g.pick([" and ", " or "]))
                    let applies = g.chance(0.3) ? ", applies: \"\(term())\"" : ""
                    lines.append("  - {id: r\(r), title: R, severity: \(g.pick(["low", "high"])), check: \"\(check)\"\(applies)}")
                }
                texts.append(lines.joined(separator: "\n") + "\n")
            }
            let set = mustLoad(texts[0], texts[1])
            #expect(set.checklists.allSatisfy { $0.ruleReads.ends.count == $0.rules.count + 1 })
            let byName = ChecklistSet(unchecked: set.checklists.map {
                var c = $0
                c.ruleReads = Checklist.RuleReads()
                return c
            })
            let expected = Scorer.score(byName, answers: sheet)
            for parallelFrom in [ChecklistLoader.parallelRulesFrom, 1] {
                let card = Scorer.score(set, answers: sheet, checklists: nil, accepted: [], parallelFrom: parallelFrom)
                let results = card.checklists.flatMap(\.results), wanted = expected.checklists.flatMap(\.results)
                #expect(results.map(\.status) == wanted.map(\.status), "round \(round), from \(parallelFrom)")
                #expect(results.map(\.notApplicableBecause) == wanted.map(\.notApplicableBecause), "round \(round)")
                #expect(card.checklists.map(\.summary) == expected.checklists.map(\.summary), "round \(round)")
                #expect(card.themes == expected.themes, "round \(round), from \(parallelFrom)")
                #expect(card.standing == expected.standing, "round \(round), from \(parallelFrom)")
                #expect(card.explain() == expected.explain(), "round \(round), from \(parallelFrom)")
            }
        }
    }
}

/// The type checker resolves a checklist's names looking first where the last one was found
/// and just after it; whatever it finds there or by name is the question the name is.
struct NumberedNearTests {
    @Test func aNameIsFoundNearTheLastOneOrByName() throws {
        let set = mustLoad(yaml(
            "id: c", "title: C", "version: 1", "sections:",
            "  - {id: s0, title: S0, questions: [{id: a, prompt: A?, type: yesno}, {id: b, prompt: B?, type: yesno}]}",
            "  - {id: s1, title: S1, questions: []}",
            "  - {id: s2, title: S2, questions: [{id: c, prompt: C?, type: yesno}]}",
            "targets:",
            "  - {id: bar, prompt: Bar, type: number, default: 3}"))
        let checklist = try #require(set.checklist("c"))
        var near: Checklist.QuestionPosition?
        func find(_ id: String) -> Int? { checklist.numbered(id, near: &near)?.number }
        #expect(find("a") == 0)
        #expect(near == Checklist.QuestionPosition(section: 0, question: 0))
        #expect(find("a") == 0)  // where the last was
        #expect(find("b") == 1)  // just after it
        #expect(find("c") == 2)  // after an empty section
        #expect(near == Checklist.QuestionPosition(section: 2, question: 0))
        #expect(find("c") == 2)
        #expect(find("a") == 0)  // by name, from the end
        #expect(find("bar") == 3)  // a target: by name, numbered after the questions
        #expect(near == Checklist.QuestionPosition(section: 0, question: 0))
        #expect(find("zzz") == nil)
        // Every name, from every place, gives what the lookup by name gives.
        for start in [nil] + (0..<3).map({ Checklist.QuestionPosition(section: $0, question: 0) }) {
            for id in ["a", "b", "c", "bar", "zzz"] {
                near = start
                #expect(find(id) == checklist.numbered(id)?.number, "\(id) from \(String(describing: start))")
            }
        }
    }
}
