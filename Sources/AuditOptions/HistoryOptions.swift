import ArgumentParser

/// `history [ORGANISATION] [--sessions DIR]…`, the same in the shell and on the command line.
public struct HistoryOptions: ParsableArguments {
    /// The declarations.
    public enum Spec {
        /// `--sessions DIR`.
        public static let sessions = CommandOption("sessions", value: .file("DIR"), repeatable: true,
                                                   help: "Also look for audits in DIR (repeatable); the sessions folder is always searched.")

        /// Every option of `history`.
        public static let options = [sessions]
    }

    @Argument(help: ArgumentHelp("The organisation (the open audit's, or the only one found, when omitted).", valueName: "ORGANISATION"))
    public var words: [String] = []
    @Option(name: Spec.sessions.names, help: Spec.sessions.argumentHelp) public var sessions: [String] = []

    /// The organisation named, its words joined (quotes are optional in the shell).
    public var organisation: String? { words.isEmpty ? nil : words.joined(separator: " ") }

    /// Options with their defaults (swift-argument-parser fills them in).
    public init() {}
}
