/// A command failed in a way the user can fix; the message says what would be accepted.
public struct UserError: Error, Equatable, CustomStringConvertible {
    public let message: String
    /// True when `message` is rendered diagnostics whose lines already start with
    /// `FILE:LINE:COL: error:`; they are printed as they are, with no `smaudit:` in front.
    public let isDiagnostics: Bool

    public init(_ message: String) {
        self.message = message
        isDiagnostics = false
    }

    private init(diagnostics: String) {
        message = diagnostics
        isDiagnostics = true
    }

    /// Located diagnostics, already rendered (see `DiagnosticRenderer`).
    public static func diagnostics(_ rendered: String) -> UserError { UserError(diagnostics: rendered) }

    public var description: String { message }
}
