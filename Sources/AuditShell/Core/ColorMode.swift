import AuditServices
/// When output is coloured: `--color auto|always|never`.
public enum ColorMode: String, CaseIterable, Sendable {
    case auto, always, never

    /// Resolves the mode for a stream: `auto` colours only a terminal, and never when `NO_COLOR`
    /// is set and non-empty or `TERM` is `dumb`.
    public func isEnabled(isTerminal: Bool, environment: [String: String]) -> Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto:
            if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
            if environment["TERM"] == "dumb" { return false }
            return isTerminal
        }
    }
}
