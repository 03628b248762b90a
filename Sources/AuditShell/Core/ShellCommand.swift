import ArgumentParser
import AuditOptions
import AuditServices

/// What a command's operands are, so Tab can complete them.
public enum ArgumentKind: Sendable {
    case none
    case commandName
    case checklistID
    case questionID
    /// A problem's key (`four-mistakes.service-sent-away`), as `accept` takes it.
    case problemKey
    case sessionName
    case filePath
    case freeText
}

/// A word a command takes in a given place (not an option): `CHECKLIST`, `[FILE]`, `[ID]`.
public struct Operand: Sendable {
    /// The name `help` shows, e.g. `FILE`.
    public let name: String
    /// What Tab completes for it.
    public let kind: ArgumentKind
    /// Whether it may be left out.
    public let isOptional: Bool
    /// Whether it may be given several times (`CHECKLIST...`).
    public let isRepeated: Bool
    /// One sentence for `help NAME`.
    public let help: String

    /// An operand that must be given.
    public static func required(_ name: String, _ kind: ArgumentKind, help: String) -> Operand {
        Operand(name: name, kind: kind, isOptional: false, isRepeated: false, help: help)
    }

    /// An operand that may be left out.
    public static func optional(_ name: String, _ kind: ArgumentKind, help: String) -> Operand {
        Operand(name: name, kind: kind, isOptional: true, isRepeated: false, help: help)
    }

    /// Any number of operands, none included.
    public static func repeated(_ name: String, _ kind: ArgumentKind, help: String) -> Operand {
        Operand(name: name, kind: kind, isOptional: true, isRepeated: true, help: help)
    }

    /// `CHECKLIST`, `[FILE]`, `[CHECKLIST...]`.
    public var synopsis: String {
        let text = name + (isRepeated ? "..." : "")
        return isOptional ? "[\(text)]" : text
    }
}

/// How a command reads what follows its name.
public enum LineSyntax: Sendable {
    /// Words, split like a shell splits them (quotes group, `\` escapes), then options and
    /// operands as the row declares them.
    case words
    /// The rest of the line exactly as typed (a note with an apostrophe in it), unsplit.
    case text
}

/// What the shell should do after a command.
public enum CommandOutcome: Sendable {
    case `continue`
    case exit
}

/// A command as it was typed: the words after its name, the options and operands found in
/// them (checked against the row), and the raw rest of the line.
public struct CommandInput {
    /// The shell the command runs in.
    public let shell: Shell
    /// The words after the command's name (none for a `.text` command).
    public let words: [String]
    /// The text after the command's name, as typed.
    public let rest: String
    /// The operands, in order.
    public let operands: [String]
    /// The options given, by long name; a flag has one empty value per use.
    let given: [String: [String]]

    /// Whether a flag was given.
    public func flag(_ option: CommandOption) -> Bool { given[option.long] != nil }

    /// The value of an option, nil when it was not given.
    public func value(_ option: CommandOption) -> String? { given[option.long]?.last }

    /// Every value of a repeatable option.
    public func values(_ option: CommandOption) -> [String] { given[option.long] ?? [] }
}

/// One row of the command table: `help`, Tab completion, option checking and "did you mean"
/// all read it, so they cannot disagree. Adding a command is adding a row.
public struct ShellCommand {
    /// The word that runs it.
    public let name: String
    /// Other words that run it.
    public let aliases: [String]
    /// The words it takes that are not options.
    public let operands: [Operand]
    /// The options it takes.
    public let options: [CommandOption]
    /// How it reads the rest of its line.
    public let syntax: LineSyntax
    /// One line for `help`.
    public let summary: String
    /// More text for `help NAME`.
    public let details: String
    /// Lines as a person would type them, for `help NAME`.
    public let examples: [String]
    /// A synopsis of its own for the help table, instead of one built from operands and options.
    public let usage: String?
    /// The swift-argument-parser type the row's words are parsed into, when it has one: the
    /// table parses the line into it once and hands the value to the row.
    public let arguments: (any ParsableArguments.Type)?
    /// Runs the command.
    public let run: (CommandInput) throws -> CommandOutcome

    /// A row whose handler reads the words itself (or takes none).
    public init(
        name: String, aliases: [String] = [], operands: [Operand] = [], options: [CommandOption] = [],
        syntax: LineSyntax = .words, usage: String? = nil, summary: String, details: String = "", examples: [String],
        run: @escaping (CommandInput) throws -> CommandOutcome
    ) {
        self.init(name: name, aliases: aliases, operands: operands, options: options, syntax: syntax, usage: usage,
                  summary: summary, details: details, examples: examples, arguments: nil, run: run)
    }

    /// A row whose words are `Arguments`, the definition the command line parses too: once the
    /// words pass the row's declaration, the table parses them into `Arguments` once (its
    /// `validate()` included) and hands the value to `run`, so no handler parses its line again.
    public init<Arguments: ParsableArguments>(
        name: String, aliases: [String] = [], arguments: Arguments.Type, operands: [Operand] = [], options: [CommandOption] = [],
        usage: String? = nil, summary: String, details: String = "", examples: [String],
        run: @escaping (CommandInput, Arguments) throws -> CommandOutcome
    ) {
        self.init(name: name, aliases: aliases, operands: operands, options: options, syntax: .words, usage: usage,
                  summary: summary, details: details, examples: examples, arguments: arguments) { input in
            try run(input, Arguments.parse(shellWords: input.words, command: name))
        }
    }

    private init(
        name: String, aliases: [String], operands: [Operand], options: [CommandOption], syntax: LineSyntax, usage: String?,
        summary: String, details: String, examples: [String], arguments: (any ParsableArguments.Type)?,
        run: @escaping (CommandInput) throws -> CommandOutcome
    ) {
        self.name = name
        self.aliases = aliases
        self.operands = operands
        self.options = options
        self.syntax = syntax
        self.usage = usage
        self.summary = summary
        self.details = details
        self.examples = examples
        self.arguments = arguments
        self.run = run
    }

    /// `name [OPERANDS] [OPTIONS]`, as shown in the help table.
    public var synopsis: String {
        var text = name
        if let usage { return usage.isEmpty ? text : text + " " + usage }
        for operand in operands { text += " " + operand.synopsis }
        if options.count > 2 {
            text += " [OPTIONS]"
        } else {
            for option in options { text += " [" + (option.takesValue ? option.flag + " " + option.placeholder : option.flag) + "]" }
        }
        return text
    }

    /// The operand the word at `index` (counted among operands) fills.
    func operand(at index: Int) -> Operand? {
        if index < operands.count { return operands[index] }
        return operands.last.flatMap { $0.isRepeated ? $0 : nil }
    }

    /// Reads `words` as this command's options and operands: an unknown option, an option
    /// without its value, a flag given a value, a second value for a single option or a word
    /// too many is an error naming the command. `--` ends the options.
    func input(words: [String], rest: String, shell: Shell) throws -> CommandInput {
        var given: [String: [String]] = [:]
        var operandWords: [String] = []
        var index = 0
        var optionsEnded = false
        while index < words.count {
            let word = words[index]
            index += 1
            if optionsEnded || !Self.looksLikeOption(word) {
                operandWords.append(word)
                continue
            }
            if word == "--" { optionsEnded = true; continue }
            var name = word, inline: String?
            if word.hasPrefix("--"), let equals = word.firstIndex(of: "=") {
                name = String(word[..<equals])
                inline = String(word[word.index(after: equals)...])
            }
            guard let option = options.first(where: { $0.isNamed(name) }) else {
                let flags = options.map(\.flag)
                throw AuditError.unknownOption(command: self.name, option: name, known: flags,
                                               suggestion: Suggestion.closest(to: name, in: flags))
            }
            var value = ""
            if option.takesValue {
                if let inline {
                    value = inline
                } else if index < words.count, !words[index].hasPrefix("--") {
                    value = words[index]
                    index += 1
                } else {
                    throw AuditError.missingValue(command: self.name, option: option.flag, placeholder: option.placeholder)
                }
                if !option.repeatable, given[option.long] != nil {
                    throw AuditError.repeatedOption(command: self.name, option: option.flag)
                }
            } else if inline != nil {
                throw AuditError.takesNoValue(command: self.name, option: option.flag)
            }
            given[option.long, default: []].append(value)
        }
        // A required operand left out is reported from the row, with what it is and, when Tab
        // has a short list of them, what it may be: no command guards it by hand.
        let least = operands.filter { !$0.isOptional }.count
        if operandWords.count < least {
            let missing = operands[operandWords.count]
            let listable: Set<ArgumentKind> = [.checklistID, .sessionName]
            let choices = listable.contains(missing.kind) ? shell.conversation?.candidates(for: missing.kind, in: shell) ?? [] : []
            throw AuditError.missingOperand(command: name, operand: missing.name, help: missing.help, choices: choices, synopsis: synopsis)
        }
        let most = operands.last?.isRepeated == true ? Int.max : operands.count
        if operandWords.count > most {
            let extra = operandWords[most]
            throw AuditError.unexpectedOperand(command: name, word: extra, synopsis: synopsis)
        }
        return CommandInput(shell: shell, words: words, rest: rest, operands: operandWords, given: given)
    }

    /// A word that is an option: starts with `-`, and is neither `-` (standard output) nor a
    /// negative number.
    static func looksLikeOption(_ word: String) -> Bool {
        guard word.hasPrefix("-"), word != "-" else { return false }
        return !(word.dropFirst().first?.isNumber ?? false)
    }
}
