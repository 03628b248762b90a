import AuditKit
import AuditReport

/// Turns sessions into the report renderers' input and renders them.
public enum ReportRendering {
    /// The formats `report --format` accepts.
    public enum Format: String, CaseIterable, Sendable {
        case markdown, html, pdf, json

        /// The file name extension, with its dot.
        public var fileExtension: String {
            switch self {
            case .markdown: ".md"
            case .json: ".json"
            case .html: ".html"
            case .pdf: ".pdf"
            }
        }

        /// The format a file name asks for by its extension (`.html`, `.htm`, `.pdf`, `.json`,
        /// `.md`), or nil for any other name.
        public init?(fileName: String) {
            let lower = fileName.lowercased()
            if lower.hasSuffix(".html") || lower.hasSuffix(".htm") {
                self = .html
            } else if lower.hasSuffix(".pdf") {
                self = .pdf
            } else if lower.hasSuffix(".json") {
                self = .json
            } else if lower.hasSuffix(".md") || lower.hasSuffix(".markdown") {
                self = .markdown
            } else {
                return nil
            }
        }
    }

    /// `ORGANISATION-DATE.md` (or `.json`, `.html`, `.pdf`) in the current folder, e.g.
    /// `acme-coffee-2026-11-23.md`.
    public static func defaultFileName(for session: AuditSession, format: Format) -> String {
        SessionStore.slug(session.organisation) + "-" + session.date + format.fileExtension
    }

    /// The report input of a session: its answers, notes, evidence, skips and measured values.
    public static func input(_ session: AuditSession, set: ChecklistSet) -> ReportInput {
        var notes: [QuestionRef: [String]] = [:]
        var evidence: [QuestionRef: [String]] = [:]
        var skipped: Set<QuestionRef> = []
        var measured: [QuestionRef: MeasuredAnswer] = [:]
        for (ref, entry) in session.entries {
            if !entry.notes.isEmpty { notes[ref] = entry.notes }
            if !entry.evidence.isEmpty { evidence[ref] = entry.evidence }
            if entry.skipped && entry.value == nil { skipped.insert(ref) }
            if let m = entry.measured {
                var answer = MeasuredAnswer(file: m.file, metric: m.metric, value: m.value, period: m.period, estimate: entry.estimated)
                answer.series = m.series
                // Each platform's figure as the question reads it, for the report to show beside the total.
                if let question = set.question(ref) {
                    answer.byPlatform = m.byPlatform.compactMap { figure in
                        MeasuredAnswers.answer(for: question, metric: m.metric, value: figure.value).map { PlatformAnswer(platform: figure.platform, value: $0) }
                    }
                }
                measured[ref] = answer
            }
        }
        var input = ReportInput(organisation: session.organisation, auditors: session.auditors, date: session.date,
                                checklistIDs: session.checklistIDs, set: set, answers: session.answers,
                                notes: notes, evidence: evidence, skipped: skipped, measured: measured)
        input.retired = session.retired
        input.isDated = session.isDated
        input.plan = session.plan
        input.accepted = session.accepted
        input.targets = session.targets
        if session.isTeam {
            input.disagreements = TeamMerge.disagreements(in: session, set: set)
            input.agreement = TeamMerge.agreement(in: session, set: set, disagreements: input.disagreements)
            for (ref, entry) in session.entries where entry.measured != nil {
                let estimates = session.byAuditor.keys.sorted().compactMap { name -> (auditor: String, text: String)? in
                    guard let own = session.byAuditor[name]?[ref], let text = own.estimated ?? own.text else { return nil }
                    return (name, text)
                }
                if !estimates.isEmpty { input.auditorEstimates[ref] = estimates }
            }
        }
        return input
    }

    /// The report of a session in `format`, compared with `baseline` when given; for `.pdf`,
    /// the HTML page that `printPDF` prints.
    public static func render(_ session: AuditSession, set: ChecklistSet, format: Format = .markdown,
                              baseline: AuditSession? = nil, settings: ReportSettings = ReportSettings(),
                              history: [AuditSession] = [], scorecards: [Set<String>: Scorecard] = [:]) -> String {
        var current = input(session, set: set)
        current.today = settings.today
        current.knownScorecards = scorecards
        current.history = history.map { (date: $0.date, checklistIDs: $0.checklistIDs, answers: $0.answers) }
        let previous = baseline.map { input($0, set: set) }
        switch format {
        case .markdown: return MarkdownReport.render(current, baseline: previous, settings: settings)
        case .json: return JSONReport.render(current, baseline: previous)
        case .html, .pdf: return HTMLReport.render(current, baseline: previous, settings: settings)
        }
    }

    /// The Chromium that prints PDF reports: `explicit` when it is executable, else the first
    /// `chromium-headless-shell` or `chromium` on `path`; nil when there is none.
    public static func findBrowser(explicit: String?, path: String?) -> String? {
        PDFPrinter.findBrowser(explicit: explicit, path: path)
    }

    /// What to say when no browser can print the PDF: the package to install, and that the
    /// HTML report printed from a browser is the same document.
    public static var noBrowserMessage: String { PDFPrinter.noBrowserMessage }

    /// Writes the PDF report of a session to `path`, printed by `browser` (see `PDFPrinter`).
    public static func printPDF(_ session: AuditSession, set: ChecklistSet, baseline: AuditSession? = nil, history: [AuditSession] = [],
                                settings: ReportSettings = ReportSettings(), scorecards: [Set<String>: Scorecard] = [:],
                                to path: String, browser: String) throws(PDFPrinter.Failure) {
        try PDFPrinter.print(html: render(session, set: set, format: .pdf, baseline: baseline, settings: settings, history: history,
                                          scorecards: scorecards),
                             to: path, browser: browser)
    }

    /// The Markdown report of a session.
    public static func markdown(session: AuditSession, set: ChecklistSet, baseline: AuditSession? = nil) -> String {
        render(session, set: set, format: .markdown, baseline: baseline)
    }

    /// The JSON report of a session.
    public static func json(session: AuditSession, set: ChecklistSet, baseline: AuditSession? = nil) -> String {
        render(session, set: set, format: .json, baseline: baseline)
    }

    /// A short plain-text comparison with an earlier audit, for the shell's `compare`.
    public static func comparisonText(_ session: AuditSession, baseline: AuditSession, set: ChecklistSet) -> String {
        let comparison = ReportComparison(current: input(session, set: set), baseline: input(baseline, set: set))
        func change(_ c: ReportComparison.ScoreChange) -> String {
            let before = c.previous.map(ScoreText.number) ?? "-"
            let after = c.current.map(ScoreText.number) ?? "-"
            let delta = c.change.map(NumberText.change) ?? "n/a"
            return "\((c.id ?? "overall").padded(toWidth: 14)) \(before) → \(after) (\(delta))"
        }
        var lines = ["Compared with " + (comparison.baselineDate.map { "the audit of \($0)" } ?? "an undated earlier audit") + ":", change(comparison.overall)]
        lines += comparison.checklists.map(change)
        lines.append("Findings resolved: " + (comparison.resolved.isEmpty ? "none" : comparison.resolved.map { $0.previous.rule.title }.joined(separator: "; ")))
        lines.append("New findings: " + (comparison.new.isEmpty ? "none" : comparison.new.map(\.rule.title).joined(separator: "; ")))
        if !comparison.firstJudged.isEmpty {
            lines.append("Judged for the first time: " + comparison.firstJudged.map(\.current.rule.title).joined(separator: "; "))
        }
        if !comparison.changedAnswers.isEmpty {
            lines.append("Answers changed:")
            for answer in comparison.changedAnswers {
                lines.append("  \(answer.ref): \(answer.previous ?? "(none)") → \(answer.current ?? "(none)")")
            }
        }
        return lines.joined(separator: "\n")
    }
}
