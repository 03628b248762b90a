import AuditKit
import LineEditor

/// Plain-text listings of checklists for `list` and `show`.
public enum ChecklistText {
    public static func listing(_ set: ChecklistSet) -> String {
        var rows = [["checklist", "version", "questions", "rules", "title"]]
        for checklist in set.checklists {
            rows.append([checklist.id, checklist.version, String(checklist.questionIDs.count), String(checklist.rules.count), checklist.title])
        }
        return table(rows)
    }

    public static func describe(_ checklist: Checklist) -> String {
        var lines = ["\(checklist.title) (\(checklist.id) \(checklist.version))"]
        if let description = checklist.description { lines.append(description.trimmingWhitespace()) }
        for section in checklist.sections {
            lines.append("")
            lines.append("## \(section.title)")
            for question in section.questions {
                var line = "  \(question.id) [\(question.type.rawValue)] \(question.prompt)"
                if let when = question.when { line += "\n      asked when: \(when.text)" }
                if !question.choices.isEmpty { line += "\n      choices: \(question.choices.joined(separator: " | "))" }
                lines.append(line)
            }
        }
        lines.append("")
        lines.append("## Rules")
        for rule in checklist.rules {
            lines.append("  \(rule.id) [\(rule.severity.rawValue), \(ScoreText.number(rule.points)) \(rule.points == 1 ? "point" : "points")] \(rule.title)")
        }
        return lines.joined(separator: "\n")
    }

    /// Aligns rows of cells into columns. Cells are made safe for a terminal first, so the
    /// columns line up with what is shown.
    public static func table(_ rows: [[String]]) -> String {
        let rows = rows.map { $0.map(TerminalSafe.escape) }
        let widths = (0..<(rows.first?.count ?? 0)).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { $0.offset == row.count - 1 ? $0.element : $0.element.padded(toWidth: widths[$0.offset]) }
                .joined(separator: "  ")
        }.joined(separator: "\n")
    }
}
