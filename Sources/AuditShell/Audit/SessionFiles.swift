import AuditKit

/// Reading answers files and writing outputs for the non-interactive commands.
public enum SessionFiles {
    /// Reads an answers or session file strictly: any unknown id or invalid answer is an error,
    /// thrown as rendered `FILE:LINE:COL` diagnostics.
    public static func load(_ path: String, set: ChecklistSet, environment: [String: String]) throws -> AuditSession {
        let text: String
        do { text = try AtomicFile.read(path) } catch { throw ShellError("\(error)") }
        let result = SessionReader.read(text: text, file: path, set: set, mode: .strict,
                                        now: SessionStore.now(environment: environment))
        guard let session = result.session else {
            throw ShellError.diagnostics(DiagnosticRenderer.render(result.diagnostics, sources: [path: text]))
        }
        return session
    }

    /// Writes an output file atomically; refuses to replace an existing one unless `force`.
    public static func writeNew(_ text: String, to path: String, force: Bool) throws {
        if AtomicFile.exists(path) && !force {
            throw ShellError("\(path) exists; choose another name or pass --force to replace it")
        }
        try AtomicFile.write(text, to: path)
    }
}
