import ArgumentParser
import AuditKit
import AuditOptions
import AuditServices

/// `smaudit report`: the audit report of a session or answers file.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the audit report of a session or answers file.",
        discussion: "The body is what a director reads in ten minutes: a one-screen summary (the verdict, what the data shows, the score, the three priorities), the action plan (at most four actions a month, each with its owner, due date and how you will know it worked; `plan` in the shell sets owners and dates) and one short finding per problem; the annex holds every rule, score, answer and the method (--brief leaves it out). Markdown (GitHub-flavoured, summary first), HTML (one self-contained page with charts and a print stylesheet), PDF (that page printed by headless Chromium: chromium-headless-shell or chromium on PATH, or --browser) or JSON (schema smaudit-report/4, docs/report-schema.json). Without --format the extension of -o decides (.html, .pdf, .json, else Markdown). The default file name comes from the organisation and the session's date, e.g. acme-coffee-2026-11-23.md; `-o -` writes to standard output (not for PDF). An existing file is replaced only with --force. With --baseline the report compares the audit with an earlier one. --paper sets the HTML's print size and the PDF's (default: the locale's, Letter in the US and Canada, else A4). The shell's `report` takes the same options."
    )

    @Argument(help: ArgumentHelp("The session or answers file.", valueName: "SESSION")) var session: String
    @OptionGroup var options: ReportOptions
    @OptionGroup var failUnder: FailUnderOption
    @OptionGroup var checklistOptions: ChecklistOptions

    /// The options against the file they write, once the line is read.
    func validate() throws { try options.check(writingTo: options.output) }

    func run() throws {
        let environment = Environment.current
        let clock = Clock(environment: environment)
        let catalog = checklistOptions.catalog()
        // Before any work: without a browser there is no PDF, and the user should hear why at once.
        let format = options.format(writingTo: options.output)
        _ = try ReportJob.browser(for: format, explicit: options.browser, searchPath: environment["PATH"])
        let current = try SessionFiles.load(session, set: catalog.set, catalog: catalog, clock: clock,
                                            action: "report on") { Output.message($0) }
        let store = SessionStore(environment: environment)
        let context = try AuditHistory.context(for: current, path: session, explicit: options.baseline, none: options.noBaseline,
                                                store: store, extra: options.sessions, set: catalog.set, catalog: catalog,
                                                clock: clock)
        if let note = context.note { Output.message(note) }
        var job = try ReportJob(current, set: catalog.set, baseline: context.baseline, path: options.output, format: format,
                                browser: options.browser, searchPath: environment["PATH"])
        job.settings = options.settings(environment: environment)
        job.history = context.trend
        if job.path == "-" {
            Output.printRaw(job.text(), terminator: "")
        } else {
            try job.write(force: options.force)
            Output.message("Report written to \(job.path).")
        }
        for line in AcceptedRisks.notes(current, set: catalog.set, clock: clock) { Output.message(line) }
        try failUnder.check(AcceptedRisks.scorecard(current, set: catalog.set, clock: clock).standing)
    }
}
