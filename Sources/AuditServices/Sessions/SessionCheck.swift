import AuditKit

/// What `run` says about an answers or session file before it scores it: the questions still
/// open, the answers kept but not scored, and those kept aside for questions that are gone.
public struct SessionCheck {
    /// Asked questions without an answer (they count as open).
    public let unanswered: [QuestionRef]
    /// Answers to questions whose `when` is false with these answers: kept and shown, not scored.
    public let inactive: [QuestionRef]
    /// Answers kept aside because the checklist no longer has (or accepts) them.
    public let retired: [QuestionRef]

    /// Checks `session` against the checklists of `set` it names.
    public init(_ session: AuditSession, set: ChecklistSet) {
        let refs = session.checklistIDs.flatMap { id in
            (set.checklist(id)?.questionIDs ?? []).map { QuestionRef(checklist: id, question: $0) }
        }
        // Built once: `session.answers` assembles the sheet anew on every read, and reading it per
        // question made `run` quadratic (17 s for 10,000 questions).
        let answers = session.answers
        unanswered = refs.filter { session.entries[$0]?.value == nil && set.isAsked($0, in: answers) }
        inactive = refs.filter { session.entries[$0]?.value != nil && !set.isAsked($0, in: answers) }
        retired = session.retired.keys.sorted()
    }

    /// The lines `run` prints on standard error, each starting with `file: `.
    public func lines(file: String) -> [String] {
        var lines: [String] = []
        if !unanswered.isEmpty {
            lines.append("\(file): \(unanswered.count.counted("question")) unanswered (counted as open): " + Self.list(unanswered))
        }
        if !inactive.isEmpty {
            lines.append("\(file): \(inactive.count.counted("answer")) kept but not scored, because the question is not asked with these answers: "
                         + Self.list(inactive))
        }
        if !retired.isEmpty {
            lines.append("\(file): \(retired.count.counted("answer")) kept aside for questions the checklist no longer has: " + Self.list(retired))
        }
        return lines
    }

    static func list(_ refs: [QuestionRef]) -> String { refs.map(\.description).joined(separator: ", ") }
}
