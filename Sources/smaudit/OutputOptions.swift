import ArgumentParser
import AuditShell
import AuditServices

extension ColorMode: ExpressibleByArgument {}

/// Options shared by every subcommand that prints.
struct OutputOptions: ParsableArguments {
    @Option(help: ArgumentHelp("When to colour output: auto (only on a terminal, not with NO_COLOR or TERM=dumb), always, never.", valueName: "WHEN"))
    var color: ColorMode = .auto
}
