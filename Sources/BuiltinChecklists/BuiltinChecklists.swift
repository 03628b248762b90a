/// One checklist file compiled into the binary.
public struct EmbeddedChecklistFile: Sendable {
    /// The file name in `checklists/`, e.g. `four-mistakes.yaml`.
    public let name: String
    /// The file's YAML text.
    public let contents: String
    /// What `list` shows of it, found by loading every built-in when smaudit was built; nil
    /// when that load reported anything (then only loading at run time can say what).
    public let summary: EmbeddedChecklistSummary?
}

/// A built-in checklist as `list` shows it.
public struct EmbeddedChecklistSummary: Sendable, Equatable {
    /// The checklist's id, version and title.
    public let id: String, version: String, title: String
    /// How many questions and rules it has.
    public let questions: Int, rules: Int

    /// A summary of these values.
    public init(id: String, version: String, title: String, questions: Int, rules: Int) {
        (self.id, self.version, self.title, self.questions, self.rules) = (id, version, title, questions, rules)
    }
}

/// The checklists shipped with smaudit, in the order an audit of all of them walks through.
public enum BuiltinChecklists {
    /// The audit order of the built-in checklists when none are named.
    public static let auditOrder = ["seven-steps", "four-mistakes", "launch"]

    /// The organisation profile: asked once per audit, before the first checklist, whichever
    /// checklists are audited; every checklist reads its answers. It has no rules.
    public static let profileID = "profile"

    /// The summaries of every built-in, in the order of `files`, or nil when one is missing.
    public static var summaries: [EmbeddedChecklistSummary]? {
        let summaries = files.compactMap(\.summary)
        return summaries.count == files.count ? summaries : nil
    }

    /// The built-ins as loaded when smaudit was built (`ChecklistSnapshot`), nil when that load
    /// reported anything.
    public static var snapshot: String? { embeddedChecklistSnapshot }

    /// Every embedded checklist file, in audit order, then any others by name.
    public static var files: [EmbeddedChecklistFile] {
        embeddedChecklistFiles.sorted { lhs, rhs in
            let order = [profileID] + auditOrder
            let l = order.firstIndex(of: String(lhs.name.dropLast(5))) ?? Int.max
            let r = order.firstIndex(of: String(rhs.name.dropLast(5))) ?? Int.max
            return (l, lhs.name) < (r, rhs.name)
        }
    }
}
