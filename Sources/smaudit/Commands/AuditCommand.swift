import ArgumentParser
import AuditKit
import AuditOptions
import AuditShell
import AuditServices

/// `smaudit audit`: the shell, starting a guided audit at once.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Start (or with --session, resume) a guided audit in the shell.",
        discussion: "Without CHECKLIST the three built-ins are audited in the order seven-steps, four-mistakes, launch. When standard input is not a terminal each line answers the next question (or is a /command), so an audit can be replayed from a plain text file: `smaudit audit four-mistakes < answers.txt`. In a team audit each auditor answers alone with --as NAME, then `smaudit merge` gathers their sessions."
    )

    @Argument(help: "The checklists to audit.") var checklists: [String] = []
    @Option(help: "The organisation audited (otherwise asked).") var organisation: String?
    @Option(help: ArgumentHelp("The auditors, separated by commas (otherwise asked).", valueName: "NAMES")) var auditors: String?
    @Option(name: AuditStartOptions.Spec.answeredBy.names, help: AuditStartOptions.Spec.answeredBy.argumentHelp) var answeredBy: String?
    @Option(help: ArgumentHelp("Save the session at PATH (resumed when it exists).", valueName: "PATH")) var session: String?
    @Flag(help: "In script mode, stop at the first line that fails.") var bail = false
    @OptionGroup var checklistOptions: ChecklistOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let names = auditors.map { $0.split(separator: ",").map { String($0).trimmed(.unicodeWhitespace) } }
        let shell = ShellFactory.make(
            configuration: ShellConfiguration(bail: bail, colorMode: output.color, environment: Environment.current),
            checklistFolders: checklistOptions.folders, sessionPath: session,
            start: AuditRequest(checklists: checklists, organisation: organisation, auditors: names, answeredBy: answeredBy))
        let status = try ShellLauncher.run(shell)
        if status != 0 { throw ExitCode(status) }
    }
}
