import ArgumentParser
import AuditReport
import AuditServices

extension ReportRendering.Format: ExpressibleByArgument {}
extension ReportSettings.Paper: ExpressibleByArgument {}

/// The options of `report`, the same in the shell and on the command line: where to write,
/// in which format, compared with which earlier audit, and whether to replace a file.
public struct ReportOptions: ParsableArguments {
    /// The declarations, in the order `help report` lists them.
    public enum Spec {
        /// `-o, --output FILE`.
        public static let output = CommandOption("output", short: "o", value: .file("FILE"),
                                                 help: "Where to write the report (- for standard output).")
        /// `--format markdown|html|pdf|json`.
        public static let format = CommandOption("format", value: .choice(ReportRendering.Format.allCases.map(\.rawValue)),
                                                 help: "The report's format (default: from the file's extension, else markdown).")
        /// `--browser PATH`.
        public static let browser = CommandOption("browser", value: .file("PATH"),
                                                  help: "The Chromium to print --format pdf with (default: chromium-headless-shell or chromium on PATH).")
        /// `--baseline EARLIER`.
        public static let baseline = CommandOption("baseline", value: .file("EARLIER"),
                                                   help: "An earlier session or answers file to compare with (default: the previous audit of the same organisation in the sessions folder or --sessions).")
        /// `--no-baseline`.
        public static let noBaseline = CommandOption("no-baseline", help: "Compare with no earlier audit.")
        /// `--sessions DIR`.
        public static let sessions = CommandOption("sessions", value: .file("DIR"), repeatable: true,
                                                   help: "Also look for earlier audits of the organisation in DIR (repeatable); the sessions folder is always searched.")
        /// `--force`.
        public static let force = CommandOption("force", help: "Replace the file if it exists.")
        /// `--brief`.
        public static let brief = CommandOption("brief", help: "Leave the annex out: the summary, the plan, the findings and the comparison only.")
        /// `--paper a4|letter`.
        public static let paper = CommandOption("paper", value: .choice(ReportSettings.Paper.allCases.map(\.rawValue)),
                                                help: "The paper the HTML prints on and the PDF is (default: from the locale, LC_PAPER, LC_ALL or LANG: Letter in the US and Canada, else A4).")

        /// Every option of `report`.
        public static let options = [output, format, browser, baseline, noBaseline, sessions, force, brief, paper]
    }

    @Option(name: Spec.output.names, help: Spec.output.argumentHelp) public var output: String?
    @Option(name: Spec.format.names, help: Spec.format.argumentHelp) public var format: ReportRendering.Format?
    @Option(name: Spec.browser.names, help: Spec.browser.argumentHelp) public var browser: String?
    @Option(name: Spec.baseline.names, help: Spec.baseline.argumentHelp) public var baseline: String?
    @Flag(name: Spec.noBaseline.names, help: Spec.noBaseline.argumentHelp) public var noBaseline = false
    @Option(name: Spec.sessions.names, help: Spec.sessions.argumentHelp) public var sessions: [String] = []
    @Flag(name: Spec.force.names, help: Spec.force.argumentHelp) public var force = false
    @Flag(name: Spec.brief.names, help: Spec.brief.argumentHelp) public var brief = false
    @Option(name: Spec.paper.names, help: Spec.paper.argumentHelp) public var paper: ReportSettings.Paper?

    /// The layout asked for: `--brief`, and `--paper` or the locale's paper.
    public func settings(environment: [String: String]) -> ReportSettings {
        ReportSettings(brief: brief, paper: paper ?? .fromLocale(environment), today: AcceptedRisks.today(Clock(environment: environment)))
    }

    /// `--format`, else what the file's extension asks for (`.html`, `.pdf`, `.json`), else Markdown.
    public func format(writingTo path: String?) -> ReportRendering.Format {
        format ?? path.flatMap { ReportRendering.Format(fileName: $0) } ?? .markdown
    }

    /// The combinations no report can satisfy, as usage errors. Whoever holds these options
    /// checks them once, in its `validate()`, against the file the report goes to: `-o FILE` on
    /// the command line, FILE or `-o FILE` in the shell.
    public func check(writingTo path: String?) throws {
        let format = format(writingTo: path)
        if format == .pdf && path == "-" { throw AuditError.pdfToStandardOutput.usage }
        if browser != nil && format != .pdf { throw AuditError.browserWithoutPDF.usage }
        if baseline != nil && noBaseline { throw AuditError.conflictingOptions("--baseline", "--no-baseline").usage }
    }

    /// Options with their defaults (swift-argument-parser fills them in).
    public init() {}

    /// The options of a plain `report`, filled in by the parser: reading the properties of a
    /// `ReportOptions()` the parser has not filled in traps.
    public static func defaults() throws -> ReportOptions { try parse([]) }
}

/// The shell's `report [FILE] [OPTIONS]`: the open audit's report, written to FILE (or `-o
/// FILE`) with the options the command line's `report` takes.
public struct ShellReportArguments: ParsableArguments {
    @Argument(help: "Where to write the report.") public var file: String?
    @OptionGroup public var options: ReportOptions

    /// Options with their defaults (swift-argument-parser fills them in).
    public init() {}

    /// FILE and `-o FILE` are one place; not both.
    public func validate() throws {
        if file != nil && options.output != nil { throw AuditError.fileGivenTwice.usage }
        try options.check(writingTo: path)
    }

    /// The file asked for, if any.
    public var path: String? { file ?? options.output }
}

/// `--fail-under N`, shared by `run` and `report` on the command line.
public struct FailUnderOption: ParsableArguments {
    /// The declaration.
    public static let spec = CommandOption("fail-under", value: .number("N"),
                                           help: "Exit 1 when the overall score is below N (0–100), or when there are too few answers for a score.")

    @Option(name: spec.names, help: spec.argumentHelp) public var failUnder: Double?

    /// Options with their defaults (swift-argument-parser fills them in).
    public init() {}

    /// A threshold is a score from 0 to 100.
    public func validate() throws {
        if let failUnder, !(0...100).contains(failUnder) {
            throw AuditError.failUnderOutOfRange(failUnder).usage
        }
    }
}
