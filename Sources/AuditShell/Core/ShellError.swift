/// A command failed in a way the user can fix; the message says what would be accepted.
public struct ShellError: Error, Equatable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
