#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import AuditServices
import LineEditor

/// Where a console's text goes: standard output and standard error, or a recording in tests.
public protocol ConsoleOutput: AnyObject {
    /// Writes text (already safe and styled) to standard output, or standard error.
    func write(_ text: String, error: Bool)
    /// Flushes standard output.
    func flush()
    /// The width of the terminal a stream goes to, nil when it is not a terminal (then nothing
    /// is wrapped: a pipe or file gets every line whole).
    func width(error: Bool) -> Int?
    /// Whether a stream goes to a terminal (for `--color auto`).
    func isTerminal(error: Bool) -> Bool
}

/// The process's standard output and error, through the C stdio buffers libedit also uses.
public final class StandardOutput: ConsoleOutput {
    private let outputIsTerminal = Terminal.isTerminal(STDOUT_FILENO)
    private let errorIsTerminal = Terminal.isTerminal(STDERR_FILENO)

    /// The process's own standard output and error.
    public init() {}

    public func write(_ text: String, error: Bool) {
        if error {
            StandardStream.output.flush()
            var err = StandardStream.error
            err.write(text)
        } else {
            var out = StandardStream.output
            out.write(text)
        }
    }

    public func flush() { StandardStream.output.flush() }

    public func width(error: Bool) -> Int? {
        // Read at every line: the window may have been resized since the last one.
        (error ? errorIsTerminal : outputIsTerminal) ? Terminal.width : nil
    }

    public func isTerminal(error: Bool) -> Bool { error ? errorIsTerminal : outputIsTerminal }
}

/// Where the shell writes: results on standard output, diagnostics on standard error, with
/// colour only when enabled, and prose wrapped to the terminal's width (see `TextWrapping`).
public final class Console {
    /// ANSI styles used by the shell.
    public typealias Style = SGR

    /// Whether standard output is coloured.
    public let colored: Bool
    /// Whether standard error is coloured.
    public let errorsColored: Bool
    private let output: ConsoleOutput

    /// A console writing to `output`, coloured as `colorMode` says for it.
    public init(colorMode: ColorMode, environment: [String: String], output: ConsoleOutput = StandardOutput()) {
        self.output = output
        colored = colorMode.isEnabled(isTerminal: output.isTerminal(error: false), environment: environment)
        errorsColored = colorMode.isEnabled(isTerminal: output.isTerminal(error: true), environment: environment)
    }

    /// The width text on standard output is wrapped to, nil when it is not a terminal.
    public var width: Int? { output.width(error: false) }

    /// Text wrapped in a style when colour is on; the text itself is made safe.
    public func styled(_ text: String, _ style: Style, forErrors: Bool = false) -> TerminalText {
        styled(TerminalText(text), style, forErrors: forErrors)
    }

    /// Safe text wrapped in a style when colour is on.
    public func styled(_ text: TerminalText, _ style: Style, forErrors: Bool = false) -> TerminalText {
        guard forErrors ? errorsColored : colored else { return text }
        return TerminalText(trusted: style.on) + text + TerminalText(trusted: SGR.reset)
    }

    /// Writes a line (or several) to standard output, wrapped to the terminal's width.
    public func print(_ text: TerminalText = "") {
        output.write(wrapped(text.raw, width: output.width(error: false)) + "\n", error: false)
    }

    /// Writes a line to standard error, wrapped to the terminal's width.
    public func printError(_ text: TerminalText) {
        output.write(wrapped(text.raw, width: output.width(error: true)) + "\n", error: true)
    }

    /// Writes rows of cells aligned in columns; a row too wide for the terminal continues under
    /// its last column, so the columns stay aligned.
    public func printTable(_ rows: [[String]]) {
        print(TerminalText(trusted: ChecklistText.table(rows, cell: TerminalSafe.escape)))
    }

    private func wrapped(_ raw: String, width: Int?) -> String {
        guard let width else { return raw }
        return TextWrapping.wrap(raw, width: width)
    }

    /// Flushes standard output.
    public func flush() { output.flush() }
}
