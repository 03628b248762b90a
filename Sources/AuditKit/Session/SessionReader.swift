
/// Reads a session or answers file, checking every answer against its question. Errors carry
/// `FILE:LINE:COL` of the offending key or value.
public enum SessionReader {
    /// How unknown question ids are treated.
    public enum Mode: Sendable {
        /// Every unknown id is an error (`smaudit run`, `report`).
        case strict
        /// Answers to questions that no longer exist are dropped with a warning (resuming a
        /// session whose checklist changed).
        case lenient
    }

    /// What reading produced.
    public struct Result: Sendable {
        /// The session, unless an error made it unusable.
        public var session: AuditSession?
        /// Errors and warnings, with locations.
        public var diagnostics: [Diagnostic]
        /// Answers dropped because their question no longer exists (lenient mode).
        public var dropped: [QuestionRef]
        /// Checklists whose content changed since the session recorded them.
        public var changed: [(stamp: ChecklistStamp, now: Checklist)]
    }

    static let topFields = ["format", "organisation", "auditors", "started", "updated", "checklists", "answers"]
    static let entryFields = ["answer", "at", "skipped", "inactive", "notes", "evidence", "measured"]

    /// Reads `text` (from `file`) against the loaded checklists.
    public static func read(text: String, file: String, set: ChecklistSet, mode: Mode = .strict,
                            now: String) -> Result {
        var src = YAMLSource(file: file, text: text)
        var result = Result(session: nil, diagnostics: [], dropped: [], changed: [])
        guard let root = src.root(ifEmpty: "the file is empty; an answers file needs at least `answers:`") else {
            result.diagnostics = src.diagnostics
            return result
        }
        guard let fields = src.fields(root, what: "an answers file", allowed: topFields, required: ["answers"]) else {
            result.diagnostics = src.diagnostics
            return result
        }
        if let format = fields["format"], let version = src.number(format.value, field: "format"),
           version > Double(AuditSession.formatVersion) {
            src.error("this session was written by a newer smaudit (format \(ExpressionPrinter.formatNumber(version))); this version reads format \(AuditSession.formatVersion): upgrade smaudit",
                      src.location(format.value))
            result.diagnostics = src.diagnostics
            return result
        }
        let organisation = src.string(fields["organisation"]?.value, field: "organisation") ?? "Unnamed organisation"
        let auditors = src.strings(fields["auditors"]?.value, field: "auditors")?.map(\.0) ?? []
        let started = src.string(fields["started"]?.value, field: "started") ?? now
        let updated = src.string(fields["updated"]?.value, field: "updated") ?? started

        var stamps: [ChecklistStamp] = []
        if let node = fields["checklists"]?.value, !YAMLSource.isNull(node),
           let pairs = src.pairs(node, what: "`checklists`") {
            for (id, keyNode, value) in pairs {
                guard let checklist = known(id, keyNode, set: set, src: &src) else { continue }
                var stamp = ChecklistStamp(checklist)
                if let info = src.fields(value, what: "checklist `\(id)`", allowed: ["version", "hash"], required: []) {
                    stamp.version = src.string(info["version"]?.value, field: "version") ?? stamp.version
                    stamp.hash = src.string(info["hash"]?.value, field: "hash") ?? stamp.hash
                }
                if stamp.hash != checklist.contentHash { result.changed.append((stamp, checklist)) }
                stamps.append(ChecklistStamp(checklist))
            }
        }

        var entries: [QuestionRef: AnswerEntry] = [:]
        if let answersNode = fields["answers"]?.value, !YAMLSource.isNull(answersNode),
           let lists = src.pairs(answersNode, what: "`answers`") {
            for (checklistID, keyNode, questionsNode) in lists {
                guard let checklist = known(checklistID, keyNode, set: set, src: &src) else { continue }
                if !stamps.contains(where: { $0.id == checklistID }) { stamps.append(ChecklistStamp(checklist)) }
                if YAMLSource.isNull(questionsNode) { continue }
                guard let questions = src.pairs(questionsNode, what: "the answers of `\(checklistID)`") else { continue }
                for (questionID, questionKey, valueNode) in questions {
                    let ref = QuestionRef(checklist: checklistID, question: questionID)
                    guard let question = checklist.question(questionID) else {
                        let hint = Suggest.closest(to: questionID, in: checklist.questionIDs).map { "; did you mean `\($0)`?" }
                            ?? "; `smaudit show \(checklistID)` lists its question ids"
                        switch mode {
                        case .strict:
                            src.error("`\(checklistID)` has no question `\(questionID)`\(hint)", src.location(questionKey))
                        case .lenient:
                            src.warning("dropped the answer to `\(ref)`: the checklist no longer has that question", src.location(questionKey))
                            result.dropped.append(ref)
                        }
                        continue
                    }
                    if let entry = readEntry(valueNode, question: question, ref: ref, src: &src) { entries[ref] = entry }
                }
            }
        }
        result.diagnostics = src.diagnostics
        guard !src.diagnostics.hasErrors else { return result }
        result.session = AuditSession(organisation: organisation, auditors: auditors, started: started,
                                      updated: updated, checklists: stamps, entries: entries)
        return result
    }

    private static func known(_ id: String, _ keyNode: YNode, set: ChecklistSet, src: inout YAMLSource) -> Checklist? {
        if let checklist = set.checklist(id) { return checklist }
        let hint = Suggest.closest(to: id, in: set.ids).map { "; did you mean `\($0)`?" }
            ?? "; loaded checklists are " + set.ids.joined(separator: ", ")
        src.error("unknown checklist `\(id)`\(hint)", src.location(keyNode))
        return nil
    }

    private static func readEntry(_ node: YNode, question: Question, ref: QuestionRef, src: inout YAMLSource) -> AnswerEntry? {
        var entry = AnswerEntry()
        var answerNode: YNode?
        if node.mapping != nil {
            guard let fields = src.fields(node, what: "the answer to `\(ref)`", allowed: entryFields, required: []) else { return nil }
            answerNode = fields["answer"]?.value
            entry.at = src.string(fields["at"]?.value, field: "at")
            entry.skipped = src.bool(fields["skipped"]?.value, field: "skipped") ?? false
            entry.notes = src.strings(fields["notes"]?.value, field: "notes")?.map(\.0) ?? []
            entry.evidence = src.strings(fields["evidence"]?.value, field: "evidence")?.map(\.0) ?? []
            if let measuredNode = fields["measured"]?.value, !YAMLSource.isNull(measuredNode),
               let m = src.fields(measuredNode, what: "`measured`", allowed: ["file", "metric", "value", "at"],
                                  required: ["file", "metric", "value"]),
               let file = src.string(m["file"]?.value, field: "file"),
               let metric = src.string(m["metric"]?.value, field: "metric"),
               let value = src.number(m["value"]?.value, field: "value") {
                entry.measured = MeasuredValue(file: file, metric: metric, value: value,
                                               at: src.string(m["at"]?.value, field: "at") ?? "")
            }
        } else {
            answerNode = node
        }
        if let answerNode, let text = src.string(answerNode, field: "answer") {
            switch question.parse(text) {
            case .success(let value):
                entry.text = text
                entry.value = value
            case .failure(let error):
                src.error("invalid answer to `\(ref)`: \(error.reason): \(error.accepted)", src.location(answerNode))
                return nil
            }
        }
        return entry
    }
}
