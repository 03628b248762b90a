import ArgumentParser
import AuditKit
import AuditOptions
import AuditServices

/// `smaudit report`: the audit report of a session or answers file.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the audit report of a session or answers file.",
        discussion: "Markdown (GitHub-flavoured, summary first) or JSON (schema smaudit-report/2, docs/report-schema.json). The default file name comes from the organisation and the session's date, e.g. acme-coffee-2026-11-23.md; `-o -` writes to standard output. An existing file is replaced only with --force. With --baseline the report compares the audit with an earlier one. The shell's `report` takes the same options."
    )

    @Argument(help: ArgumentHelp("The session or answers file.", valueName: "SESSION")) var session: String
    @OptionGroup var options: ReportOptions
    @OptionGroup var failUnder: FailUnderOption
    @OptionGroup var checklistOptions: ChecklistOptions

    func run() throws {
        let environment = Environment.current
        let catalog = checklistOptions.catalog()
        let current = try SessionFiles.load(session, set: catalog.set, catalog: catalog, environment: environment,
                                            action: "report on") { Output.message($0) }
        let earlier = try options.baseline.map {
            try SessionFiles.load($0, set: catalog.set, catalog: catalog, environment: environment, action: "compare with")
        }
        let path = options.output ?? ReportRendering.defaultFileName(for: current, format: options.format)
        try SessionFiles.checkTargets([path], force: options.force)
        let text = ReportRendering.render(current, set: catalog.set, format: options.format, baseline: earlier)
        if path == "-" {
            Output.printRaw(text, terminator: "")
        } else {
            try SessionFiles.writeNew(text, to: path, force: options.force)
            Output.message("Report written to \(path).")
        }
        try failUnder.check(Scorer.score(catalog.set, answers: current.answers, checklists: current.checklistIDs).standing)
    }
}
