import AuditServices
/// The shell's commands, in the order `help` lists them.
public struct CommandTable {
    public private(set) var commands: [ShellCommand] = []

    public init(_ commands: [ShellCommand] = []) {
        for command in commands { add(command) }
    }

    /// Adds a row; a later row with the same name replaces the earlier one.
    public mutating func add(_ command: ShellCommand) {
        commands.removeAll { $0.name == command.name }
        commands.append(command)
    }

    /// The command a word names, by name or alias.
    public func command(named word: String) -> ShellCommand? {
        let lowered = word.lowercased()
        return commands.first { $0.name == lowered || $0.aliases.contains(lowered) }
    }

    /// Every name and alias, sorted.
    public var allNames: [String] { commands.flatMap { [$0.name] + $0.aliases }.sorted() }

    /// The closest known command to a mistyped word.
    public func suggestion(for word: String) -> String? {
        Suggestion.closest(to: word, in: allNames)
    }

    /// Synopses longer than this get a line of their own, so that one long command (`measure`
    /// with its options) does not push every description towards the right edge.
    static let synopsisColumn = 24

    /// One aligned line per command, like sqlite3's `.help`.
    public func helpTable() -> String {
        let width = commands.map(\.synopsis.count).filter { $0 <= Self.synopsisColumn }.max() ?? Self.synopsisColumn
        return commands.map { command in
            var summary = command.summary
            if !command.aliases.isEmpty { summary += " (alias: \(command.aliases.joined(separator: ", ")))" }
            if command.synopsis.count > width {
                return command.synopsis + "\n" + String(repeating: " ", count: width + 3) + summary
            }
            return command.synopsis.padded(toWidth: width + 3) + summary
        }.joined(separator: "\n")
    }

    /// The details of one command for `help NAME`.
    public func help(for command: ShellCommand) -> String {
        var text = "\(command.synopsis)\n  \(command.summary)"
        if !command.aliases.isEmpty { text += "\n  Aliases: \(command.aliases.joined(separator: ", "))" }
        if !command.details.isEmpty {
            text += "\n\n" + command.details.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.isEmpty ? "" : "  " + $0 }.joined(separator: "\n")
        }
        return text
    }
}
