import ArgumentParser

/// Where user checklists come from, shared by the subcommands that load checklists.
struct ChecklistOptions: ParsableArguments {
    @Option(name: .customLong("checklists"),
            help: ArgumentHelp("Also load the checklists (*.yaml) in DIR; repeatable. $XDG_CONFIG_HOME/smaudit/checklists is always read.", valueName: "DIR"))
    var folders: [String] = []
}
