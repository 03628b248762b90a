/// Team audits (issue 27): auditors answer alone, `merge` gathers their sessions into one team
/// session that keeps every auditor's answers, and the team decides where they disagree.
///
/// The model is the consensus step of procurement scoring: each scorer alone, then a decision
/// with a reason. The team's answer to a question is what every auditor who answered agreed
/// on (within the question type's tolerance), a decision recorded in `resolved:`, or a measured
/// figure; otherwise the question is an open disagreement and has no team answer, so the rules
/// that read it are open and the score provisional. No auditor's answer is ever picked silently.
///
/// Merging is order-independent and idempotent: every choice below is made by name, time or
/// value, never by the order the files were given in.
public enum TeamMerge {
    /// Why files cannot be merged: the files and what is wrong with them, said (in
    /// `description`) as a person would fix it.
    public enum Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        /// No files were given.
        case nothingToMerge
        /// The files are of more than one organisation: one file of each, with its organisation.
        case differentOrganisations([String: String])
        /// Two files used different versions of a checklist.
        case versionsDiffer(checklist: String, file: String, version: String, otherFile: String, otherVersion: String)
        /// A file answered by several auditors together names none of them.
        case noAuditor(file: String)

        public var description: String {
            switch self {
            case .nothingToMerge:
                return "nothing to merge: name two or more session files"
            case let .differentOrganisations(organisations):
                let named = organisations.map { "\($0.key) is of \"\($0.value)\"" }.sorted()
                return "the sessions are of different organisations (\(named.joined(separator: ", "))); a team session is one organisation's"
            case let .versionsDiffer(checklist, file, version, otherFile, otherVersion):
                return "\(file) used \(checklist) \(version) and \(otherFile) used \(checklist) \(otherVersion); resume the older one with this smaudit first, which brings it to the installed version"
            case let .noAuditor(file):
                return "\(file) names no auditor, so its answers cannot be told apart from the others': add `answered_by: NAME` to it, or answer with `smaudit audit --as NAME`"
            }
        }
    }

    /// How far apart two answers may be and still count as the same answer: numbers within 10 %
    /// of the larger, percentages within 10 points, durations within 25 % of the longer. Choices,
    /// yes/no, scales and dates must be equal; free text never disagrees (the others' words are
    /// kept as notes). "Not applicable" beside an answer is a disagreement.
    public static let numberTolerance = 0.10, percentPoints = 0.10, durationTolerance = 0.25

    /// Merges sessions (each with the file it was read from, for messages) into one team session.
    /// A session answered alone is its auditor's answers; a team session brings every auditor it
    /// holds; a session answered together by several people is their joint answer, under the
    /// name "A and B (together)".
    public static func merge(_ inputs: [(file: String, session: AuditSession)], set: ChecklistSet) throws(Refusal) -> AuditSession {
        guard !inputs.isEmpty else { throw .nothingToMerge }
        let organisations = Dictionary(grouping: inputs) { normalised($0.session.organisation) }
        if organisations.count > 1 {
            let named = organisations.values.map { ($0[0].file, $0[0].session.organisation) }
            throw .differentOrganisations(Dictionary(named, uniquingKeysWith: { first, _ in first }))
        }
        var versions: [String: (file: String, version: String)] = [:]
        for input in inputs {
            for stamp in input.session.checklists {
                if let seen = versions[stamp.id], seen.version != stamp.version {
                    throw .versionsDiffer(checklist: stamp.id, file: seen.file, version: seen.version,
                                          otherFile: input.file, otherVersion: stamp.version)
                }
                versions[stamp.id] = versions[stamp.id] ?? (input.file, stamp.version)
            }
        }

        // Every auditor's answers; one auditor found in several files keeps, per question, the
        // answer given last (a later session of the same person replaces their earlier answer),
        // with the notes and evidence of both.
        var voices: [String: [QuestionRef: AnswerEntry]] = [:]
        var measured: [QuestionRef: (entry: AnswerEntry, value: MeasuredValue)] = [:]
        var teamOwn: [QuestionRef: AnswerEntry] = [:]
        for input in inputs {
            for (name, entries) in try voicesOf(input) {
                var own = voices[name] ?? [:]
                for (ref, entry) in entries { own[ref] = own[ref].map { combine($0, entry) } ?? entry }
                voices[name] = own
            }
            // A figure measured into a team session belongs to the team, not to any auditor.
            for (ref, entry) in input.session.entries {
                guard let value = entry.measured else { continue }
                if let kept = measured[ref], (kept.value.at, kept.value.value) >= (value.at, value.value) { continue }
                measured[ref] = (entry, value)
            }
        }
        // The notes and evidence a team session's own answers carry (a facilitator's `/note`),
        // oldest session first whatever the order of the files.
        for input in inputs.filter(\.session.isTeam).sorted(by: { ($0.session.updated, $0.file) < ($1.session.updated, $1.file) }) {
            for (ref, entry) in input.session.entries { teamOwn[ref] = combine(teamOwn[ref] ?? AnswerEntry(), attachmentsOf: entry) }
        }

        let sessions = inputs.map(\.session)
        var team = AuditSession(
            organisation: sessions.map(\.organisation).min()!,
            auditors: voices.keys.sorted(),
            started: sessions.map(\.started).min()!,
            updated: sessions.map(\.updated).max()!,
            checklists: stamps(of: sessions))
        team.byAuditor = voices
        for session in sessions.sorted(by: { $0.updated < $1.updated }) {
            for (ref, resolution) in session.resolutions {
                if let kept = team.resolutions[ref], (kept.at ?? "", kept.text) >= (resolution.at ?? "", resolution.text) { continue }
                team.resolutions[ref] = resolution
            }
            team.plan.merge(session.plan) { $1 }
            team.accepted.merge(session.accepted) { old, new in (old.at ?? "") >= (new.at ?? "") ? old : new }
            team.retired.merge(session.retired) { old, new in old.version >= new.version ? old : new }
        }
        team.entries = teamEntries(voices: voices, resolutions: team.resolutions, measured: measured, kept: teamOwn, set: set)
        return team
    }

    /// Records the team's decision on a question and recomputes its answer.
    public static func resolve(_ ref: QuestionRef, answer: String, reason: String?, at: String,
                               in session: inout AuditSession, set: ChecklistSet) {
        session.resolutions[ref] = Resolution(text: answer, reason: reason, at: at)
        let measured = session.entries.compactMapValues { entry in entry.measured.map { (entry, $0) } }
        session.entries = teamEntries(voices: session.byAuditor, resolutions: session.resolutions, measured: measured,
                                      kept: session.entries, set: set)
    }

    /// The questions the auditors of a team session answered differently, in checklist order,
    /// each with every auditor's answer, the decision if any, and the figure that settled it.
    public static func disagreements(in session: AuditSession, set: ChecklistSet) -> [Disagreement] {
        guard session.isTeam else { return [] }
        let answers = session.answers
        var found: [Disagreement] = []
        for ref in orderedRefs(Set(session.byAuditor.values.flatMap(\.keys)), set: set) {
            let given = session.byAuditor.keys.sorted().compactMap { name -> (String, AnswerEntry)? in
                guard let entry = session.byAuditor[name]?[ref], entry.value != nil else { return nil }
                return (name, entry)
            }
            guard given.count > 1, let question = set.question(ref),
                  !agree(given.map { $0.1.value! }, type: question.type) else { continue }
            found.append(Disagreement(ref: ref, answers: given, resolution: session.resolutions[ref],
                                      measured: session.entries[ref]?.measured, team: session.entries[ref]?.text,
                                      isAsked: set.isAsked(ref, in: answers)))
        }
        return found
    }

    /// How many questions answered by two or more auditors they agreed on, of how many.
    /// `disagreements` is `disagreements(in:set:)` of the same session, which callers have
    /// already computed; it is computed again when not given.
    public static func agreement(in session: AuditSession, set: ChecklistSet, disagreements known: [Disagreement]? = nil) -> (agreed: Int, of: Int) {
        let refs = Set(session.byAuditor.values.flatMap(\.keys)).filter { ref in
            session.byAuditor.values.filter { $0[ref]?.value != nil }.count > 1 && set.question(ref) != nil
        }
        return (refs.count - (known ?? disagreements(in: session, set: set)).count, refs.count)
    }

    /// Whether answers count as one (see the tolerances above).
    public static func agree(_ values: [AnswerValue], type: QuestionType) -> Bool {
        guard let first = values.first else { return true }
        if values.contains(.notApplicable) { return values.allSatisfy { $0 == .notApplicable } }
        if type == .text { return true }
        let numbers = values.compactMap(\.magnitude)
        guard numbers.count == values.count, let low = numbers.min(), let high = numbers.max() else {
            return values.allSatisfy { $0 == first }
        }
        switch first {
        case .number: return high - low <= numberTolerance * max(abs(high), abs(low))
        case .percent: return high - low <= percentPoints + 1e-12
        case .duration: return high - low <= durationTolerance * high
        default: return values.allSatisfy { $0 == first }
        }
    }

    // MARK: Derivation

    /// The team's answers: per question, the decision, else the measured figure, else what all
    /// agreed on (for numbers the median auditor's answer), else nothing (open). Every auditor's
    /// notes come along with their name; free-text answers other than the one kept become notes.
    /// `kept` is the team's answers as they were: notes and evidence they carry that no auditor
    /// gave (the facilitator's) stay, after the auditors'.
    static func teamEntries(voices: [String: [QuestionRef: AnswerEntry]], resolutions: [QuestionRef: Resolution],
                            measured: [QuestionRef: (entry: AnswerEntry, value: MeasuredValue)], kept: [QuestionRef: AnswerEntry],
                            set: ChecklistSet) -> [QuestionRef: AnswerEntry] {
        var entries: [QuestionRef: AnswerEntry] = [:]
        let names = voices.keys.sorted()
        let withNotes = kept.filter { !$0.value.notes.isEmpty || !$0.value.evidence.isEmpty }.keys
        for ref in Set(voices.values.flatMap(\.keys)).union(resolutions.keys).union(measured.keys).union(withNotes) {
            let given = names.compactMap { name in voices[name]?[ref].map { (name, $0) } }
            var team = AnswerEntry()
            team.at = given.compactMap(\.1.at).max()
            for (name, entry) in given {
                team.notes += entry.notes.map { "\(name): \($0)" }
                for item in entry.evidence where !team.evidence.contains(item) { team.evidence.append(item) }
            }
            let answered = given.filter { $0.1.value != nil }
            let question = set.question(ref)
            if let resolution = resolutions[ref] {
                team.text = resolution.text
                team.value = question.flatMap { try? $0.parse(resolution.text).get() }
            } else if let figure = measured[ref] {
                team.text = figure.entry.text
                team.value = figure.entry.value
            } else if let question, !answered.isEmpty, agree(answered.map { $0.1.value! }, type: question.type) {
                let chosen = representative(answered)
                team.text = chosen.1.text
                team.value = chosen.1.value
                if question.type == .text {
                    team.notes += answered.filter { $0.1.text != chosen.1.text }.map { "\($0.0) answered: \($0.1.text ?? "")" }
                }
            }
            if let figure = measured[ref] { team.measured = figure.value }
            if let own = kept[ref] { team = combine(team, attachmentsOf: own) }
            if !team.isEmpty { entries[ref] = team }
        }
        return entries
    }

    /// The answer that stands for agreeing ones: for numbers the median's (the lower of two),
    /// otherwise the first auditor's by name.
    static func representative(_ answered: [(String, AnswerEntry)]) -> (String, AnswerEntry) {
        let ordered = answered.sorted { a, b in
            let (x, y) = (a.1.value?.magnitude ?? 0, b.1.value?.magnitude ?? 0)
            return x != y ? x < y : a.0 < b.0
        }
        return ordered[(ordered.count - 1) / 2]
    }

    /// The auditors one file speaks for, with their answers.
    static func voicesOf(_ input: (file: String, session: AuditSession)) throws(Refusal) -> [String: [QuestionRef: AnswerEntry]] {
        let session = input.session
        if session.isTeam { return session.byAuditor }
        let entries = session.entries.filter { !$0.value.isEmpty }
        if let name = session.answeredBy ?? (session.auditors.count == 1 ? session.auditors[0] : nil) { return [name: entries] }
        guard !session.auditors.isEmpty else {
            throw .noAuditor(file: input.file)
        }
        return [NumberText.list(session.auditors) + " (together)": entries]
    }

    /// One auditor's answer to a question found in two files: the later one (by time, then
    /// text, so the order of the files does not matter), with the notes and evidence of both.
    static func combine(_ a: AnswerEntry, _ b: AnswerEntry) -> AnswerEntry {
        if a == b { return a }
        let (newer, older) = (a.at ?? "", a.text ?? "") >= (b.at ?? "", b.text ?? "") ? (a, b) : (b, a)
        var kept = newer
        for note in older.notes.sorted() where !kept.notes.contains(note) { kept.notes.append(note) }
        for item in older.evidence.sorted() where !kept.evidence.contains(item) { kept.evidence.append(item) }
        kept.estimated = kept.estimated ?? older.estimated
        kept.measured = kept.measured ?? older.measured
        return kept
    }

    /// `entry` with the notes and evidence of `other` it does not have yet, in their order.
    static func combine(_ entry: AnswerEntry, attachmentsOf other: AnswerEntry) -> AnswerEntry {
        var out = entry
        for note in other.notes where !out.notes.contains(note) { out.notes.append(note) }
        for item in other.evidence where !out.evidence.contains(item) { out.evidence.append(item) }
        return out
    }

    /// The checklists of all sessions, each at the earliest place any session has it (so the
    /// profile stays first), ties by id: the same whatever the order of the files.
    static func stamps(of sessions: [AuditSession]) -> [ChecklistStamp] {
        var byID: [String: (stamp: ChecklistStamp, place: Int)] = [:]
        for session in sessions {
            for (place, stamp) in session.checklists.enumerated() where place < byID[stamp.id]?.place ?? .max {
                byID[stamp.id] = (stamp, place)
            }
        }
        return byID.values.sorted { ($0.place, $0.stamp.id) < ($1.place, $1.stamp.id) }.map(\.stamp)
    }

    /// Questions in checklist order.
    static func orderedRefs(_ refs: Set<QuestionRef>, set: ChecklistSet) -> [QuestionRef] {
        var position: [QuestionRef: Int] = [:]
        var n = 0
        for checklist in set.checklists {
            for section in checklist.sections {
                for question in section.questions {
                    position[QuestionRef(checklist: checklist.id, question: question.id)] = n
                    n += 1
                }
            }
        }
        return refs.sorted { (position[$0] ?? .max, $0) < (position[$1] ?? .max, $1) }
    }

    /// `Lakeside Physio` and ` lakeside  physio` are one organisation.
    public static func normalised(_ name: String) -> String {
        name.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }
}

/// A question the auditors answered differently.
public struct Disagreement: Sendable {
    /// The question.
    public var ref: QuestionRef
    /// Each auditor's answer, by name.
    public var answers: [(auditor: String, entry: AnswerEntry)]
    /// The team's decision, if taken.
    public var resolution: Resolution?
    /// The measured figure that settled it, if any.
    public var measured: MeasuredValue?
    /// The team's answer as it stands (nil while open).
    public var team: String?
    /// Whether the question is asked given the team's answers: a question whose condition the
    /// team decided against (or has not decided yet) is moot for now, not open.
    public var isAsked = true

    /// Asked, and neither decided nor settled by data: the rules reading it are open.
    public var isOpen: Bool { isAsked && resolution == nil && measured == nil }
}

extension AnswerValue {
    /// The number a numeric answer holds, for tolerances; nil for the others.
    var magnitude: Double? {
        switch self {
        case .number(let v), .percent(let v): v
        case .duration(let seconds): seconds
        case .scale(let v): Double(v)
        default: nil
        }
    }
}
