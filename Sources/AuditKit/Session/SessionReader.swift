import CivilCalendar
/// Reads a session or answers file, checking every answer against its question. Errors carry
/// `FILE:LINE:COL` of the offending key or value.
///
/// Nothing the team wrote is dropped: when a checklist changed since the session recorded it
/// (its content hash differs), answers to questions it no longer has, or no longer accepts, are
/// kept as `retired` instead of being errors. In a file without that record (an answers file
/// written by hand) an unknown question is a typo, and an error.
public enum SessionReader {
    /// How unknown question ids are treated.
    public enum Mode: Sendable {
        /// Unknown ids are errors, unless the session says its checklist changed since; then the
        /// answers are retired (`run`, `report`, `resume`: anything that may write the file back).
        case strict
        /// Unknown ids and invalid answers are skipped with a warning; for read-only listings
        /// (`sessions`, the defaults of a new audit), whose result is never written back.
        case lenient
    }

    /// What reading produced.
    public struct Result: Sendable {
        /// The session, unless an error made it unusable.
        public var session: AuditSession?
        /// Errors and warnings, with locations.
        public var diagnostics: [Diagnostic]
        /// Answers set aside by this read because their checklist changed (see `AuditSession.retired`).
        public var retired: [QuestionRef]
        /// Retired answers whose question came back, restored among the answers by this read.
        public var restored: [QuestionRef]
        /// Answers skipped in lenient mode (never written back).
        public var dropped: [QuestionRef]
        /// Checklists whose content changed since the session recorded them.
        public var changed: [(stamp: ChecklistStamp, now: Checklist)]
        /// The file's `format:`; nil for an answers file written by hand.
        public var format: Int?
    }

    /// The line every session file ends with. A session file (one with `format:` 2 or later)
    /// without it was cut short (a full disk, a partial copy), and is refused rather than read
    /// as a session with fewer answers.
    public static let endMarker = "# end of session"

    static let topFields = ["format", "organisation", "auditors", "answered_by", "started", "updated", "checklists", "answers",
                            "by_auditor", "resolved", "retired", "plan", "accepted", "targets"]
    static let entryFields = ["answer", "at", "skipped", "inactive", "notes", "evidence", "measured", "estimated"]
    static let retiredFields = entryFields + ["version"]

    /// Reads `text` (from `file`) against the loaded checklists.
    public static func read(text: String, file: String, set: ChecklistSet, mode: Mode = .strict,
                            now: String) -> Result {
        var src = YAMLSource(file: file, text: text)
        var result = Result(session: nil, diagnostics: [], retired: [], restored: [], dropped: [], changed: [])
        guard let root = src.root(ifEmpty: "the file is empty; an answers file needs at least `answers:`") else {
            result.diagnostics = src.diagnostics
            return result
        }
        guard let fields = src.fields(root, what: "an answers file", allowed: topFields, required: ["answers"]) else {
            result.diagnostics = src.diagnostics
            return result
        }
        if let format = fields["format"], let written = src.string(format.value, field: "format") {
            // Read as written: a number far outside Int's range must be refused, not converted
            // (it trapped), and a message must show it as the file has it, not rounded.
            let readable = 1...AuditSession.formatVersion
            let formats = "it reads formats \(readable.lowerBound) to \(readable.upperBound)"
            let digits = written.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
            let version = Int(written)
            guard let version, readable.contains(version) else {
                if digits, !written.isEmpty, version.map({ $0 > AuditSession.formatVersion }) ?? true {
                    src.error("this session was written by a newer smaudit (format \(written)); this version reads formats 1 to \(AuditSession.formatVersion): upgrade smaudit",
                              src.location(format.value))
                } else {
                    src.error("the session format \(written) is not one this smaudit reads: \(formats)", src.location(format.value))
                }
                result.diagnostics = src.diagnostics
                return result
            }
            result.format = version
            if version >= 2 && !endsWithMarker(text) {
                let lastLine = max(1, src.lineStarts.count - (text.hasSuffix("\n") ? 1 : 0))
                src.error("the session file looks cut short: it does not end with the line `\(endMarker)` that smaudit writes last, so answers may be missing. It is left as it is; if you edited it by hand, add that line back at the end",
                          SourceLocation(file: file, line: lastLine, column: 1))
                result.diagnostics = src.diagnostics
                return result
            }
        }
        let organisation = src.string(fields["organisation"]?.value, field: "organisation") ?? "Unnamed organisation"
        let auditors = src.strings(fields["auditors"]?.value, field: "auditors")?.map(\.0) ?? []
        let started = src.string(fields["started"]?.value, field: "started") ?? now
        let updated = src.string(fields["updated"]?.value, field: "updated") ?? started

        var stamps: [ChecklistStamp] = []
        /// The version the session recorded for each checklist that changed since.
        var changedVersion: [String: String] = [:]
        if let node = fields["checklists"]?.value, !YAMLSource.isNull(node),
           let pairs = src.pairs(node, what: "`checklists`") {
            for (id, keyNode, value) in pairs {
                guard let checklist = known(id, keyNode, set: set, src: &src) else { continue }
                var stamp = ChecklistStamp(checklist)
                if let info = src.fields(value, what: "checklist `\(id)`", allowed: ["version", "hash"], required: []) {
                    stamp.version = src.string(info["version"]?.value, field: "version") ?? stamp.version
                    stamp.hash = src.string(info["hash"]?.value, field: "hash") ?? stamp.hash
                }
                if stamp.hash != checklist.contentHash {
                    result.changed.append((stamp, checklist))
                    changedVersion[id] = stamp.version
                }
                stamps.append(ChecklistStamp(checklist))
            }
        }

        let (entries, retiredAnswers) = readAnswers(fields["answers"]?.value, what: "`answers`", set: set, mode: mode, stamps: &stamps,
                                                    changedVersion: changedVersion, retiredNow: &result.retired,
                                                    dropped: &result.dropped, src: &src)
        var retired = retiredAnswers
        let answeredBy = src.string(fields["answered_by"]?.value, field: "answered_by")
        var byAuditor: [String: [QuestionRef: AnswerEntry]] = [:]
        if let node = fields["by_auditor"]?.value, !YAMLSource.isNull(node), let people = src.pairs(node, what: "`by_auditor`") {
            for (name, _, answersNode) in people {
                var ignored: [QuestionRef] = []
                let own = readAnswers(answersNode, what: "\(name)'s answers", whose: "\(name)'s answers: ", set: set, mode: mode,
                                      stamps: &stamps, changedVersion: changedVersion, retiredNow: &ignored,
                                      dropped: &result.dropped, src: &src)
                byAuditor[name] = own.entries
                // An auditor's answer to a question the changed checklist no longer has is kept
                // aside with the team's, under the auditor's name, rather than lost.
                for (ref, answer) in own.retired where retired[ref] == nil {
                    var kept = answer
                    kept.entry.notes.insert("\(name)'s answer", at: 0)
                    retired[ref] = kept
                }
            }
        }
        let resolutions = readResolutions(fields["resolved"]?.value, set: set, src: &src)

        if let retiredNode = fields["retired"]?.value, !YAMLSource.isNull(retiredNode),
           let lists = src.pairs(retiredNode, what: "`retired`") {
            for (checklistID, _, questionsNode) in lists {
                if YAMLSource.isNull(questionsNode) { continue }
                guard let questions = src.pairs(questionsNode, what: "the retired answers of `\(checklistID)`") else { continue }
                for (questionID, _, valueNode) in questions {
                    let ref = QuestionRef(checklist: checklistID, question: questionID)
                    guard let read = readEntry(valueNode, fields: retiredFields, ref: ref, src: &src) else { continue }
                    retired[ref] = RetiredAnswer(entry: read.entry, version: read.version ?? "")
                }
            }
        }

        let plan = readPlan(fields["plan"]?.value, set: set, src: &src)
        let accepted = readAccepted(fields["accepted"]?.value, set: set, now: now, src: &src)
        let targets = readTargets(fields["targets"]?.value, set: set, src: &src)

        result.diagnostics = src.diagnostics
        guard !src.diagnostics.hasErrors else { return result }
        var session = AuditSession(organisation: organisation, auditors: auditors, started: started,
                                   updated: updated, checklists: stamps, entries: entries)
        session.retired = retired
        session.plan = plan
        session.answeredBy = answeredBy
        session.byAuditor = byAuditor
        session.resolutions = resolutions
        session.accepted = accepted
        session.targets = targets
        session.isDated = fields["started"] != nil
        result.restored = session.restoreRetired(in: set)
        result.session = session
        return result
    }

    /// An `answers:`-shaped mapping (checklist → question → entry), each answer checked against
    /// its question; `whose` prefixes messages about one auditor's answers.
    private static func readAnswers(_ node: YNode?, what: String, whose: String = "", set: ChecklistSet, mode: Mode,
                                    stamps: inout [ChecklistStamp], changedVersion: [String: String],
                                    retiredNow: inout [QuestionRef], dropped: inout [QuestionRef],
                                    src: inout YAMLSource) -> (entries: [QuestionRef: AnswerEntry], retired: [QuestionRef: RetiredAnswer]) {
        var entries: [QuestionRef: AnswerEntry] = [:]
        var retired: [QuestionRef: RetiredAnswer] = [:]
        if let answersNode = node, !YAMLSource.isNull(answersNode),
           let lists = src.pairs(answersNode, what: what) {
            for (checklistID, keyNode, questionsNode) in lists {
                guard let checklist = known(checklistID, keyNode, set: set, src: &src) else { continue }
                if !stamps.contains(where: { $0.id == checklistID }) { stamps.append(ChecklistStamp(checklist)) }
                if YAMLSource.isNull(questionsNode) { continue }
                guard let questions = src.pairs(questionsNode, what: "\(whose)the answers of `\(checklistID)`") else { continue }
                let oldVersion = changedVersion[checklistID]
                for (questionID, questionKey, valueNode) in questions {
                    let ref = QuestionRef(checklist: checklistID, question: questionID)
                    let question = checklist.question(questionID)
                    if question == nil, oldVersion == nil || mode == .lenient {
                        let hint = Suggest.hint(Suggest.closest(to: questionID, in: checklist.questionIDs))
                            ?? "; `smaudit show \(checklistID)` lists its question ids"
                        switch mode {
                        case .strict:
                            src.error("`\(checklistID)` has no question `\(questionID)`\(hint)", src.location(questionKey))
                        case .lenient:
                            src.warning("skipped the answer to `\(ref)`: the checklist has no such question", src.location(questionKey))
                            dropped.append(ref)
                        }
                        continue
                    }
                    guard let entry = readEntry(valueNode, fields: entryFields, ref: ref, src: &src) else { continue }
                    if let question, entry.isList, question.type != .multi {
                        src.error("the answer to `\(ref)` is a list, but the question takes one answer: \(question.acceptedAnswers)",
                                  entry.answerLocation ?? src.location(valueNode))
                        continue
                    }
                    // A question the changed checklist no longer has, or whose answer it no
                    // longer accepts: kept aside, not lost.
                    if let question, case .accepted(let value) = parse(entry.entry, for: question) {
                        var accepted = entry.entry
                        accepted.value = value
                        entries[ref] = accepted
                        // Said here as the shell says it: `1` for a share is 100%, not 1%.
                        if let text = accepted.text, let note = question.readingNote(for: text) {
                            src.warning("the answer to `\(ref)` is \(note)", entry.answerLocation ?? src.location(valueNode))
                        }
                    } else if let question, oldVersion == nil || mode == .lenient {
                        if case .rejected(let error) = parse(entry.entry, for: question) {
                            switch mode {
                            case .strict:
                                src.error("invalid answer to `\(ref)`: \(error.reason): \(error.accepted)", entry.answerLocation ?? src.location(valueNode))
                            case .lenient:
                                dropped.append(ref)
                            }
                        }
                    } else {
                        var kept = entry.entry
                        kept.value = nil
                        retired[ref] = RetiredAnswer(entry: kept, version: oldVersion ?? "")
                        retiredNow.append(ref)
                    }
                }
            }
        }

        return (entries, retired)
    }

    /// `resolved:`: `checklist: {question: {answer: TEXT, reason: TEXT, at: TIME}}`, each answer
    /// checked against its question.
    static func readResolutions(_ node: YNode?, set: ChecklistSet, src: inout YAMLSource) -> [QuestionRef: Resolution] {
        guard let node, !YAMLSource.isNull(node), let lists = src.pairs(node, what: "`resolved`") else { return [:] }
        var resolutions: [QuestionRef: Resolution] = [:]
        for (checklistID, keyNode, questions) in lists {
            guard let checklist = known(checklistID, keyNode, set: set, src: &src),
                  let pairs = src.pairs(questions, what: "the decisions of `\(checklistID)`") else { continue }
            for (questionID, questionKey, value) in pairs {
                let ref = QuestionRef(checklist: checklistID, question: questionID)
                guard let question = checklist.question(questionID) else {
                    let hint = Suggest.hint(Suggest.closest(to: questionID, in: checklist.questionIDs)) ?? ""
                    src.error("`\(checklistID)` has no question `\(questionID)`\(hint)", src.location(questionKey))
                    continue
                }
                guard let f = src.fields(value, what: "the decision on `\(ref)`", allowed: ["answer", "reason", "at"], required: ["answer"]),
                      let answerNode = f["answer"]?.value, let text = src.string(answerNode, field: "answer") else { continue }
                if case .failure(let error) = question.parse(text) {
                    src.error("invalid decision on `\(ref)`: \(error.reason): \(error.accepted)", src.location(answerNode))
                    continue
                }
                resolutions[ref] = Resolution(text: text, reason: src.string(f["reason"]?.value, field: "reason"),
                                              at: src.string(f["at"]?.value, field: "at"))
            }
        }
        return resolutions
    }

    /// `accepted:`: `checklist: {problem: {reason: TEXT, owner: NAME, until: YYYY-MM-DD}}`. The
    /// reason and owner are required; a critical problem needs `until`, at most 90 days after
    /// it was accepted (`at:`, else now). A problem the checklists do not have is kept, with a
    /// warning, as in `plan:`.
    static func readAccepted(_ node: YNode?, set: ChecklistSet, now: String, src: inout YAMLSource) -> [String: AcceptedRisk] {
        guard let node, !YAMLSource.isNull(node), let lists = src.pairs(node, what: "`accepted`") else { return [:] }
        let index = ProblemIndex(set)
        var accepted: [String: AcceptedRisk] = [:]
        for (checklistID, _, problems) in lists {
            guard let pairs = src.pairs(problems, what: "the accepted problems of `\(checklistID)`") else { continue }
            for (problemID, problemKey, value) in pairs {
                let key = "\(checklistID).\(problemID)"
                guard let f = src.fields(value, what: "an accepted problem", allowed: ["reason", "owner", "until", "at"], required: ["reason", "owner"]),
                      let reason = src.string(f["reason"]?.value, field: "reason"),
                      let owner = src.string(f["owner"]?.value, field: "owner") else { continue }
                var risk = AcceptedRisk(reason: reason, owner: owner, at: src.string(f["at"]?.value, field: "at"))
                if let untilNode = f["until"]?.value, let text = src.string(untilNode, field: "until") {
                    guard let date = CalendarDate(iso: text) else {
                        src.error("the date `\(text)` is not a date: write it as YYYY-MM-DD, such as 2027-01-31", src.location(untilNode))
                        continue
                    }
                    risk.until = date
                }
                guard let problem = index.problem(key) else {
                    src.warning("`accepted` names `\(key)`, which no loaded checklist has as a problem; it is kept", src.location(problemKey))
                    accepted[key] = risk
                    continue
                }
                if problem.severity == .critical {
                    let from = Timestamp(iso: risk.at ?? now).map { CalendarDate(dayNumber: $0.dayNumber) }
                    guard let until = risk.until else {
                        src.error("`\(key)` is a critical problem: it can be accepted only until a date at most \(AcceptedRisk.criticalLimit) days away; add `until: YYYY-MM-DD`", src.location(problemKey))
                        continue
                    }
                    if let from, until.dayNumber - from.dayNumber > AcceptedRisk.criticalLimit {
                        src.error("`\(key)` is a critical problem: it can be accepted for at most \(AcceptedRisk.criticalLimit) days, until \(CalendarDate(dayNumber: from.dayNumber + AcceptedRisk.criticalLimit)) at the latest", src.location(f["until"]!.value))
                        continue
                    }
                }
                accepted[key] = risk
            }
        }
        return accepted
    }

    /// `targets:`: `checklist: {target: {value: TEXT, reason: TEXT}}`, each value checked against
    /// the target's type and bounds (an error at its place names them).
    static func readTargets(_ node: YNode?, set: ChecklistSet, src: inout YAMLSource) -> [QuestionRef: TargetSetting] {
        guard let node, !YAMLSource.isNull(node), let lists = src.pairs(node, what: "`targets`") else { return [:] }
        var targets: [QuestionRef: TargetSetting] = [:]
        for (checklistID, keyNode, items) in lists {
            guard let checklist = known(checklistID, keyNode, set: set, src: &src),
                  let pairs = src.pairs(items, what: "the targets of `\(checklistID)`") else { continue }
            for (targetID, targetKey, value) in pairs {
                guard let target = checklist.target(targetID) else {
                    let names = checklist.targets.map(\.id)
                    let hint = Suggest.hint(Suggest.closest(to: targetID, in: names) ?? names.first { $0.hasPrefix(targetID) })
                        ?? (names.isEmpty ? "; it declares none" : "; its targets are " + names.joined(separator: ", "))
                    src.error("`\(checklistID)` has no adjustable target `\(targetID)`\(hint)", src.location(targetKey))
                    continue
                }
                guard let f = src.fields(value, what: "the target `\(targetID)`", allowed: ["value", "reason", "at"], required: ["value", "reason"]),
                      let valueNode = f["value"]?.value, let text = src.string(valueNode, field: "value"),
                      let reason = src.string(f["reason"]?.value, field: "reason") else { continue }
                switch target.parse(text) {
                case .failure(let error):
                    src.error("the target `\(checklistID).\(targetID)` cannot be \(text): \(error.reason): \(error.accepted)", src.location(valueNode))
                case .success(let parsed):
                    targets[QuestionRef(checklist: checklistID, question: targetID)] =
                        TargetSetting(text: text, value: parsed, reason: reason, at: src.string(f["at"]?.value, field: "at"))
                }
            }
        }
        return targets
    }

    /// `plan:`: `checklist: {problem: {owner: NAME, due: YYYY-MM-DD}}`. A problem the loaded
    /// checklists do not have is kept, with a warning (it may return with the checklist).
    static func readPlan(_ node: YNode?, set: ChecklistSet, src: inout YAMLSource) -> [String: PlanAssignment] {
        guard let node, !YAMLSource.isNull(node), let lists = src.pairs(node, what: "`plan`") else { return [:] }
        var plan: [String: PlanAssignment] = [:]
        for (checklistID, _, problems) in lists {
            guard let pairs = src.pairs(problems, what: "the plan of `\(checklistID)`") else { continue }
            for (problemID, problemKey, value) in pairs {
                guard let f = src.fields(value, what: "an action of the plan", allowed: ["owner", "due"], required: []) else { continue }
                var assignment = PlanAssignment(owner: src.string(f["owner"]?.value, field: "owner"))
                if let node = f["due"]?.value, let text = src.string(node, field: "due") {
                    guard let date = CalendarDate(iso: text) else {
                        src.error("the due date `\(text)` is not a date: write it as YYYY-MM-DD, such as 2027-01-31", src.location(node))
                        continue
                    }
                    assignment.due = date
                }
                let known = set.checklist(checklistID).map { c in c.theme(problemID) != nil || c.rules.contains { $0.id == problemID } } ?? false
                if !known {
                    src.warning("the plan names `\(checklistID).\(problemID)`, which no loaded checklist has as a problem; it is kept", src.location(problemKey))
                }
                plan["\(checklistID).\(problemID)"] = assignment
            }
        }
        return plan
    }

    /// True when the last non-blank line is the end marker.
    static func endsWithMarker(_ text: String) -> Bool {
        var end = text.utf8.endIndex
        let bytes = text.utf8
        while end > bytes.startIndex, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[bytes.index(before: end)]) {
            end = bytes.index(before: end)
        }
        let marker = Array(endMarker.utf8)
        guard bytes.distance(from: bytes.startIndex, to: end) >= marker.count else { return false }
        let start = bytes.index(end, offsetBy: -marker.count)
        guard bytes[start..<end].elementsEqual(marker) else { return false }
        return start == bytes.startIndex || bytes[bytes.index(before: start)] == UInt8(ascii: "\n")
    }

    private enum Parsed {
        case accepted(AnswerValue?)
        case rejected(AnswerError)
    }

    /// An entry's typed answer parsed for its question; an entry without an answer (a note, a
    /// skip) is accepted as it is.
    private static func parse(_ entry: AnswerEntry, for question: Question) -> Parsed {
        guard let text = entry.text else { return .accepted(nil) }
        switch question.parse(text) {
        case .success(let value): return .accepted(value)
        case .failure(let error): return .rejected(error)
        }
    }

    private static func known(_ id: String, _ keyNode: YNode, set: ChecklistSet, src: inout YAMLSource) -> Checklist? {
        if let checklist = set.checklist(id) { return checklist }
        let hint = Suggest.hint(Suggest.closest(to: id, in: set.ids))
            ?? "; loaded checklists are " + set.ids.joined(separator: ", ")
        // Its kind lets a caller say why the checklist is missing without reading the message.
        src.diagnostics.append(Diagnostic(severity: .error, message: "unknown checklist `\(id)`\(hint)",
                                          location: src.location(keyNode), kind: .unknownChecklist(id: id)))
        return nil
    }

    /// One entry as written: the answer's text (not yet parsed), times, notes and the rest.
    private struct ReadEntry {
        var entry: AnswerEntry
        var answerLocation: SourceLocation?
        var version: String?
        /// The answer was written as a YAML list (`[a, b]`), which only a multi question takes.
        var isList = false
    }

    private static func readEntry(_ node: YNode, fields allowed: [String], ref: QuestionRef,
                                  src: inout YAMLSource) -> ReadEntry? {
        var read = ReadEntry(entry: AnswerEntry())
        var answerNode: YNode?
        if node.mapping != nil {
            guard let fields = src.fields(node, what: "the answer to `\(ref)`", allowed: allowed, required: []) else { return nil }
            answerNode = fields["answer"]?.value
            read.entry.at = src.string(fields["at"]?.value, field: "at")
            read.entry.skipped = src.bool(fields["skipped"]?.value, field: "skipped") ?? false
            read.entry.notes = src.strings(fields["notes"]?.value, field: "notes")?.map(\.0) ?? []
            read.entry.evidence = src.strings(fields["evidence"]?.value, field: "evidence")?.map(\.0) ?? []
            read.entry.estimated = src.string(fields["estimated"]?.value, field: "estimated")
            read.version = src.string(fields["version"]?.value, field: "version")
            if let measuredNode = fields["measured"]?.value, !YAMLSource.isNull(measuredNode),
               let m = src.fields(measuredNode, what: "`measured`", allowed: ["file", "metric", "value", "at", "period", "by_platform", "series"],
                                  required: ["file", "metric", "value"]),
               let file = src.string(m["file"]?.value, field: "file"),
               let metric = src.string(m["metric"]?.value, field: "metric"),
               let value = src.number(m["value"]?.value, field: "value") {
                var figures: [PlatformFigure] = []
                if let node = m["by_platform"]?.value, !YAMLSource.isNull(node), let pairs = src.pairs(node, what: "`by_platform`") {
                    for (platform, _, valueNode) in pairs {
                        if let v = src.number(valueNode, field: "by_platform") { figures.append(PlatformFigure(platform: platform, value: v)) }
                    }
                }
                var series: [PlatformFigure] = []
                if let node = m["series"]?.value, !YAMLSource.isNull(node), let pairs = src.pairs(node, what: "`series`") {
                    for (label, _, valueNode) in pairs {
                        if let v = src.number(valueNode, field: "series") { series.append(PlatformFigure(platform: label, value: v)) }
                    }
                }
                read.entry.measured = MeasuredValue(file: file, metric: metric, value: value,
                                                    at: src.string(m["at"]?.value, field: "at") ?? "",
                                                    period: src.string(m["period"]?.value, field: "period"), byPlatform: figures,
                                                    series: series)
            }
        } else {
            answerNode = node
        }
        if let answerNode, let items = answerNode.sequence {
            // A multiple-choice answer as a YAML list: the comma form the shell takes.
            var labels: [String] = []
            for item in items {
                guard let label = item.scalar?.string else {
                    src.error("items of the answer to `\(ref)` must be single choices", src.location(item))
                    return nil
                }
                labels.append(label)
            }
            read.entry.text = labels.isEmpty ? "none" : labels.joined(separator: ", ")
            read.answerLocation = src.location(answerNode)
            read.isList = true
        } else if let answerNode, let text = src.string(answerNode, field: "answer") {
            read.entry.text = text
            read.answerLocation = src.location(answerNode)
        }
        return read
    }
}
