import AuditKit
import AuditReport
import Threads


/// A guided audit: walks the session's checklists question by question, records and autosaves
/// every answer, notes and evidence, and supports going back, skipping and jumping.
public final class AuditFlow {
    public let set: ChecklistSet
    /// The session. Answers change through `record(_:for:)`, which keeps `answers` in step one
    /// question at a time: rebuilding the sheet on every change made long audits quadratic.
    public private(set) var session: AuditSession {
        didSet { scorecards = [:] }
    }
    /// The parsed answers of `session`.
    public private(set) var answers: AnswerSheet {
        didSet {
            askedCache = [:]
            scorecards = [:]
        }
    }
    /// The scorecards of the current answers worked out so far, by the problems they leave out
    /// as accepted: the summary's scores, its plan (whose acceptances count from the audit's
    /// day) and the report written next are usually the same card. Emptied whenever the
    /// session changes.
    public private(set) var scorecards: [Set<String>: Scorecard] = [:]
    /// The asked questions of each checklist, in order, for `position(of:)`; emptied whenever
    /// an answer changes, since a `when` may read any answer.
    private var askedCache: [String: [QuestionRef]] = [:]
    /// The session file, rewritten atomically after every change.
    public let path: String
    private let lock: SessionLock
    private let clock: Clock
    /// Every question of the session's checklists, in audit order.
    public let order: [QuestionRef]
    /// Whether each question of `order` has a `when`; the others are always asked.
    private let conditional: [Bool]
    /// The questions any `when` of the loaded checklists reads.
    private let whenReads: Set<QuestionRef>
    /// The question waiting for an answer, nil when the walk is over.
    public private(set) var current: QuestionRef?
    /// Questions shown before the current one, for `back`.
    private var visited: [QuestionRef] = []
    /// The question answered last, while nothing else happened since: a note typed right after
    /// an answer is about that answer, not the question shown next.
    public private(set) var justAnswered: QuestionRef?

    /// Opens (and locks) a session for the guided walk.
    public init(set: ChecklistSet, session: AuditSession, path: String, clock: Clock) throws {
        self.set = set
        self.session = session
        self.answers = session.answers
        self.path = path
        self.clock = clock
        self.lock = try SessionLock(sessionPath: path)
        // Held by us now: any temporary file beside it is a killed smaudit's leftover.
        AtomicFile.removeStaleTemporaries(of: path)
        order = session.checklistIDs.flatMap { id in
            (set.checklist(id)?.questionIDs ?? []).map { QuestionRef(checklist: id, question: $0) }
        }
        conditional = order.map { set.question($0)?.when != nil }
        var reads = Set<QuestionRef>()
        for checklist in set.checklists {
            for section in checklist.sections {
                for question in section.questions {
                    question.when?.root.forEachReference { c, q, _ in reads.insert(QuestionRef(checklist: c ?? checklist.id, question: q)) }
                }
            }
        }
        whenReads = reads
        current = nextPending(after: nil)
    }

    // MARK: Walking

    /// Whether a question is asked now (its `when` holds).
    public func isAsked(_ ref: QuestionRef) -> Bool { set.isAsked(ref, in: answers) }

    /// The first question after `ref` that is asked, unanswered and not skipped.
    public func nextPending(after ref: QuestionRef?) -> QuestionRef? {
        let sheet = answers
        let start = ref.flatMap { order.firstIndex(of: $0) }.map { $0 + 1 } ?? 0
        for candidate in order[min(start, order.count)...] {
            let entry = session[candidate]
            if entry.value == nil, !entry.skipped, set.isAsked(candidate, in: sheet) { return candidate }
        }
        return nil
    }

    /// Records an answer typed for the current question, autosaves, and moves on.
    /// Throws the reason (and what is accepted) when the text is not a valid answer.
    public func answer(_ typed: String) throws {
        guard let ref = current, let question = set.question(ref) else { return }
        var text = typed.trimmed(.unicodeWhitespace)
        if text.isEmpty {
            guard let fallback = defaultText(for: ref) else {
                throw AuditError.answerNeeded(accepted: question.acceptedAnswers)
            }
            text = fallback
        }
        switch question.parse(text) {
        case .failure(let error):
            throw AuditError.invalidAnswer(ref: ref, error)
        case .success(let value):
            var entry = session[ref]
            // The canonical form (`2` becomes the choice's label) keeps the file readable and
            // correct even if the checklist's choices are reordered later.
            entry.text = value.displayText
            entry.value = value
            entry.skipped = false
            entry.at = clock.nowText
            record(entry, for: ref)
            // In a team session an answer typed here is the team's decision: kept apart from
            // the auditors' own answers, so merging another auditor in later does not undo it.
            if session.isTeam { session.resolutions[ref] = Resolution(text: value.displayText, reason: nil, at: entry.at) }
        }
        try save()
        advance(from: ref)
        justAnswered = ref
    }

    /// Leaves the current question unanswered for now.
    public func skip() throws {
        // The flow is open, so every question is answered or skipped: say how to get back to one.
        guard let ref = current else {
            throw AuditError.allQuestionsDone
        }
        justAnswered = nil
        session[ref].skipped = true
        try save()
        advance(from: ref)
    }

    /// Returns to the previous question; its earlier answer becomes the default.
    public func back() throws {
        guard let previous = visited.popLast() else { throw AuditError.firstQuestion }
        justAnswered = nil
        current = previous
        try save()
    }

    /// Jumps to any question of the session by `id` or `checklist.id`.
    public func goTo(_ id: String) throws {
        let ref = try question(named: id)
        justAnswered = nil
        if let current { visited.append(current) }
        current = ref
        try save()
    }

    private func advance(from ref: QuestionRef) {
        visited.append(ref)
        current = nextPending(after: ref) ?? nextPending(after: nil)
    }

    /// The default offered for a question: its earlier answer, else the checklist's default.
    public func defaultText(for ref: QuestionRef) -> String? {
        if let value = session[ref].value { return value.displayText }
        return set.question(ref)?.defaultText
    }

    /// The question of this audit that `id` names (`followers` or `mini.followers`).
    public func question(named id: String) throws -> QuestionRef {
        guard let ref = order.first(where: { $0.description == id || $0.question == id }) else {
            throw AuditError.unknownQuestion(id: id, suggestion: Suggest.closest(to: id, in: order.map(\.question)))
        }
        return ref
    }

    /// Whether `id` names a question of this audit.
    public func hasQuestion(named id: String) -> Bool { order.contains { $0.description == id || $0.question == id } }

    /// Where a note typed now goes: the question just answered, else the one waiting, else the
    /// last one shown.
    public var noteTarget: QuestionRef? { justAnswered ?? current ?? visited.last }

    /// Attaches a note or evidence to `ref`, or to `noteTarget`; returns the question and the
    /// attachment's number in `attachments(evidence:)`.
    public func attach(_ text: String, to ref: QuestionRef? = nil, asEvidence: Bool) throws -> (ref: QuestionRef, number: Int) {
        guard let ref = ref ?? noteTarget else { throw AuditError.nothingToAttachTo }
        guard !text.isEmpty else { throw AuditError.attachmentUsage(evidence: asEvidence) }
        if asEvidence { session[ref].evidence.append(text) } else { session[ref].notes.append(text) }
        try save()
        let number = attachments(evidence: asEvidence).lastIndex { $0.ref == ref } ?? 0
        return (ref, number + 1)
    }

    /// Every note (or piece of evidence) of the session, in audit order and then as added;
    /// `unnote N` and `unevidence N` count in this list from 1.
    public func attachments(evidence: Bool) -> [(ref: QuestionRef, text: String)] {
        let known = Set(order)
        let others = session.entries.keys.filter { !known.contains($0) }.sorted()
        var list: [(ref: QuestionRef, text: String)] = []
        for ref in order + others {
            guard let entry = session.entries[ref] else { continue }
            for text in evidence ? entry.evidence : entry.notes { list.append((ref, text)) }
        }
        return list
    }

    /// Removes note (or evidence) number `number` of `attachments(evidence:)`; returns it.
    public func removeAttachment(_ number: Int, evidence: Bool) throws -> (ref: QuestionRef, text: String) {
        let list = attachments(evidence: evidence)
        guard !list.isEmpty else { throw AuditError.noAttachments(evidence: evidence) }
        guard (1...list.count).contains(number) else {
            throw AuditError.noAttachment(number: number, evidence: evidence, count: list.count)
        }
        let removed = list[number - 1]
        let index = list[..<(number - 1)].filter { $0.ref == removed.ref }.count
        if evidence { session[removed.ref].evidence.remove(at: index) } else { session[removed.ref].notes.remove(at: index) }
        try save()
        return removed
    }

    /// The team's open disagreements, in checklist order (none outside a team session).
    public var openDisagreements: [Disagreement] {
        TeamMerge.disagreements(in: session, set: set).filter(\.isOpen)
    }

    /// Records the team's reason for its decision on a question.
    public func explainDecision(_ ref: QuestionRef, reason: String) throws {
        guard session.resolutions[ref] != nil else { return }
        session.resolutions[ref]?.reason = reason
        try save()
    }

    /// Stores a question's entry and its parsed value.
    private func record(_ entry: AnswerEntry, for ref: QuestionRef) {
        // An answer no `when` reads cannot change which questions are asked.
        let asked = whenReads.contains(ref) ? nil : askedCache
        session[ref] = entry
        if answers[ref] != entry.value { answers[ref] = entry.value }
        if let asked { askedCache = asked }
    }

    /// Changes the session (for example with measured answers) and saves it.
    public func update<Result>(_ change: (inout AuditSession) -> Result) throws -> Result {
        let result = change(&session)
        answers = session.answers
        try save()
        if let ref = current, session[ref].value != nil { current = nextPending(after: ref) ?? nextPending(after: nil) }
        return result
    }

    /// How changes reach the disk.
    public enum SaveMode: Sendable {
        /// Every change is written and flushed to disk at once: a person is typing, and the
        /// answers exist nowhere else.
        case eachChange
        /// Changes are written when the shell is about to wait for input (`flush()`), at the
        /// latest `maxDelay` after the first unsaved one, and flushed to disk by `finish()`.
        /// For scripts and piped replays, whose input already holds every answer: writing
        /// the whole session after each of a hundred lines that are already waiting cost
        /// more than the rest of a replay together.
        case batched(maxDelay: Duration)
    }

    /// `.eachChange` unless the shell says otherwise (it batches saves in script mode).
    public var saveMode = SaveMode.eachChange
    /// When the oldest change not yet written was made; nil when the file is up to date.
    private var unsavedSince: ContinuousClock.Instant?
    /// Why the last write failed, while changes it should have saved are still not on disk.
    public private(set) var saveFailure: FileWriteError?

    /// Whether some change is not on disk yet (batched, or its write failed).
    public var hasUnsavedChanges: Bool { unsavedSince != nil }

    /// How many changes `save()` has recorded, and how many of them the file held the last
    /// time it reached the disk (a write with `sync`): the two are equal when the file on disk
    /// is the session as it stands.
    private var changes = 0
    private var durableChanges: Int?

    /// Whether the file on disk is the session as it stands, flushed there.
    private var isOnDisk: Bool { unsavedSince == nil && durableChanges == changes }

    /// Records that the session changed and writes it as `saveMode` says.
    public func save() throws {
        changes += 1
        session.updated = clock.nowText
        switch saveMode {
        case .eachChange:
            try write(sync: true)
        case .batched(let maxDelay):
            let now = ContinuousClock.now
            let since = unsavedSince ?? now
            unsavedSince = since
            if now - since >= maxDelay { try write(sync: false) }
        }
    }

    /// Writes pending changes (atomically, without waiting for the disk); a no-op when there
    /// are none. The shell calls it before it waits for input.
    public func flush() throws {
        if unsavedSince != nil { try write(sync: false) }
    }

    /// Writes the session and flushes it to disk; called when the shell ends by any path.
    /// Nothing is written when the disk already has it as it stands (a report was written
    /// since the last change, with the session beside it).
    public func finish() throws {
        if isOnDisk { return }
        try write(sync: true)
    }

    /// Runs `work`, which writes a report of this session to `reportPath`, while the session
    /// is written and flushed to disk on another core, when it has changes the disk does not
    /// hold yet (a script's batched answers). A report is then never on disk without the
    /// answers it shows, and the two waits for the disk overlap: a replayed audit ended with
    /// four of them in a row, a tenth of its time. If the session cannot be written, its
    /// changes stay owed to the disk, for the next save to write or report as any batched
    /// save does.
    public func saving<T>(beside reportPath: String, _ work: () throws -> T) rethrows -> T {
        guard !isOnDisk,
              AtomicFile.resolvingLinks(reportPath) != AtomicFile.resolvingLinks(path) else { return try work() }
        let text = SessionWriter.render(session, set: set, answers: answers)
        let path = self.path, written = changes
        let job = BackgroundJob { try AtomicFile.write(text, to: path, sync: true) }
        defer {
            if case .success = job.result(), changes == written {
                unsavedSince = nil
                saveFailure = nil
                durableChanges = written
            }
        }
        return try work()
    }

    private func write(sync: Bool) throws {
        // Marked unsaved first: if the write fails, the change is still owed to the disk.
        if unsavedSince == nil { unsavedSince = .now }
        do {
            try AtomicFile.write(SessionWriter.render(session, set: set, answers: answers), to: path, sync: sync)
        } catch {
            saveFailure = error
            throw error
        }
        unsavedSince = nil
        saveFailure = nil
        if sync { durableChanges = changes }
    }

    /// The plan of the answers so far, with the team's owners and dates.
    public var actionPlan: ActionPlan {
        let input = ReportRendering.input(session, set: set)
        return ActionPlan(scorecard: scorecard(accepting: input.acceptedNow), set: set, answers: input.answers,
                          date: input.day, assignments: input.plan)
    }

    /// Records who owns the action keyed `key` (a problem's key) and when it is due, and saves:
    /// a nil leaves that part as it is, an empty value goes back to the suggestion.
    public func assign(_ key: String, owner: String?, due: CalendarDate??) throws {
        var assignment = session.plan[key] ?? PlanAssignment()
        if let owner { assignment.owner = owner.isEmpty ? nil : owner }
        if let due { assignment.due = due }
        session.plan[key] = assignment.isEmpty ? nil : assignment
        try save()
    }

    /// The current scorecard.
    public var scorecard: Scorecard { scorecard(accepting: AcceptedRisks.acceptedToday(session, clock: clock)) }

    private func scorecard(accepting accepted: Set<String>) -> Scorecard {
        if let card = scorecards[accepted] { return card }
        let card = Scorer.score(set, answers: answers, checklists: session.checklistIDs, accepted: accepted)
        scorecards[accepted] = card
        return card
    }

    /// Accepts a problem for now (see `AcceptedRisks.accept`) and saves.
    public func accept(_ key: String, reason: String, owner: String, until: CalendarDate?) throws -> ProblemIndex.Problem {
        var changed = session
        let problem = try AcceptedRisks.accept(key, reason: reason, owner: owner, until: until, in: &changed, set: set, clock: clock)
        try update { $0.accepted = changed.accepted }
        return problem
    }

    /// The adjustable targets of the audited checklists, with their value now: the team's or
    /// the default.
    public var targets: [(ref: QuestionRef, target: Question, value: AnswerValue, setting: TargetSetting?)] {
        session.checklistIDs.compactMap { set.checklist($0) }.flatMap { checklist in
            checklist.targets.compactMap { target in
                let ref = QuestionRef(checklist: checklist.id, question: target.id)
                let setting = session.targets[ref]
                guard let value = setting?.value ?? checklist.targetDefaults[target.id] else { return nil }
                return (ref, target, value, setting)
            }
        }
    }

    /// Sets the team's own value of a target (by its id, bare or qualified): refused outside the
    /// target's bounds, with them; `-` goes back to the default.
    public func setTarget(_ name: String, to text: String, reason: String) throws -> (ref: QuestionRef, target: Question) {
        let all = targets
        guard let found = all.first(where: { $0.ref.description == name || $0.ref.question == name }) else {
            let names = all.map(\.ref.question)
            throw names.isEmpty ? AuditError.noTargets
                : AuditError.unknownTarget(id: name, suggestion: Suggest.closest(to: name, in: names), targets: names)
        }
        if text == "-" {
            try update { $0.targets[found.ref] = nil }
            return (found.ref, found.target)
        }
        guard !reason.allSatisfy(\.isWhitespace) else { throw AuditError.targetReasonNeeded }
        switch found.target.parse(text) {
        case .failure(let error):
            throw AuditError.invalidTarget(ref: found.ref, text: text, error)
        case .success(let value):
            let setting = TargetSetting(text: value.displayText, value: value, reason: reason.trimmed(.unicodeWhitespace),
                                        at: clock.nowText)
            try update { $0.targets[found.ref] = setting }
        }
        return (found.ref, found.target)
    }

    /// Takes back the acceptance of a problem (by its key or its id alone); returns its key.
    public func unaccept(_ key: String) throws -> String {
        guard let found = session.accepted.keys.first(where: { $0 == key }) ?? session.accepted.keys.sorted().first(where: { $0.hasSuffix("." + key) }) else {
            let listed = session.accepted.keys.sorted()
            throw listed.isEmpty ? AuditError.nothingAccepted : AuditError.notAccepted(key: key, accepted: listed)
        }
        try update { $0.accepted[found] = nil }
        return found
    }

    // MARK: Progress

    /// `(position, total)` of a question among the asked questions of its checklist.
    public func position(of ref: QuestionRef) -> (Int, Int) {
        let asked = askedCache[ref.checklist] ?? {
            // One evaluator for the whole list: it keeps each `when` it has worked out, where
            // asking the set question by question made an evaluator per conditional question.
            let evaluator = Evaluator(set: set, answers: answers)
            let list = order.indices.filter { i in
                order[i].checklist == ref.checklist && (!conditional[i] || evaluator.isAsked(order[i]))
            }.map { order[$0] }
            askedCache[ref.checklist] = list
            return list
        }()
        return ((asked.firstIndex(of: ref) ?? asked.count) + 1, asked.count)
    }

    /// Asked, answered and skipped counts per checklist and section.
    public func progress() -> [(checklist: String, section: String, asked: Int, answered: Int, skipped: Int)] {
        var rows: [(String, String, Int, Int, Int)] = []
        for id in session.checklistIDs {
            guard let checklist = set.checklist(id) else { continue }
            for section in checklist.sections {
                var asked = 0, answered = 0, skipped = 0
                for question in section.questions {
                    let ref = QuestionRef(checklist: id, question: question.id)
                    guard isAsked(ref) else { continue }
                    asked += 1
                    if session[ref].value != nil { answered += 1 } else if session[ref].skipped { skipped += 1 }
                }
                rows.append((id, section.title, asked, answered, skipped))
            }
        }
        return rows
    }
}
