import Yams

/// Timings of one engine benchmark run, in seconds.
public struct BenchmarkTimings: Sendable, Hashable {
    /// Yams composing the node tree alone, measured separately (not part of `total`): the share
    /// of `load` that is YAML parsing rather than the engine's own checks.
    public var yaml: Double
    /// YAML parse, structural checks, reference resolution and type checking.
    public var load: Double
    /// Scoring a complete answer set.
    public var score: Double
    /// Questions and rules loaded.
    public var questions: Int, rules: Int
    /// Diagnostics produced (should be 0 for generated files).
    public var diagnostics: Int

    /// load + score.
    public var total: Double { load + score }
}

/// Engine benchmark entry point for `bench/engine`: loads one checklist text, answers every
/// question with a valid answer, and scores it, timing both phases.
public func benchmarkLoadAndScore(text: String, file: String) -> BenchmarkTimings {
    let clock = ContinuousClock()
    let yamlStart = clock.now
    _ = try? Yams.compose(yaml: text, Resolver.basic, .default, .utf8)
    let yamlTime = clock.now - yamlStart
    let start = clock.now
    let (set, diagnostics) = ChecklistSet.load([(file: file, text: text)])
    let loaded = clock.now
    var sheet = AnswerSheet()
    var questions = 0, rules = 0
    for checklist in set.checklists {
        rules += checklist.rules.count
        for (_, q) in checklist.allQuestions {
            questions += 1
            if let value = sampleAnswer(for: q) { sheet.set(checklist.id, q.id, value) }
        }
    }
    let answered = clock.now
    let card = Scorer.score(set, answers: sheet)
    _ = card.findings.count
    let scored = clock.now
    func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }
    return BenchmarkTimings(yaml: seconds(yamlTime), load: seconds(loaded - start), score: seconds(scored - answered),
                            questions: questions, rules: rules, diagnostics: diagnostics.count)
}

/// A valid answer for any question: its default when it has one, else a typical value.
func sampleAnswer(for q: Question) -> AnswerValue? {
    if let d = q.defaultText, case .success(let v) = q.parse(d) { return v }
    let text: String
    switch q.type {
    case .yesno: text = "yes"
    case .choice, .multi: text = "1"
    case .number: text = q.min.map { ExpressionPrinter.formatNumber($0) } ?? "1"
    case .percent: text = "50%"
    case .scale: text = ExpressionPrinter.formatNumber(q.min ?? 3)
    case .duration: text = "1h"
    case .date: text = "2024-05-01"
    case .text: text = "sample"
    }
    if case .success(let v) = q.parse(text) { return v }
    return nil
}
