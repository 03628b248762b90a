import CLibYAML
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Timings of one engine benchmark run, in seconds.
public struct BenchmarkTimings: Sendable, Hashable {
    /// libyaml reading the file's events and building nothing, measured separately (not part of
    /// `total`): the floor any loader built on libyaml pays, the peer `load` is compared with.
    public var yaml: Double
    /// YAML parse, structural checks, reference resolution and type checking.
    public var load: Double
    /// Scoring a complete answer set.
    public var score: Double
    /// Freeing the loaded set, the answers and the scorecard afterwards (not part of `total`).
    public var free: Double
    /// Questions and rules loaded.
    public var questions: Int, rules: Int
    /// Diagnostics produced (should be 0 for generated files).
    public var diagnostics: Int
    /// Pages the process touched for the first time during load + score (minor page faults,
    /// both cores): memory taken fresh from the kernel rather than reused from an earlier run.
    public var pageFaults: Int = 0

    /// load + score.
    public var total: Double { load + score }
}

/// Engine benchmark entry point for `bench/engine`: loads one checklist text, answers every
/// question with a valid answer, and scores it, timing both phases.
public func benchmarkLoadAndScore(text: String, file: String) -> BenchmarkTimings {
    let clock = ContinuousClock()
    let yamlStart = clock.now
    _ = libyamlEventCount(text)
    let yamlTime = clock.now - yamlStart
    let faultsBefore = minorPageFaults()
    let start = clock.now
    let (set, diagnostics) = ChecklistSet.load([(file: file, text: text)])
    let loaded = clock.now
    var sheet = AnswerSheet()
    var questions = 0, rules = 0
    for checklist in set.checklists {
        rules += checklist.rules.count
        for section in checklist.sections {
            for q in section.questions {
                questions += 1
                if let value = sampleAnswer(for: q) { sheet.set(checklist.id, q.id, value) }
            }
        }
    }
    let answered = clock.now
    let card = Scorer.score(set, answers: sheet)
    _ = card.findings.count
    // The set and the scorecard are freed after the clock is read, and that is timed on its
    // own: Swift may free a value right after its last use, which had put taking apart 10,000
    // rules and results (half of "scoring") inside the time of scoring them.
    let scored = withExtendedLifetime((set, sheet, card)) { clock.now }
    let faults = minorPageFaults() - faultsBefore
    let freed = clock.now
    func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }
    return BenchmarkTimings(yaml: seconds(yamlTime), load: seconds(loaded - start), score: seconds(scored - answered),
                            free: seconds(freed - scored), questions: questions, rules: rules, diagnostics: diagnostics.count,
                            pageFaults: faults)
}

/// The process's minor page faults so far, all threads.
private func minorPageFaults() -> Int {
    var usage = rusage()
    #if canImport(Glibc)
    getrusage(RUSAGE_SELF.rawValue, &usage)  // glibc spells `who` as an enum
    #else
    getrusage(RUSAGE_SELF, &usage)
    #endif
    return Int(usage.ru_minflt)
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

/// Parses `text` with libyaml and discards every event; returns the number of events (or -1 on
/// a syntax error). The benchmark's peer: what reading the YAML costs before any node exists.
func libyamlEventCount(_ text: String) -> Int {
    var text = text
    return text.withUTF8 { bytes -> Int in
        var parser = yaml_parser_t()
        var event = yaml_event_t()
        yaml_parser_initialize(&parser)
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
        var count = 0
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else { return -1 }
            let type = event.type
            yaml_event_delete(&event)
            count += 1
            if type == YAML_STREAM_END_EVENT { return count }
        }
    }
}
