import AuditServices
extension Shell {
    /// The commands every shell has: help, version, quit.
    static var coreCommands: [ShellCommand] {
        [
            ShellCommand(
                name: "help", usage: "[COMMAND]", summary: "List the commands, or explain one",
                details: "While a question is waiting for an answer, type commands with a leading `/`\n(`/help`, `/back`); `?` alone explains the question.",
                arguments: .commandName
            ) { shell, arguments, _ in
                if let name = arguments.first {
                    guard let command = shell.commands.command(named: name.hasPrefix("/") ? String(name.dropFirst()) : name) else {
                        var message = "no command `\(name)`"
                        if let suggestion = shell.commands.suggestion(for: name) { message += "; did you mean `\(suggestion)`?" }
                        throw UserError(message)
                    }
                    shell.console.print("\(shell.commands.help(for: command))")
                } else {
                    shell.console.print("\(shell.commands.helpTable())")
                }
                return .continue
            },
            ShellCommand(name: "version", summary: "Show the smaudit version") { shell, _, _ in
                shell.console.print("smaudit \(SmauditVersion.current)")
                return .continue
            },
            ShellCommand(name: "quit", aliases: ["exit"], summary: "Leave smaudit (Ctrl-D does the same)") { _, _, _ in
                .exit
            },
        ]
    }
}
