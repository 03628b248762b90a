#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import CTestSupport

/// Why a pseudo-terminal session failed; the transcript says what the program printed.
public struct PseudoTerminalError: Error, CustomStringConvertible {
    public let message: String
    public let transcript: String
    public init(message: String, transcript: String) {
        self.message = message
        self.transcript = transcript
    }
    public var description: String { "\(message)\n--- screen output so far ---\n\(transcript)\n---" }
}

/// Keys as a terminal sends them.
public enum Key {
    public static let enter = "\r"
    public static let tab = "\t"
    public static let up = "\u{1B}[A"
    public static let down = "\u{1B}[B"
    public static let ctrlC = "\u{03}"
    public static let ctrlD = "\u{04}"
    public static let ctrlR = "\u{12}"
    public static let ctrlU = "\u{15}"
}

/// A program running on a real pseudo-terminal: it sees a terminal on standard input, output
/// and error, as when a person runs it, so libedit is really in use.
public final class PseudoTerminalProcess {
    public let pid: pid_t
    private let master: Int32
    private var bytes: [UInt8] = []
    private var exitStatus: Int32?

    /// Starts `executable` with `arguments` and exactly `environment` on a new pseudo-terminal
    /// of the given size, as the leader of a new session (the terminal is its controlling one).
    public init(executable: String, arguments: [String] = [], environment: [String: String],
                columns: UInt16 = 100, rows: UInt16 = 30) throws {
        var name = [CChar](repeating: 0, count: 256)
        master = sm_open_pseudo_terminal(&name, name.count)
        guard master >= 0 else {
            throw PseudoTerminalError(message: "cannot open a pseudo-terminal", transcript: "")
        }
        let slavePath = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addclose(&actions, master)
        posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        // POSIX_SPAWN_SETSID (glibc 0x80): a new session, so the pseudo-terminal it opens
        // becomes its controlling terminal and Ctrl-C, SIGWINCH and job control behave.
        var attributes = cleanSignalSpawnAttributes(extraFlags: 0x80)
        defer { posix_spawnattr_destroy(&attributes) }

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { argv.forEach { free($0) }; envp.forEach { free($0) } }
        var child: pid_t = 0
        let result = posix_spawn(&child, executable, &actions, &attributes, argv, envp)
        guard result == 0 else {
            close(master)
            throw PseudoTerminalError(message: "cannot start \(executable): \(String(cString: strerror(result)))", transcript: "")
        }
        pid = child
    }

    deinit {
        if exitStatus == nil {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        close(master)
    }

    /// Everything the program wrote so far, as raw text.
    public var rawOutput: String { String(decoding: bytes, as: UTF8.self) }

    /// The output with terminal control sequences and carriage returns removed.
    public var output: String { Self.stripControlSequences(rawOutput) }

    /// Types `text` as keys.
    public func send(_ text: String) {
        let data = Array(text.utf8)
        var offset = 0
        while offset < data.count {
            let written = data[offset...].withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
            if written <= 0 { if errno == EINTR { continue }; return }
            offset += written
        }
    }

    /// Types a line and Enter.
    public func sendLine(_ text: String) { send(text + Key.enter) }

    /// Changes the terminal size, as a person resizing the window (the program gets SIGWINCH).
    public func resize(columns: UInt16, rows: UInt16) {
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
    }

    /// Waits until the cleaned output after `offset` contains `text`; returns the offset just
    /// past it, so a test can wait for successive events (such as the next prompt).
    @discardableResult
    public func waitFor(_ text: String, after offset: Int = 0, timeout: Double = 15) throws -> Int {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let current = output
            if offset <= current.count {
                let tail = current.dropFirst(offset)
                if let range = tail.range(of: text) {
                    return current.distance(from: current.startIndex, to: range.upperBound)
                }
            }
            if exitStatus != nil || Date() >= deadline {
                throw PseudoTerminalError(
                    message: exitStatus != nil ? "the program exited before printing \(text.debugDescription)"
                        : "timed out after \(timeout)s waiting for \(text.debugDescription)",
                    transcript: current)
            }
            pump(until: deadline)
        }
    }

    /// The number of times `text` occurs in the cleaned output.
    public func occurrences(of text: String) -> Int {
        output.components(separatedBy: text).count - 1
    }

    /// Waits for the program to exit and returns its exit status (128 + N when killed by signal N).
    public func waitForExit(timeout: Double = 15) throws -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        while exitStatus == nil {
            if Date() >= deadline {
                throw PseudoTerminalError(message: "timed out after \(timeout)s waiting for the program to exit", transcript: output)
            }
            pump(until: min(deadline, Date().addingTimeInterval(0.05)))
        }
        return exitStatus!
    }

    /// Sends a signal to the program.
    public func signal(_ number: Int32) { kill(pid, number) }

    /// Whether the terminal is in canonical mode with echo, as a shell expects it after a
    /// program leaves (the two sides of a pseudo-terminal share one set of modes).
    public var isCookedWithEcho: Bool {
        var modes = termios()
        guard tcgetattr(master, &modes) == 0 else { return false }
        return modes.c_lflag & tcflag_t(ICANON) != 0 && modes.c_lflag & tcflag_t(ECHO) != 0
    }

    /// Reads whatever the program printed, waiting up to `deadline`, and notes its exit.
    private func pump(until deadline: Date) {
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        let milliseconds = max(0, min(50, Int32(deadline.timeIntervalSinceNow * 1000)))
        if poll(&descriptor, 1, milliseconds) > 0 {
            var buffer = [UInt8](repeating: 0, count: 4096)
            let count = read(master, &buffer, buffer.count)
            if count > 0 { bytes += buffer[0..<count] }
        }
        if exitStatus == nil {
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                // Drain what is left on the terminal before recording the exit.
                var buffer = [UInt8](repeating: 0, count: 4096)
                var more = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
                while poll(&more, 1, 20) > 0 {
                    let count = read(master, &buffer, buffer.count)
                    if count <= 0 { break }
                    bytes += buffer[0..<count]
                }
                let signalNumber = status & 0x7F
                exitStatus = signalNumber == 0 ? (status >> 8) & 0xFF : 128 + signalNumber
            }
        }
    }

    /// Removes CSI and OSC escape sequences, other escapes, and carriage returns.
    public static func stripControlSequences(_ text: String) -> String {
        var result = ""
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            switch scalar {
            case "\u{1B}":
                guard let next = scalars.next() else { break }
                if next == "[" {
                    while let c = scalars.next(), !(c.value >= 0x40 && c.value <= 0x7E) {}
                } else if next == "]" {
                    while let c = scalars.next(), c != "\u{07}" {}
                }
            case "\r", "\u{07}", "\u{1}":
                continue
            case "\u{08}":
                if !result.isEmpty { result.removeLast() }
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

/// Spawn attributes that start a child with no signal blocked and every signal's default
/// action, whatever the spawning test thread has (a child that inherits a blocked SIGTERM or
/// SIGINT never ends as it should); `extraFlags` adds others. Destroy them after the spawn.
func cleanSignalSpawnAttributes(extraFlags: Int32 = 0) -> posix_spawnattr_t {
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    var noSignals = sigset_t()
    sigemptyset(&noSignals)
    posix_spawnattr_setsigmask(&attributes, &noSignals)
    var allSignals = sigset_t()
    sigfillset(&allSignals)
    posix_spawnattr_setsigdefault(&attributes, &allSignals)
    posix_spawnattr_setflags(&attributes, Int16(extraFlags | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    return attributes
}
