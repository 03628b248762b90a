import Foundation
import Testing
@testable import AuditKit
import TestSupport

/// A big checklist's rules are read on two cores, split after the sections: the checklist and
/// every problem, in order, are exactly those of reading it on one, wherever the split falls.
@Suite struct ParallelRulesTests {
    /// `questions` questions in three sections and `rules` rules, with a problem every few rules:
    /// duplicate ids, unknown severities, broken expressions, unlisted sources, unknown sections,
    /// unknown fields; and rules whose section comes from the questions they read.
    static func checklist(questions: Int, rules: Int) -> String {
        var lines = ["id: big", "title: Big", "version: \"1\"", "sources: [a.md]", "sections:"]
        for s in 0..<3 {
            lines += ["  - id: s\(s)", "    title: Section \(s)", s < questions ? "    questions:" : "    questions: []"]
            for q in stride(from: s, to: questions, by: 3) {
                lines += ["      - id: q\(q)", "        prompt: Question \(q)?", "        type: yesno"]
            }
        }
        lines.append("rules:")
        for r in 0..<rules {
            let id = r % 17 == 16 ? "r\(r - 1)" : "r\(r)"
            lines += ["  - id: \(id)", "    title: Rule \(r)"]
            switch r % 11 {
            case 3: lines.append("    check: q\(r % max(questions, 1)) == ")
            case 5: lines.append("    check: q\(r % max(questions, 1)) and unknown_thing")
            default: lines.append("    check: q\(r % max(questions, 1))")
            }
            lines.append(r % 13 == 7 ? "    severity: huge" : "    severity: medium")
            if r % 19 == 4 { lines.append("    source: \"b.md#words\"") }
            if r % 23 == 9 { lines.append("    section: nowhere") }
            if r % 29 == 2 { lines.append("    colour: red") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func twoCoresReadWhatOneReads() throws {
        for (questions, rules) in [(30, 40), (300, 40), (3, 200), (0, 25)] {
            let text = Self.checklist(questions: questions, rules: rules)
            let (one, oneProblems) = ChecklistLoader.parse(text: text, file: "big.yaml", parallelRulesFrom: .max)
            #expect(oneProblems.count > rules / 10, "the fixture has problems to compare")
            #expect(oneProblems.filter { $0.message.contains("question") }.map(\.message) == [], "its questions are valid")
            #expect(Set(one?.rules.map(\.sectionID) ?? []).count == (questions == 0 ? 2 : 4), "sections come from questions")
            for from in [1, rules / 2, rules] {
                let (two, twoProblems) = ChecklistLoader.parse(text: text, file: "big.yaml", parallelRulesFrom: from)
                // Compared whole, but reported short: a difference would fill pages.
                let same = twoProblems == oneProblems
                #expect(same, "\(questions) questions, \(rules) rules, from \(from)")
                let a = try #require(one), b = try #require(two)
                let sameChecklist = ChecklistSnapshot.encode([b]) == ChecklistSnapshot.encode([a])
                #expect(sameChecklist, "\(questions) questions, \(rules) rules, from \(from)")
                #expect(b.rules.map(\.sectionID) == a.rules.map(\.sectionID))
            }
        }
    }

    /// Loading a set checks it as a whole too (cyclic `when`s, rules that repeat another): on
    /// the other core when it is big. Everything reported, and the checklist, are the same.
    @Test func theSetsChecksOnTheOtherCoreFindWhatTheyFindHere() throws {
        var text = Self.checklist(questions: 60, rules: 90)
        // Two questions whose `when`s read each other, and two rules that say the same.
        text = text.replacingOccurrences(of: "      - id: q0\n        prompt: Question 0?\n",
                                         with: "      - id: q0\n        prompt: Question 0?\n        when: q3\n")
        text = text.replacingOccurrences(of: "      - id: q3\n        prompt: Question 3?\n",
                                         with: "      - id: q3\n        prompt: Question 3?\n        when: q0\n")
        text += "  - id: again\n    title: Again\n    check: q1\n    severity: medium\n"
        let files = [(file: "big.yaml", text: text), (file: "other.yaml", text: Self.checklist(questions: 6, rules: 4).replacingOccurrences(of: "id: big", with: "id: other"))]
        let (oneSet, one) = SetValidator.load(files, parallelFrom: .max)
        #expect(one.contains { $0.message.hasPrefix("cyclic `when`") }, "the fixture has a cycle")
        #expect(one.contains { $0.message.contains("again") }, "and a repeated rule")
        for from in [1, 50] {
            let (twoSet, two) = SetValidator.load(files, parallelFrom: from)
            let same = two == one
            #expect(same, "from \(from)")
            #expect(ChecklistSnapshot.encode(twoSet.checklists) == ChecklistSnapshot.encode(oneSet.checklists))
        }
        let (alone, _) = ChecklistLoader.parse(text: text, file: "big.yaml", parallelRulesFrom: 1)
        #expect(alone?.contentHash == fnv1a64Hex(text))
    }

    /// A big checklist's second half of rules is judged on the other core: the scorecard, every
    /// result, gain, theme and standing, is the one judging all of them here gives.
    @Test func scoringOnTwoCoresGivesTheScorecardOneGives() throws {
        let (parsed, _) = ChecklistLoader.parse(text: Self.checklist(questions: 120, rules: 300), file: "big.yaml")
        let set = ChecklistSet(unchecked: [try #require(parsed)])
        var random = SeededRandom(seed: 8)
        var answers = AnswerSheet()
        for q in 0..<120 where random.int(0...4) > 0 {
            answers.set("big", "q\(q)", random.int(0...9) == 0 ? .notApplicable : .bool(random.int(0...1) == 1))
        }
        // Two problems the team accepts, one of each half.
        let failing = Scorer.score(set, answers: answers).checklists.first?.results.filter { $0.status == .fail } ?? []
        let accepted: Set<String> = [failing.first?.themeKey ?? "", failing.last?.themeKey ?? ""]
        let one = Scorer.score(set, answers: answers, checklists: nil, accepted: accepted, parallelFrom: .max)
        #expect(one.checklists.first?.results.contains { $0.status == .fail } == true)
        #expect(one.checklists.first?.results.contains { $0.isAccepted } == true)
        for from in [1, 299] {
            let two = Scorer.score(set, answers: answers, checklists: nil, accepted: accepted, parallelFrom: from)
            let same = two == one
            #expect(same, "from \(from)")
        }
    }
}
