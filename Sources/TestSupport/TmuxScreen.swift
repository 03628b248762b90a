#if canImport(Glibc)
import Glibc
#endif
import Foundation
import CTestSupport

/// A program in a real terminal emulator that shows its screen: tmux, on a private server
/// socket of its own (killed at the end, never anyone else's). `capture()` returns the screen
/// as a person sees it, after the emulator has applied every cursor move, erase and re-flow.
public final class TmuxScreen {
    /// tmux, when installed.
    public static let executable: String? = ["/usr/bin/tmux", "/usr/local/bin/tmux"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    /// Whether the tests that need tmux can run.
    public static var isAvailable: Bool { executable != nil }

    private let socket: String
    private let tmux: String

    /// Starts `command` (with exactly `environment`) in a new detached session of the given size.
    public init(_ command: [String], environment: [String: String], columns: Int, rows: Int) throws {
        guard let tmux = Self.executable else { throw PseudoTerminalError(message: "tmux is not installed", transcript: "") }
        self.tmux = tmux
        socket = "smaudit-test-\(getpid())-\(UUID().uuidString.prefix(8))"
        let env = ["/usr/bin/env", "-i"] + environment.map { "\($0.key)=\($0.value)" }.sorted()
        // The server this starts lives on: it must not inherit a pipe we would wait to close.
        try run(["-f", "/dev/null", "new-session", "-d", "-x", String(columns), "-y", String(rows)] + env + command,
                output: false)
    }

    deinit { try? run(["kill-server"], output: false) }

    /// Types text as keys (literally, no key names).
    public func type(_ text: String) throws { try run(["send-keys", "-t", "0", "-l", "--", text], output: false) }

    /// Presses named keys (`Enter`, `C-c`, `C-d`).
    public func press(_ keys: String...) throws { try run(["send-keys", "-t", "0"] + keys, output: false) }

    /// Changes the window's size, as a person resizing it.
    public func resize(columns: Int, rows: Int) throws {
        try run(["resize-window", "-t", "0", "-x", String(columns), "-y", String(rows)], output: false)
    }

    /// The visible screen, one string per row, trailing spaces removed (a prompt reads
    /// `smaudit>` at the end of a row).
    public func capture() throws -> [String] {
        try run(["capture-pane", "-p", "-t", "0"]).split(separator: "\n", omittingEmptySubsequences: false).map {
            var line = String($0)
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    /// Waits until some row of the screen satisfies `condition`; returns the screen.
    @discardableResult
    public func waitFor(timeout: Double = 15, _ what: String, _ condition: ([String]) -> Bool) throws -> [String] {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let screen = try capture()
            if condition(screen) { return screen }
            if Date() >= deadline {
                throw PseudoTerminalError(message: "timed out after \(timeout)s waiting for \(what)", transcript: screen.joined(separator: "\n"))
            }
            usleep(50_000)
        }
    }

    /// Waits until the screen shows `text` somewhere.
    @discardableResult
    public func waitFor(_ text: String, timeout: Double = 15) throws -> [String] {
        try waitFor(timeout: timeout, text.debugDescription) { $0.contains { $0.contains(text) } }
    }

    /// Runs a tmux client command; with `output`, returns what it printed. Spawned directly,
    /// with every other descriptor closed: the server a first command starts stays behind, and
    /// must hold nothing of ours open (Foundation's `Process` then never saw the client end).
    @discardableResult
    private func run(_ arguments: [String], output: Bool = true) throws -> String {
        var captured = [Int32](repeating: -1, count: 2)
        if output { guard pipe(&captured) == 0 else { throw PseudoTerminalError(message: "pipe failed", transcript: "") } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        if output {
            posix_spawn_file_actions_adddup2(&actions, captured[1], 1)
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        }
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        sm_spawn_close_from(&actions, 3)
        let argv = ([tmux, "-L", socket] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        // A tmux server started with SIGTERM blocked never hears `kill-server`.
        var attributes = cleanSignalSpawnAttributes()
        defer { posix_spawnattr_destroy(&attributes) }
        var child: pid_t = 0
        let result = posix_spawn(&child, tmux, &actions, &attributes, argv, environ)
        if output { close(captured[1]) }
        guard result == 0 else {
            if output { close(captured[0]) }
            throw PseudoTerminalError(message: "cannot start tmux: \(String(cString: strerror(result)))", transcript: "")
        }
        var bytes: [UInt8] = []
        if output {
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = read(captured[0], &buffer, buffer.count)
                if count > 0 { bytes += buffer[0..<count] } else if count < 0 && errno == EINTR { continue } else { break }
            }
            close(captured[0])
        }
        var status: Int32 = 0
        while waitpid(child, &status, 0) < 0 && errno == EINTR {}
        return String(decoding: bytes, as: UTF8.self)
    }
}
