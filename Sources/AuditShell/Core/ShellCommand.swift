import AuditServices
/// What a command's arguments are, so Tab can complete them.
public enum ArgumentKind: Sendable {
    case none
    case commandName
    case checklistID
    case questionID
    case sessionName
    case filePath
    case freeText
}

/// What the shell should do after a command.
public enum CommandOutcome: Sendable {
    case `continue`
    case exit
}

/// One row of the command table: `help`, completion and "did you mean" all read it, so they
/// cannot disagree. Adding a command is adding a row.
public struct ShellCommand {
    /// The word that runs it.
    public let name: String
    /// Other words that run it.
    public let aliases: [String]
    /// The argument synopsis shown by `help`, e.g. `[CHECKLIST...]`.
    public let usage: String
    /// One line for `help`.
    public let summary: String
    /// More text for `help NAME`.
    public let details: String
    /// What Tab completes after the name.
    public let arguments: ArgumentKind
    /// Runs the command with its arguments split into words; `rest` is the raw text after the name.
    public let run: (_ shell: Shell, _ arguments: [String], _ rest: String) throws -> CommandOutcome

    public init(
        name: String, aliases: [String] = [], usage: String = "", summary: String, details: String = "",
        arguments: ArgumentKind = .none,
        run: @escaping (_ shell: Shell, _ arguments: [String], _ rest: String) throws -> CommandOutcome
    ) {
        self.name = name
        self.aliases = aliases
        self.usage = usage
        self.summary = summary
        self.details = details
        self.arguments = arguments
        self.run = run
    }

    /// `name usage`, as shown in the help table.
    public var synopsis: String { usage.isEmpty ? name : "\(name) \(usage)" }
}
