import AuditKit

/// Reading answers and session files, and writing outputs, for every command that does so:
/// the same errors everywhere, and nothing written over a file that did not load.
public enum SessionFiles {
    /// A session file as read: the session, what the reader found, and the file's text.
    public struct Loaded {
        public var session: AuditSession
        public var result: SessionReader.Result
        public var text: String

        /// The reader's warnings (answers read in a way that may not be what was meant),
        /// rendered with their source lines; nil when there are none.
        public var warnings: String? {
            let warnings = result.diagnostics.filter { $0.severity == .warning }
            guard !warnings.isEmpty else { return nil }
            return DiagnosticRenderer.render(warnings, sources: [warnings[0].location.file: text])
        }
    }

    /// Reads an answers or session file strictly: an unknown id or invalid answer is an error
    /// (answers of a checklist that changed since the session began are kept aside instead),
    /// thrown with rendered `FILE:LINE:COL` diagnostics and a message that says the file is untouched.
    /// `action` names what was attempted (`resume`, `report`), for the last line.
    public static func read(_ path: String, set: ChecklistSet, catalog: ChecklistCatalog? = nil,
                            clock: Clock, action: String) throws -> Loaded {
        let text: String
        do {
            text = try AtomicFile.read(path)
        } catch {
            if let diagnostic = error.diagnostic {
                throw AuditError.refused(action: action, path: path, diagnostics: DiagnosticRenderer.render(diagnostic, source: nil))
            }
            throw AuditError.cannotRead(error)
        }
        let result = SessionReader.read(text: text, file: path, set: set, mode: .strict,
                                        now: clock.nowText)
        guard let session = result.session else {
            var rendered = DiagnosticRenderer.render(result.diagnostics, sources: [path: text])
            for needed in neededButBroken(result.diagnostics, catalog: catalog) { rendered += "\n" + needed }
            throw AuditError.refused(action: action, path: path, diagnostics: rendered)
        }
        return Loaded(session: session, result: result, text: text)
    }

    /// Reads an answers or session file strictly (see `read`) and returns the session; the
    /// reader's warnings go to `warn`.
    public static func load(_ path: String, set: ChecklistSet, catalog: ChecklistCatalog? = nil,
                            clock: Clock, action: String = "read",
                            warn: (String) -> Void = { _ in }) throws -> AuditSession {
        let loaded = try read(path, set: set, catalog: catalog, clock: clock, action: action)
        if let warnings = loaded.warnings { warn(warnings) }
        return loaded.session
    }

    /// For each unknown checklist that a skipped (broken) user file declares: why it is missing.
    private static func neededButBroken(_ diagnostics: [Diagnostic], catalog: ChecklistCatalog?) -> [String] {
        guard let catalog else { return [] }
        var lines: [String] = []
        for d in diagnostics {
            guard case let .unknownChecklist(id) = d.kind else { continue }
            if let file = catalog.skippedFile(declaring: id) {
                lines.append("note: the session needs checklist `\(id)`, but \(file.file) has \(file.errors.counted("error")); `smaudit check \(file.file)` shows them")
            }
        }
        return lines
    }

    /// Before a hand-written answers file is first saved as a session file (which has no room
    /// for its comments or layout), keeps it as `FILE.orig` (or `FILE.orig.2`, …); returns that
    /// path. A session file (`format:` present) needs no copy: nil.
    public static func keepOriginal(of path: String, text: String) throws -> String? {
        guard !isSessionFile(text) else { return nil }
        let backup = unusedPath(path + ".orig")
        try AtomicFile.write(text, to: backup)
        return backup
    }

    /// Session files carry `format:` on a line of their own; answers files written by hand do not.
    public static func isSessionFile(_ text: String) -> Bool {
        text.split(separator: "\n").contains { $0.hasPrefix("format:") }
    }

    /// `path`, or `path.2`, `path.3`, … whichever does not exist yet.
    public static func unusedPath(_ path: String) -> String {
        var candidate = path
        var n = 2
        while AtomicFile.exists(candidate) {
            candidate = "\(path).\(n)"
            n += 1
        }
        return candidate
    }

    /// Checks that every output can be written before any is: none exists (unless `force`),
    /// none is a folder, each one's folder exists. Throws naming the first that cannot.
    public static func checkTargets(_ paths: [String], force: Bool) throws {
        for path in paths where path != "-" {
            if AtomicFile.isLinkLoop(path) {
                throw AuditError.linkLoop(path: path)
            }
            if AtomicFile.isFolder(path) {
                throw AuditError.isFolder(path: path)
            }
            if AtomicFile.exists(path) && !force {
                throw AuditError.exists(path: path)
            }
            let folder = AtomicFile.parent(of: AtomicFile.resolvingLinks(path))
            if !AtomicFile.isFolder(folder) {
                throw AuditError.missingFolder(path: path, folder: folder)
            }
        }
    }

    /// Writes an output file atomically; refuses to replace an existing one unless `force`.
    public static func writeNew(_ text: String, to path: String, force: Bool) throws {
        try checkTargets([path], force: force)
        try writeChecked(text, to: path)
    }

    /// Writes an output file atomically whose place `checkTargets` has already accepted.
    public static func writeChecked(_ text: String, to path: String) throws {
        // A report killed mid-write (kill -9) left its full-size temporary file; nothing else
        // would ever remove it.
        AtomicFile.removeStaleTemporaries(of: path)
        try AtomicFile.write(text, to: path)
    }
}
