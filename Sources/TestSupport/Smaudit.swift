#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Runs the built `smaudit` binary the way a user does, each run with a private home folder.
public struct Smaudit {
    /// A private HOME with XDG folders inside it, so history and sessions never leak between tests.
    public let home: URL

    public init() throws {
        home = FileManager.default.temporaryDirectory.appendingPathComponent("smaudit-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
    }

    /// The built binary: `$SMAUDIT_BIN`, else `smaudit` beside the running test bundle.
    public static var executable: String {
        if let path = ProcessInfo.processInfo.environment["SMAUDIT_BIN"] { return path }
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var folder = URL(fileURLWithPath: exe).deletingLastPathComponent()
        // On Linux the tests run from `<build>/debug/smauditPackageTests.xctest`.
        if folder.lastPathComponent.hasSuffix(".xctest") { folder.deleteLastPathComponent() }
        return folder.appendingPathComponent("smaudit").path
    }

    /// The seed articles: `$SMAUDIT_SEEDS`, else `../shared/seeds` beside the package.
    public static var seedsFolder: URL {
        if let path = ProcessInfo.processInfo.environment["SMAUDIT_SEEDS"] { return URL(fileURLWithPath: path) }
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared/seeds")
    }

    /// The package's root folder (where Package.swift is).
    public static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// The environment a run gets: a private HOME and XDG folders, a UTF-8 locale, no colour.
    public func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var environment = [
            "HOME": home.path,
            "XDG_STATE_HOME": home.appendingPathComponent("state").path,
            "XDG_DATA_HOME": home.appendingPathComponent("data").path,
            "XDG_CONFIG_HOME": home.appendingPathComponent("config").path,
            "PATH": "/usr/bin:/bin",
            "TERM": "xterm",
            "LANG": "C.UTF-8",
            "NO_COLOR": "1",
        ]
        for (key, value) in extra { environment[key] = value }
        return environment
    }

    /// The history file of this home.
    public var historyFile: URL { home.appendingPathComponent("state/smaudit/history") }

    /// Starts smaudit on a pseudo-terminal, 200 columns wide unless `columns` says otherwise
    /// (smaudit wraps its output to the terminal's width).
    public func launch(_ arguments: [String] = [], environment extra: [String: String] = [:],
                       columns: UInt16 = 200) throws -> PseudoTerminalProcess {
        try PseudoTerminalProcess(executable: Self.executable, arguments: arguments,
                                  environment: environment(extra), columns: columns)
    }

    /// Starts `script` with `/bin/sh -c` on a pseudo-terminal, `$SMAUDIT` naming the binary
    /// (see `runShell`).
    public func launchShell(_ script: String, environment extra: [String: String] = [:],
                            columns: UInt16 = 200) throws -> PseudoTerminalProcess {
        var env = environment(extra)
        env["SMAUDIT"] = Self.executable
        return try PseudoTerminalProcess(executable: "/bin/sh", arguments: ["-c", script], environment: env, columns: columns)
    }

    /// What a piped run produced.
    public struct Result {
        public let status: Int32
        public let stdout: String
        public let stderr: String
    }

    /// Runs smaudit with `input` piped to standard input and no terminal anywhere. With
    /// `standardOutput` its output goes to that file (such as `/dev/full`) instead of a pipe.
    public func run(_ arguments: [String] = [], input: String = "", environment extra: [String: String] = [:],
                    currentDirectory: URL? = nil, standardOutput: String? = nil) throws -> Result {
        try runProcess(Self.executable, arguments, input: input, environment: environment(extra),
                       currentDirectory: currentDirectory, standardOutput: standardOutput)
    }

    /// Runs `script` with `/bin/sh -c`, where `$SMAUDIT` is the binary: for limits a test sets
    /// with the shell, such as `trap '' XFSZ; ulimit -f 2; exec "$SMAUDIT" audit …` (a disk that
    /// fills up after two kilobytes of any one file).
    public func runShell(_ script: String, input: String = "", environment extra: [String: String] = [:]) throws -> Result {
        var env = environment(extra)
        env["SMAUDIT"] = Self.executable
        return try runProcess("/bin/sh", ["-c", script], input: input, environment: env, currentDirectory: nil, standardOutput: nil)
    }

    private func runProcess(_ executable: String, _ arguments: [String], input: String, environment: [String: String],
                            currentDirectory: URL?, standardOutput: String?) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        if let standardOutput {
            guard let handle = FileHandle(forWritingAtPath: standardOutput) else {
                throw PseudoTerminalError(message: "cannot open \(standardOutput)", transcript: "")
            }
            process.standardOutput = handle
        } else {
            process.standardOutput = stdout
        }
        process.standardError = stderr
        try process.run()
        if standardOutput != nil { try stdout.fileHandleForWriting.close() }
        // Read both pipes while the process runs, so a large output cannot block it.
        let outputs = DispatchGroup()
        nonisolated(unsafe) var outData = Data(), errData = Data()
        if standardOutput == nil {
            DispatchQueue.global().async(group: outputs) { outData = stdout.fileHandleForReading.readDataToEndOfFile() }
        }
        DispatchQueue.global().async(group: outputs) { errData = stderr.fileHandleForReading.readDataToEndOfFile() }
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        process.waitUntilExit()
        outputs.wait()
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Writes a file inside the private home and returns its path.
    @discardableResult
    public func write(_ text: String, to name: String) throws -> String {
        let url = home.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// Reads a file inside the private home.
    public func read(_ name: String) throws -> String {
        try String(contentsOf: home.appendingPathComponent(name), encoding: .utf8)
    }
}
