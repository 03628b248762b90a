import AuditKit
import AuditServices

extension AuditCommands {
    /// The default Markdown report file of a session (see `ReportRendering.defaultFileName`).
    static func defaultReportPath(for session: AuditSession) -> String {
        ReportRendering.defaultFileName(for: session, format: .markdown)
    }

    /// Writes the report of the open audit; asks before replacing a file at a terminal, and
    /// refuses without `--force` in a script.
    func writeReport(_ shell: Shell, to requested: String?, force: Bool) throws {
        let flow = try requireFlow()
        let path = requested.flatMap { $0 == "--force" ? nil : $0 } ?? Self.defaultReportPath(for: flow.session)
        let text = ReportRendering.markdown(session: flow.session, set: set)
        let write: () throws -> Void = {
            try AtomicFile.write(text, to: path)
            shell.console.print("Report written to \(path).")
        }
        if AtomicFile.exists(path) && !force {
            guard shell.isInteractive else {
                throw UserError("\(path) exists; write elsewhere with `report FILE` or replace it with `report \(path) --force`")
            }
            let previous = shell.inputHandler
            shell.inputHandler = TextPrompt(label: "\(path) exists. Replace it? yes or no", defaultValue: "no") { answer, shell in
                shell.inputHandler = previous
                if ["y", "yes"].contains(answer.lowercased()) { try write() } else { shell.console.print("Left \(path) as it was.") }
            }
            return
        }
        try write()
    }
}
