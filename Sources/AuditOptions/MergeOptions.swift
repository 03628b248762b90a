import ArgumentParser
import AuditServices

/// `merge FILE… -o TEAM.yaml [--force]`, the same in the shell and on the command line.
public struct MergeOptions: ParsableArguments {
    /// The declarations.
    public enum Spec {
        /// `-o, --output PATH`.
        public static let output = CommandOption("output", short: "o", value: .file("TEAM.yaml"),
                                                 help: "Where to write the team session (a new file: never one of those merged).")
        /// `--force`.
        public static let force = CommandOption("force", help: "Replace the team session file if it exists.")

        /// Every option of `merge`.
        public static let options = [output, force]
    }

    @Argument(help: ArgumentHelp("The auditors' session files (or an earlier team session and a new auditor's).", valueName: "SESSION"))
    public var files: [String] = []
    @Option(name: Spec.output.names, help: Spec.output.argumentHelp) public var output: String
    @Flag(name: Spec.force.names, help: Spec.force.argumentHelp) public var force = false

    /// Options with their defaults (swift-argument-parser fills them in).
    public init() {}

    /// One file merges with nothing.
    public func validate() throws {
        if files.count < 2 { throw AuditError.tooFewToMerge.usage }
    }
}
