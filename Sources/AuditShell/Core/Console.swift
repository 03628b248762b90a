import LineEditor
import AuditServices

/// Where the shell writes: results on standard output, diagnostics on standard error, with
/// colour only when enabled.
public final class Console {
    /// ANSI styles used by the shell.
    public enum Style: String {
        case bold = "1", dim = "2", red = "31", green = "32", yellow = "33", blue = "34", cyan = "36"
        case boldRed = "1;31", boldGreen = "1;32", boldYellow = "1;33"
    }

    public let colored: Bool
    public let errorsColored: Bool

    public init(colored: Bool, errorsColored: Bool) {
        self.colored = colored
        self.errorsColored = errorsColored
    }

    /// Text wrapped in a style when colour is on; the text itself is made safe.
    public func styled(_ text: String, _ style: Style, forErrors: Bool = false) -> TerminalText {
        styled(TerminalText(text), style, forErrors: forErrors)
    }

    /// Safe text wrapped in a style when colour is on.
    public func styled(_ text: TerminalText, _ style: Style, forErrors: Bool = false) -> TerminalText {
        guard forErrors ? errorsColored : colored else { return text }
        return TerminalText(trusted: "\u{1B}[\(style.rawValue)m") + text + TerminalText(trusted: "\u{1B}[0m")
    }

    /// Writes a line (or several) to standard output.
    public func print(_ text: TerminalText = "") {
        var out = StandardStream.output
        out.write(text.raw + "\n")
    }

    /// Writes a line to standard error.
    public func printError(_ text: TerminalText) {
        var err = StandardStream.error
        StandardStream.output.flush()
        err.write(text.raw + "\n")
    }

    /// Text for a terminal, or for a file or pipe standing in for one: whatever a terminal
    /// would act on is shown visibly (see `TerminalSafe`). For the command line's plain output.
    public static func safe(_ text: String) -> String { TerminalSafe.escape(text) }

    /// Flushes standard output.
    public func flush() { StandardStream.output.flush() }

    /// Flushes standard output and returns why it failed, if it did (see `StandardStream.finish`).
    public static func finishStandardOutput() -> String? { StandardStream.output.finish() }
}
