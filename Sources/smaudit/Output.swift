import AuditServices
import LineEditor

/// How the command line writes: results on standard output, messages on standard error, each
/// made safe for a terminal (file and user text may carry control characters), with one prefix
/// convention: `smaudit: error: …` and `smaudit: warning: …`, as psql's `psql: error:`.
enum Output {
    /// Writes a result to standard output.
    static func print(_ text: String, terminator: String = "\n") {
        var out = StandardStream.output
        out.write(TerminalSafe.escape(text) + terminator)
    }

    /// Writes text as it is to standard output (JSON, which escapes every control itself).
    static func printRaw(_ text: String, terminator: String = "\n") {
        var out = StandardStream.output
        out.write(text + terminator)
    }

    /// Writes a line to standard error.
    static func message(_ text: String, terminator: String = "\n") {
        StandardStream.output.flush()
        var err = StandardStream.error
        err.write(TerminalSafe.escape(text) + terminator)
    }

    /// `smaudit: error: MESSAGE`.
    static func error(_ text: String) { message("smaudit: error: " + text) }

    /// `smaudit: warning: MESSAGE`.
    static func warning(_ text: String) { message("smaudit: warning: " + text) }

    /// An error as the command line shows it: its located diagnostics as they are, then
    /// `smaudit: error: MESSAGE`.
    static func error(_ error: AuditError) {
        if let diagnostics = error.diagnostics { message(diagnostics) }
        self.error(error.message)
    }

    /// Flushes standard output and returns why it failed, if it did.
    static func finish() -> String? { StandardStream.output.finish() }
}
