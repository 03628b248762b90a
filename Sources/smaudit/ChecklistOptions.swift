import ArgumentParser
import AuditKit
import AuditShell

/// Where user checklists come from, shared by the subcommands that load checklists.
struct ChecklistOptions: ParsableArguments {
    @Option(name: .customLong("checklists"),
            help: ArgumentHelp("Also load the checklists (*.yaml) in DIR; repeatable. $XDG_CONFIG_HOME/smaudit/checklists is always read.", valueName: "DIR"))
    var folders: [String] = []

    /// The folders user checklists are read from: the user's own and those of `--checklists`.
    var userFolders: [String] { ChecklistCatalog.userFolders(environment: Environment.current, extra: folders) }

    /// The built-in checklists, the user's, and those of `--checklists`.
    func catalog() -> ChecklistCatalog { ChecklistCatalog(folders: userFolders) }

    /// The catalog, or a failure carrying its rendered errors when a checklist does not load.
    func validCatalog() throws -> ChecklistCatalog {
        let catalog = catalog()
        guard !catalog.diagnostics.hasErrors else { throw Failure(catalog.renderedDiagnostics) }
        return catalog
    }
}
