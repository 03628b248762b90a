import Testing
@testable import AuditKit

@Suite struct ExpressionTests {
    func shape(_ text: String) -> String {
        switch Parser.parse(text) {
        case .success(let e): return e.shape
        case .failure(let e): return "error@\(e.offset): \(e.message)"
        }
    }

    @Test func precedenceAndAssociativity() {
        #expect(shape("a or b and not c") == "(or (ref a) (and (ref b) (not (ref c))))")
        #expect(shape("a - b - c") == "(- (- (ref a) (ref b)) (ref c))")
        #expect(shape("1 + 2 * 3 >= 7") == "(>= (+ 1.0 (* 2.0 3.0)) 7.0)")
        #expect(shape("not a == b") == "(not (== (ref a) (ref b)))")
        #expect(shape("-x * 2") == "(* (- (ref x)) 2.0)")
    }

    /// Every symbol the lexer reads, each one character or two, beside the identifiers and
    /// keywords it tells apart from them.
    @Test func everySymbolIsRead() {
        #expect(shape("(a + b) * c / d - e >= 1 and f <= 2 and g < 3 and h > 4 and i == 5 and j != 6")
                == "(and (and (and (and (and (>= (- (/ (* (+ (ref a) (ref b)) (ref c)) (ref d)) (ref e)) 1.0) (<= (ref f) 2.0)) "
                + "(< (ref g) 3.0)) (> (ref h) 4.0)) (== (ref i) 5.0)) (!= (ref j) 6.0))")
        #expect(shape("k in [\"x\", \"y\"] or m contains \"z\" or not n or true or false")
                == "(or (or (or (or (in (ref k) [\"x\" \"y\"]) (contains (ref m) \"z\")) (not (ref n))) true) false)")
        // A keyword inside a longer name is part of the name.
        #expect(shape("android or notes or in_stock or trueish") == "(or (or (or (ref android) (ref notes)) (ref in_stock)) (ref trueish))")
    }

    @Test func aKeywordOrFunctionCannotNameAQuestion() {
        for word in ["and", "or", "not", "in", "contains", "true", "false", "count", "answered"] {
            #expect(!ChecklistLoader.isValidQuestionID(word), "\(word)")
        }
        for word in ["andrew", "order", "notes", "inbox", "true_reach", "counted", "q1"] {
            #expect(ChecklistLoader.isValidQuestionID(word), "\(word)")
        }
    }

    @Test func identifiersMayContainDashesSoSubtractionNeedsSpaces() {
        #expect(shape("four-mistakes.followers") == "(ref four-mistakes.followers)")
        #expect(shape("a-b") == "(ref a-b)")
        #expect(shape("a - b") == "(- (ref a) (ref b))")
    }

    @Test func literals() {
        #expect(shape("5%") == "5.0%")
        // Whole numbers are added up digit by digit up to 15 digits, longer ones and decimals
        // read by `Double`: both give the same value.
        for text in ["0", "007", "123456789012345", "1234567890123456", "98765432109876543210", "2.50", ".5", "1000000"] {
            #expect(shape(text) == "\(Double(text.hasPrefix(".") ? "0" + text : text)!)", "\(text)")
        }
        #expect(shape("1h30m") == "5400.0s")
        #expect(shape("2w") == "1209600.0s")
        #expect(shape("[\"a\", \"b\"]") == "[\"a\" \"b\"]")
        #expect(shape("\"say \\\"hi\\\"\"") == "\"say \"hi\"\"")
        #expect(shape("count(channels) >= max(2, 3)") == "(>= (count (ref channels)) (max 2.0 3.0))")
    }

    @Test func syntaxErrorsCarryOffsets() {
        #expect(shape("a and") == "error@5: expected a value, found end of expression")
        #expect(shape("(a") == "error@2: expected `)`, found end of expression")
        #expect(shape("a < b < c") == "error@6: comparisons do not chain; combine them with `and`")
        #expect(shape("12k > 1") == "error@2: `k` is not a duration unit; use s, m, h, d or w as in 90s, 30m, 2h, 1d, 2w")
        #expect(shape("\"open") == "error@0: unterminated string: a closing `\"` is missing")
        #expect(shape("foo(1)") == "error@0: `foo` is not a function; functions are answered, na, count, min, max")
        #expect(shape("a b") == "error@2: unexpected `b` after the end of the expression")
        #expect(shape("") == "error@0: empty expression")
        #expect(shape("a && b") == "error@2: unexpected `&`; write `and`, `or`, `not`")
    }

    @Test func deepNestingIsRejectedNotCrashing() {
        let deep = String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000)
        #expect(shape(deep).hasPrefix("error@"))
        let nots = String(repeating: "not ", count: 10_000) + "a"
        #expect(shape(nots).hasPrefix("error@"))
    }

    @Test func printerRoundTripsExamples() {
        for text in ["a or b and not c", "(a or b) and c", "a - (b - c)", "not (a and b)", "-(a + b) * 2",
                     "x in [\"a\", \"b\"]", "four-mistakes.followers / 2 > 1h30m", "answered(q) == false",
                     "(a == b) == (c != d)", "5% + 0.25 < max(1, 2)"] {
            guard case .success(let tree) = Parser.parse(text) else {
                Issue.record("did not parse: \(text)")
                continue
            }
            let printed = ExpressionPrinter.print(tree)
            #expect(shape(printed) == tree.shape, "\(text) printed as \(printed)")
        }
    }

    // MARK: three-valued logic

    /// Builds a set with three yes/no questions; `nil` leaves one unanswered (unknown).
    func evaluate(_ text: String, _ values: [String: Bool?]) -> Bool? {
        let set = mustLoad(yaml(
            "id: t", "title: T", "version: 1", "sections:", "  - id: s", "    title: S", "    questions:",
            "      - {id: a, prompt: A, type: yesno}",
            "      - {id: b, prompt: B, type: yesno}"))
        var sheet = AnswerSheet()
        for (k, v) in values { if let v { sheet.set("t", k, .bool(v)) } }
        guard case .success(let e) = Parser.parse(text) else { return nil }
        let result = Evaluator(set: set, answers: sheet).evaluate(e, in: "t")
        guard case .bool(let b)? = result else { return nil }
        return b
    }

    @Test func kleeneTruthTable() {
        // T = true, F = false, U = unknown (unanswered).
        let values: [Bool?] = [true, false, nil]
        func and3(_ x: Bool?, _ y: Bool?) -> Bool? {
            if x == false || y == false { return false }
            if x == true && y == true { return true }
            return nil
        }
        func or3(_ x: Bool?, _ y: Bool?) -> Bool? {
            if x == true || y == true { return true }
            if x == false && y == false { return false }
            return nil
        }
        // The table written out, not only derived: F and U = F, T and U = U, T or U = T, F or U = U.
        let expectedAnd: [[Bool?]] = [[true, false, nil], [false, false, false], [nil, false, nil]]
        let expectedOr: [[Bool?]] = [[true, true, true], [true, false, nil], [true, nil, nil]]
        for (i, x) in values.enumerated() {
            for (j, y) in values.enumerated() {
                #expect(and3(x, y) == expectedAnd[i][j])
                #expect(or3(x, y) == expectedOr[i][j])
                #expect(evaluate("a and b", ["a": x, "b": y]) == expectedAnd[i][j], "\(String(describing: x)) and \(String(describing: y))")
                #expect(evaluate("a or b", ["a": x, "b": y]) == expectedOr[i][j], "\(String(describing: x)) or \(String(describing: y))")
            }
            #expect(evaluate("not a", ["a": x]) == x.map { !$0 })
        }
    }

    @Test func answeredIsNeverUnknownAndDivisionByZeroIsUnknown() {
        #expect(evaluate("answered(a)", ["a": nil]) == false)
        #expect(evaluate("answered(a)", ["a": false]) == true)
        #expect(evaluate("1 / 0 > 1", [:]) == nil)
        #expect(evaluate("1 / 0 > 1 or true", [:]) == true)
    }

    @Test func evaluationOverTypedAnswers() {
        let set = mustLoad(yaml(
            "id: t", "title: T", "version: 1", "sections:", "  - id: s", "    title: S", "    questions:",
            "      - {id: channels, prompt: C, type: multi, choices: [facebook, twitter, linkedin]}",
            "      - {id: rt, prompt: R, type: duration, allow_na: true}",
            "      - {id: rate, prompt: E, type: percent}",
            "      - {id: start, prompt: D, type: date}",
            "      - {id: top, prompt: T, type: choice, choices: [reach, sales]}"))
        var sheet = AnswerSheet()
        sheet.set("t", "channels", .choices(["facebook", "linkedin"]))
        sheet.set("t", "rt", .duration(seconds: 5400))
        sheet.set("t", "rate", .percent(0.035))
        sheet.set("t", "start", .date(CalendarDate(year: 2024, month: 5, day: 1)!))
        sheet.set("t", "top", .choice("sales"))
        let ev = Evaluator(set: set, answers: sheet)
        func eval(_ s: String) -> Value? {
            guard case .success(let e) = Parser.parse(s) else { return nil }
            return ev.evaluate(e, in: "t")
        }
        #expect(eval("channels contains \"linkedin\"") == .bool(true))
        #expect(eval("\"twitter\" in channels") == .bool(false))
        #expect(eval("count(channels)") == .number(2))
        #expect(eval("rt <= 2h") == .bool(true))
        #expect(eval("rt / 2") == .duration(2700))
        #expect(eval("rate >= 3%") == .bool(true))
        #expect(eval("start < \"2024-06-01\"") == .bool(true))
        #expect(eval("start + 1d == \"2024-05-02\"") == .bool(true))
        #expect(eval("top in [\"sales\", \"reach\"]") == .bool(true))
        #expect(eval("min(rt, 1h)") == .duration(3600))
        sheet.set("t", "rt", .notApplicable)
        let na = Evaluator(set: set, answers: sheet)
        guard case .success(let e) = Parser.parse("rt <= 2h") else { return }
        #expect(na.evaluate(e, in: "t") == .notApplicable)
    }

    @Test func whenNotTrueMakesTheAnswerUnknownAndTheQuestionUnasked() {
        let set = mustLoad(yaml(
            "id: t", "title: T", "version: 1", "sections:", "  - id: s", "    title: S", "    questions:",
            "      - {id: has_team, prompt: Team?, type: yesno}",
            "      - {id: team_size, prompt: Size?, type: number, when: has_team}"))
        let c = set.checklist("t")!
        var sheet = AnswerSheet()
        sheet.set("t", "team_size", .number(4))
        let q = c.question("team_size")!
        #expect(c.isAsked(q, in: sheet) == false)   // has_team unanswered: unknown is not asked
        sheet.set("t", "has_team", .bool(true))
        #expect(c.isAsked(q, in: sheet) == true)
        #expect(c.allQuestions.map { "\($0.section.id)/\($0.question.id)" } == ["s/has_team", "s/team_size"])
    }

    @Test func typeCheckerMessages() {
        func errors(_ text: String) -> [String] {
            let set = mustLoad(yaml(
                "id: t", "title: T", "version: 1", "sections:", "  - id: s", "    title: S", "    questions:",
                "      - {id: channels, prompt: C, type: multi, choices: [facebook, twitter]}",
                "      - {id: n, prompt: N, type: number}",
                "      - {id: d, prompt: D, type: duration}"))
            guard case .success(let e) = Parser.parse(text) else { return ["syntax"] }
            return TypeChecker.checkCondition(e, field: "check", resolve: SetValidator.resolver(for: set.checklist("t")!, in: set))
                .map { "\($0.offset): \($0.message)" }
        }
        #expect(errors("n contains 1") == ["0: `contains` needs a multiple choice or a list on the left, but this is a number"])
        #expect(errors("channels contains \"myspace\"") == ["18: `myspace` is not a choice of channels; choices are: facebook, twitter"])
        #expect(errors("n > d") == ["2: cannot compare a number with a duration"])
        #expect(errors("d > 2h and n >= 10") == [])
        #expect(errors("count(n) > 1") == ["6: `count` needs a multiple choice or a list, but this is a number"])
        #expect(errors("answered(1)") == ["9: `answered` takes a question id, such as answered(followers)"])
        #expect(errors("n and true") == ["0: `and` needs true/false on the left, but this is a number"])
    }
}
