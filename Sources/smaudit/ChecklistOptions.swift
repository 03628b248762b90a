import ArgumentParser
import AuditKit
import AuditOptions
import AuditServices

/// Where user checklists come from, shared by the subcommands that load checklists.
struct ChecklistOptions: ParsableArguments {
    @Option(name: .customLong("checklists"),
            help: ArgumentHelp("Also load the checklists (*.yaml) in DIR; repeatable. $XDG_CONFIG_HOME/smaudit/checklists is always read.", valueName: "DIR"))
    var folders: [String] = []

    /// A folder that does not exist is a usage error: silently loading nothing from it would
    /// leave the user wondering where their checklist went.
    func validate() throws {
        for folder in folders where !AtomicFile.isFolder(folder) {
            throw AuditError.notAChecklistsFolder(folder: folder, exists: AtomicFile.exists(folder)).usage
        }
    }

    /// The folders user checklists are read from: the user's own and those of `--checklists`.
    var userFolders: [String] { ChecklistCatalog.userFolders(environment: Environment.current, extra: folders) }

    /// The built-in checklists, the user's, and those of `--checklists`. A user file with
    /// errors is skipped with one line on standard error (`smaudit check FILE` shows them).
    func catalog() -> ChecklistCatalog {
        let catalog = ChecklistCatalog(folders: userFolders)
        for warning in catalog.warnings { Output.warning(warning) }
        return catalog
    }
}
