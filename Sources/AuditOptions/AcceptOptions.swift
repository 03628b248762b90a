import ArgumentParser
import AuditServices
import AuditKit

/// The shell's `accept PROBLEM --reason TEXT --owner NAME [--until YYYY-MM-DD]`.
public struct AcceptOptions: ParsableArguments {
    /// The declarations.
    public enum Spec {
        /// `--reason TEXT`.
        public static let reason = CommandOption("reason", value: .text("TEXT"), help: "Why the team accepts it for now (the report shows it).")
        /// `--owner NAME`.
        public static let owner = CommandOption("owner", value: .text("NAME"), help: "Who owns the decision.")
        /// `--until YYYY-MM-DD`.
        public static let until = CommandOption("until", value: .text("YYYY-MM-DD"),
                                                help: "The last day it is accepted; it counts again the day after. Required for a critical problem, at most 90 days away.")

        /// Every option of `accept`.
        public static let options = [reason, owner, until]
    }

    @Argument(help: "The problem's key, as `findings` and Tab show it.") public var problem: String
    @Option(name: Spec.reason.names, help: Spec.reason.argumentHelp) public var reason: String
    @Option(name: Spec.owner.names, help: Spec.owner.argumentHelp) public var owner: String
    @Option(name: Spec.until.names, help: Spec.until.argumentHelp) public var until: String?

    /// Options with their defaults (swift-argument-parser fills them in).
    public init() {}

    /// The `--until` date, checked.
    public var untilDate: CalendarDate? {
        get throws {
            guard let until else { return nil }
            guard let date = CalendarDate(iso: until) else {
                throw AuditError.notADate(option: "--until", text: until).usage
            }
            return date
        }
    }

    /// A date that does not parse is a usage error.
    public func validate() throws { _ = try untilDate }
}
