import AuditShell
import Testing

/// The names the shell completes and suggests from: sorted, kept once asked for, and never
/// shared between a table and a copy that gained a row.
@Suite struct CommandTableTests {
    private func row(_ name: String, aliases: [String] = []) -> ShellCommand {
        ShellCommand(name: name, aliases: aliases, summary: "Does \(name).", examples: [name]) { _ in .continue }
    }

    @Test func namesFollowTheRowsOfEachCopy() {
        var table = CommandTable([row("quit", aliases: ["exit"]), row("help")])
        #expect(table.allNames == ["exit", "help", "quit"])
        var copy = table
        copy.add(row("history", aliases: ["hist"]))
        #expect(copy.allNames == ["exit", "help", "hist", "history", "quit"])
        #expect(table.allNames == ["exit", "help", "quit"])
        #expect(copy.suggestion(for: "histroy") == "history")
        #expect(table.suggestion(for: "histroy") == nil)
        // A later row of the same name replaces the earlier one and its aliases.
        table.add(row("quit", aliases: ["bye"]))
        #expect(table.allNames == ["bye", "help", "quit"])
    }

    /// A shell makes the rows it is given for later when its table is first used, once, after
    /// its own rows and in the order given, so a later row still replaces an earlier one. The
    /// first prompt does not wait for them.
    @Test func rowsForLaterAreMadeAtTheFirstUseInOrder() {
        let shell = Shell(configuration: ShellConfiguration(environment: [:]), output: RecordingOutput(columns: nil))
        var made: [String] = []
        shell.addCommands(later: {
            made.append("first")
            return [self.row("list"), self.row("quit", aliases: ["bye"])]
        })
        shell.addCommands(later: {
            made.append("second")
            return [self.row("list", aliases: ["ls"])]
        })
        #expect(made.isEmpty)
        #expect(shell.commands.command(named: "bye")?.name == "quit")
        #expect(shell.commands.command(named: "ls")?.name == "list")
        #expect(shell.commands.command(named: "help") != nil)
        #expect(made == ["first", "second"])
        // Rows given after the first use are made at the next one.
        shell.addCommands(later: { made.append("third"); return [self.row("show")] })
        #expect(shell.commands.command(named: "show") != nil)
        #expect(made == ["first", "second", "third"])
    }
}
