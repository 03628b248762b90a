import AuditServices

/// Builds the smaudit shell: the generic shell with the audit controller as its conversation
/// and the audit commands in its table.
public enum ShellFactory {
    /// A shell with the core and audit commands, the built-in checklists and those in
    /// `checklistFolders`, saving sessions in the XDG data folder or at `sessionPath`, and
    /// starting the audit `start` asks for (`smaudit audit`). `output` stands in for the
    /// terminal in tests.
    public static func make(configuration: ShellConfiguration, checklistFolders: [String], sessionPath: String?,
                            start: AuditRequest? = nil, output: ConsoleOutput = StandardOutput()) -> Shell {
        let shell = Shell(configuration: configuration, output: output)
        let environment = configuration.environment
        let audit = AuditController(
            console: shell.console,
            checklistFolders: ChecklistCatalog.userFolders(environment: environment, extra: checklistFolders),
            store: SessionStore(environment: environment), environment: environment,
            sessionPath: sessionPath, start: start)
        shell.addCommands(later: { audit.commands })
        shell.conversation = audit
        shell.bannerLines = [audit.bannerLine]
        return shell
    }
}
