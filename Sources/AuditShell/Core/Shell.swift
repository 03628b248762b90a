#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LineEditor
import AuditServices

/// Something that takes over plain input lines, such as a pending audit question: while it is
/// set, a line is handed to it unless it starts with `/` (then it is a command).
public protocol InputHandler: AnyObject {
    /// The prompt shown while this handler waits for input.
    var prompt: Prompt { get }
    /// Handles one line typed at the prompt.
    func handle(_ line: String, shell: Shell) throws
    /// Tab completions for the text typed so far.
    func completions(for text: String, shell: Shell) -> Completions
}

/// The settings the command line passes to the shell.
public struct ShellConfiguration {
    /// The name used in script-mode errors: `<stdin>` or the script's path.
    public var scriptName: String
    /// Stop at the first failing line in script mode.
    public var bail: Bool
    /// Whether standard output and standard error are coloured.
    public var colorMode: ColorMode
    /// The process environment (injected for tests).
    public var environment: [String: String]

    public init(scriptName: String = "<stdin>", bail: Bool = false, colorMode: ColorMode = .auto,
                environment: [String: String]) {
        self.scriptName = scriptName
        self.bail = bail
        self.colorMode = colorMode
        self.environment = environment
    }
}

/// The interactive REPL and script runner. Commands come from `commands`; a pending
/// `inputHandler` (an audit question) receives plain lines.
public final class Shell {
    public let configuration: ShellConfiguration
    public let console: Console
    public var commands: CommandTable
    /// Receives plain lines while set (the current question of a guided audit).
    public var inputHandler: InputHandler?
    /// Candidates for command arguments of each kind (checklist ids, question ids, …).
    public var argumentCandidates: (ArgumentKind) -> [String] = { _ in [] }
    /// Extra lines for the banner (for example the checklists available).
    public var bannerLines: [TerminalText] = []
    /// The audit commands and their state (the checklists, the session in progress).
    public var auditCommands: AuditCommands?
    /// Runs once after the banner, before the first line is read (e.g. `smaudit audit` starting
    /// the audit). If it throws, the error is reported and the shell exits with status 1.
    public var onStart: ((Shell) throws -> Void)?
    /// Runs when the shell ends by any path (quit, end of input, a terminating signal).
    public var onExit: [() -> Void] = []
    /// Runs before the shell waits for input, that is before every line at a terminal, and in
    /// a script only when the next line is not already there (so work can be batched).
    public var beforeWaiting: [() -> Void] = []
    /// Runs after every line read, whatever it did.
    public var afterEachLine: [() -> Void] = []

    /// The line of input being handled, counted from 1.
    public private(set) var lineNumber = 0
    /// How many lines failed so far.
    public private(set) var failures = 0
    /// Whether a person is at the keyboard.
    public private(set) var isInteractive = false

    public init(configuration: ShellConfiguration, commands: [ShellCommand] = []) {
        self.configuration = configuration
        let environment = configuration.environment
        self.console = Console(
            colored: configuration.colorMode.isEnabled(isTerminal: Terminal.isTerminal(STDOUT_FILENO), environment: environment),
            errorsColored: configuration.colorMode.isEnabled(isTerminal: Terminal.isTerminal(STDERR_FILENO), environment: environment)
        )
        self.commands = CommandTable(Shell.coreCommands + commands)
    }

    /// The default prompt: `smaudit> `.
    public var commandPrompt: Prompt { Prompt([.init("smaudit", style: "1;32"), .init("> ")]) }

    /// Asked when a person at the terminal leaves (`quit`, Ctrl-D): returns true when leaving is
    /// fine, or false after it has asked them whether to leave anyway (see `confirmExit()`).
    public var exitGuard: ((Shell) -> Bool)?
    /// Set once the person confirmed leaving; the shell ends after the current line.
    private var exitConfirmed = false

    /// Set when a command run from inside another step (an answer typed at a yes/no prompt)
    /// asked to leave; handled like `quit` after the current line.
    private var exitRequested = false

    /// Leave after the current line, without asking the exit guard again.
    public func confirmExit() { exitConfirmed = true }

    /// Leave after the current line, as `quit` would (the exit guard may still ask).
    public func requestExit() { exitRequested = true }

    /// How the read loop ended.
    private enum Ending {
        case quit, endOfInput, interrupted, terminated(Int32), startFailed
    }

    /// Runs until `quit`, end of input or a terminating signal; returns the exit status:
    /// 0 when every line succeeded, 1 when any failed (or, at a terminal, when leaving could not
    /// save everything), 130 when interrupted in a script, 128 + N for signal N.
    public func run(reader: LineReading) -> Int32 {
        isInteractive = reader.isInteractive
        let ending = loop(reader)
        let failuresBeforeExit = failures
        for action in onExit { action() }
        switch ending {
        case .terminated(let signal): return 128 + signal
        case .interrupted: return 130
        case .startFailed: return 1
        case .quit, .endOfInput:
            if failures > failuresBeforeExit { return 1 }
            return failures > 0 && !isInteractive ? 1 : 0
        }
    }

    private func loop(_ reader: LineReading) -> Ending {
        if isInteractive { printBanner() }
        if let onStart {
            do { try onStart(self) } catch {
                console.printError(error is UserError && (error as! UserError).isDiagnostics ? "\(error)" : "smaudit: \(error)")
                return .startFailed
            }
        }
        while true {
            if !reader.hasPendingInput { for action in beforeWaiting { action() } }
            let prompt = inputHandler?.prompt ?? commandPrompt
            switch reader.readLine(prompt: prompt) {
            case .line(let line):
                lineNumber += 1
                let outcome = execute(line)
                for action in afterEachLine { action() }
                let wantsExit = outcome == .exit || exitRequested
                exitRequested = false
                if exitConfirmed || (wantsExit && mayLeave()) { return .quit }
                if failures > 0 && configuration.bail && !isInteractive { return .quit }
            case .interrupted:
                if !isInteractive { return .interrupted }
            case .endOfInput:
                if mayLeave() { return .endOfInput }
            case .terminated(let signal):
                return .terminated(signal)
            }
            console.flush()
            if let signal = Terminal.terminationSignal { return .terminated(signal) }
        }
    }

    /// At a terminal, the exit guard decides; a script always leaves.
    private func mayLeave() -> Bool {
        guard isInteractive, !exitConfirmed, let exitGuard else { return true }
        return exitGuard(self)
    }

    /// Runs one line: an answer for the pending handler, or a command.
    @discardableResult
    public func execute(_ line: String) -> CommandOutcome {
        do {
            let trimmed = line.trimmingWhitespace()
            if let handler = inputHandler, !trimmed.hasPrefix("/") {
                try handler.handle(line, shell: self)
                return .continue
            }
            if trimmed.isEmpty || trimmed.hasPrefix("#") { return .continue }
            return try runCommand(trimmed.hasPrefix("/") ? String(trimmed.dropFirst()) : trimmed)
        } catch let error as UserError {
            report(error.message)
        } catch {
            report("\(error)")
        }
        return .continue
    }

    /// Runs a command line (without any leading `/`).
    public func runCommand(_ text: String) throws -> CommandOutcome {
        let words = try CommandLineSplitter.split(text)
        guard let name = words.first else { return .continue }
        guard let command = commands.command(named: name) else {
            if let suggestion = commands.suggestion(for: name) {
                throw UserError("unknown command `\(name)`; did you mean `\(suggestion)`? Type `help` for the list of commands.")
            }
            throw UserError("unknown command `\(name)`. Type `help` for the list of commands.")
        }
        let rest = String(text.drop { !$0.isWhitespace }).trimmingWhitespace()
        return try command.run(self, Array(words.dropFirst()), rest)
    }

    /// Reports a failed line: `FILE:LINE: message` in a script (the line given, else the one
    /// being handled), `error: message` at the terminal.
    public func report(_ message: String, line: Int? = nil) {
        failures += 1
        if isInteractive {
            console.printError(console.styled("error:", .boldRed, forErrors: true) + " " + message)
        } else {
            console.printError("\(configuration.scriptName):\(line ?? lineNumber): \(message)")
        }
    }

    /// A warning that does not count as a failure.
    public func warn(_ message: String) {
        if isInteractive {
            console.printError(console.styled("warning:", .boldYellow, forErrors: true) + " " + message)
        } else {
            console.printError("\(configuration.scriptName):\(lineNumber): warning: \(message)")
        }
    }

    private func printBanner() {
        console.print("\(console.styled("smaudit \(SmauditVersion.current)", .bold)) — guided social media strategy audits")
        for line in bannerLines { console.print(line) }
        console.print("Type \(console.styled("help", .cyan)) for commands, \(console.styled("quit", .cyan)) or Ctrl-D to leave.")
    }
}
