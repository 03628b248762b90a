import ArgumentParser

/// The shell's `target NAME VALUE --reason TEXT`: the team's own value of an adjustable bar.
public struct TargetOptions: ParsableArguments {
    /// The declarations.
    public enum Spec {
        /// `--reason TEXT`.
        public static let reason = CommandOption("reason", value: .text("TEXT"), help: "Why the team sets its own bar (the report's Method gives it).")

        /// Every option of `target`.
        public static let options = [reason]
    }

    @Argument(help: "The target, as `targets` lists it (`reply_target` or `four-mistakes.reply_target`).") public var name: String
    @Argument(help: "The team's value, typed as the target's type takes it (4h, 80%).") public var value: String
    @Option(name: Spec.reason.names, help: Spec.reason.argumentHelp) public var reason: String?

    /// Options with their defaults (swift-argument-parser fills them in).
    public init() {}
}
