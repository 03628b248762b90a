import AuditKit
import AuditOptions
import AuditServices

/// The shell's commands, in the order `help` lists them.
public struct CommandTable {
    /// The rows, in order.
    public private(set) var commands: [ShellCommand] = []

    /// A table of these rows.
    public init(_ commands: [ShellCommand] = []) {
        for command in commands { add(command) }
    }

    /// Adds a row; a later row with the same name replaces the earlier one.
    public mutating func add(_ command: ShellCommand) {
        commands.removeAll { $0.name == command.name }
        commands.append(command)
        names = Names()
    }

    /// Adds rows in order.
    public mutating func add(_ rows: [ShellCommand]) {
        for row in rows { add(row) }
    }

    /// The command a word names, by name or alias.
    public func command(named word: String) -> ShellCommand? {
        let lowered = word.lowercased()
        return commands.first { $0.name == lowered || $0.aliases.contains(lowered) }
    }

    /// Every name and alias, sorted.
    public var allNames: [String] {
        if let sorted = names.sorted { return sorted }
        let sorted = commands.flatMap { [$0.name] + $0.aliases }.sorted()
        names.sorted = sorted
        return sorted
    }

    /// `allNames` once asked for, and lowercased for suggestions: every mistyped word is
    /// compared with all of them, and the shell reads many lines, while sorting them as each
    /// row is added cost the first prompt two thirds of its instructions again. A box, so that
    /// asking need not mutate the table; adding a row gives the table a new, empty one, so a
    /// copy never sees another's names.
    private final class Names {
        var sorted: [String]?
        var candidates: Suggest.Candidates?
    }
    private var names = Names()

    /// The closest known command to a mistyped word.
    public func suggestion(for word: String) -> String? {
        let candidates = names.candidates ?? Suggest.Candidates(allNames)
        names.candidates = candidates
        return Suggestion.closest(to: word, in: candidates)
    }

    /// Synopses longer than this get a line of their own, so that one long command (`measure`
    /// with its options) does not push every description towards the right edge.
    static let synopsisColumn = 24

    /// One aligned line per command, like sqlite3's `.help`; `prefix` (`/` while a question
    /// waits) is written before every name, as the command must then be typed.
    public func helpTable(prefix: String = "") -> String {
        let synopses = commands.map { prefix + $0.synopsis }
        let width = synopses.map(\.count).filter { $0 <= Self.synopsisColumn }.max() ?? Self.synopsisColumn
        return zip(commands, synopses).map { command, synopsis in
            var summary = command.summary
            if !command.aliases.isEmpty { summary += " (alias: \(command.aliases.map { prefix + $0 }.joined(separator: ", ")))" }
            if synopsis.count > width {
                return synopsis + "\n" + String(repeating: " ", count: width + 3) + summary
            }
            return synopsis.padded(toWidth: width + 3) + summary
        }.joined(separator: "\n")
    }

    /// The details of one command for `help NAME`: synopsis, summary, every operand and
    /// option with its help, more text, and examples (with `prefix` as for `helpTable`).
    public func help(for command: ShellCommand, prefix: String = "") -> String {
        var text = "\(prefix)\(command.synopsis)\n  \(command.summary)"
        if !command.aliases.isEmpty { text += "\n  Aliases: \(command.aliases.map { prefix + $0 }.joined(separator: ", "))" }
        let rows = command.operands.map { ($0.name + ($0.isRepeated ? "..." : ""), $0.help) }
            + command.options.map { ($0.synopsis, $0.help + ($0.repeatable ? " Repeatable." : "")) }
        if !rows.isEmpty {
            let width = min(rows.map(\.0.count).max() ?? 0, 26)
            text += "\n"
            for (name, help) in rows {
                text += "\n  " + (name.count > width ? name + "\n  " + String(repeating: " ", count: width + 2) + help
                    : name.padded(toWidth: width + 2) + help)
            }
        }
        if !command.details.isEmpty {
            text += "\n\n" + command.details.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.isEmpty ? "" : "  " + $0 }.joined(separator: "\n")
        }
        if !command.examples.isEmpty {
            text += "\n\n  " + (command.examples.count == 1 ? "Example:" : "Examples:")
            for example in command.examples { text += "\n    " + prefix + example }
        }
        return text
    }
}
