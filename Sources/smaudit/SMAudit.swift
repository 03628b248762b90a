#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import AuditKit
import AuditShell
import AuditServices

/// The `smaudit` command: the interactive shell without a subcommand, or one of the subcommands.
@main
struct SMAudit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "smaudit",
        abstract: "Guided social media strategy audits, scored and explained.",
        discussion: """
        Without a subcommand smaudit starts its shell: a line editor with history (Up, Ctrl-R), Tab completion and `help`. When standard input is not a terminal it runs in script mode: every line is a command or an answer, errors go to standard error as <stdin>:LINE: message, and the exit status is 0 when every line succeeded, 1 when any failed, 2 for usage errors, 130 when interrupted.

        History: $SMAUDIT_HISTORY, else $XDG_STATE_HOME/smaudit/history, else ~/.local/state/smaudit/history (/dev/null disables it). Sessions: $XDG_DATA_HOME/smaudit/sessions. User checklists: $XDG_CONFIG_HOME/smaudit/checklists and --checklists DIR. NO_COLOR and TERM=dumb turn colour off.
        """,
        version: SmauditVersion.line,
        subcommands: [AuditCommand.self, RunCommand.self, ReportCommand.self, ScoreCommand.self, MeasureCommand.self, MergeCommand.self, HistoryCommand.self,
                      CheckCommand.self, ListCommand.self, ShowCommand.self]
    )

    @OptionGroup var output: OutputOptions

    @Option(name: [.customShort("f"), .customLong("file")], help: ArgumentHelp("Run the commands in FILE, then exit.", valueName: "FILE"))
    var script: String?

    @Flag(help: "In script mode, stop at the first line that fails.")
    var bail = false


    @OptionGroup var checklistOptions: ChecklistOptions

    func run() throws {
        try Self.runShell(script: script, bail: bail, color: output.color, folders: checklistOptions.folders)
    }

    /// Runs the shell (or a script file) and exits with its status.
    static func runShell(script: String?, bail: Bool, color: ColorMode, folders: [String]) throws {
        let shell = ShellFactory.make(
            configuration: ShellConfiguration(scriptName: script ?? "<stdin>", bail: bail, colorMode: color,
                                              environment: Environment.current),
            checklistFolders: folders, sessionPath: nil)
        let status = try ShellLauncher.run(shell, scriptPath: script)
        if status != 0 { throw ExitCode(status) }
    }

    /// Parses the command line and runs it. Usage errors exit with status 2, as in other Unix
    /// tools (swift-argument-parser's default is 64).
    static func main() {
        // A file-size limit (ulimit -f) then fails a write with EFBIG, which is reported like a
        // full disk, instead of killing smaudit mid-save.
        signal(SIGXFSZ, SIG_IGN)
        // Plain `smaudit` starts the shell without the argument parser: its reflection makes the
        // Swift runtime scan every protocol conformance in the binary, which doubles the time
        // to the first prompt. Anything else goes through the parser.
        // `argc`, not `arguments.count`: the shell has no use for the arguments as strings.
        if CommandLine.argc == 1 {
            do {
                try runShell(script: nil, bail: false, color: .auto, folders: [])
                leave(0)
            } catch {
                leave(status(for: error))
            }
        }
        // A command that loads the built-ins reads them on the other core while its line is parsed.
        if ["audit", "run", "report", "score", "merge", "history", "measure"].contains(CommandLine.arguments[1]) {
            ChecklistCatalog.prefetchBuiltins()
        }
        do {
            var command = try parseAsRoot()
            try command.run()
            leave(0)
        } catch {
            leave(status(for: error))
        }
    }

    /// Prints what an error has to say and returns the exit status it means. Every message
    /// follows one convention: located diagnostics start with `FILE:LINE:COL: error:`, the rest
    /// with `smaudit: error:` (the argument parser's own `Error:` included).
    static func status(for error: Error) -> Int32 {
        switch error {
        case let error as AuditError:
            Output.error(error)
            return 1
        case let error as FileWriteError:
            Output.error("\(error)")
            return 1
        case let error as FileReadError:
            if error.diagnostic != nil { Output.message("\(error)") } else { Output.error("\(error)") }
            return 1
        default:
            let code = exitCode(for: error)
            var message = fullMessage(for: error)
            if code == .success {
                // --help and --version: their text is the result, on standard output.
                if !message.isEmpty { Output.printRaw(message) }
                return 0
            }
            if message.hasPrefix("Error: ") { message = "smaudit: error: " + message.dropFirst("Error: ".count) }
            if !message.isEmpty { Output.message(message) }
            return code == .validationFailure ? 2 : code.rawValue
        }
    }

    /// Exits with `status`, after checking that standard output took everything written to it:
    /// output lost to a full disk or a closed pipe is an error (status 1), never a silent 0.
    static func leave(_ status: Int32) -> Never {
        if let problem = Output.finish() {
            Output.error("cannot write to standard output: \(problem)")
            Glibc.exit(status == 0 ? 1 : status)
        }
        Glibc.exit(status)
    }
}
