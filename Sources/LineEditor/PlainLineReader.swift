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

    /// Whether the input is a regular file, which a read never waits for.
    private let readsFile: Bool

    /// Reads standard input.
    public init() {
        file = sm_stdin()
        ownsFile = false
        readsFile = Self.isRegularFile(file)
    }

    /// Reads the file at `path`, or returns nil when it cannot be opened.
    public init?(path: String) {
        guard let opened = fopen(path, "r") else { return nil }
        file = opened
        ownsFile = true
        readsFile = Self.isRegularFile(opened)
    }

    private static func isRegularFile(_ file: UnsafeMutablePointer<FILE>) -> Bool {
        var status = stat()
        return fstat(fileno(file), &status) == 0 && status.st_mode & S_IFMT == S_IFREG
    }

    deinit { if ownsFile { fclose(file) } }

    /// True when `readLine` will not wait: the input is a regular file, or stdio's buffer
    /// holds a whole line. A pipe's data not yet read into the buffer counts as not there,
    /// so the answer is false at most once a buffer's worth of lines (the shell then saves),
    /// never true while `readLine` would wait. Asking the descriptor instead (`poll`) took a
    /// system call a line, and said yes to half a line, which `readLine` then waited for.
    public var hasPendingInput: Bool {
        readsFile || sm_buffered_line(file) != 0
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
