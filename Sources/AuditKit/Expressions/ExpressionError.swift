/// A syntax or type error in an expression, at an offset (Unicode scalars) in its text.
public struct ExpressionError: Error, Sendable, Hashable {
    /// One sentence describing the problem.
    public var message: String
    /// Where in the expression text, 0-based.
    public var offset: Int

    /// Creates an error.
    public init(_ message: String, at offset: Int) {
        self.message = message
        self.offset = offset
    }
}
