import ArgumentParser

/// One option a command takes, declared once: its name, the value it takes and its help. The
/// shell's command table lists these (for `help`, Tab and validation), and the options shared
/// with the command line bind the same declaration to a property with `@Option(name:help:)`.
public struct CommandOption: Sendable, Equatable {
    /// What follows the option on the line.
    public enum Value: Sendable, Equatable {
        /// Nothing: the option is a flag.
        case none
        /// A file path (Tab completes file names), shown as `placeholder`.
        case file(_ placeholder: String)
        /// One of a fixed set of words (Tab completes them).
        case choice([String])
        /// A number, shown as `placeholder`.
        case number(_ placeholder: String)
        /// Any text, shown as `placeholder`.
        case text(_ placeholder: String)
    }

    /// The long name without its dashes, e.g. `force`.
    public let long: String
    /// The one-letter name, e.g. `o` for `-o`.
    public let short: Character?
    /// What the option takes.
    public let value: Value
    /// One sentence for `help`.
    public let help: String
    /// Whether it may be given more than once (`--posts a.csv --posts b.csv`).
    public let repeatable: Bool

    /// Declares an option.
    public init(_ long: String, short: Character? = nil, value: Value = .none, repeatable: Bool = false, help: String) {
        self.long = long
        self.short = short
        self.value = value
        self.repeatable = repeatable
        self.help = help
    }

    /// `--force`.
    public var flag: String { "--" + long }

    /// Whether the option takes a value.
    public var takesValue: Bool { value != .none }

    /// What stands for the value in help: `FILE`, `markdown|json`.
    public var placeholder: String {
        switch value {
        case .none: return ""
        case .file(let name), .number(let name), .text(let name): return name
        case .choice(let words): return words.joined(separator: "|")
        }
    }

    /// `--format markdown|json`, `-o, --output FILE`: the option as `help NAME` lists it.
    public var synopsis: String {
        var text = short.map { "-\($0), " } ?? ""
        text += flag
        if takesValue { text += " " + placeholder }
        return text
    }

    /// Whether `word` names this option (`--output` or `-o`).
    public func isNamed(_ word: String) -> Bool {
        word == flag || (short.map { word == "-\($0)" } ?? false)
    }

    /// The names for swift-argument-parser's `@Option(name:)` and `@Flag(name:)`.
    public var names: NameSpecification {
        var names: [NameSpecification.Element] = [.customLong(long)]
        if let short { names.append(.customShort(short)) }
        return NameSpecification(names)
    }

    /// The help for swift-argument-parser's `@Option(help:)` and `@Flag(help:)`.
    public var argumentHelp: ArgumentHelp {
        switch value {
        case .none, .choice: return ArgumentHelp(help)
        default: return ArgumentHelp(help, valueName: placeholder)
        }
    }
}
