/// Writes a session as YAML that people can read and edit by hand: answers as typed, strings
/// always double-quoted (so no answer can change the file's structure), questions in checklist order.
public enum SessionWriter {
    /// The YAML text of `session`. Questions whose `when` no longer holds are kept and marked
    /// `inactive: true`. `answers` is `session.answers`, passed in by callers that keep it
    /// up to date (the shell saves after every answer and should not rebuild it each time).
    public static func render(_ session: AuditSession, set: ChecklistSet, answers: AnswerSheet? = nil) -> String {
        var out = "# smaudit audit session. Edit answers freely: each is read back as if typed in the shell.\n"
        out += "format: \(AuditSession.formatVersion)\n"
        out += "organisation: \(quote(session.organisation))\n"
        out += "auditors: [\(session.auditors.map(quote).joined(separator: ", "))]\n"
        out += "started: \(quote(session.started))\n"
        out += "updated: \(quote(session.updated))\n"
        out += "checklists:\n"
        for stamp in session.checklists {
            out += "  \(stamp.id): {version: \(quote(stamp.version)), hash: \(quote(stamp.hash))}\n"
        }
        guard !session.entries.isEmpty else { return out + "answers: {}\n" }
        out += "answers:\n"
        let sheet = answers ?? session.answers
        for stamp in session.checklists {
            let refs = orderedRefs(of: stamp.id, in: session, set: set)
            guard !refs.isEmpty else { continue }
            out += "  \(stamp.id):\n"
            for ref in refs {
                let entry = session[ref]
                let inactive = entry.value != nil && set.contains(ref) && !set.isAsked(ref, in: sheet)
                let simple = entry.notes.isEmpty && entry.evidence.isEmpty && entry.measured == nil
                    && !entry.skipped && !inactive && entry.at == nil
                if simple, let text = entry.text {
                    out += "    \(ref.question): \(quote(text))\n"
                    continue
                }
                out += "    \(ref.question):\n"
                if let text = entry.text { out += "      answer: \(quote(text))\n" }
                if let at = entry.at { out += "      at: \(quote(at))\n" }
                if entry.skipped { out += "      skipped: true\n" }
                if inactive { out += "      inactive: true\n" }
                if !entry.notes.isEmpty { out += "      notes: [\(entry.notes.map(quote).joined(separator: ", "))]\n" }
                if !entry.evidence.isEmpty { out += "      evidence: [\(entry.evidence.map(quote).joined(separator: ", "))]\n" }
                if let m = entry.measured {
                    out += "      measured: {file: \(quote(m.file)), metric: \(quote(m.metric)), value: \(ExpressionPrinter.formatNumber(m.value)), at: \(quote(m.at))}\n"
                }
            }
        }
        return out
    }

    /// The session's questions of one checklist in the checklist's order.
    static func orderedRefs(of checklistID: String, in session: AuditSession, set: ChecklistSet) -> [QuestionRef] {
        guard let checklist = set.checklist(checklistID) else {
            return session.entries.keys.filter { $0.checklist == checklistID }.sorted()
        }
        var refs: [QuestionRef] = []
        for section in checklist.sections {
            for question in section.questions {
                let ref = QuestionRef(checklist: checklistID, question: question.id)
                if session.entries[ref] != nil { refs.append(ref) }
            }
        }
        return refs
    }

    /// A YAML double-quoted scalar.
    public static func quote(_ text: String) -> String {
        // Most answers are plain printable ASCII and need no escaping at all.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }) {
            return "\"" + text + "\""
        }
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0x85 || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
