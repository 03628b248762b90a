import AuditServices

extension Shell {
    /// The commands every shell has: help, version, quit.
    static var coreCommands: [ShellCommand] {
        [
            ShellCommand(
                name: "help", operands: [.optional("COMMAND", .commandName, help: "The command to explain.")],
                summary: "List the commands, or explain one with its options and an example",
                details: "While a question is waiting for an answer, type commands with a leading `/` (`/help`, `/back`); `?` alone explains the question. `COMMAND --help` shows the same as `help COMMAND`.",
                examples: ["help", "help report"]
            ) { input in
                let shell = input.shell
                let prefix = shell.commandsNeedSlash ? "/" : ""
                if let name = input.operands.first {
                    let bare = name.hasPrefix("/") ? String(name.dropFirst()) : name
                    guard let command = shell.commands.command(named: bare) else {
                        throw AuditError.noSuchCommand(name: name, suggestion: shell.commands.suggestion(for: bare).map { prefix + $0 })
                    }
                    shell.console.print("\(shell.commands.help(for: command, prefix: prefix))")
                } else {
                    shell.console.print("\(shell.commands.helpTable(prefix: prefix))")
                    if !prefix.isEmpty {
                        shell.console.print("A line without `/` is the answer to the question; `?` explains it.")
                    }
                }
                return .continue
            },
            ShellCommand(name: "version", summary: "Show the smaudit version (as `smaudit --version` does)", examples: ["version"]) { input in
                input.shell.console.print("\(SmauditVersion.line)")
                return .continue
            },
            ShellCommand(name: "quit", aliases: ["exit"], summary: "Leave smaudit (Ctrl-D does the same)",
                         details: "An open audit is saved first; `resume` continues it next time.",
                         examples: ["quit"]) { _ in
                .exit
            },
        ]
    }
}
