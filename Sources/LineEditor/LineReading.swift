/// What one attempt to read a line produced.
public enum LineReadResult: Equatable, Sendable {
    /// A line of input, without its line terminator.
    case line(String)
    /// The user pressed Ctrl-C: the half-typed line was discarded.
    case interrupted
    /// End of input: Ctrl-D on an empty line, or the end of a piped stream.
    case endOfInput
    /// SIGTERM, SIGHUP or SIGQUIT arrived; the caller should save its state and exit.
    case terminated(signal: Int32)
}

/// A source of input lines: the libedit editor on a terminal, plain lines otherwise.
public protocol LineReading: AnyObject {
    /// Whether a person is typing (prompts, completion and history are in use).
    var isInteractive: Bool { get }
    /// Reads the next line, showing `prompt` when interactive.
    func readLine(prompt: Prompt) -> LineReadResult
    /// Whether `readLine` would return at once, without waiting for a person or a pipe
    /// (input is buffered, the file has more, or the stream has ended).
    var hasPendingInput: Bool { get }
}

extension LineReading {
    /// Readers that always wait for a person report no pending input.
    public var hasPendingInput: Bool { false }
}
