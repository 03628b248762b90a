/// A command failed in a way the user can fix; the message says what would be accepted.
/// Whoever shows it puts its own prefix in front (`error:` at a terminal, `FILE:LINE: error:` in
/// a script, `smaudit: error:` on the command line).
public struct UserError: Error, Equatable, CustomStringConvertible {
    /// What went wrong and what would be accepted.
    public let message: String
    /// Located diagnostics behind the error, already rendered with their own
    /// `FILE:LINE:COL: error:` prefixes and source lines; printed as they are, before `message`.
    public let diagnostics: String?

    /// An error saying `message`, after `diagnostics` when there are any.
    public init(_ message: String, diagnostics: String? = nil) {
        self.message = message
        self.diagnostics = diagnostics
    }

    /// The diagnostics, then the message.
    public var description: String { (diagnostics.map { $0 + "\n" } ?? "") + message }
}
