import ArgumentParser
import AuditKit
import AuditShell

extension ReportRendering.Format: ExpressibleByArgument {}

/// `smaudit report`: the audit report of a session or answers file.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the audit report of a session or answers file.",
        discussion: "Markdown (GitHub-flavoured, summary first), HTML (one self-contained page with charts and a print stylesheet), PDF (that page printed by headless Chromium: chromium-headless-shell or chromium on PATH, or --browser) or JSON (schema smaudit-report/3, docs/report-schema.json). Without --format the extension of -o decides (.html, .pdf, .json, else Markdown). The default file name comes from the organisation and the session's date, e.g. acme-coffee-2026-11-23.md; `-o -` writes to standard output (not for PDF). An existing file is replaced only with --force. With --baseline the report compares the audit with an earlier one."
    )

    @Argument(help: ArgumentHelp("The session or answers file.", valueName: "SESSION")) var session: String
    @Option(name: .shortAndLong, help: ArgumentHelp("Where to write the report (- for standard output).", valueName: "FILE")) var output: String?
    @Option(help: "markdown, html, pdf or json (default: from the -o extension, else markdown).") var format: ReportRendering.Format?
    @Option(help: ArgumentHelp("The Chromium to print --format pdf with (default: chromium-headless-shell or chromium on PATH).", valueName: "PATH")) var browser: String?
    @Option(help: ArgumentHelp("An earlier session or answers file to compare with.", valueName: "EARLIER")) var baseline: String?
    @Option(help: ArgumentHelp("Exit 1 when the overall score is below N (0–100), or when there are too few answers for a score.", valueName: "N")) var failUnder: Double?

    func validate() throws {
        if let failUnder, !(0...100).contains(failUnder) { throw ValidationError("--fail-under takes a score from 0 to 100, not \(ScoreText.number(failUnder))") }
        if effectiveFormat == .pdf && output == "-" { throw ValidationError("a PDF cannot go to standard output; give -o FILE.pdf") }
        if browser != nil && effectiveFormat != .pdf { throw ValidationError("--browser is for --format pdf") }
    }

    /// `--format`, else what the output file's extension asks for, else Markdown.
    var effectiveFormat: ReportRendering.Format {
        format ?? output.flatMap { ReportRendering.Format(fileName: $0) } ?? .markdown
    }
    @Flag(help: "Replace the output file if it exists.") var force = false
    @OptionGroup var checklistOptions: ChecklistOptions

    func run() throws {
        let environment = Environment.current
        let format = effectiveFormat
        // Before any work: without a browser there is no PDF, and the user should hear why at once.
        var printer: String?
        if format == .pdf {
            guard let found = ReportRendering.findBrowser(explicit: browser, path: environment["PATH"]) else {
                throw Failure("smaudit: " + (browser.map { "\($0) is not an executable browser; " } ?? "") + ReportRendering.noBrowserMessage)
            }
            printer = found
        }
        let catalog = checklistOptions.catalog()
        let current = try SessionFiles.load(session, set: catalog.set, catalog: catalog, environment: environment, action: "report on") { printError($0) }
        let earlier = try baseline.map { try SessionFiles.load($0, set: catalog.set, catalog: catalog, environment: environment, action: "compare with") }
        let path = output ?? ReportRendering.defaultFileName(for: current, format: format)
        try SessionFiles.checkTargets([path], force: force)
        if let printer {
            do {
                try ReportRendering.printPDF(current, set: catalog.set, baseline: earlier, to: path, browser: printer)
            } catch {
                throw Failure("smaudit: \(error)")
            }
            printError("Report written to \(path).")
        } else if path == "-" {
            let text = ReportRendering.render(current, set: catalog.set, format: format, baseline: earlier)
            print(text, terminator: "")
        } else {
            let text = ReportRendering.render(current, set: catalog.set, format: format, baseline: earlier)
            try SessionFiles.writeNew(text, to: path, force: force)
            printError("Report written to \(path).")
        }
        if let failUnder {
            try FailUnder.check(Scorer.score(catalog.set, answers: current.answers, checklists: current.checklistIDs).standing, against: failUnder)
        }
    }
}
