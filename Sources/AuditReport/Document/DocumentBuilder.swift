import AuditKit

/// Builds the report's document from the model. The body is what a director reads in ten
/// minutes: the summary (one screen), the action plan, one short finding per problem and the
/// comparison with the previous audit; the annex (left out with `--brief`) holds the detail a
/// practitioner works from. Question ids, points and file names appear in the annex only; the
/// body quotes prompts, names articles by author, title and date, and says numbers in words.
struct DocumentBuilder {
    let model: ReportModel
    let comparison: ReportComparison?
    /// The earlier audit's model, for the problem headings of rules that no longer fail.
    let baseline: ReportModel?
    let settings: ReportSettings

    init(_ model: ReportModel, baseline: ReportModel? = nil, settings: ReportSettings = ReportSettings()) {
        self.model = model
        self.baseline = baseline
        self.settings = settings
        comparison = baseline.map { ReportComparison(model, $0) }
    }

    private init(model: ReportModel, comparison: ReportComparison?, baseline: ReportModel?, settings: ReportSettings) {
        self.model = model
        self.comparison = comparison
        self.baseline = baseline
        self.settings = settings
    }

    /// The same builder for another thread, its models with evaluators of their own (see
    /// `ReportModel.withOwnEvaluator()`), so that a section can be built there while this
    /// thread builds the others.
    func forAnotherThread() -> DocumentBuilder {
        DocumentBuilder(model: model.withOwnEvaluator(), comparison: comparison, baseline: baseline?.withOwnEvaluator(),
                        settings: settings)
    }

    var input: ReportInput { model.input }

    func build() -> ReportDocument {
        var document = body()
        if !settings.brief { document.sections.append(annex()) }
        return document
    }

    /// The report without its annex (`annex()`, always the last section): the whole of a brief
    /// one.
    func body() -> ReportDocument {
        var sections = [summary(), actionPlan(), findings()]
        if let comparison { sections.append(self.comparison(comparison)) }
        if let trend = trendSection() { sections.append(trend) }
        if let team = teamSection() { sections.append(team) }
        if let accepted = acceptedSection() { sections.append(accepted) }
        let organisation = input.organisation.trimmed()
        return ReportDocument(title: "Social media audit: " + (organisation.isEmpty ? "unnamed organisation" : organisation),
                              header: header(), sections: sections)
    }

    // MARK: Header

    func header() -> [Block] {
        let auditors = input.auditors.map { $0.trimmed() }.filter { !$0.isEmpty }
        let checklists = model.checklists.map { "\($0.title) \($0.version)" }
        return [.list(ordered: false, start: 1, items: [
            [.strong([.text("Date:")]), .text(" " + (CalendarDate(iso: input.date).map(HumanNumbers.date) ?? input.date))],
            [.strong([.text("Auditors:")]), .text(" " + (auditors.isEmpty ? "not recorded" : auditors.joined(separator: ", ")))],
            [.strong([.text("Checklists:")]), .text(" " + (checklists.isEmpty ? "none" : checklists.joined(separator: "; ")))],
        ])]
    }
}
