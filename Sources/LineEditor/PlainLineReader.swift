#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CLibEditShims

/// Reads plain lines from standard input, for pipes, files and redirected output.
/// Prompts are not shown; `\r\n` endings are accepted.
public final class PlainLineReader: LineReading {
    public let isInteractive = false

    private let file: UnsafeMutablePointer<FILE>
    private let ownsFile: Bool

    /// Reads standard input.
    public init() {
        file = sm_stdin()
        ownsFile = false
    }

    /// Reads the file at `path`, or returns nil when it cannot be opened.
    public init?(path: String) {
        guard let opened = fopen(path, "r") else { return nil }
        file = opened
        ownsFile = true
    }

    deinit { if ownsFile { fclose(file) } }

    /// True when the descriptor is readable now (a regular file always is, a pipe when data
    /// or its end has arrived). Data already in stdio's buffer is not seen, which can only
    /// make the answer false too often, never true while `readLine` would wait.
    public var hasPendingInput: Bool {
        var descriptor = pollfd(fd: fileno(file), events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, 0) > 0
    }

    public func readLine(prompt: Prompt) -> LineReadResult {
        var buffer: UnsafeMutablePointer<CChar>?
        var capacity = 0
        defer { free(buffer) }
        if Terminal.takeInterrupt() { return .interrupted }
        let length = getline(&buffer, &capacity, file)
        if let signal = Terminal.terminationSignal { return .terminated(signal: signal) }
        if Terminal.takeInterrupt() { return .interrupted }
        guard length >= 0, let buffer else { return .endOfInput }
        var line = String(decoding: UnsafeRawBufferPointer(start: buffer, count: length), as: UTF8.self)
        if line.hasSuffix("\n") { line.removeLast() }
        if line.hasSuffix("\r") { line.removeLast() }
        return .line(line)
    }
}
