import Testing
@testable import AuditKit

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
}
