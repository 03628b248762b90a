import ArgumentParser
import AuditServices

extension AuditError {
    /// The error as swift-argument-parser's `ValidationError`, for `validate()`: the parser shows
    /// that kind with the command's usage and exits with its usage status, as a usage error
    /// should. The one place an `AuditError` becomes one.
    public var usage: ValidationError { ValidationError(message) }
}
