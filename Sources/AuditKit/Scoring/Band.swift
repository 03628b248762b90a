/// The verbal band of a score, defined in this one place: below 50 at risk, 50–79 developing,
/// 80–89 strong, 90 and above leading.
///
/// Bands are taken from the score rounded to one decimal, the same value `explain` shows, so
/// the number printed and the band printed never disagree (79.96 shows as 80.0 and is strong).
public enum Band: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Below 50.
    case atRisk = "at risk"
    /// 50 up to (not including) 80.
    case developing
    /// 80 up to (not including) 90.
    case strong
    /// 90 and above.
    case leading

    /// The lower bound of each band, in order.
    public var lowerBound: Double {
        switch self {
        case .atRisk: 0
        case .developing: 50
        case .strong: 80
        case .leading: 90
        }
    }

    /// The band of a score from 0 to 100.
    public init(score: Double) {
        let shown = Band.displayed(score)
        self = Band.allCases.last { shown >= $0.lowerBound } ?? .atRisk
    }

    /// Reads a band name as written in a checklist: `at risk` (also `at-risk`, `at_risk`), case-insensitive.
    public init?(label: String) {
        let normal = label.lowercased().replacing("-", with: " ").replacing("_", with: " ")
        guard let band = Band(rawValue: normal) else { return nil }
        self = band
    }

    /// The name shown to users.
    public var label: String { rawValue }

    /// A score rounded to one decimal, the precision every rendering uses.
    public static func displayed(_ score: Double) -> Double { (score * 10).rounded() / 10 }

    /// Orders from at risk to leading.
    public static func < (lhs: Band, rhs: Band) -> Bool { lhs.lowerBound < rhs.lowerBound }
}
