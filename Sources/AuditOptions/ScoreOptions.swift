import ArgumentParser

/// The options of `score`, the same in the shell and on the command line.
public struct ScoreOptions: ParsableArguments {
    /// The declarations.
    public enum Spec {
        /// `--explain`.
        public static let explain = CommandOption("explain", help: "Show every formula with its numbers, each rule's outcome and what fixing each problem adds.")

        /// Every option of `score`.
        public static let options = [explain]
    }

    @Flag(name: Spec.explain.names, help: Spec.explain.argumentHelp) public var explain = false

    /// Options with their defaults (swift-argument-parser fills them in).
    public init() {}
}
