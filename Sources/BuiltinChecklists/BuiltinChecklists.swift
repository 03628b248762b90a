/// One checklist file compiled into the binary.
public struct EmbeddedChecklistFile: Sendable {
    /// The file name in `checklists/`, e.g. `four-mistakes.yaml`.
    public let name: String
    /// The file's YAML text.
    public let contents: String
}

/// The checklists shipped with smaudit, in the order an audit of all of them walks through.
public enum BuiltinChecklists {
    /// The audit order of the built-in checklists when none are named.
    public static let auditOrder = ["seven-steps", "four-mistakes", "launch"]

    /// Every embedded checklist file, in audit order, then any others by name.
    public static var files: [EmbeddedChecklistFile] {
        embeddedChecklistFiles.sorted { lhs, rhs in
            let l = auditOrder.firstIndex(of: String(lhs.name.dropLast(5))) ?? Int.max
            let r = auditOrder.firstIndex(of: String(rhs.name.dropLast(5))) ?? Int.max
            return (l, lhs.name) < (r, rhs.name)
        }
    }
}
