#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import AuditKit
import AuditServices
import LineEditor

/// The application a shell runs: at every line the step it is in decides what the prompt
/// shows, whether a line is input of its own (an answer) or a command, what Tab completes,
/// and what Ctrl-C, Ctrl-D and `quit` do. The shell itself knows nothing of what the steps are.
public protocol ShellConversation: AnyObject {
    /// The prompt for the next line.
    func prompt(in shell: Shell) -> Prompt
    /// Whether a line is input for the current step (then only a line starting with `/` is a
    /// command), rather than a command.
    func takesInput(in shell: Shell) -> Bool
    /// Handles a line the current step takes as input.
    func input(_ line: String, in shell: Shell) throws
    /// Tab completions for input to the current step.
    func inputCompletions(for text: String, in shell: Shell) -> Completions
    /// Candidates for a command's operands of a kind (checklist ids, question ids, sessions).
    func candidates(for kind: ArgumentKind, in shell: Shell) -> [String]
    /// Ctrl-C at a terminal (the half-typed line is already discarded).
    func interrupted(in shell: Shell)
    /// Ctrl-D on an empty line at a terminal, or the end of a script: whether the shell ends.
    func endOfInput(in shell: Shell) -> Bool
    /// `quit` (or a command that leaves): whether the shell may end now.
    func mayQuit(in shell: Shell) -> Bool
    /// Runs once after the banner, before the first line is read.
    func start(in shell: Shell) throws
    /// Runs before the shell waits for input (at a terminal before every line; in a script
    /// only when the next line is not already there, so work can be batched).
    func willWait(in shell: Shell)
    /// Runs after every line read, whatever it did.
    func lineDone(in shell: Shell)
    /// Runs when the shell ends by any path (quit, end of input, a terminating signal).
    func ending(in shell: Shell)
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

/// The interactive REPL and script runner: reads lines, runs commands from `commands`, and
/// lets `conversation` take the lines its current step asks for.
public final class Shell {
    public let configuration: ShellConfiguration
    public let console: Console
    /// The commands. Rows added with `addCommands(later:)` are made when the table is first
    /// used: nothing before the first prompt needs them, and making the forty rows with their
    /// help and closures was a twentieth of the instructions smaudit ran before it.
    public var commands: CommandTable {
        get { makeLaterRows(); return table }
        set { makeLaterRows(); table = newValue }
    }
    private var table = CommandTable()
    /// Adds the rows still to make, in the order they were given, at the first use of
    /// `commands`. One closure rather than a list of them: the type of an array of closures is
    /// made by the runtime at its first use, which took back a quarter of what deferring saved.
    private var laterRows: ((inout CommandTable) -> Void)?

    /// Adds the rows `rows` makes, when the table is first used.
    public func addCommands(later rows: @escaping () -> [ShellCommand]) {
        let earlier = laterRows
        laterRows = { table in
            earlier?(&table)
            table.add(rows())
        }
    }

    private func makeLaterRows() {
        guard let rows = laterRows else { return }
        laterRows = nil
        // Made in a copy: a row that looked at the table while being made would otherwise
        // read `table` during its own change.
        var made = table
        rows(&made)
        table = made
    }

    /// The application in the shell; nil for a shell of plain commands.
    public var conversation: ShellConversation?
    /// Extra lines for the banner (for example the checklists available).
    public var bannerLines: [TerminalText] = []

    /// The line of input being handled, counted from 1.
    public private(set) var lineNumber = 0
    /// How many lines failed so far.
    public private(set) var failures = 0
    /// Whether a person is at the keyboard.
    public private(set) var isInteractive = false

    public init(configuration: ShellConfiguration, output: ConsoleOutput = StandardOutput()) {
        self.configuration = configuration
        self.console = Console(colorMode: configuration.colorMode, environment: configuration.environment, output: output)
        laterRows = { $0.add(Shell.coreCommands) }
    }

    /// The prompt outside any step: `smaudit> `.
    public static let commandPrompt = Prompt([.init("smaudit", style: .boldGreen), .init("> ")])

    /// Whether commands must be typed with a leading `/` now (a step takes plain lines).
    public var commandsNeedSlash: Bool { conversation?.takesInput(in: self) ?? false }

    /// Set once the person confirmed leaving; the shell ends after the current line.
    private var exitConfirmed = false
    /// Set when a command run from inside a step asked to leave; handled like `quit`.
    private var exitRequested = false

    /// Leave after the current line, without asking the conversation again.
    public func confirmExit() { exitConfirmed = true }

    /// Leave after the current line, as `quit` would (the conversation may still ask).
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
        conversation?.ending(in: self)
        console.flush()
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
        do { try conversation?.start(in: self) } catch {
            report(error)
            return .startFailed
        }
        while true {
            if !reader.hasPendingInput { conversation?.willWait(in: self) }
            let prompt = conversation?.prompt(in: self) ?? Self.commandPrompt
            switch reader.readLine(prompt: prompt) {
            case .line(let line):
                lineNumber += 1
                let outcome = execute(line)
                conversation?.lineDone(in: self)
                let wantsExit = outcome == .exit || exitRequested
                exitRequested = false
                if exitConfirmed || (wantsExit && mayQuit()) { return .quit }
                if failures > 0 && configuration.bail && !isInteractive { return .quit }
            case .interrupted:
                if !isInteractive { return .interrupted }
                conversation?.interrupted(in: self)
            case .endOfInput:
                if exitConfirmed || conversation?.endOfInput(in: self) ?? true { return .endOfInput }
            case .terminated(let signal):
                return .terminated(signal)
            }
            console.flush()
            if exitConfirmed { return .quit }
            if let signal = Terminal.terminationSignal { return .terminated(signal) }
        }
    }

    private func mayQuit() -> Bool { exitConfirmed || conversation?.mayQuit(in: self) ?? true }

    /// Runs one line: input for the current step, or a command.
    @discardableResult
    public func execute(_ line: String) -> CommandOutcome {
        do {
            let trimmed = line.trimmed(.unicodeWhitespace)
            if let conversation, conversation.takesInput(in: self), !trimmed.hasPrefix("/") {
                try conversation.input(line, in: self)
                return .continue
            }
            if trimmed.isEmpty || trimmed.hasPrefix("#") { return .continue }
            return try runCommand(trimmed.hasPrefix("/") ? String(trimmed.dropFirst()) : trimmed)
        } catch {
            report(error)
        }
        return .continue
    }

    /// Runs a command line (without any leading `/`).
    public func runCommand(_ text: String) throws -> CommandOutcome {
        let name = String(text.prefix { !$0.isWhitespace })
        guard !name.isEmpty else { return .continue }
        guard let command = commands.command(named: name) else {
            let slash = commandsNeedSlash ? "/" : ""
            throw AuditError.unknownCommand(name: name, suggestion: commands.suggestion(for: name), prefix: slash)
        }
        let rest = String(text.dropFirst(name.count)).trimmed(.unicodeWhitespace)
        switch command.syntax {
        case .text:
            return try command.run(CommandInput(shell: self, words: [], rest: rest, operands: [], given: [:]))
        case .words:
            let words = try CommandLineSplitter.split(rest)
            if words == ["--help"] {
                console.print("\(commands.help(for: command, prefix: commandsNeedSlash ? "/" : ""))")
                return .continue
            }
            return try command.run(command.input(words: words, rest: rest, shell: self))
        }
    }

    /// Reports a failed line (see `report(_:line:)`); located diagnostics an error carries are
    /// printed first, as they are.
    public func report(_ error: Error, line: Int? = nil) {
        if let error = error as? AuditError {
            if let diagnostics = error.diagnostics { console.printError(TerminalText(diagnostics)) }
            report(error.message, line: line)
        } else {
            report("\(error)", line: line)
        }
    }

    /// Reports a failed line: `FILE:LINE: error: message` in a script (the line given, else the
    /// one being handled), `error: message` at the terminal.
    public func report(_ message: String, line: Int? = nil) {
        failures += 1
        if isInteractive {
            console.printError(console.styled("error:", .boldRed, forErrors: true) + " " + message)
        } else {
            console.printError("\(configuration.scriptName):\(line ?? lineNumber): error: \(message)")
        }
    }

    /// A warning that does not count as a failure: `FILE:LINE: warning: message` in a script,
    /// `warning: message` at the terminal.
    public func warn(_ message: String) {
        if isInteractive {
            console.printError(console.styled("warning:", .boldYellow, forErrors: true) + " " + message)
        } else {
            console.printError("\(configuration.scriptName):\(lineNumber): warning: \(message)")
        }
    }

    private func printBanner() {
        console.print("\(console.styled(SmauditVersion.line, .bold)) — guided social media strategy audits")
        for line in bannerLines { console.print(line) }
        console.print("Type \(console.styled("help", .cyan)) for commands, \(console.styled("quit", .cyan)) or Ctrl-D to leave.")
    }
}

extension ShellConversation {
    public func prompt(in shell: Shell) -> Prompt { Shell.commandPrompt }
    public func takesInput(in shell: Shell) -> Bool { false }
    public func input(_ line: String, in shell: Shell) throws {}
    public func inputCompletions(for text: String, in shell: Shell) -> Completions { .none }
    public func candidates(for kind: ArgumentKind, in shell: Shell) -> [String] { [] }
    public func interrupted(in shell: Shell) {}
    public func endOfInput(in shell: Shell) -> Bool { mayQuit(in: shell) }
    public func mayQuit(in shell: Shell) -> Bool { true }
    public func start(in shell: Shell) throws {}
    public func willWait(in shell: Shell) {}
    public func lineDone(in shell: Shell) {}
    public func ending(in shell: Shell) {}
}
