/// One problem found while loading or checking a checklist, as a value: the library never
/// prints, it hands these to whoever renders them (`DiagnosticRenderer`).
public struct Diagnostic: Sendable, Hashable, Codable {
    /// How bad a diagnostic is; errors make a checklist unusable, warnings do not.
    public enum Severity: String, Sendable, Hashable, Codable {
        /// The checklist cannot be used until this is fixed.
        case error
        /// Worth fixing, but the checklist still loads.
        case warning
    }

    /// What a diagnostic is about, for the few that callers act on; the message stays the text.
    public enum Kind: Sendable, Hashable, Codable {
        /// Nothing a caller branches on.
        case other
        /// A session or answers file names a checklist that is not loaded.
        case unknownChecklist(id: String)
    }

    /// Error or warning.
    public var severity: Severity
    /// One sentence, no trailing period, naming the offending thing in backquotes.
    public var message: String
    /// Where the problem is; for expressions this points inside the expression text.
    public var location: SourceLocation
    /// What it is about, so that callers never have to read `message` to decide.
    public var kind: Kind = .other

    // `kind` is not encoded: what is written stays what it was, and it is read back as `.other`.
    private enum CodingKeys: String, CodingKey { case severity, message, location }

    /// Creates a diagnostic.
    public init(severity: Severity, message: String, location: SourceLocation, kind: Kind = .other) {
        self.severity = severity
        self.message = message
        self.location = location
        self.kind = kind
    }

    /// Shorthand for an error diagnostic.
    public static func error(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(severity: .error, message: message, location: location)
    }

    /// Shorthand for a warning diagnostic.
    public static func warning(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(severity: .warning, message: message, location: location)
    }
}

extension Array where Element == Diagnostic {
    /// True when any diagnostic is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }
}
