#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LineEditor
import AuditServices

/// Starts a shell on the right kind of input: the libedit editor on a terminal, plain lines from
/// a pipe or a script file. Keeps the executable thin.
public enum ShellLauncher {
    /// Where history is kept: `$SMAUDIT_HISTORY`, else `$XDG_STATE_HOME/smaudit/history`,
    /// else `~/.local/state/smaudit/history`.
    public static func historyPath(environment: [String: String]) -> String? {
        if let path = environment["SMAUDIT_HISTORY"], !path.isEmpty { return path }
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") { return state + "/smaudit/history" }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.local/state/smaudit/history" }
        return nil
    }

    /// Runs `shell` until it ends and returns its exit status. With `scriptPath` the lines come
    /// from that file; otherwise from the terminal or standard input.
    public static func run(_ shell: Shell, scriptPath: String? = nil) throws -> Int32 {
        Terminal.useUTF8Locale()
        let reader: LineReading
        if let scriptPath {
            guard let fileReader = PlainLineReader(path: scriptPath) else {
                throw AuditError.cannotOpenScript(path: scriptPath, errno: errno)
            }
            reader = fileReader
        } else if Terminal.isInteractive,
                  let editor = EditLineReader(
                    programName: "smaudit",
                    history: HistorySettings(path: historyPath(environment: shell.configuration.environment)),
                    colored: shell.console.colored) {
            editor.completer = { text in shell.completions(for: text) }
            if let notice = editor.historyNotice { shell.console.printError("smaudit: warning: \(notice)") }
            reader = editor
        } else {
            reader = PlainLineReader()
        }
        Terminal.installSignalHandlers(restartReads: reader.isInteractive)
        let status = shell.run(reader: reader)
        if let editor = reader as? EditLineReader {
            editor.finish()
            if let problem = editor.historyProblem { shell.console.printError("smaudit: warning: \(problem)") }
        }
        shell.console.flush()
        return status
    }
}
