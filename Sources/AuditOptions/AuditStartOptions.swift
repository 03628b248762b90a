import ArgumentParser
import AuditServices

/// The shell's `audit [CHECKLIST…] [--as NAME]`.
public struct AuditStartOptions: ParsableArguments {
    /// The declarations.
    public enum Spec {
        /// `--as NAME`.
        public static let answeredBy = CommandOption("as", value: .text("NAME"),
                                                     help: "Answer alone, as NAME: a session of your own, without anyone else's answers; `merge` gathers the auditors' sessions afterwards.")

        /// Every option of `audit`.
        public static let options = [answeredBy]
    }

    @Argument(help: "The checklists to audit.") public var checklists: [String] = []
    @Option(name: Spec.answeredBy.names, help: Spec.answeredBy.argumentHelp) public var answeredBy: String?

    /// Options with their defaults (swift-argument-parser fills them in).
    public init() {}

    /// A name is needed to tell the auditors apart when their sessions are merged.
    public func validate() throws {
        if let answeredBy, answeredBy.allSatisfy(\.isWhitespace) { throw AuditError.auditorNameNeeded.usage }
    }
}
