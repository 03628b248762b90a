import ArgumentParser
import AuditServices

/// The shell's `plan [N] [--owner NAME] [--due YYYY-MM-DD]`: the plan, or one action's owner
/// and due date changed.
public struct PlanOptions: ParsableArguments {
    /// The declarations.
    public enum Spec {
        /// `--owner NAME`.
        public static let owner = CommandOption("owner", value: .text("NAME"),
                                                help: "Who owns action N (a person or a role); `--owner -` goes back to the suggested role.")
        /// `--due YYYY-MM-DD`.
        public static let due = CommandOption("due", value: .text("YYYY-MM-DD"),
                                              help: "When action N is due; `--due -` goes back to the end of its phase.")

        /// Every option of `plan`.
        public static let options = [owner, due]
    }

    @Argument(help: "The action's number, as `plan` lists it.") public var number: Int?
    @Option(name: Spec.owner.names, help: Spec.owner.argumentHelp) public var owner: String?
    @Option(name: Spec.due.names, help: Spec.due.argumentHelp) public var due: String?

    /// Options with their defaults (swift-argument-parser fills them in).
    public init() {}

    /// An owner or a date needs the action's number; a number needs something to change.
    public func validate() throws {
        if number == nil && (owner != nil || due != nil) { throw AuditError.planActionNeeded.usage }
        if let number, owner == nil && due == nil { throw AuditError.planChangeNeeded(number: number).usage }
    }
}
