/// The platform an export comes from, recognised from its header.
public enum Platform: String, Sendable, CaseIterable, Hashable, CustomStringConvertible {
    /// The social platforms whose exports are recognised.
    case facebook, instagram, x, tiktok, youtube, linkedin
    /// Google Analytics (web traffic, not a social platform).
    case googleAnalytics = "google_analytics"

    /// `Facebook`, `Instagram`, `X`, `TikTok`, `YouTube`, `LinkedIn`, `Google Analytics`.
    public var description: String {
        switch self {
        case .facebook: return "Facebook"
        case .instagram: return "Instagram"
        case .x: return "X"
        case .tiktok: return "TikTok"
        case .youtube: return "YouTube"
        case .linkedin: return "LinkedIn"
        case .googleAnalytics: return "Google Analytics"
        }
    }
}
