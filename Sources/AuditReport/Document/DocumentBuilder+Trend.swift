import AuditKit

extension DocumentBuilder {
    /// "Score over time" (issue 28): with three or more audits of the organisation, the score of
    /// each by date, overall and per checklist, as a line chart (HTML) and its table (both).
    func trendSection() -> DocumentSection? {
        guard input.history.count >= 3 else { return nil }
        let cards = input.history.map { Scorer.score(input.set, answers: $0.answers, checklists: $0.checklistIDs) }
        let dates = input.history.map { CalendarDate(iso: $0.date).map(HumanNumbers.date) ?? $0.date }
        // The scored checklists of this audit, in its order; an earlier audit without one has no
        // point on that line.
        let checklists = model.checklists.filter { model.scorecard.checklist($0.id)?.results.isEmpty == false }
        // Rounded as the table shows them, so the chart's words say the same numbers.
        func shown(_ score: Double?) -> Double? { score.map { ($0 * 10).rounded() / 10 } }
        var series: [(label: String, scores: [Double?])] = [("Overall", cards.map { shown($0.standing.score) })]
        for checklist in checklists {
            series.append((checklist.title, cards.map { shown($0.checklist(checklist.id)?.standing.score) }))
        }
        let table = Table(header: ["Date"] + series.map(\.label), alignment: [.left] + series.map { _ in .right },
                          rows: dates.indices.map { i in
                              [[.text(dates[i])]] + series.map { [.text(ReportWording.score($0.scores[i]))] }
                          }, kind: .trend)
        return DocumentSection(id: "trend", title: "Score over time", startsPage: false, blocks: [
            .paragraph([.text("The \(input.history.count) audits of \(input.organisation.split(separator: " ").joined(separator: " ")), oldest first.")]),
            .chart(.trend(title: "Score by audit", dates: dates, series: series)),
            .table(table),
        ])
    }
}
