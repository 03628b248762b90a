import AuditKit

/// The comparison with the previous audit, practice by practice (the summary says it problem
/// by problem): a problem can be partly fixed, so the detail is the practices.
extension DocumentBuilder {

    func comparison(_ c: ReportComparison) -> DocumentSection {
        var blocks: [Block] = []
        if let date = c.baselineDate {
            blocks.append(.paragraph([.text("The previous audit is dated " + (CalendarDate(iso: date).map(HumanNumbers.date) ?? date) + ".")]))
        } else {
            blocks.append(.paragraph([.text("The previous audit is undated: its file records no start date.")]))
        }
        let changes = [c.overall] + c.checklists
        blocks.append(.chart(.beforeAfter(title: "Score before and after", rows: changes.map { ($0.title, $0.previous, $0.current) })))
        blocks.append(.table(Table(header: ["Score", "Previous", "Now", "Change"], alignment: [.left, .right, .right, .right],
                                   rows: changes.map { change in
                                       [change.id == nil ? [.strong([.text(change.title)])] : [.text(change.title)],
                                        [.text(ReportWording.score(change.previous))], [.text(ReportWording.score(change.current))],
                                        [.text(change.change.map(ReportWording.change) ?? "–")]]
                                   }, kind: .change)))
        func list(_ title: String, _ items: [[Inline]]) {
            blocks.append(.paragraph([.strong([.text("\(title) (\(items.count))")])]))
            blocks.append(items.isEmpty ? .paragraph([.text("None.")]) : .list(ordered: false, start: 1, items: items))
        }
        // Rule by rule: a problem can be partly solved, so its heading would claim too much.
        var seen: Set<String> = []
        let solved = c.resolved.filter(\.isSolved).compactMap { item -> [Inline]? in
            let practice = item.previous.rule.title
            guard seen.insert("solved " + practice).inserted else { return nil }
            return [.text(practice + (item.measuredNow ? " (in place now, measured from an export this time; typed before)" : " (in place now)"))]
        }
        list("Practices now in place", solved)
        let unjudged = c.resolved.filter { !$0.isSolved }.compactMap { item -> [Inline]? in
            let heading = (baseline ?? model).problemHeading(of: item.previous)
            guard seen.insert("unjudged " + heading).inserted else { return nil }
            let why = switch item.currentStatus {
            case .open: " (open now: questions it needs are unanswered)"
            case .notApplicable: " (no longer applies)"
            default: " (no longer part of the audit)"
            }
            return [.text(heading + why)]
        }
        if !unjudged.isEmpty { list("Not judged this time", unjudged) }
        let new = c.new.compactMap { r -> [Inline]? in
            let heading = model.problemHeading(of: r)
            guard seen.insert("new " + heading).inserted else { return nil }
            return [.text("\(heading) (\(r.rule.severity.rawValue); passed before)")]
        }
        list("Practices that slipped", new)
        let first = c.firstJudged.compactMap { item -> [Inline]? in
            let heading = model.problemHeading(of: item.current)
            guard seen.insert("first " + heading).inserted else { return nil }
            let before: String
            switch item.previousStatus {
            case .open?: before = "open before"
            case .notApplicable?: before = "did not apply before"
            default: before = "not part of the previous audit"
            }
            return [.text("\(heading) (\(item.current.rule.severity.rawValue); \(before))")]
        }
        list("Judged for the first time", first)
        list("Answers that changed", c.changedAnswers.map { change in
            let question = input.set.question(change.ref)
            func said(_ text: String?) -> String { text.map { "“" + HumanNumbers.typed($0, of: question) + "”" } ?? "not answered" }
            return [.text(change.prompt + " — " + said(change.previous) + " → " + said(change.current))]
        })
        return DocumentSection(id: "comparison", title: "Compared with the previous audit", startsPage: true, blocks: blocks)
    }
}
