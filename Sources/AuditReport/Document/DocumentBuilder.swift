import AuditKit

/// Builds the report's document from the model: title and identity, summary, action plan,
/// scores, findings by theme, the comparison with an earlier audit (when given) and the
/// appendix. Question ids appear in the appendix only; the body quotes prompts, names
/// articles by author, title and date, and says conditions in words.
struct DocumentBuilder {
    let model: ReportModel
    let comparison: ReportComparison?
    /// The earlier audit's model, for the problem headings of rules that no longer fail.
    let baseline: ReportModel?

    init(_ model: ReportModel, baseline: ReportModel? = nil) {
        self.model = model
        self.baseline = baseline
        comparison = baseline.map { ReportComparison(model, $0) }
    }

    var input: ReportInput { model.input }

    func build() -> ReportDocument {
        var sections = [summary(), actionPlan(), scores(), findings()]
        if let comparison { sections.append(self.comparison(comparison)) }
        sections.append(appendix())
        let organisation = input.organisation.trimmedText
        return ReportDocument(title: "Social media audit: " + (organisation.isEmpty ? "unnamed organisation" : organisation),
                              header: header(), sections: sections)
    }

    // MARK: Header

    func header() -> [Block] {
        let auditors = input.auditors.map(\.trimmedText).filter { !$0.isEmpty }
        let checklists = model.checklists.map { "\($0.title) \($0.version)" }
        return [.list(ordered: false, start: 1, items: [
            [.strong([.text("Date:")]), .text(" " + input.date)],
            [.strong([.text("Auditors:")]), .text(" " + (auditors.isEmpty ? "not recorded" : auditors.joined(separator: ", ")))],
            [.strong([.text("Checklists:")]), .text(" " + (checklists.isEmpty ? "none" : checklists.joined(separator: "; ")))],
        ])]
    }
}
