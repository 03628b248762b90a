import AuditKit
import AuditReport

/// Turns a session into the report renderers' input.
public enum ReportRendering {
    /// The Markdown report of a session.
    public static func markdown(session: AuditSession, set: ChecklistSet, baseline: AuditSession? = nil) -> String {
        let card = Scorer.score(set, answers: session.answers, checklists: session.checklistIDs)
        var lines = ["# Social media audit: \(session.organisation)", "",
                     "Date: \(session.date) · Auditors: \(session.auditors.joined(separator: ", "))", "",
                     "## Summary", "", ScoreText.line(card.overall), ""]
        for finding in card.findings.prefix(3) { lines.append("- " + ScoreText.findingLine(finding)) }
        lines.append("")
        return lines.joined(separator: "\n")
    }

    /// The JSON report of a session.
    public static func json(session: AuditSession, set: ChecklistSet, baseline: AuditSession? = nil) -> String {
        let card = Scorer.score(set, answers: session.answers, checklists: session.checklistIDs)
        let score = card.overall.score.map { ScoreText.number($0) } ?? "null"
        return "{\"organisation\": \(SessionWriter.quote(session.organisation)), \"score\": \(score)}\n"
    }
}
