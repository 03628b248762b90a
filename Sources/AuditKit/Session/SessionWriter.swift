/// Writes a session as YAML that people can read and edit by hand: answers as typed, strings
/// always double-quoted (so no answer can change the file's structure), questions in checklist
/// order, and `SessionReader.endMarker` as the last line.
///
/// What it writes, `SessionReader` reads back to the same session (and writing that again gives
/// the same bytes): a checklist is listed once however often the session names it, and every
/// character YAML cannot hold raw is escaped.
public enum SessionWriter {
    /// The YAML text of `session`. Questions whose `when` no longer holds are kept and marked
    /// `inactive: true`. `answers` is `session.answers`, passed in by callers that keep it
    /// up to date (the shell saves after every answer and should not rebuild it each time).
    public static func render(_ session: AuditSession, set: ChecklistSet, answers: AnswerSheet? = nil) -> String {
        var out = "# smaudit audit session. Edit answers freely: each is read back as if typed in the shell.\n"
        out += "format: \(session.writtenFormat)\n"
        out += "organisation: \(quote(session.organisation))\n"
        out += "auditors: [\(session.auditors.map(quote).joined(separator: ", "))]\n"
        if let answeredBy = session.answeredBy { out += "answered_by: \(quote(answeredBy))\n" }
        out += "started: \(quote(session.started))\n"
        out += "updated: \(quote(session.updated))\n"
        out += "checklists:\n"
        var listed = Set<String>()
        let stamps = session.checklists.filter { listed.insert($0.id).inserted }
        for stamp in stamps {
            out += "  \(key(stamp.id)): {version: \(quote(stamp.version)), hash: \(quote(stamp.hash))}\n"
        }
        if session.entries.values.allSatisfy(\.isEmpty) {
            out += "answers: {}\n"
        } else {
            out += "answers:\n"
            writeAnswers(session.entries, of: session, set: set, sheet: answers ?? session.answers, indent: "  ", to: &out)
        }
        if session.isTeam {
            // Each auditor's own answers, exactly as they gave them; `answers:` above is derived
            // from these and `resolved:` by `merge` and `resolve`.
            out += "by_auditor:\n"
            for name in session.byAuditor.keys.sorted() {
                let entries = session.byAuditor[name]!
                if entries.values.allSatisfy(\.isEmpty) {
                    out += "  \(key(name)): {}\n"
                    continue
                }
                out += "  \(key(name)):\n"
                var sheet = AnswerSheet()
                for (ref, entry) in entries { if let value = entry.value { sheet[ref] = value } }
                writeAnswers(entries, of: session, set: set, sheet: sheet, indent: "    ", to: &out)
            }
        }
        // Decisions, owners, targets and acceptances: one flow mapping per item, by checklist.
        writeByChecklist("resolved", session.resolutions.map { ($0.key.checklist, $0.key.question, $0.value) }, to: &out) { r in
            ["answer: \(quote(r.text))", r.reason.map { "reason: \(quote($0))" }, r.at.map { "at: \(quote($0))" }]
        }
        if !session.retired.isEmpty {
            // Answers to questions a changed checklist no longer has: kept, with the version
            // they were given under, and restored if the question returns.
            out += "retired:\n"
            let byChecklist = Dictionary(grouping: session.retired.keys, by: \.checklist)
            for id in byChecklist.keys.sorted() {
                out += "  \(key(id)):\n"
                for ref in byChecklist[id]!.sorted() {
                    let retired = session.retired[ref]!
                    write(retired.entry, question: ref.question, inactive: false, version: retired.version, to: &out)
                }
            }
        }
        // Owners and dates of the plan's actions, by problem: `checklist:` then the problem's id.
        writeByChecklist("plan", session.plan.filter { !$0.value.isEmpty }.map { (split($0.key).0, split($0.key).1, $0.value) }, to: &out) { a in
            [a.owner.map { "owner: \(quote($0))" }, a.due.map { "due: \(quote($0.description))" }]
        }
        writeByChecklist("targets", session.targets.map { ($0.key.checklist, $0.key.question, $0.value) }, to: &out) { t in
            ["value: \(quote(t.text))", "reason: \(quote(t.reason))", t.at.map { "at: \(quote($0))" }]
        }
        writeByChecklist("accepted", session.accepted.map { (split($0.key).0, split($0.key).1, $0.value) }, to: &out) { risk in
            ["reason: \(quote(risk.reason))", "owner: \(quote(risk.owner))",
             risk.until.map { "until: \(quote($0.description))" }, risk.at.map { "at: \(quote($0))" }]
        }
        return out + SessionReader.endMarker + "\n"
    }

    /// A section of items keyed by checklist, then by id, each a flow mapping of its fields
    /// (nil fields left out), in id order; nothing when there are no items.
    private static func writeByChecklist<Item>(_ name: String, _ items: [(checklist: String, id: String, item: Item)], to out: inout String,
                                               fields: (Item) -> [String?]) {
        guard !items.isEmpty else { return }
        out += "\(name):\n"
        let byChecklist = Dictionary(grouping: items, by: \.checklist)
        for checklist in byChecklist.keys.sorted() {
            out += "  \(key(checklist)):\n"
            for entry in byChecklist[checklist]!.sorted(by: { $0.id < $1.id }) {
                out += "    \(key(entry.id)): {\(fields(entry.item).compactMap { $0 }.joined(separator: ", "))}\n"
            }
        }
    }

    /// `four-mistakes.service-sent-away` → (`four-mistakes`, `service-sent-away`).
    private static func split(_ key: String) -> (String, String) {
        let checklist = String(key.prefix { $0 != "." })
        return (checklist, String(key.dropFirst(checklist.count + 1)))
    }

    /// An `answers:`-shaped block: checklists in the session's order, then any the entries name
    /// that it does not list; `indent` is the checklists' indentation.
    private static func writeAnswers(_ entries: [QuestionRef: AnswerEntry], of session: AuditSession, set: ChecklistSet,
                                     sheet: AnswerSheet, indent: String, to out: inout String) {
        var listed = Set<String>()
        let ids = session.checklists.map(\.id).filter { listed.insert($0).inserted }
            + Set(entries.keys.map(\.checklist)).subtracting(listed).sorted()
        for id in ids {
            let refs = orderedRefs(of: id, in: entries, set: set)
            guard !refs.isEmpty else { continue }
            out += "\(indent)\(key(id)):\n"
            for ref in refs {
                let entry = entries[ref] ?? AnswerEntry()
                let inactive = entry.value != nil && set.contains(ref) && !set.isAsked(ref, in: sheet)
                write(entry, question: ref.question, inactive: inactive, version: nil, indent: indent + "  ", to: &out)
            }
        }
    }

    /// One question's entry: `id: "answer"` when there is nothing but the answer, else a mapping.
    private static func write(_ entry: AnswerEntry, question: String, inactive: Bool, version: String?,
                              indent: String = "    ", to out: inout String) {
        let simple = entry.notes.isEmpty && entry.evidence.isEmpty && entry.measured == nil && entry.estimated == nil
            && !entry.skipped && !inactive && entry.at == nil && version == nil
        if simple, let text = entry.text {
            out += "\(indent)\(key(question)): \(quote(text))\n"
            return
        }
        out += "\(indent)\(key(question)):\n"
        if let version { out += "\(indent)  version: \(quote(version))\n" }
        if let text = entry.text { out += "\(indent)  answer: \(quote(text))\n" }
        if let at = entry.at { out += "\(indent)  at: \(quote(at))\n" }
        if entry.skipped { out += "\(indent)  skipped: true\n" }
        if inactive { out += "\(indent)  inactive: true\n" }
        if let estimated = entry.estimated { out += "\(indent)  estimated: \(quote(estimated))\n" }
        if !entry.notes.isEmpty { out += "\(indent)  notes: [\(entry.notes.map(quote).joined(separator: ", "))]\n" }
        if !entry.evidence.isEmpty { out += "\(indent)  evidence: [\(entry.evidence.map(quote).joined(separator: ", "))]\n" }
        if let m = entry.measured {
            let period = m.period.map { ", period: \(quote($0))" } ?? ""
            let platforms = m.byPlatform.isEmpty ? ""
                : ", by_platform: {" + m.byPlatform.map { "\(key($0.platform)): \(ExpressionPrinter.formatNumber($0.value))" }.joined(separator: ", ") + "}"
            let series = m.series.isEmpty ? ""
                : ", series: {" + m.series.map { "\(quote($0.platform)): \(ExpressionPrinter.formatNumber($0.value))" }.joined(separator: ", ") + "}"
            out += "\(indent)  measured: {file: \(quote(m.file)), metric: \(quote(m.metric)), value: \(ExpressionPrinter.formatNumber(m.value)), at: \(quote(m.at))\(period)\(platforms)\(series)}\n"
        }
    }

    /// The session's questions of one checklist in the checklist's order; entries for
    /// questions it does not have (there should be none) follow in id order.
    static func orderedRefs(of checklistID: String, in entries: [QuestionRef: AnswerEntry], set: ChecklistSet) -> [QuestionRef] {
        guard let checklist = set.checklist(checklistID) else {
            return entries.filter { $0.key.checklist == checklistID && !$0.value.isEmpty }.keys.sorted()
        }
        var refs: [QuestionRef] = []
        var seen = Set<String>()
        for section in checklist.sections {
            for question in section.questions {
                let ref = QuestionRef(checklist: checklistID, question: question.id)
                if entries[ref]?.isEmpty == false, seen.insert(question.id).inserted { refs.append(ref) }
            }
        }
        refs += entries.filter { $0.key.checklist == checklistID && !$0.value.isEmpty && !seen.contains($0.key.question) }
            .keys.sorted()
        return refs
    }

    /// A mapping key: plain when it is a safe identifier (every checklist and question id is),
    /// else quoted, so even a hand-made id cannot change the file's structure.
    static func key(_ text: String) -> String {
        let safe = !text.isEmpty && text.utf8.allSatisfy {
            ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z")) || ($0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z"))
                || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-")
        } && text.utf8.first != UInt8(ascii: "-")
        return safe ? text : quote(text)
    }

    /// A YAML double-quoted scalar. Everything outside YAML's printable set (C0 and C1 controls,
    /// DEL, U+FFFE, U+FFFF) is escaped, as are the line and paragraph separators and U+FEFF,
    /// which readers treat specially; libyaml refuses the raw forms.
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
                let v = scalar.value
                if v < 0x20 || (0x7F...0x9F).contains(v) || v == 0x2028 || v == 0x2029 || v == 0xFEFF
                    || v == 0xFFFE || v == 0xFFFF {
                    let hex = String(v, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
