import AuditKit

/// The scores, in the annex: overall as a gauge, per checklist and per section as tables, with
/// one bar chart per checklist (the Markdown's bars are the tables' own column).
extension DocumentBuilder {

    static let scoreHeader = ["Score", "Range", "Band", "Passed", "Failed", "Open", ""]
    static let scoreAlignment: [Table.Alignment] = [.left, .right, .left, .left, .right, .right, .right, .left]

    func scoreCells(_ label: [Inline], _ standing: Standing) -> [[Inline]] {
        let s = standing.summary
        let range = s.openRules > 0 ? "\(ReportWording.score(s.low))–\(ReportWording.score(s.high))" : ""
        return [label, [.text(ReportWording.score(standing.score))], [.text(range)], [.text(ReportWording.bandCell(standing))],
                [.text("\(s.passedRules)")], [.text("\(s.failedRules)")], [.text("\(s.openRules)")], [.bar(standing.score)]]
    }

    func barRow(_ label: String, _ standing: Standing) -> Chart.BarRow {
        Chart.BarRow(label: label, score: ReportWording.shown(standing.score), low: ReportWording.shown(standing.summary.low),
                     high: ReportWording.shown(standing.summary.high))
    }

    func scores() -> [Block] {
        let standing = model.scorecard.standing
        var blocks: [Block] = [.heading(3, [.text("Scores")]),
                               .paragraph([.text("Scores are out of 100. Rules pass, fail or are open (not decidable yet); the range is where an open score could still end up. A capped band is lowered by a failed critical practice; a provisional band may still change.")])]
        blocks.append(.chart(.gauge(Chart.Gauge(title: "Overall score " + ReportWording.score(standing.score) + " of 100, " + ReportWording.bandCell(standing),
                                                score: ReportWording.shown(standing.score), low: ReportWording.shown(standing.summary.low),
                                                high: ReportWording.shown(standing.summary.high), band: standing.band?.label))))
        var rows = [scoreCells([.strong([.text("Overall")])], standing)]
        rows += model.scorecard.checklists.map { scoreCells([.text($0.title)], $0.standing) }
        blocks.append(.table(Table(header: ["Checklist"] + Self.scoreHeader, alignment: Self.scoreAlignment, rows: rows, kind: .scores)))
        for c in model.scorecard.checklists {
            guard let checklist = input.set.checklist(c.id) else { continue }
            blocks.append(.heading(4, [.text(c.title)]))
            let shown = c.sections.filter { !model.isUnused($0, of: checklist) }
            let left = c.sections.filter { model.isUnused($0, of: checklist) && !(checklist.section($0.id)?.questions.isEmpty ?? true) }
            if shown.count > 1 {
                blocks.append(.chart(.bars(title: "\(c.title): score per section", rows: shown.map { barRow($0.title, .plain($0.summary)) })))
            }
            if !shown.isEmpty {
                blocks.append(.table(Table(header: ["Section"] + Self.scoreHeader, alignment: Self.scoreAlignment,
                                           rows: shown.map { scoreCells([.text($0.title)], .plain($0.summary)) }, kind: .scores)))
            }
            if !left.isEmpty {
                blocks.append(.paragraph([.text("Left out, since no practice in them applies to this team: " + left.map(\.title).joined(separator: "; ") + ".")]))
            }
        }
        return blocks
    }
}
