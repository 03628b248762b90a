import AuditKit
import CivilCalendar

/// Problems a team accepts for now (issue 28): accepting one with a reason, an owner and an
/// expiry, the scores that leave the accepted ones out, and the warnings when one has expired.
public enum AcceptedRisks {
    /// Today, as `SMAUDIT_NOW` or the clock says.
    public static func today(_ clock: Clock) -> CalendarDate {
        CalendarDate(dayNumber: clock.now.dayNumber)
    }

    /// The keys of the session's problems accepted today.
    public static func acceptedToday(_ session: AuditSession, clock: Clock) -> Set<String> {
        session.acceptedKeys(on: today(clock))
    }

    /// The scores of a session with its problems accepted today left out; `answers` is
    /// `session.answers`, passed in by callers that keep it up to date.
    public static func scorecard(_ session: AuditSession, set: ChecklistSet, clock: Clock,
                                 answers: AnswerSheet? = nil) -> Scorecard {
        Scorer.score(set, answers: answers ?? session.answers, checklists: session.checklistIDs,
                     accepted: acceptedToday(session, clock: clock))
    }

    /// One line per acceptance that has expired and counts again, and one saying the score
    /// leaves accepted problems out (for `--fail-under`); empty when nothing is accepted.
    public static func notes(_ session: AuditSession, set: ChecklistSet, clock: Clock) -> [String] {
        guard !session.accepted.isEmpty else { return [] }
        let day = today(clock)
        let index = ProblemIndex(set)
        var lines: [String] = []
        for (key, risk) in session.accepted.sorted(by: { $0.key < $1.key }) where !risk.isActive(on: day) {
            let heading = index.problem(key)?.heading ?? key
            lines.append("warning: the acceptance of \"\(heading)\" (\(key)) expired on \(risk.until!); it counts again. `accept` it again with a new --until, or fix it")
        }
        let active = session.acceptedKeys(on: day).count
        if active > 0 {
            lines.append("note: \(active.counted("accepted problem")) left out of the score and the band (`accepted` lists them)")
        }
        return lines
    }

    /// Accepts a problem of the session: the key must be a problem of its checklists (the
    /// closest is offered otherwise), the reason and owner given, `until` not past, and a
    /// critical problem accepted only until a date at most 90 days away.
    public static func accept(_ key: String, reason: String, owner: String, until: CalendarDate?, in session: inout AuditSession,
                              set: ChecklistSet, clock: Clock) throws -> ProblemIndex.Problem {
        let index = ProblemIndex(set, checklists: session.checklistIDs)
        guard let problem = index.problem(key) ?? index.problems.first(where: { $0.key.hasSuffix("." + key) }) else {
            throw AuditError.unknownProblem(key: key, suggestion: Suggest.closest(to: key, in: index.problems.map(\.key)))
        }
        guard !reason.allSatisfy(\.isWhitespace) else { throw AuditError.acceptReasonNeeded }
        guard !owner.allSatisfy(\.isWhitespace) else { throw AuditError.ownerNeeded }
        let day = today(clock)
        if let until, until < day {
            throw AuditError.untilPassed(until: until, today: day)
        }
        if problem.severity == .critical {
            let latest = CalendarDate(dayNumber: day.dayNumber + AcceptedRisk.criticalLimit)
            guard let until else {
                throw AuditError.criticalNeedsUntil(problem: problem.heading, latest: latest)
            }
            if until > latest {
                throw AuditError.criticalTooLong(problem: problem.heading, latest: latest)
            }
        }
        session.accepted[problem.key] = AcceptedRisk(reason: reason.trimmed(.unicodeWhitespace), owner: owner.trimmed(.unicodeWhitespace), until: until,
                                                     at: clock.nowText)
        return problem
    }

    /// `accepted`'s lines: each accepted problem with reason, owner and expiry.
    public static func listing(_ session: AuditSession, set: ChecklistSet, clock: Clock) -> [[String]] {
        let index = ProblemIndex(set)
        let day = today(clock)
        return session.accepted.sorted { $0.key < $1.key }.map { key, risk in
            let state = risk.isActive(on: day) ? (risk.until.map { "until \($0)" } ?? "no end") : "expired \(risk.until!)"
            return [key, index.problem(key)?.heading ?? key, risk.owner, state, risk.reason]
        }
    }
}
