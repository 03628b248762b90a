import AuditKit
import AuditServices

/// Builds the smaudit shell with every command installed.
public enum ShellFactory {
    /// A shell with the core and audit commands, the built-in checklists and those in
    /// `checklistFolders`, saving sessions in the XDG data folder or at `sessionPath`.
    public static func make(configuration: ShellConfiguration, checklistFolders: [String], sessionPath: String?) -> Shell {
        let shell = Shell(configuration: configuration)
        let environment = configuration.environment
        let folders = ChecklistCatalog.userFolders(environment: environment, extra: checklistFolders)
        let audit = AuditCommands(checklistFolders: folders, store: SessionStore(environment: environment),
                                  environment: environment, sessionPath: sessionPath)
        audit.install(in: shell)
        shell.auditCommands = audit
        return shell
    }
}
