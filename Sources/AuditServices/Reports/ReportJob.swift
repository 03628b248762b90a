import AuditKit
import AuditReport

/// One report to write: a session in a format, to a place. The shell's `report` and `smaudit
/// report` both go through it, so they pick the format, find the browser for a PDF and write
/// the file the same way; only asking before a replace differs (the shell asks at a terminal).
public struct ReportJob {
    /// Where the report goes; `-` is standard output.
    public let path: String
    /// What it is written as.
    public let format: ReportRendering.Format
    let session: AuditSession
    let set: ChecklistSet
    let baseline: AuditSession?
    /// The Chromium that prints a PDF; nil for the other formats.
    let browser: String?
    /// `--brief` and `--paper`.
    public var settings = ReportSettings()
    /// The organisation's audits up to this one, oldest first, for the trend (three or more).
    public var history: [AuditSession] = []
    /// Scorecards of exactly the session's answers already worked out (`AuditFlow.scorecards`).
    public var scorecards: [Set<String>: Scorecard] = [:]

    /// A report of `session`, to `path` (the default file name when nil) in `format`. A PDF
    /// needs a browser, found before any work so the user hears at once what to install.
    public init(_ session: AuditSession, set: ChecklistSet, baseline: AuditSession? = nil,
                path: String?, format: ReportRendering.Format, browser explicit: String? = nil,
                searchPath: String?) throws(AuditError) {
        self.session = session
        self.set = set
        self.baseline = baseline
        self.format = format
        self.path = path ?? ReportRendering.defaultFileName(for: session, format: format)
        browser = try Self.browser(for: format, explicit: explicit, searchPath: searchPath)
    }

    /// The browser that prints a PDF (`explicit`, else the first Chromium on `searchPath`), or
    /// an error saying what to install; nil for the formats that need none.
    public static func browser(for format: ReportRendering.Format, explicit: String?, searchPath: String?) throws(AuditError) -> String? {
        guard format == .pdf else { return nil }
        guard let found = ReportRendering.findBrowser(explicit: explicit, path: searchPath) else {
            throw .noBrowser(explicit: explicit)
        }
        return found
    }

    /// The report's text, for standard output (never a PDF: the options refuse `-o -` for one).
    public func text() -> String {
        ReportRendering.render(session, set: set, format: format, baseline: baseline, settings: settings, history: history,
                               scorecards: scorecards)
    }

    /// Writes the report to `path`: a folder, a missing folder or (without `force`) an
    /// existing file is refused before anything is written; the text formats are written
    /// atomically, and a PDF is printed by the browser into a temporary file first, so a
    /// failed print leaves nothing behind.
    public func write(force: Bool) throws {
        try checkTarget(force: force)
        try writeChecked()
    }

    /// Refuses a place the report cannot go: a folder, a missing folder, a link loop, or
    /// (without `force`) an existing file. The shell checks before it asks about replacing.
    public func checkTarget(force: Bool) throws {
        try SessionFiles.checkTargets([path], force: force)
    }

    /// Writes the report to `path`, which `checkTarget(force:)` has accepted.
    public func writeChecked() throws {
        if let browser {
            AtomicFile.removeStaleTemporaries(of: path)  // as a text report's write does
            do {
                try ReportRendering.printPDF(session, set: set, baseline: baseline, history: history, settings: settings,
                                             scorecards: scorecards, to: path, browser: browser)
            } catch {
                throw AuditError.printFailed(error)
            }
        } else {
            try SessionFiles.writeChecked(text(), to: path)
        }
    }
}
