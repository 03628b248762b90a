/// The outcome of one embedded example: what it expected, what came out, and where they differ.
public struct ExampleResult: Sendable, Hashable {
    /// One expectation that did not hold.
    public struct Mismatch: Sendable, Hashable {
        /// `fails`, `passes`, `open`, `band`, `score`, `score_between` or `answers`.
        public var field: String
        /// The expectation as text.
        public var expected: String
        /// What came out, as text.
        public var actual: String
        /// Rule ids expected but missing from the actual list.
        public var missing: [String]
        /// Rule ids in the actual list but not expected.
        public var unexpected: [String]

        /// `expected band at risk, got developing`, plus the ids that differ for lists.
        public var description: String {
            var text = "expected \(field) \(expected), got \(actual)"
            if !missing.isEmpty { text += "; missing: " + missing.joined(separator: ", ") }
            if !unexpected.isEmpty { text += "; unexpected: " + unexpected.joined(separator: ", ") }
            return text
        }
    }

    /// The checklist the example belongs to.
    public var checklistID: String
    /// The file it came from.
    public var file: String
    /// The example's name.
    public var name: String
    /// Where the example starts.
    public var location: SourceLocation
    /// Where its `expect:` is: failures are reported there.
    public var expectLocation: SourceLocation
    /// Every expectation that did not hold; empty when the example passes.
    public var mismatches: [Mismatch]
    /// The checklist's score for the example's answers.
    public var score: ChecklistScore?

    /// True when every expectation held.
    public var passed: Bool { mismatches.isEmpty }

    /// One line per mismatch, at the example's `expect:`:
    /// `four-mistakes.yaml:512:5: error: example "John": expected band at risk, got developing`.
    public func render() -> String {
        mismatches.map { "\(expectLocation): error: example \"\(name)\": \($0.description)" }.joined(separator: "\n")
    }
}

/// Runs checklists' embedded examples: parses each answer with the shell's own parser, scores,
/// and compares with `expect`, like SwiftLint running every rule's examples.
public enum ExampleRunner {
    /// Runs every example of every checklist in the set.
    public static func runAll(_ set: ChecklistSet) -> [ExampleResult] {
        set.checklists.flatMap { run($0, in: set) }
    }

    /// Runs the examples of one checklist of the set.
    public static func run(_ checklist: Checklist, in set: ChecklistSet) -> [ExampleResult] {
        checklist.examples.map { run($0, of: checklist, in: set) }
    }

    /// Runs one example.
    public static func run(_ example: Example, of checklist: Checklist, in set: ChecklistSet) -> ExampleResult {
        var (sheet, mismatches) = answers(of: example, of: checklist, in: set)
        let card = Scorer.score(set, answers: sheet, checklists: [checklist.id])
        let score = card.checklists.first
        let results = score?.results ?? []
        func ids(_ status: RuleStatus) -> [String] { results.filter { $0.status == status }.map(\.rule.id) }
        func compare(_ field: String, _ expected: [String]?, _ status: RuleStatus) {
            guard let expected else { return }
            let actual = ids(status)
            // A listed rule must have this outcome; other rules may too, so a persona names the
            // rules it is about and `band`/`score` pin down the rest. An empty list is exact:
            // `fails: []` means no rule may fail.
            let missing = expected.filter { !actual.contains($0) }
            let unexpected = expected.isEmpty ? actual : []
            if !missing.isEmpty || !unexpected.isEmpty {
                mismatches.append(.init(field: field, expected: list(expected), actual: list(actual),
                                        missing: missing, unexpected: unexpected))
            }
        }
        compare("fails", example.expect.fails, .fail)
        compare("passes", example.expect.passes, .pass)
        compare("open", example.expect.open, .open)
        compare("not_applicable", example.expect.notApplicable, .notApplicable)
        let standing = score?.standing
        let actualScore = standing?.score
        let shown = actualScore.map { ScorecardExplain.decimal($0) } ?? "no score"
        if let band = example.expect.band, standing?.band != band {
            var actual = "no score"
            if let standing, let got = standing.band {
                actual = "\(got.label) (\(shown))"
                if let cap = standing.cap, standing.isCapped { actual += ", capped by failing `\(cap.ruleID)`" }
            } else if let standing {
                actual = "no score (only \(ScorecardExplain.decimal((standing.confidence ?? 0) * 100))% of the points known)"
            }
            mismatches.append(.init(field: "band", expected: band.label, actual: actual, missing: [], unexpected: []))
        }
        if let provisional = example.expect.provisional, standing?.isProvisional != provisional {
            mismatches.append(.init(field: "provisional", expected: provisional ? "true" : "false",
                                    actual: standing?.isProvisional == true ? "true" : "false", missing: [], unexpected: []))
        }
        if let expected = example.expect.score {
            if actualScore.map({ abs($0 - expected) <= 0.5 }) != true {
                mismatches.append(.init(field: "score", expected: ExpressionPrinter.formatNumber(expected), actual: shown,
                                        missing: [], unexpected: []))
            }
        }
        if let range = example.expect.scoreBetween {
            if actualScore.map({ range.contains(Band.displayed($0)) }) != true {
                mismatches.append(.init(field: "score between",
                                        expected: "\(ExpressionPrinter.formatNumber(range.lowerBound)) and \(ExpressionPrinter.formatNumber(range.upperBound))",
                                        actual: shown, missing: [], unexpected: []))
            }
        }
        return ExampleResult(checklistID: checklist.id, file: checklist.file, name: example.name,
                             location: example.location, expectLocation: example.expectLocation,
                             mismatches: mismatches, score: score)
    }

    /// The answers of one example, parsed as the shell parses them, and the ones that did not parse.
    static func answers(of example: Example, of checklist: Checklist, in set: ChecklistSet) -> (AnswerSheet, [ExampleResult.Mismatch]) {
        var mismatches: [ExampleResult.Mismatch] = []
        var sheet = AnswerSheet()
        for answer in example.answers {
            let ref = QuestionRef(checklist: answer.checklistID ?? checklist.id, question: answer.questionID)
            guard let question = set.question(ref) else {
                mismatches.append(.init(field: "answers", expected: "a question `\(ref)`", actual: "none",
                                        missing: [], unexpected: []))
                continue
            }
            switch question.parse(answer.text) {
            case .success(let value): sheet[ref] = value
            case .failure(let e):
                mismatches.append(.init(field: "answers", expected: "`\(answer.text)` accepted for \(ref)",
                                        actual: e.description, missing: [], unexpected: []))
            }
        }
        return (sheet, mismatches)
    }

    private static func list(_ ids: [String]) -> String { "[" + ids.joined(separator: ", ") + "]" }
}

/// Formatting shared by the explain text and example messages.
enum ScorecardExplain {
    static func decimal(_ v: Double) -> String { Scorecard.decimal(v) }
}
