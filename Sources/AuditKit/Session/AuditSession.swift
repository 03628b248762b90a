import CivilCalendar
/// An audit in progress or finished: who, when, which checklists, and every answer with its
/// time, notes and evidence. Saved as YAML after every change (see `SessionWriter`); the same
/// file is a valid `--answers` file.
public struct AuditSession: Sendable, Hashable {
    /// The newest session file format this version reads; a file with a higher number is refused.
    /// Format 2 added `retired:`, `estimated:` and the end marker; format 3 a team's
    /// `by_auditor:` and `resolved:` (written only by a team session, so a one-person file stays
    /// readable by a smaudit that reads format 2); format 1 files are still read.
    public static let formatVersion = 3

    /// The format this session is written in: 3 for a team session, else 2.
    public var writtenFormat: Int { isTeam ? 3 : 2 }

    /// The organisation audited.
    public var organisation: String
    /// Who ran the audit.
    public var auditors: [String]
    /// The one auditor who answered this session alone (`audit --as NAME`), not seeing the
    /// others' answers; nil for answers given together.
    public var answeredBy: String?
    /// In a team session (`merge`): every auditor's own answers, notes and evidence, by name.
    /// `entries` then holds the team's answers: what all agreed on, what was resolved, and what
    /// measured data settled; a disagreement still open has no answer there.
    public var byAuditor: [String: [QuestionRef: AnswerEntry]] = [:]
    /// The team's decisions on disagreements, by question.
    public var resolutions: [QuestionRef: Resolution] = [:]
    /// Problems the team accepts for now, by problem key (`four-mistakes.service-sent-away`).
    public var accepted: [String: AcceptedRisk] = [:]
    /// The team's own values of the checklists' adjustable bars, by target.
    public var targets: [QuestionRef: TargetSetting] = [:]

    /// The keys of the problems accepted on `day` (those whose `until` has not passed).
    public func acceptedKeys(on day: CalendarDate) -> Set<String> {
        Set(accepted.filter { $0.value.isActive(on: day) }.keys)
    }
    /// When the session began (ISO 8601); its date names the session and dates the report.
    public var started: String
    /// When the session was last saved (ISO 8601).
    public var updated: String
    /// The checklists audited, in order, with the version and content hash they had.
    public var checklists: [ChecklistStamp]
    /// What the team said, by question.
    public var entries: [QuestionRef: AnswerEntry]
    /// Answers to questions the checklist no longer has (or no longer accepts), kept aside so
    /// nothing the team wrote is lost; they come back if the question returns.
    public var retired: [QuestionRef: RetiredAnswer] = [:]
    /// Owners and due dates of the plan's actions, by problem key.
    public var plan: [String: PlanAssignment] = [:]
    /// False for a file that gave no `started:` (an answers file written by hand): its `started`
    /// is then the time it was read, which a comparison must not present as the audit's date.
    public var isDated = true

    /// Creates a session.
    public init(organisation: String, auditors: [String], started: String, updated: String? = nil,
                checklists: [ChecklistStamp], entries: [QuestionRef: AnswerEntry] = [:]) {
        self.organisation = organisation
        self.auditors = auditors
        self.started = started
        self.updated = updated ?? started
        self.checklists = checklists
        self.entries = entries
    }

    /// A session merged from auditors who answered alone.
    public var isTeam: Bool { !byAuditor.isEmpty }

    /// The checklist ids in audit order.
    public var checklistIDs: [String] { checklists.map(\.id) }

    /// Retired answers whose question exists again (with an answer it accepts) move back among
    /// the answers, unless the question has been answered since; returns the questions restored.
    @discardableResult
    public mutating func restoreRetired(in set: ChecklistSet) -> [QuestionRef] {
        var restored: [QuestionRef] = []
        for (ref, retiredAnswer) in retired.sorted(by: { $0.key < $1.key }) {
            guard let question = set.question(ref), entries[ref]?.value == nil else { continue }
            var entry = retiredAnswer.entry
            if let text = entry.text {
                guard case .success(let value) = question.parse(text) else { continue }
                entry.value = value
            }
            var merged = entries[ref] ?? AnswerEntry()
            merged.text = entry.text
            merged.value = entry.value
            merged.at = merged.at ?? entry.at
            merged.estimated = merged.estimated ?? entry.estimated
            merged.notes = entry.notes + merged.notes
            merged.evidence = entry.evidence + merged.evidence
            merged.measured = merged.measured ?? entry.measured
            entries[ref] = merged
            retired[ref] = nil
            restored.append(ref)
        }
        return restored
    }

    /// `YYYY-MM-DD` of the start.
    public var date: String { Timestamp(iso: started)?.dayText ?? started }

    /// The parsed answers, for scoring.
    public var answers: AnswerSheet {
        var sheet = AnswerSheet()
        for (ref, entry) in entries { if let value = entry.value { sheet[ref] = value } }
        // Rules read a target like an answer: the team's value overrides the default.
        for (ref, target) in targets { sheet[ref] = target.value }
        return sheet
    }

    /// The entry of a question, created empty when absent.
    public subscript(ref: QuestionRef) -> AnswerEntry {
        get { entries[ref] ?? AnswerEntry() }
        set { entries[ref] = newValue.isEmpty ? nil : newValue }
    }
}

/// A checklist as it was when the session used it, so a later change can be detected.
public struct ChecklistStamp: Sendable, Hashable {
    public var id: String
    public var version: String
    public var hash: String

    public init(id: String, version: String, hash: String) {
        self.id = id
        self.version = version
        self.hash = hash
    }

    /// The stamp of a loaded checklist.
    public init(_ checklist: Checklist) {
        self.init(id: checklist.id, version: checklist.version, hash: checklist.contentHash)
    }
}

/// Everything recorded for one question.
public struct AnswerEntry: Sendable, Hashable {
    /// The answer as the team typed it (kept so a hand-edited file reads naturally).
    public var text: String?
    /// The parsed answer.
    public var value: AnswerValue?
    /// When it was given (ISO 8601).
    public var at: String?
    /// The team chose to leave it for later.
    public var skipped = false
    /// Free-text notes.
    public var notes: [String] = []
    /// Links or descriptions of supporting material.
    public var evidence: [String] = []
    /// Where a measured answer came from.
    public var measured: MeasuredValue?
    /// The answer the team typed before a measured value replaced it, kept as their estimate.
    public var estimated: String?

    public init(text: String? = nil, value: AnswerValue? = nil, at: String? = nil) {
        self.text = text
        self.value = value
        self.at = at
    }

    /// Nothing recorded.
    public var isEmpty: Bool {
        value == nil && !skipped && notes.isEmpty && evidence.isEmpty && measured == nil && estimated == nil && text == nil
    }
}

/// An answer kept aside because its question no longer exists in the checklist, or no longer
/// accepts it (a choice was renamed), with the checklist version it was given under.
public struct RetiredAnswer: Sendable, Hashable {
    /// Everything recorded for the question; `value` is nil, `text` holds the answer as typed.
    public var entry: AnswerEntry
    /// The checklist version the answer belonged to.
    public var version: String

    public init(entry: AnswerEntry, version: String) {
        self.entry = entry
        self.version = version
    }
}

/// An answer computed from a platform export by `smaudit measure`.
public struct MeasuredValue: Sendable, Hashable {
    /// The export file, as named on the command line.
    public var file: String
    /// The metric path, e.g. `inbox.response_rate`.
    public var metric: String
    /// The exact value, in the metric's unit.
    public var value: Double
    /// When it was measured (ISO 8601).
    public var at: String
    /// The part of the export measured, in words (`Oct 2026`); nil for older sessions.
    public var period: String?
    /// The same figure per platform, in the exports' order, when the exports were of several:
    /// the answer is their total, and the report shows them beside it.
    public var byPlatform: [PlatformFigure] = []
    /// The figure over time, for a chart (followers at each month's end: `2026-10`), oldest
    /// first; empty for figures measured once.
    public var series: [PlatformFigure] = []

    public init(file: String, metric: String, value: Double, at: String, period: String? = nil, byPlatform: [PlatformFigure] = [],
                series: [PlatformFigure] = []) {
        self.file = file
        self.metric = metric
        self.value = value
        self.at = at
        self.period = period
        self.byPlatform = byPlatform
        self.series = series
    }
}

/// One platform's figure of a measured answer.
public struct PlatformFigure: Sendable, Hashable {
    /// `Instagram`.
    public var platform: String
    /// Its value, in the metric's unit.
    public var value: Double

    public init(platform: String, value: Double) {
        self.platform = platform
        self.value = value
    }
}

/// The team's decision on a question its auditors answered differently.
public struct Resolution: Sendable, Hashable {
    /// The team's answer, as typed.
    public var text: String
    /// Why, in the facilitator's words; nil when none was given.
    public var reason: String?
    /// When it was decided (ISO 8601).
    public var at: String?

    public init(text: String, reason: String? = nil, at: String? = nil) {
        self.text = text
        self.reason = reason
        self.at = at
    }
}

/// A problem the team accepts for now (as an InSpec waiver): why, who owns the decision, and
/// until when; after that day it counts again.
public struct AcceptedRisk: Sendable, Hashable {
    /// Why the team accepts it.
    public var reason: String
    /// Who owns the decision.
    public var owner: String
    /// The last day it is accepted; nil for no end (not allowed for a critical problem).
    public var until: CalendarDate?
    /// When it was accepted (ISO 8601).
    public var at: String?

    public init(reason: String, owner: String, until: CalendarDate? = nil, at: String? = nil) {
        self.reason = reason
        self.owner = owner
        self.until = until
        self.at = at
    }

    /// Still accepted on `day`: no end, or the end not passed.
    public func isActive(on day: CalendarDate) -> Bool { until.map { day <= $0 } ?? true }

    /// The longest a critical problem may be accepted for, in days.
    public static let criticalLimit = 90
}

/// The team's own value of an adjustable bar (a checklist's target), with why.
public struct TargetSetting: Sendable, Hashable {
    /// The value as typed (`4h`).
    public var text: String
    /// The parsed value.
    public var value: AnswerValue
    /// Why the team set it.
    public var reason: String
    /// When it was set (ISO 8601).
    public var at: String?

    public init(text: String, value: AnswerValue, reason: String, at: String? = nil) {
        self.text = text
        self.value = value
        self.reason = reason
        self.at = at
    }
}
