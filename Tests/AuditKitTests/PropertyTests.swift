import Testing
import TestSupport
@testable import AuditKit

@Suite struct PropertyTests {
    static let names = ["a", "followers", "top_priority", "four-mistakes.followers", "x1", "launch.rt", "count", "b-c"]

    func randomExpr(_ r: inout SeededRandom, depth: Int) -> Expr {
        let leaf = depth <= 0 || r.chance(0.3)
        if leaf {
            switch r.int(0...6) {
            case 0: return Expr(.number(r.chance(0.5) ? Double(r.int(0...100_000)) : Double(r.int(0...9999)) / 100), at: 0)
            case 1: return Expr(.percent(Double(r.int(0...1000)) / 10), at: 0)
            case 2: return Expr(.duration(Double(r.int(1...3_000_000))), at: 0)
            case 3:
                let alphabet = Array("ab \"\\é_-%()")
                return Expr(.string(String((0..<r.int(0...6)).map { _ in r.pick(alphabet) })), at: 0)
            case 4: return Expr(.bool(r.chance(0.5)), at: 0)
            default:
                let name = r.pick(Self.names)
                let parts = name.split(separator: ".").map(String.init)
                return Expr(.reference(checklist: parts.count == 2 ? parts[0] : nil, question: parts.last!), at: 0)
            }
        }
        switch r.int(0...4) {
        case 0: return Expr(.unary(r.pick(Expr.UnaryOp.allCases), randomExpr(&r, depth: depth - 1)), at: 0)
        case 1: return Expr(.list((0..<r.int(0...3)).map { _ in randomExpr(&r, depth: depth - 1) }), at: 0)
        case 2:
            let f = r.pick(Expr.Function.allCases)
            return Expr(.call(f, (0..<r.int(0...3)).map { _ in randomExpr(&r, depth: depth - 1) }), at: 0)
        default:
            return Expr(.binary(r.pick(Expr.BinaryOp.allCases), randomExpr(&r, depth: depth - 1),
                                randomExpr(&r, depth: depth - 1)), at: 0)
        }
    }

    @Test func printThenParseGivesTheSameTree() {
        var r = SeededRandom(seed: 42)
        for _ in 0..<2000 {
            let tree = randomExpr(&r, depth: 5)
            let text = ExpressionPrinter.print(tree)
            switch Parser.parse(text) {
            case .success(let back): #expect(back.shape == tree.shape, "printed: \(text)")
            case .failure(let e): Issue.record("printed text does not parse: \(text) — \(e.message) at \(e.offset)")
            }
        }
    }

    /// The duplicate-rule check prints only rules whose shape hashes collide, so trees that print
    /// alike must hash alike: the re-parse of a printed tree has offsets and flat chains where the
    /// generated tree has none, and a qualified tree names the checklist an unqualified one implies.
    @Test func treesThatPrintAlikeHashAlike() {
        func hash(_ e: Expr, in checklist: String) -> Int {
            var h = Hasher()
            e.hashShape(into: &h, in: checklist)
            return h.finalize()
        }
        var r = SeededRandom(seed: 2026)
        var differ = 0
        for _ in 0..<2000 {
            let tree = randomExpr(&r, depth: 5)
            let text = ExpressionPrinter.print(tree)
            guard case .success(let back) = Parser.parse(text) else { continue }
            #expect(ExpressionPrinter.print(back) == text)
            #expect(hash(back, in: "four-mistakes") == hash(tree, in: "four-mistakes"), "printed: \(text)")
            #expect(hash(tree.qualified(in: "launch"), in: "other") == hash(tree, in: "launch"), "printed: \(text)")
            let other = randomExpr(&r, depth: 5)
            if ExpressionPrinter.print(other) != text, hash(other, in: "launch") != hash(tree, in: "launch") { differ += 1 }
        }
        // And the hash tells different trees apart, or it would save nothing.
        #expect(differ > 1900)
    }

    @Test func parserNeverCrashesOnRandomBytesOrTokenSoup() {
        var r = SeededRandom(seed: 7)
        let soup = ["a", "b-c", "x.y", "(", ")", "[", "]", ",", "and", "or", "not", "in", "contains", "==", "!=",
                    "<", "<=", ">", ">=", "+", "-", "*", "/", "1", "2.5", "5%", "1h30m", "2x", "\"s\"", "\"", "true",
                    "answered", "count", "min", "max", "=", "!", ".", "-", "--", "%", "é", "\\"]
        for i in 0..<3000 {
            let text: String
            if i % 2 == 0 {
                let scalars = (0..<r.int(0...40)).compactMap { _ in Unicode.Scalar(UInt32(r.int(0...0x7F) | (r.chance(0.05) ? 0x400 : 0))) }
                text = String(String.UnicodeScalarView(scalars))
            } else {
                text = (0..<r.int(0...25)).map { _ in r.pick(soup) }.joined(separator: r.chance(0.5) ? " " : "")
            }
            // Must return, with an offset inside (or just past) the text when it fails.
            if case .failure(let e) = Parser.parse(text) {
                #expect(e.offset >= 0 && e.offset <= text.unicodeScalars.count, "\(text)")
            }
        }
    }

    @Test func loaderNeverCrashesOnMutatedChecklists() {
        var r = SeededRandom(seed: 99)
        let base = ScoringTests.hand
        let lines = base.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let inserts = [":", "-", " ", "\n", "[", "]", "{", "}", "\"", "'", "#", "|", ">", "&a", "*a", "\t", "é", "?"]
        var loaded = 0
        for _ in 0..<400 {
            var text: String
            switch r.int(0...3) {
            case 0:
                var chars = Array(base)
                for _ in 0..<r.int(1...5) {
                    let at = r.int(0...chars.count - 1)
                    if r.chance(0.5) { chars.remove(at: at) } else { chars.insert(contentsOf: r.pick(inserts), at: at) }
                }
                text = String(chars)
            case 1:
                var ls = lines
                ls.swapAt(r.int(0...ls.count - 1), r.int(0...ls.count - 1))
                ls.insert(r.pick(lines), at: r.int(0...ls.count))
                text = ls.joined(separator: "\n")
            case 2:
                text = String((0..<r.int(0...200)).map { _ in Character(Unicode.Scalar(UInt8(r.int(9...126)))) })
            default:
                text = (0..<r.int(0...30)).map { _ in r.pick(inserts + ["id: x", "rules:", "sections:", "  - "]) }.joined()
            }
            let (set, diagnostics) = ChecklistSet.load([(file: "m.yaml", text: text)])
            if set.checklists.isEmpty {
                #expect(diagnostics.hasErrors, "no checklist and no error for:\n\(text)")
            } else {
                loaded += 1
                _ = Scorer.score(set, answers: AnswerSheet()).explain()
                _ = ExampleRunner.runAll(set)
            }
            for d in diagnostics {
                #expect(d.location.line >= 1 && d.location.column >= 1)
                _ = DiagnosticRenderer.render(d, source: text)
            }
        }
        #expect(loaded > 0)
    }

    @Test func answerDisplayTextRoundTrips() {
        var r = SeededRandom(seed: 2024)
        let labels = ["growing followers", "engagement", "sales", "Sales team", "customer service", "5", "none?"]
        for _ in 0..<1500 {
            let type = r.pick(QuestionType.allCases)
            var q = Question(id: "q", prompt: "Q", type: type, allowNA: r.chance(0.2))
            if type == .choice || type == .multi { q.choices = Array(labels.prefix(r.int(1...labels.count))) }
            let value: AnswerValue
            switch type {
            case .yesno: value = .bool(r.chance(0.5))
            case .choice: value = .choice(r.pick(q.choices))
            case .multi: value = .choices(q.choices.filter { _ in r.chance(0.5) })
            case .number:
                value = .number(r.chance(0.5) ? Double(r.int(-1_000_000...1_000_000))
                                              : Double(r.int(-99_999...99_999)) / Double(r.pick([10, 100, 1000, 7])))
            case .percent:
                guard case .success(let v) = q.parse("\(Double(r.int(0...100_000)) / 100)%") else { Issue.record("percent"); continue }
                value = v
            case .scale: value = .scale(r.int(1...5))
            case .duration: value = .duration(seconds: Double(r.int(0...10_000_000)))
            case .date: value = .date(CalendarDate(dayNumber: r.int(-300_000...100_000)))
            case .text:
                q.allowNA = false
                value = .text(r.pick(["x", "We post daily", "n/a", "12k", "ünïcode text"]))
            }
            let shown = value.displayText
            #expect((try? q.parse(shown).get()) == value, "\(type): \(value) shown as \(shown)")
            if q.allowNA { #expect((try? q.parse(AnswerValue.notApplicable.displayText).get()) == .notApplicable) }
        }
    }
}
