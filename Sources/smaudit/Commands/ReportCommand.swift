import ArgumentParser
import AuditKit
import AuditShell
import AuditServices

extension ReportRendering.Format: ExpressibleByArgument {}

/// `smaudit report`: the audit report of a session or answers file.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the audit report of a session or answers file.",
        discussion: "Markdown (GitHub-flavoured, summary first) or JSON (schema smaudit-report/2, docs/report-schema.json). The default file name comes from the organisation and the session's date, e.g. acme-coffee-2026-11-23.md; `-o -` writes to standard output. An existing file is replaced only with --force. With --baseline the report compares the audit with an earlier one."
    )

    @Argument(help: ArgumentHelp("The session or answers file.", valueName: "SESSION")) var session: String
    @Option(name: .shortAndLong, help: ArgumentHelp("Where to write the report (- for standard output).", valueName: "FILE")) var output: String?
    @Option(help: "markdown or json.") var format: ReportRendering.Format = .markdown
    @Option(help: ArgumentHelp("An earlier session or answers file to compare with.", valueName: "EARLIER")) var baseline: String?
    @Option(help: ArgumentHelp("Exit 1 when the overall score is below N (0–100), or when there are too few answers for a score.", valueName: "N")) var failUnder: Double?

    func validate() throws {
        if let failUnder, !(0...100).contains(failUnder) { throw ValidationError("--fail-under takes a score from 0 to 100, not \(ScoreText.number(failUnder))") }
    }
    @Flag(help: "Replace the output file if it exists.") var force = false
    @OptionGroup var checklistOptions: ChecklistOptions

    func run() throws {
        let environment = Environment.current
        let catalog = checklistOptions.catalog()
        let current = try SessionFiles.load(session, set: catalog.set, catalog: catalog, environment: environment, action: "report on") { printError($0) }
        let earlier = try baseline.map { try SessionFiles.load($0, set: catalog.set, catalog: catalog, environment: environment, action: "compare with") }
        let path = output ?? ReportRendering.defaultFileName(for: current, format: format)
        try SessionFiles.checkTargets([path], force: force)
        let text = ReportRendering.render(current, set: catalog.set, format: format, baseline: earlier)
        if path == "-" {
            print(text, terminator: "")
        } else {
            try SessionFiles.writeNew(text, to: path, force: force)
            printError("Report written to \(path).")
        }
        if let failUnder {
            try FailUnder.check(Scorer.score(catalog.set, answers: current.answers, checklists: current.checklistIDs).standing, against: failUnder)
        }
    }
}
