/// What `smaudit check` prints and returns, computed without touching a terminal.
public struct CheckReport: Sendable {
    /// Every diagnostic of the checked files, in file order.
    public var diagnostics: [Diagnostic]
    /// Rendered diagnostics with source lines and carets, then one summary line per file with
    /// problems; meant for standard error.
    public var diagnosticsText: String
    /// Every example result of the checked files.
    public var examples: [ExampleResult]
    /// Per file: `ok` lines and expected-vs-actual lines of failing examples; for standard output.
    public var reportText: String
    /// True when there are no errors and every example passed (exit 0).
    public var success: Bool

    /// The examples that failed.
    public var failedExamples: [ExampleResult] { examples.filter { !$0.passed } }
}

/// The engine side of `smaudit check`: validate files, run their examples, render the outcome.
public enum CheckRunner {
    /// Checks `files`. `context` (usually the built-in checklists) is loaded alongside so that
    /// cross-checklist references resolve, but is not itself reported on; a context checklist
    /// whose id one of `files` also defines is skipped, so checking an edited copy of a
    /// built-in does not clash with the built-in.
    /// With `strict`, a rule that no example lists both failing and passing (or not
    /// applicable) is an error rather than a warning, unless it carries `untested:`.
    ///
    /// `metricProblem` says what is wrong with a question's `measure:` metric (nil when it is
    /// one the measurements give); the engine knows no metrics, the caller does.
    public static func run(files: [(file: String, text: String)],
                           context: [(file: String, text: String)] = [], strict: Bool = false,
                           metricProblem: ((String) -> String?)? = nil) -> CheckReport {
        var checkedIDs = Set<String>()
        for f in files {
            if let c = ChecklistLoader.parse(text: f.text, file: f.file).0 { checkedIDs.insert(c.id) }
        }
        let checkedFiles = Set(files.map(\.file))
        let extra = context.filter { ctx in
            guard !checkedFiles.contains(ctx.file) else { return false }
            guard let c = ChecklistLoader.parse(text: ctx.text, file: ctx.file).0 else { return false }
            return !checkedIDs.contains(c.id)
        }
        let (set, all) = ChecklistSet.load(files + extra)
        var diagnostics = all.filter { checkedFiles.contains($0.location.file) }
        for checklist in set.checklists where checkedFiles.contains(checklist.file) {
            diagnostics += coverage(of: checklist, strict: strict)
            diagnostics += ProblemChecks.nothingChoicesNotExclusive(in: checklist, set: set, strict: strict)
            if let metricProblem {
                for (_, q) in checklist.allQuestions {
                    guard let metric = q.measure, let problem = metricProblem(metric) else { continue }
                    diagnostics.append(.error("question `\(q.id)`: \(problem)", at: q.measureLocation ?? q.location))
                }
            }
        }
        diagnostics += ProblemChecks.sameAnswersInTwoProblems(in: set, files: checkedFiles, strict: strict)
        var sources: [String: String] = [:]
        for f in files { sources[f.file] = f.text }
        var errText = DiagnosticRenderer.render(diagnostics, sources: sources)
        var summaries: [String] = []
        for f in files {
            let mine = diagnostics.filter { $0.location.file == f.file }
            if !mine.isEmpty { summaries.append(DiagnosticRenderer.summary(mine, file: f.file)) }
        }
        if !summaries.isEmpty { errText += (errText.isEmpty ? "" : "\n") + summaries.joined(separator: "\n") }

        var examples: [ExampleResult] = []
        var report: [String] = []
        for f in files {
            guard let checklist = set.checklists.first(where: { $0.file == f.file }) else {
                report.append("\(f.file): not usable, see the errors above")
                continue
            }
            let results = ExampleRunner.run(checklist, in: set)
            examples += results
            let failed = results.filter { !$0.passed }
            if failed.isEmpty {
                report.append("\(f.file): ok, \(results.count) example\(results.count == 1 ? "" : "s") passed")
            } else {
                report += failed.map { $0.render() }
                report.append("\(f.file): \(failed.count) of \(results.count) examples failed")
            }
        }
        // Example failures are errors at their `expect:`, in the compiler format.
        let success = !diagnostics.hasErrors && examples.allSatisfy(\.passed)
            && files.allSatisfy { f in set.checklists.contains { $0.file == f.file } }
        return CheckReport(diagnostics: diagnostics, diagnosticsText: errText, examples: examples,
                           reportText: report.joined(separator: "\n"), success: success)
    }

    /// Rules that test themselves, as SwiftLint's triggering and non-triggering examples do:
    /// every rule should be listed in some example's `fails`, and in some example's `passes` or
    /// `not_applicable`, so that something shows it can fire and can pass.
    static func coverage(of checklist: Checklist, strict: Bool) -> [Diagnostic] {
        var failing = Set<String>(), passing = Set<String>()
        for example in checklist.examples {
            failing.formUnion(example.expect.fails ?? [])
            passing.formUnion(example.expect.passes ?? [])
            passing.formUnion(example.expect.notApplicable ?? [])
        }
        var out: [Diagnostic] = []
        for rule in checklist.rules {
            var missing: [String] = []
            if !failing.contains(rule.id) { missing.append("failing (in `fails`)") }
            if !passing.contains(rule.id) { missing.append("passing (in `passes` or `not_applicable`)") }
            if let reason = rule.untested {
                if strict && rule.points > 0 {
                    out.append(.warning("rule `\(rule.id)` is worth \(rule.points.counted(as: "point")) but marked `untested` (\(reason)); give it examples instead", at: rule.idLocation))
                }
                continue
            }
            guard !missing.isEmpty else { continue }
            let message = "rule `\(rule.id)` is shown \(missing.joined(separator: " or ")) by no example; add an example that lists it, or give the rule `untested: REASON`"
            out.append(strict ? .error(message, at: rule.idLocation) : .warning(message, at: rule.idLocation))
        }
        return out
    }
}
