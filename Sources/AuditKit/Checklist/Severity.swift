/// How much a failed rule matters. The order (info < … < critical) sorts findings.
public enum Severity: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Worth knowing; scores nothing.
    case info
    /// A small gap.
    case low
    /// A real weakness.
    case medium
    /// A serious weakness.
    case high
    /// Undermines the strategy as a whole.
    case critical

    /// Default points by severity, the single documented table: info 0, low 1, medium 3,
    /// high 5, critical 8. A rule's `points:` overrides it. The steps grow faster than linearly
    /// so that one critical gap outweighs several small ones.
    public var defaultPoints: Double {
        switch self {
        case .info: 0
        case .low: 1
        case .medium: 3
        case .high: 5
        case .critical: 8
        }
    }

    /// Rank used for ordering, 0 for info up to 4 for critical.
    public var rank: Int {
        switch self {
        case .info: 0
        case .low: 1
        case .medium: 2
        case .high: 3
        case .critical: 4
        }
    }

    /// The name as a heading: `Critical`, `High`, … `Info`.
    public var title: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }

    /// Orders by rank.
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }

    /// The accepted spellings of `severity:` for error messages.
    public static var acceptedList: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
