/// Why an answer was rejected and what would be accepted, e.g.
/// `"twelve" is not a number: type a number such as 12000, 12,000 or 12k`.
public struct AnswerError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong with the typed text.
    public var reason: String
    /// What the question accepts, in words a user can act on.
    public var accepted: String

    /// Creates an error.
    public init(reason: String, accepted: String) {
        self.reason = reason
        self.accepted = accepted
    }

    /// `reason: accepted`, the line shown before asking again.
    public var description: String { "\(reason): \(accepted)" }
}
