import AuditKit
import CivilCalendar

/// Everything a report is made from: who was audited, by whom and when, the checklists in
/// audit order, the answers with their notes and evidence, and what was skipped or measured.
///
/// It is decoupled from the session file on purpose: the shell maps a session (or a plain
/// answers file) to it. `date` is the only date a report prints, so the same input always
/// renders to the same bytes.
public struct ReportInput: Sendable {
    /// The audited organisation, as the team typed it.
    public var organisation: String
    /// The people who ran the audit.
    public var auditors: [String]
    /// The session's date, `YYYY-MM-DD`.
    public var date: String
    /// False when the date is not the audit's own (an answers file written by hand has none,
    /// so `date` is the day it was read): a comparison then calls the earlier audit undated.
    public var isDated = true
    /// Ids of the audited checklists, in audit order.
    public var checklistIDs: [String]
    /// The loaded checklists (may hold more than `checklistIDs`, for cross-checklist rules).
    public var set: ChecklistSet
    /// The answers.
    public var answers: AnswerSheet
    /// Notes by question, in the order they were taken.
    public var notes: [QuestionRef: [String]]
    /// Evidence (text or URLs) by question, in the order it was added.
    public var evidence: [QuestionRef: [String]]
    /// Questions the team chose to skip.
    public var skipped: Set<QuestionRef>
    /// Answers computed from data exports, with where they came from.
    public var measured: [QuestionRef: MeasuredAnswer]
    /// Answers kept aside because the checklist no longer has their question.
    public var retired: [QuestionRef: RetiredAnswer] = [:]
    /// The team's owners and due dates for the plan's actions, by problem key.
    public var plan: [String: PlanAssignment] = [:]
    /// In a team audit: the questions the auditors answered differently, decided or not.
    public var disagreements: [Disagreement] = []
    /// In a team audit: how many questions two or more auditors answered, and how many of those
    /// they agreed on; nil when one person (or the team together) answered.
    public var agreement: (agreed: Int, of: Int)?
    /// In a team audit: each auditor's own answer (their estimate) to the questions measured
    /// since, by name, so the report shows each beside the data.
    public var auditorEstimates: [QuestionRef: [(auditor: String, text: String)]] = [:]
    /// The organisation's earlier audits and this one, oldest first, for the trend: each one's
    /// date and answers (scored against `set` when the report is built). Empty below three.
    public var history: [(date: String, checklistIDs: [String], answers: AnswerSheet)] = []
    /// The team's own values of the checklists' targets, with their reasons.
    public var targets: [QuestionRef: TargetSetting] = [:]
    /// Problems the team accepts for now, by key, with reason, owner and expiry.
    public var accepted: [String: AcceptedRisk] = [:]
    /// The day the report is written, against which acceptances expire (the audit's date when nil).
    public var today: CalendarDate?
    /// Scorecards already worked out for exactly these answers, by the problems each leaves out
    /// as accepted: the shell has scored the audit it just finished, and need not again.
    public var knownScorecards: [Set<String>: Scorecard] = [:]

    /// The accepted problems that have not expired on `today`.
    public var acceptedNow: Set<String> {
        let day = today ?? self.day
        return Set(accepted.filter { $0.value.isActive(on: day) }.keys)
    }

    /// The scores as if nothing were accepted, for "what it would be without acceptance".
    public var scorecardWithoutAcceptance: Scorecard { scorecard(accepting: []) }

    /// Creates an input; everything but the identity, checklists and answers may be left empty.
    public init(organisation: String, auditors: [String], date: String, checklistIDs: [String],
                set: ChecklistSet, answers: AnswerSheet, notes: [QuestionRef: [String]] = [:],
                evidence: [QuestionRef: [String]] = [:], skipped: Set<QuestionRef> = [],
                measured: [QuestionRef: MeasuredAnswer] = [:]) {
        self.organisation = organisation
        self.auditors = auditors
        self.date = date
        self.checklistIDs = checklistIDs
        self.set = set
        self.answers = answers
        self.notes = notes
        self.evidence = evidence
        self.skipped = skipped
        self.measured = measured
    }

    /// The audited checklists that are loaded, in audit order (unknown ids are left out).
    public var checklists: [Checklist] { checklistIDs.compactMap { set.checklist($0) } }

    /// The audit's date as a calendar day (the plan's dates count from it); today's epoch day
    /// 0 when the date does not parse, which only a hand-built input can give.
    public var day: CalendarDate { CalendarDate(dayNumber: Timestamp(iso: date)?.dayNumber ?? 0) }

    /// The plan of actions for these answers, with the team's owners and dates.
    public var actionPlan: ActionPlan {
        ActionPlan(scorecard: scorecard, set: set, answers: answers, date: day, assignments: plan)
    }

    /// The scores of the audited checklists, computed by `Scorer.score`.
    public var scorecard: Scorecard { scorecard(accepting: acceptedNow) }

    private func scorecard(accepting accepted: Set<String>) -> Scorecard {
        knownScorecards[accepted] ?? Scorer.score(set, answers: answers, checklists: checklistIDs, accepted: accepted)
    }
}
