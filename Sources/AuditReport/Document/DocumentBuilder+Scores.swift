import AuditKit

/// The scores: overall, per checklist and per section, with their charts.
extension DocumentBuilder {

    static let scoreHeader = ["Score", "Range", "Band", "Passed", "Failed", "Open", ""]
    /// Quotes shown under one finding's "Why it matters".
    static let quotesPerFinding = 3
    static let scoreAlignment: [Table.Alignment] = [.left, .right, .left, .left, .right, .right, .right, .left]

    func scoreCells(_ label: [Inline], _ standing: Standing) -> [[Inline]] {
        let s = standing.summary
        let range = s.openRules > 0 ? "\(ReportFormat.score(s.low))–\(ReportFormat.score(s.high))" : ""
        return [label, [.text(ReportFormat.score(standing.score))], [.text(range)], [.text(ReportFormat.bandCell(standing))],
                [.text("\(s.passedRules)")], [.text("\(s.failedRules)")], [.text("\(s.openRules)")], [.bar(standing.score)]]
    }

    func barRow(_ label: String, _ standing: Standing) -> Chart.BarRow {
        Chart.BarRow(label: label, score: ReportFormat.shown(standing.score), low: ReportFormat.shown(standing.summary.low),
                     high: ReportFormat.shown(standing.summary.high))
    }

    func scores() -> DocumentSection {
        let standing = model.scorecard.standing
        var blocks: [Block] = [.paragraph([.text("Scores are out of 100. Rules pass, fail or are open (not decidable yet); the range is where an open score could still end up. A capped band is lowered by a failed critical practice; a provisional band may still change.")])]
        blocks.append(.chart(.gauge(Chart.Gauge(title: "Overall score " + ReportFormat.score(standing.score) + " of 100, " + ReportFormat.bandCell(standing),
                                                score: ReportFormat.shown(standing.score), low: ReportFormat.shown(standing.summary.low),
                                                high: ReportFormat.shown(standing.summary.high), band: standing.band?.label))))
        var rows = [scoreCells([.strong([.text("Overall")])], standing)]
        rows += model.scorecard.checklists.map { scoreCells([.text($0.title)], $0.standing) }
        blocks.append(.table(Table(header: ["Checklist"] + Self.scoreHeader, alignment: Self.scoreAlignment, rows: rows, kind: "scores")))
        if model.scorecard.checklists.count > 1 {
            blocks.append(.chart(.bars(title: "Score per checklist", rows: model.scorecard.checklists.map { barRow($0.title, $0.standing) })))
        }
        for c in model.scorecard.checklists {
            guard let checklist = input.set.checklist(c.id) else { continue }
            blocks.append(.heading(3, [.text(c.title)]))
            let shown = c.sections.filter { !model.isUnused($0, of: checklist) }
            let left = c.sections.filter { model.isUnused($0, of: checklist) && !(checklist.section($0.id)?.questions.isEmpty ?? true) }
            if !shown.isEmpty {
                blocks.append(.table(Table(header: ["Section"] + Self.scoreHeader, alignment: Self.scoreAlignment,
                                           rows: shown.map { scoreCells([.text($0.title)], .plain($0.summary)) }, kind: "scores")))
            }
            if !left.isEmpty {
                blocks.append(.paragraph([.text("Left out, since no practice in them applies to this team: " + left.map(\.title).joined(separator: "; ") + ".")]))
            }
            let rows = shown.map { barRow($0.title, .plain($0.summary)) }
            if shown.count > 1 { blocks.append(.chart(.bars(title: "\(c.title): score per section", rows: rows))) }
            // Five sections or more (the seven steps) also read as a shape: where the strategy is thin.
            if shown.count >= 5 { blocks.append(.chart(.radar(title: "\(c.title): the sections at a glance", axes: rows))) }
        }
        return DocumentSection(id: "scores", title: "Scores", startsPage: false, blocks: blocks)
    }
}
