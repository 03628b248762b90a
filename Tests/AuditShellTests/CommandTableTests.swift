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
}
