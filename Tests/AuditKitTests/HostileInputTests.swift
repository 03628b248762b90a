import Testing
import TestSupport
@testable import AuditKit

/// Issue 14: inputs that crashed, blew up or were misread, kept as regression cases.
@Suite struct HostileInputTests {
    static func checklist(check: String, questions: String = """
          - {id: a, prompt: A, type: yesno}
          - {id: n, prompt: N, type: number}
    """) -> String {
        """
        id: hostile
        title: Hostile
        version: 1.0.0
        sections:
          - id: s
            title: S
            questions:
        \(questions)
        rules:
          - id: r
            title: R
            check: \(check)
            severity: high
        """
    }

    static func score(_ text: String, answers: [String: AnswerValue]) -> (RuleStatus?, [Diagnostic]) {
        let (set, diagnostics) = ChecklistSet.load([(file: "h.yaml", text: text)])
        var sheet = AnswerSheet()
        for (q, v) in answers { sheet.set("hostile", q, v) }
        let card = Scorer.score(set, answers: sheet)
        return (card.checklists.first?.results.first?.status, diagnostics)
    }

    // MARK: Long chains (item 1): 5,000 terms overflowed the stack; 100,000 now work

    @Test(arguments: ["and", "or"])
    func longBooleanChainsLoadAndScore(_ op: String) {
        let text = Self.checklist(check: Array(repeating: "a", count: 100_000).joined(separator: " \(op) "))
        let (status, diagnostics) = Self.score(text, answers: ["a": .bool(true)])
        #expect(diagnostics.isEmpty, "\(diagnostics.prefix(3))")
        #expect(status == .pass)
        #expect(Self.score(text, answers: ["a": .bool(false)]).0 == .fail)
        #expect(Self.score(text, answers: [:]).0 == .open)
    }

    @Test(arguments: ["+", "-", "*", "/"])
    func longArithmeticChainsLoadAndScore(_ op: String) {
        let text = Self.checklist(check: Array(repeating: "n", count: 100_000).joined(separator: " \(op) ") + " >= 0")
        let (status, diagnostics) = Self.score(text, answers: ["n": .number(1)])
        #expect(diagnostics.isEmpty, "\(diagnostics.prefix(3))")
        // 1+1+… = 100000, 1-1-… = -99998, 1*1*… = 1, 1/1/… = 1.
        #expect(status == (op == "-" ? .fail : .pass))
    }

    /// Random chains of 100,000 terms mixing every binding level: the parser, the printer,
    /// the type checker and the evaluator agree with a plain fold of the same terms.
    @Test func randomLongChainsAgreeWithAReferenceFold() throws {
        var r = SeededRandom(seed: 1414)
        for _ in 0..<3 {
            // Kleene over true, false and unknown (an unanswered question), or of and and.
            var terms: [String] = []
            var ops: [String] = []
            for i in 0..<100_000 {
                terms.append(r.pick(["t", "f", "u", "(t or u)", "not f"]))
                if i > 0 { ops.append(r.chance(0.5) ? "and" : "or") }
            }
            var text = terms[0]
            for (op, term) in zip(ops, terms.dropFirst()) { text += " \(op) \(term)" }
            let expr = try Parser.parse(text).get()
            #expect(try Parser.parse(ExpressionPrinter.print(expr)).get().shape == expr.shape)
            // The reference: `or` of `and`-runs, each term's Kleene value folded by hand.
            func value(_ term: String) -> Bool? {
                switch term { case "t", "(t or u)", "not f": return true; case "f": return false; default: return nil }
            }
            func and(_ a: Bool?, _ b: Bool?) -> Bool? { a == false || b == false ? false : (a == true && b == true ? true : nil) }
            func or(_ a: Bool?, _ b: Bool?) -> Bool? { a == true || b == true ? true : (a == false && b == false ? false : nil) }
            var runs: [Bool?] = [value(terms[0])]
            for (op, term) in zip(ops, terms.dropFirst()) {
                if op == "and" { runs[runs.count - 1] = and(runs[runs.count - 1], value(term)) } else { runs.append(value(term)) }
            }
            let expected = runs.dropFirst().reduce(runs[0], or)
            let questions = """
                  - {id: t, prompt: T, type: yesno}
                  - {id: f, prompt: F, type: yesno}
                  - {id: u, prompt: U, type: yesno}
            """
            let (set, diagnostics) = ChecklistSet.load([(file: "h.yaml", text: Self.checklist(check: text, questions: questions))])
            #expect(diagnostics.isEmpty)
            var sheet = AnswerSheet()
            sheet.set("hostile", "t", .bool(true))
            sheet.set("hostile", "f", .bool(false))
            let truth = Evaluator(set: set, answers: sheet).truth(set.checklist("hostile")!.rules[0].check, in: "hostile")
            #expect(truth == expected)
        }
    }

    @Test func typeErrorsInALongChainPointAtTheirTerm() {
        let terms = Array(repeating: "a", count: 10_000) + ["n"] + Array(repeating: "a", count: 10_000)
        let (_, diagnostics) = Self.score(Self.checklist(check: terms.joined(separator: " and ")), answers: [:])
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.message == "in `check`: `and` needs true/false on the right, but this is a number")
        #expect(diagnostics.first?.location.column == 12 + 10_000 * 6)
    }

    // MARK: Diagnostics stay linear (item 2)

    /// 20,000 unknown choices in one list took 32 s and wrote 2 GB of errors, each with the
    /// whole 150 KB line: now 20 errors and a count, each with a window of the line.
    @Test func thousandsOfErrorsInOneExpressionAreCappedAndWindowed() {
        let items = (0..<20_000).map { "\"x\($0)\"" }.joined(separator: ", ")
        let text = Self.checklist(check: "q in [\(items)]", questions: "      - {id: q, prompt: Q, type: choice, choices: [a, b]}")
        let (_, diagnostics) = ChecklistSet.load([(file: "h.yaml", text: text)])
        #expect(diagnostics.count == DiagnosticRenderer.limit + 1)
        #expect(diagnostics.last?.message == "in `check`: 19980 more errors like these in this expression")
        let rendered = DiagnosticRenderer.render(diagnostics, sources: ["h.yaml": text])
        #expect(rendered.utf8.count < 10_000, "\(rendered.utf8.count) bytes")
        #expect(rendered.contains("h.yaml: 1 more error not shown"))
        // The window keeps the caret under the offending item.
        let lines = rendered.split(separator: "\n", omittingEmptySubsequences: false)
        let x5 = lines.firstIndex { $0.contains("`x5` is not a choice") }!
        let caret = lines[x5 + 2].distance(from: lines[x5 + 2].startIndex, to: lines[x5 + 2].firstIndex(of: "^")!)
        #expect(lines[x5 + 1].dropFirst(caret).hasPrefix("\"x5\""))
    }

    @Test func aLongLineIsShownAsAWindowAroundTheCaret() {
        let line = String(repeating: "a", count: 1000) + "X" + String(repeating: "b", count: 1000)
        let shown = DiagnosticRenderer.render(.error("here", at: SourceLocation(file: "f", line: 1, column: 1001)), source: line)
        let parts = shown.split(separator: "\n")
        #expect(parts[1] == "…" + String(repeating: "a", count: 50) + "X" + String(repeating: "b", count: 49) + "…")
        #expect(parts[2] == String(repeating: " ", count: 51) + "^")
    }

    // MARK: Files from other tools (item 6)

    @Test func aByteOrderMarkBeforeTheFirstKeyIsAccepted() {
        let text = "\u{FEFF}" + Self.checklist(check: "a")
        let (set, diagnostics) = ChecklistSet.load([(file: "bom.yaml", text: text)])
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(set.checklist("hostile") != nil)
        // Columns on line 1 are counted from after the mark.
        let bad = "\u{FEFF}idd: x\n"
        let (_, problems) = ChecklistSet.load([(file: "bom.yaml", text: bad)])
        #expect(problems.contains { $0.location.line == 1 && $0.location.column == 1 && $0.message.hasPrefix("unknown field `idd`") })
        let answers = SessionReader.read(text: "\u{FEFF}answers:\n  hostile:\n    a: yes\n", file: "a.yaml", set: set, now: "now")
        #expect(answers.session?.answers.answer("hostile", "a") == .bool(true))
    }

    @Test func anExpressionErrorAfterAByteOrderMarkPointsAtItsColumn() throws {
        // `check: a and nn` on line 13: the unknown `nn` is at column 18 with or without the mark.
        for mark in ["", "\u{FEFF}"] {
            let (_, problems) = ChecklistSet.load([(file: "bom.yaml", text: mark + Self.checklist(check: "a and nn"))])
            let problem = try #require(problems.first { $0.message.contains("`nn`") }, "\(problems)")
            #expect(problem.location.line == 13 && problem.location.column == 18, "mark \(mark.isEmpty ? "absent" : "present"): \(problem)")
        }
    }

    // MARK: Answers read as people mean them (items 10–14)

    static let answersSet: ChecklistSet = ChecklistSet.load([(file: "q.yaml", text: """
        id: q
        title: Q
        version: 1.0.0
        sections:
          - id: s
            title: S
            questions:
              - {id: share, prompt: Share?, type: percent, min: 0%, max: 100%}
              - id: tools
                prompt: Tools?
                type: multi
                choices: [follower count, engagement, {label: none of these, exclusive: true}]
              - {id: wait, prompt: Wait?, type: duration}
        rules: []
        """)]).0

    func read(_ text: String) -> SessionReader.Result {
        SessionReader.read(text: text, file: "a.yaml", set: Self.answersSet, now: "now")
    }

    @Test func aBareFractionInAFileIsReadWithAWarningAtItsPlace() {
        let result = read("answers:\n  q:\n    share: 1\n")
        #expect(result.session?.answers.answer("q", "share") == .percent(1))
        #expect(result.diagnostics.map { "\($0.location.line):\($0.location.column) \($0.severity) \($0.message)" }
                == ["3:12 warning the answer to `q.share` is read as 100%: a bare number of 1 or less is a fraction; type 1% for 1 per cent"])
    }

    @Test func sharesMayBeTypedAsCounts() {
        for text in ["12 of 20", "12/20", "12 OF 20"] {
            #expect((try? Self.answersSet.question(QuestionRef(checklist: "q", question: "share"))!.parse(text).get()) == .percent(0.6), "\(text)")
        }
        #expect(read("answers:\n  q:\n    share: 3 of 4\n").session?.answers.answer("q", "share") == .percent(0.75))
        let q = Self.answersSet.question(QuestionRef(checklist: "q", question: "share"))!
        #expect((try? q.parse("3/0").get()) == nil)
        #expect((try? q.parse("30 of 20").get()) == nil)  // 150% is above the maximum
    }

    @Test func aMultipleChoiceAnswerMayBeAYAMLList() {
        let result = read("answers:\n  q:\n    tools: [engagement, follower count]\n")
        #expect(result.session?.answers.answer("q", "tools") == .choices(["follower count", "engagement"]), "\(result.diagnostics)")
        // An empty list says "nothing", which the question's exclusive choice is (issue 24).
        #expect(read("answers:\n  q:\n    tools: []\n").session?.answers.answer("q", "tools") == .choices(["none of these"]))
        let wrong = read("answers:\n  q:\n    share: [1, 2]\n")
        #expect(wrong.diagnostics.first?.message.hasPrefix("the answer to `q.share` is a list, but the question takes one answer") == true)
    }

    @Test func everyErrorOfAnAnswersFileIsReportedAtOnce() {
        let result = read("answers:\n  q:\n    share: 10%\n    share: 20%\n  nope:\n    x: 1\n")
        #expect(result.session == nil)
        let messages = result.diagnostics.map(\.message)
        #expect(messages.contains("duplicate key `share` in one mapping; the first one is used"))
        #expect(messages.contains { $0.hasPrefix("unknown checklist `nope`") })
    }

    @Test func anExclusiveChoiceCannotBeCombined() {
        let q = Self.answersSet.question(QuestionRef(checklist: "q", question: "tools"))!
        #expect((try? q.parse("none of these").get()) == .choices(["none of these"]))
        switch q.parse("follower count, none of these") {
        case .success(let v): Issue.record("accepted \(v)")
        case .failure(let e): #expect(e.reason == "\"none of these\" cannot be combined with other choices")
        }
    }

    @Test func aDurationNeedsItsUnit() {
        let result = read("answers:\n  q:\n    wait: 2\n")
        #expect(result.session == nil)
        #expect(result.diagnostics.first?.message.hasPrefix("invalid answer to `q.wait`: \"2\" needs a unit: 2m for minutes, 2h for hours, 2d for days") == true)
        #expect(read("answers:\n  q:\n    wait: 2d\n").session?.answers.answer("q", "wait") == .duration(seconds: 172_800))
    }
}
