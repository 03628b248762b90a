import AuditKit
import BuiltinChecklists

/// Plain-text listings of checklists for `list` and `show`.
public enum ChecklistText {
    /// The table `list` prints: id, version, question and rule counts, title, and where the
    /// checklist comes from (built-in, or the user file's path). `cell` makes each cell safe to show.
    public static func listing(_ set: ChecklistSet, cell: (String) -> String = { $0 }) -> String {
        table(listingRows(set), cell: cell)
    }

    /// The rows of `listing`, the header first.
    public static func listingRows(_ set: ChecklistSet) -> [[String]] {
        rows(set.checklists.map {
            (EmbeddedChecklistSummary(id: $0.id, version: $0.version, title: $0.title,
                                      questions: $0.questionIDs.count, rules: $0.rules.count), origin(of: $0))
        })
    }

    /// The same table for the built-in checklists alone, from what was found when smaudit was
    /// built, so nothing is parsed; nil when `folders` hold checklist files of the user's (or
    /// the built-ins did not load cleanly then), and the checklists must be loaded to list them.
    public static func builtinListing(unlessFilesIn folders: [String]) -> String? {
        guard let summaries = BuiltinChecklists.summaries,
              folders.allSatisfy({ ChecklistCatalog.yamlFiles(in: $0).isEmpty }) else { return nil }
        return table(rows(summaries.map { ($0, builtIn) }))
    }

    /// What `list` says of a checklist compiled into smaudit.
    static let builtIn = "built-in"

    /// `built-in`, or the path of the user's file.
    static func origin(of checklist: Checklist) -> String {
        BuiltinChecklists.files.contains { $0.name == checklist.file } ? builtIn : checklist.file
    }

    static func rows(_ summaries: [(EmbeddedChecklistSummary, String)]) -> [[String]] {
        var rows = [["checklist", "version", "questions", "rules", "title", "from"]]
        for (s, origin) in summaries {
            rows.append([s.id, s.version, String(s.questions), String(s.rules), s.title, origin])
        }
        return rows
    }

    /// What `show` prints: the checklist's sections, questions (with their conditions and choices) and rules.
    public static func describe(_ checklist: Checklist) -> String {
        var lines = ["\(checklist.title) (\(checklist.id) \(checklist.version))"]
        if let description = checklist.description { lines.append(description.trimmed(.unicodeWhitespace)) }
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
        if !checklist.targets.isEmpty {
            lines.append("")
            lines.append("## Targets (a team may set its own: `target NAME VALUE --reason TEXT`)")
            for target in checklist.targets {
                var line = "  \(target.id) [\(target.type.rawValue)] \(target.prompt): \(target.defaultText ?? "")"
                line += " (\(target.acceptedAnswers))"
                lines.append(line)
            }
        }
        lines.append("")
        lines.append("## Rules")
        for rule in checklist.rules {
            // A title naming a target reads with its default, as `show` has no session.
            let title = TargetWords.fill(rule.title, checklistID: checklist.id) { checklist.targetDefaults[$0.question] }
            lines.append("  \(rule.id) [\(rule.severity.rawValue), \(NumberText.count(rule.points)) \(rule.points == 1 ? "point" : "points")] \(title)")
        }
        return lines.joined(separator: "\n")
    }

    /// Names separated by commas: `seven-steps, four-mistakes, launch`. A plain loop, because the
    /// banner is printed before the first prompt and the standard library's generic `joined`
    /// makes the runtime scan every protocol conformance in the binary on its first call.
    public static func commaList(_ names: [String]) -> String {
        var text = ""
        for name in names {
            if !text.isEmpty { text += ", " }
            text += name
        }
        return text
    }

    /// Aligns rows of cells into columns. `cell` turns each cell into what is shown (the shell
    /// and the command line make text safe for a terminal), so the columns line up with it.
    public static func table(_ rows: [[String]], cell: (String) -> String = { $0 }) -> String {
        let rows = rows.map { $0.map(cell) }
        let widths = (0..<(rows.first?.count ?? 0)).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { $0.offset == row.count - 1 ? $0.element : $0.element.padded(toWidth: widths[$0.offset]) }
                .joined(separator: "  ")
        }.joined(separator: "\n")
    }
}
