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

    private var input: ReportInput { model.input }

    func build() -> ReportDocument {
        var sections = [summary(), actionPlan(), scores(), findings()]
        if let comparison { sections.append(self.comparison(comparison)) }
        sections.append(appendix())
        let organisation = input.organisation.trimmedText
        return ReportDocument(title: "Social media audit: " + (organisation.isEmpty ? "unnamed organisation" : organisation),
                              header: header(), sections: sections)
    }

    // MARK: Header

    private func header() -> [Block] {
        let auditors = input.auditors.map(\.trimmedText).filter { !$0.isEmpty }
        let checklists = model.checklists.map { "\($0.title) \($0.version)" }
        return [.list(ordered: false, start: 1, items: [
            [.strong([.text("Date:")]), .text(" " + input.date)],
            [.strong([.text("Auditors:")]), .text(" " + (auditors.isEmpty ? "not recorded" : auditors.joined(separator: ", ")))],
            [.strong([.text("Checklists:")]), .text(" " + (checklists.isEmpty ? "none" : checklists.joined(separator: "; ")))],
        ])]
    }

    // MARK: Summary

    /// The headline: score, band, cap or provisional state, or that there is no score yet.
    static func headline(_ standing: Standing) -> String {
        guard let score = standing.score, let band = standing.band else { return "Not enough answers to score yet" }
        let number = ReportFormat.score(score) + " of 100"
        if standing.isProvisional {
            if let span = standing.span, span.lowerBound != span.upperBound {
                return "Provisional score: \(number) — \(span.lowerBound.label) to \(span.upperBound.label)"
            }
            return "Provisional score: \(number) — \(band.label)"
        }
        if standing.isCapped, let pointsBand = standing.pointsBand {
            return "Overall score: \(number) — \(band.label) (capped; \(pointsBand.label) by points alone)"
        }
        return "Overall score: \(number) — \(band.label)"
    }

    private func summary() -> DocumentSection {
        let standing = model.scorecard.standing
        let overall = standing.summary
        var blocks: [Block] = [.paragraph([.strong([.text(Self.headline(standing))])])]
        var context: [Inline] = []
        func sentence(_ parts: [Inline]) {
            if !context.isEmpty { context.append(.text(" ")) }
            context += parts
        }
        if !standing.hasScore, standing.questionsToScore > 0 {
            let first = standing.missing.prefix(min(3, standing.questionsToScore)).compactMap { input.set.question($0.ref).map { "“\($0.prompt)”" } }
            sentence([.text("Answer \(standing.questionsToScore.counted("more question")) to get a score (the ones worth most points first: \(first.joined(separator: "; "))).")])
        }
        if standing.hasScore, overall.openRules > 0, let low = overall.low, let high = overall.high {
            let rules = overall.openRules == 1 ? "1 rule waits" : "\(overall.openRules) rules wait"
            // The meaning sentence says how much is decided when the band is provisional.
            let decided = standing.isProvisional ? "" : standing.confidence.map { ", \(ReportFormat.percent($0)) of the points are decided" } ?? ""
            sentence([.text("It could still end anywhere from \(ReportFormat.score(low)) to \(ReportFormat.score(high)): \(rules) for answers\(decided).")])
        }
        if overall.answeredQuestions < overall.askedQuestions {
            sentence([.text("\(overall.answeredQuestions) of \(overall.askedQuestions) questions are answered.")])
        }
        if !context.isEmpty { blocks.append(.paragraph(context)) }
        blocks.append(.paragraph([.text(ReportFormat.meaning(of: standing))]))

        let top = Array(model.topProblems)
        if top.isEmpty {
            blocks.append(.paragraph([.text(overall.openRules > 0 ? "No problem found so far: every practice with a known outcome is in place."
                                                                : "No problem found: every practice checked is in place.")]))
        } else {
            let count = ["", "The most important problem", "The two most important problems", "The three most important problems"][top.count]
            blocks.append(.paragraph([.strong([.text(count)])]))
            blocks.append(.list(ordered: true, start: 1, items: top.map { p in
                [.strong([.text(p.problem)]), .text(" — \(p.severity.rawValue); " + gainPhrase(p.gain))]
            }))
        }
        if let comparison { blocks += changeSummary(comparison) }
        if !model.estimates.isEmpty {
            blocks.append(.paragraph([.strong([.text("Your estimates and your exports")])]))
            blocks.append(.list(ordered: false, start: 1, items: model.estimates.map { pair in
                let m = pair.source
                let whereFrom = [Self.fileName(m.file), m.period].compactMap { $0 }.joined(separator: ", ")
                return [.text("You estimated “\(pair.estimate)” for “\(pair.prompt)”; the \(MetricWords.export(m.metric)) (\(whereFrom)) shows \(pair.measured).")]
            }))
        }
        return DocumentSection(id: "summary", title: "Summary", startsPage: false, blocks: blocks)
    }

    /// `fixing it adds 9.1 points to the score`, or that it is worth no points.
    private func gainPhrase(_ gain: Double) -> String {
        Band.displayed(gain) > 0 ? "fixing it adds \(ReportFormat.score(gain)) points to the score" : "an insight, worth no points by itself"
    }

    private func changeSummary(_ c: ReportComparison) -> [Block] {
        var parts: [String] = []
        if let previous = c.overall.previous, let current = c.overall.current, let change = c.overall.change {
            let verb = change > 0 ? "rose" : change < 0 ? "fell" : "stayed"
            var sentence = change == 0 ? "the score stayed at \(ReportFormat.score(current))" :
                "the score \(verb) from \(ReportFormat.score(previous)) to \(ReportFormat.score(current)) (\(ReportFormat.change(change)))"
            if let titles = c.sharedChecklistTitles {
                sentence = "On the checklist\(titles.count == 1 ? "" : "s") both audits cover (\(titles.joined(separator: ", "))), " + sentence
            } else {
                sentence = sentence.prefix(1).uppercased() + sentence.dropFirst()
            }
            parts.append(sentence + (c.baselineWasProvisional ? "; the earlier score was provisional." : "."))
        } else {
            parts.append("The scores cannot be compared: one of the audits has too few answers for a score.")
        }
        let solved = distinct(c.resolved.filter(\.isSolved).map { (baseline ?? model).problemHeading(of: $0.previous) })
        let new = distinct(c.new.map { model.problemHeading(of: $0) })
        let first = distinct(c.firstJudged.map { model.problemHeading(of: $0.current) })
        func names(_ list: [String]) -> String {
            let shown = list.prefix(3).map { "“\($0)”" }.joined(separator: "; ")
            return list.count > 3 ? shown + " and \(list.count - 3) more" : shown
        }
        parts.append(solved.isEmpty ? "No problem was solved." : "Solved: \(names(solved)).")
        parts.append(new.isEmpty ? "No new problem." : "New: \(names(new)).")
        if !first.isEmpty { parts.append("Judged for the first time: \(names(first)).") }
        let when = c.baselineDate.map { " (\($0))" } ?? " (undated)"
        return [.paragraph([.strong([.text("Since the previous audit" + when)])]), .paragraph([.text(parts.joined(separator: " "))])]
    }

    private func distinct(_ list: [String]) -> [String] {
        var seen: Set<String> = []
        return list.filter { seen.insert($0).inserted }
    }

    // MARK: Action plan

    private func actionPlan() -> DocumentSection {
        var blocks: [Block] = []
        if model.plan.isEmpty {
            let open = model.openRules.count
            blocks.append(.paragraph([.text(open > 0 ? "Nothing to fix among the practices judged so far; answer the open questions first (\(open == 1 ? "1 rule waits" : "\(open) rules wait") for them)."
                                                     : "Nothing to fix: every practice checked is in place.")]))
        } else {
            blocks.append(.paragraph([.text("Critical problems first, then high ones, then those worth most points; each recommendation appears once. The number in brackets is what the overall score gains.")]))
            var number = 1
            for phase in model.plan {
                blocks.append(.heading(3, [.text(phase.title)]))
                blocks.append(.list(ordered: true, start: number, items: phase.items.map { item in
                    let gain = Band.displayed(item.gain) > 0 ? ReportFormat.gain(item.gain) + "; " : ""
                    var line: [Inline] = [.text(item.recommendations.joined(separator: " ") + " (" + gain + "restores ")]
                    for (i, p) in item.problems.enumerated() {
                        if i > 0 { line.append(.text(i == item.problems.count - 1 ? " and " : ", ")) }
                        line.append(.emphasis([.text(p.title)]))
                    }
                    line.append(.text(")"))
                    return line
                }))
                number += phase.items.count
            }
        }
        return DocumentSection(id: "plan", title: "Action plan", startsPage: false, blocks: blocks)
    }

    // MARK: Scores

    static let scoreHeader = ["Score", "Range", "Band", "Passed", "Failed", "Open", ""]
    /// Quotes shown under one finding's "Why it matters".
    static let quotesPerFinding = 3
    static let scoreAlignment: [Table.Alignment] = [.left, .right, .left, .left, .right, .right, .right, .left]

    private func scoreCells(_ label: [Inline], _ standing: Standing) -> [[Inline]] {
        let s = standing.summary
        let range = s.openRules > 0 ? "\(ReportFormat.score(s.low))–\(ReportFormat.score(s.high))" : ""
        return [label, [.text(ReportFormat.score(standing.score))], [.text(range)], [.text(ReportFormat.bandCell(standing))],
                [.text("\(s.passedRules)")], [.text("\(s.failedRules)")], [.text("\(s.openRules)")], [.bar(standing.score)]]
    }

    private func barRow(_ label: String, _ standing: Standing) -> Chart.BarRow {
        Chart.BarRow(label: label, score: ReportFormat.shown(standing.score), low: ReportFormat.shown(standing.summary.low),
                     high: ReportFormat.shown(standing.summary.high))
    }

    private func scores() -> DocumentSection {
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

    // MARK: Findings

    /// Whether a failed cap of this problem lowers the band the overall score or one of its
    /// checklists is shown in.
    private func capLowersABand(_ problem: ThemeResult) -> Bool {
        let ids = Set(problem.rules.map(\.qualifiedID))
        let standings = [model.scorecard.standing] + model.scorecard.checklists.map(\.standing)
        return standings.contains { s in s.isCapped && s.caps.contains { ids.contains("\($0.checklistID).\($0.ruleID)") } }
    }

    /// Text compared without its quotation marks, case or runs of spaces.
    static func comparable(_ text: String) -> String {
        text.lowercased().filter { !"\"“”‘’'".contains($0) }.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    private func pointsText(_ points: Double) -> String {
        points == 1 ? "1 point" : "\(ReportFormat.points(points)) points"
    }

    private func findings() -> DocumentSection {
        var blocks: [Block] = []
        if model.problems.isEmpty {
            blocks.append(.paragraph([.text("No practice checked failed.")]))
        } else {
            blocks.append(.paragraph([.text("One finding per problem, the most severe first, then those worth most points.")]))
        }
        var numbers: [String: Int] = [:]
        for (i, problem) in model.problems.enumerated() {
            numbers[problem.key] = i + 1
            blocks += finding(problem, number: i + 1, numbers: numbers)
        }
        blocks += openRules()
        return DocumentSection(id: "findings", title: "Findings", startsPage: true, blocks: blocks)
    }

    private func finding(_ problem: ThemeResult, number: Int, numbers: [String: Int]) -> [Block] {
        var blocks: [Block] = [.heading(3, [.literal("\(number). "), .text(problem.problem)])]
        var places: [String] = []
        for r in problem.rules {
            let place = "\(model.checklistTitle(r.checklistID)) › \(model.sectionTitle(of: r))"
            if !places.contains(place) { places.append(place) }
        }
        var facts = "\(problem.severity.title) · \(places.joined(separator: "; ")) · " + gainPhrase(problem.gain)
        // Only where the cap lowers a band shown: a checklist already below it is not "capped".
        if let cap = problem.cap, capLowersABand(problem) { facts += " · caps the band at \(cap.label)" }
        blocks.append(.paragraph([.emphasis([.text(facts)])]))

        var found: [String] = []
        for r in problem.rules {
            if let f = r.rule.finding?.trimmedText, !f.isEmpty, !found.contains(f) { found.append(f) }
        }
        blocks.append(.paragraph([.strong([.text("What we found:")]),
                                  .text(" " + (found.isEmpty ? "“\(problem.title)” is not in place." : found.joined(separator: " ")))]))
        let refs = model.references(of: problem)
        if !refs.isEmpty {
            blocks.append(.paragraph([.text(refs.count == 1 ? "The team's answer:" : "The team's answers:")]))
            blocks.append(.list(ordered: false, start: 1, items: refs.map { ref in
                [.text((input.set.question(ref)?.prompt ?? ref.question) + " — ")] + answer(ref)
            }))
        }
        let help = model.why(theme: problem.theme, refs: refs)
        var quotes: [(quote: String?, source: Source)] = []
        // The quotes of its most severe rules, at most three: a finding argues its case, it
        // does not reprint the article (every rule's own citation stays in `smaudit show`).
        for r in problem.rules where quotes.count < Self.quotesPerFinding {
            guard let cited = model.citation(of: r), !quotes.contains(where: { $0.quote == cited.quote && $0.source == cited.source }) else { continue }
            quotes.append((cited.quote, cited.source))
        }
        if let help = help?.trimmedText, !help.isEmpty {
            blocks.append(.paragraph([.strong([.text("Why it matters:")]), .text(" " + help)]))
        } else if !quotes.isEmpty {
            blocks.append(.paragraph([.strong([.text("Why it matters:")])]))
        }
        let said = help.map(Self.comparable) ?? ""
        for cited in quotes {
            // A quote the "why" already gives word for word is cited, not printed twice.
            if let quote = cited.quote, !said.contains(Self.comparable(quote)) {
                blocks.append(.quote(text: [.text("“\(quote)”")], attribution: [.text("— ")] + citation(cited.source)))
            } else {
                blocks.append(.paragraph([.text("Source: ")] + citation(cited.source)))
            }
        }
        let own = model.recommendations[problem.key] ?? []
        if !own.isEmpty {
            blocks.append(.paragraph([.strong([.text("Recommendation:")]), .text(" " + own.joined(separator: " "))]))
        } else if let earlier = model.sameRecommendationAs[problem.key], let other = model.problem(earlier) {
            blocks.append(.paragraph([.strong([.text("Recommendation:")]), .text(" the one for finding \(numbers[earlier] ?? 0), "),
                                      .emphasis([.text(other.problem)]), .text(", fixes this too.")]))
        }
        blocks += notesAndEvidence(refs)
        let spansChecklists = Set(problem.rules.map(\.checklistID)).count > 1
        let rules = problem.rules.map { r in
            // A rule of no points restates another one of the theme (so the problem counts once).
            let weight = r.points == 0 && problem.rules.count > 1 ? "restates the rule above, no points of its own" : pointsText(r.points)
            return "\(r.rule.title) (\(r.rule.severity.rawValue), \(weight)\(spansChecklists ? ", " + model.checklistTitle(r.checklistID) : ""))"
        }
        blocks.append(.paragraph([.emphasis([.text((rules.count == 1 ? "Rule behind it: " : "Rules behind it: ") + rules.joined(separator: "; "))])]))
        return blocks
    }

    /// `Martin Zwilling, *7 Steps…* (2013)` as inlines.
    private func citation(_ source: Source) -> [Inline] {
        var parts: [Inline] = []
        if let author = source.author { parts.append(.text(author)) }
        if let title = source.title {
            if !parts.isEmpty { parts.append(.text(", ")) }
            parts.append(.emphasis([.text(title)]))
        } else if let description = source.description {
            if !parts.isEmpty { parts.append(.text(", ")) }
            parts.append(.text(description))
        }
        if parts.isEmpty { return [.text(source.file)] }
        if let date = source.date { parts.append(.text(" (\(date))")) }
        return parts
    }

    private func notesAndEvidence(_ refs: [QuestionRef]) -> [Block] {
        var blocks: [Block] = []
        let notes = refs.flatMap { input.notes[$0] ?? [] }.map(\.trimmedText).filter { !$0.isEmpty }
        if !notes.isEmpty {
            blocks.append(.paragraph([.strong([.text("Notes:")])]))
            blocks.append(.list(ordered: false, start: 1, items: notes.map { [.text($0)] }))
        }
        let evidence = refs.flatMap { input.evidence[$0] ?? [] }.map(\.trimmedText).filter { !$0.isEmpty }
        if !evidence.isEmpty {
            blocks.append(.paragraph([.strong([.text("Evidence:")])]))
            blocks.append(.list(ordered: false, start: 1, items: evidence.map { [Self.evidenceInline($0)] }))
        }
        return blocks
    }

    /// A web address as a link; anything else as text.
    static func evidenceInline(_ text: String) -> Inline {
        isWebAddress(text) ? .link(text) : .text(text)
    }

    /// `http://` or `https://` followed by characters a URL may hold raw: no spaces, controls,
    /// quotes, angle brackets, backslashes, backticks or pipes (which would end a table cell).
    static func isWebAddress(_ text: String) -> Bool {
        let lower = text.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://"), text.utf8.count <= 2000 else { return false }
        let rest = text.utf8.drop(while: { $0 != UInt8(ascii: "/") }).dropFirst(2)
        guard let first = rest.first, first != UInt8(ascii: "/") else { return false }
        return text.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F && !notInWebAddresses.contains($0) }
    }

    private static let notInWebAddresses: [UInt8] = Array("\"'<>\\`|{}^".utf8)

    private func openRules() -> [Block] {
        guard !model.openRules.isEmpty else { return [] }
        var blocks: [Block] = [.heading(3, [.text("Not decided yet")]),
                               .paragraph([.text("These practices cannot be judged until the questions named are answered.")])]
        blocks.append(.list(ordered: false, start: 1, items: model.openRules.map { r in
            let missing = model.references(of: r).filter {
                if case .answered = model.state(of: $0) { return false }
                return true
            }
            var item: [Inline] = [.strong([.text(r.rule.title)]), .text(" (\(r.rule.severity.rawValue), \(pointsText(r.points)))")]
            if !missing.isEmpty {
                item.append(.text(" — waits for " + missing.map { ref in
                    "“\(input.set.question(ref)?.prompt ?? ref.question)” (\(model.state(of: ref).word))"
                }.joined(separator: ", ")))
            }
            return item
        }))
        return blocks
    }

    /// The answer as the report quotes it: “answer”, or the state in italics; a kept answer
    /// with why it is no longer asked; a measured one with its file, period and metric.
    private func answer(_ ref: QuestionRef) -> [Inline] {
        let measured = input.measured[ref]
        var parts: [Inline]
        switch model.state(of: ref) {
        case .answered(let value): parts = [.text("“\(value.displayText)”")]
        case .notApplicable: parts = [.emphasis([.text("not applicable")])]
        case .skipped: parts = [.emphasis([.text("skipped")])]
        case .unanswered: parts = measured == nil ? [.emphasis([.text("not answered")])] : [.text(ExpressionPrinter.formatNumber(measured!.value))]
        case .notAsked(let kept):
            let condition = model.askedWhen(ref)
            if let kept {
                parts = [.text("“\(kept.displayText)” "),
                         .emphasis([.text("(kept, not scored: no longer asked because " +
                                          (condition.map { "it applies only when \($0)" } ?? "its condition no longer holds") + ")")])]
            } else {
                parts = [.emphasis([.text("not asked")])]
                if let condition { parts.append(.text(" (asked only when \(condition))")) }
            }
        }
        if let m = measured {
            let period = m.period.map { ", \($0)" } ?? ""
            var text = " — measured from \(Self.fileName(m.file))\(period): \(MetricWords.words(m.metric))"
            if let estimate = m.estimate?.trimmedText, !estimate.isEmpty { text += "; the team estimated “\(estimate)”" }
            parts.append(.text(text))
        }
        return parts
    }

    /// The last part of a path: the report names the export, never the folder it sat in.
    static func fileName(_ path: String) -> String {
        let name = path.split(separator: "/", omittingEmptySubsequences: true).last.map(String.init) ?? path
        return name.split(separator: "\\", omittingEmptySubsequences: true).last.map(String.init) ?? name
    }

    // MARK: Comparison

    private func comparison(_ c: ReportComparison) -> DocumentSection {
        var blocks: [Block] = []
        if let date = c.baselineDate {
            blocks.append(.paragraph([.text("The previous audit is dated \(date).")]))
        } else {
            blocks.append(.paragraph([.text("The previous audit is undated: its file records no start date.")]))
        }
        let changes = [c.overall] + c.checklists
        blocks.append(.chart(.beforeAfter(title: "Score before and after", rows: changes.map { ($0.title, $0.previous, $0.current) })))
        blocks.append(.table(Table(header: ["Score", "Previous", "Now", "Change"], alignment: [.left, .right, .right, .right],
                                   rows: changes.map { change in
                                       [change.id == nil ? [.strong([.text(change.title)])] : [.text(change.title)],
                                        [.text(ReportFormat.score(change.previous))], [.text(ReportFormat.score(change.current))],
                                        [.text(change.change.map(ReportFormat.change) ?? "–")]]
                                   }, kind: "change")))
        func list(_ title: String, _ items: [[Inline]]) {
            blocks.append(.paragraph([.strong([.text("\(title) (\(items.count))")])]))
            blocks.append(items.isEmpty ? .paragraph([.text("None.")]) : .list(ordered: false, start: 1, items: items))
        }
        // Rule by rule: a theme can be partly solved, so its heading would claim too much.
        var seen: Set<String> = []
        let solved = c.resolved.filter(\.isSolved).compactMap { item -> [Inline]? in
            let heading = (baseline ?? model).problemHeading(of: item.previous)
            guard seen.insert("solved " + heading).inserted else { return nil }
            return [.text(heading + (item.measuredNow ? " (now passes, measured from an export this time; typed before)" : " (now passes)"))]
        }
        list("Problems solved", solved)
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
            return [.text("\(heading) (\(r.rule.severity.rawValue), \(pointsText(r.points)); passed before)")]
        }
        list("New problems", new)
        let first = c.firstJudged.compactMap { item -> [Inline]? in
            let heading = model.problemHeading(of: item.current)
            guard seen.insert("first " + heading).inserted else { return nil }
            let before: String
            switch item.previousStatus {
            case .open?: before = "open before"
            case .notApplicable?: before = "did not apply before"
            default: before = "not part of the previous audit"
            }
            return [.text("\(heading) (\(item.current.rule.severity.rawValue), \(pointsText(item.current.points)); \(before))")]
        }
        list("Judged for the first time", first)
        list("Answers that changed", c.changedAnswers.map { change in
            [.text(change.prompt + " — " + (change.previous.map { "“\($0)”" } ?? "not answered") + " → " + (change.current.map { "“\($0)”" } ?? "not answered"))]
        })
        return DocumentSection(id: "comparison", title: "Compared with the previous audit", startsPage: true, blocks: blocks)
    }

    // MARK: Appendix

    private func appendix() -> DocumentSection {
        var blocks: [Block] = [.heading(3, [.text("Questions and answers")])]
        for checklist in model.checklists {
            blocks.append(.heading(4, [.text("\(checklist.title) \(checklist.version)")]))
            var counts: [String: Int] = [:]
            var total = 0
            for (_, q) in checklist.allQuestions {
                counts[model.state(of: QuestionRef(checklist: checklist.id, question: q.id)).word, default: 0] += 1
                total += 1
            }
            let parts = ["answered", "not applicable", "skipped", "not answered", "not asked"].compactMap { word in
                counts[word].map { "\($0) \(word)" }
            }
            blocks.append(.paragraph([.text("\(total.counted("question")): \(parts.joined(separator: ", ")).")]))
            for section in checklist.sections where !section.questions.isEmpty {
                blocks.append(.heading(5, [.text(section.title)]))
                let rows: [[[Inline]]] = section.questions.map { q in
                    let ref = QuestionRef(checklist: checklist.id, question: q.id)
                    return [[.text(q.prompt + " "), .code(q.id)], answer(ref), extras(notes: input.notes[ref] ?? [], evidence: input.evidence[ref] ?? [])]
                }
                blocks.append(.table(Table(header: ["Question", "Answer", "Notes and evidence"], alignment: [.left, .left, .left], rows: rows, kind: "answers")))
            }
            blocks += retired(of: checklist)
        }
        blocks += notApplicable()
        blocks += method()
        return DocumentSection(id: "appendix", title: "Appendix", startsPage: true, blocks: blocks)
    }

    private func extras(notes: [String], evidence: [String]) -> [Inline] {
        var parts: [Inline] = []
        for note in notes.map(\.trimmedText) where !note.isEmpty {
            if !parts.isEmpty { parts.append(.text(" · ")) }
            parts.append(.text(note))
        }
        for item in evidence.map(\.trimmedText) where !item.isEmpty {
            if !parts.isEmpty { parts.append(.text(" · ")) }
            parts += [.text("Evidence: "), Self.evidenceInline(item)]
        }
        return parts
    }

    /// Answers to questions this version of the checklist no longer has: kept, not scored.
    private func retired(of checklist: Checklist) -> [Block] {
        let kept = input.retired.filter { $0.key.checklist == checklist.id }.sorted { $0.key < $1.key }
        guard !kept.isEmpty else { return [] }
        return [
            .heading(5, [.text("Kept from an earlier version of the checklist")]),
            .paragraph([.text("These questions are no longer in the checklist; the answers are kept, not scored, and return if the questions do.")]),
            .table(Table(header: ["Question", "Answer", "Version", "Notes and evidence"], alignment: [.left, .left, .left, .left],
                         rows: kept.map { ref, answer in
                             [[.code(ref.question)], [.text(answer.entry.text.map { "“\($0)”" } ?? "")], [.text(answer.version)],
                              extras(notes: answer.entry.notes, evidence: answer.entry.evidence)]
                         }, kind: "answers")),
        ]
    }

    private func notApplicable() -> [Block] {
        guard !model.notApplicableRules.isEmpty else { return [] }
        return [
            .heading(3, [.text("Practices that do not apply")]),
            .list(ordered: false, start: 1, items: model.notApplicableRules.map { r in
                let because = r.notApplicableBecause.compactMap { input.set.question($0).map { "“\($0.prompt)”" } }
                var reason: String
                if !because.isEmpty {
                    reason = "answered not applicable: " + because.joined(separator: ", ")
                } else if let applies = r.rule.applies, let words = ConditionWords.describe(applies, in: r.checklistID, set: input.set) {
                    reason = "it applies only when \(words)"
                } else {
                    reason = "its condition does not hold"
                }
                return [.emphasis([.text(r.rule.title)]), .text(" (\(model.checklistTitle(r.checklistID))): \(reason)")]
            }),
        ]
    }

    private func method() -> [Block] {
        let overall = model.scorecard.overall
        var items: [[Inline]] = [
            [.strong([.text("Score")]), .text(" = points of passed rules ÷ points of applicable rules whose outcome is known × 100.")],
            [.strong([.text("Open rules")]), .text(" depend on unanswered questions; the "), .strong([.text("range")]), .text(" runs from every open rule failing to every open rule passing, and "), .strong([.text("confidence")]), .text(" is the share of the points already decided.")],
            [.strong([.text("Provisional")]), .text(": the range crosses a band, or confidence is below \(ReportFormat.points(ScoringPolicy.provisionalBelowConfidence * 100))%. Below \(ReportFormat.points(ScoringPolicy.noScoreBelowConfidence * 100))% there is no score.")],
            [.strong([.text("Caps")]), .text(": a failed critical practice limits the band (to developing unless the checklist says otherwise), whatever the points say.")],
            [.strong([.text("Problems")]), .text(": rules that judge one underlying problem share a theme and are reported once; the gain of fixing a problem is computed for all of its rules together.")],
            [.strong([.text("Overall")]), .text(" uses the same formula over the points of all checklists together, so a checklist weighs as much as its rules.")],
        ]
        if overall.score != nil {
            items.append([.strong([.text("This audit:")]), .text(" \(ReportFormat.points(overall.passedPoints)) of \(ReportFormat.points(overall.knownPoints)) known points passed = \(ReportFormat.score(overall.score)); open rules hold \(ReportFormat.points(overall.openPoints)) more.")])
        }
        let bands = Band.allCases.sorted { $0.lowerBound > $1.lowerBound }
        let bandRows: [[[Inline]]] = bands.enumerated().map { i, band in
            let range: String
            if i == 0 {
                range = "\(ReportFormat.points(band.lowerBound)) and above"
            } else if band.lowerBound == 0 {
                range = "below \(ReportFormat.points(bands[i - 1].lowerBound))"
            } else {
                range = "\(ReportFormat.points(band.lowerBound)) to \(ReportFormat.score(bands[i - 1].lowerBound - 0.1))"
            }
            return [[.text(band.label)], [.text(range)]]
        }
        return [
            .heading(3, [.text("Scoring method")]),
            .list(ordered: false, start: 1, items: items),
            .table(Table(header: ["Severity", "Points"], alignment: [.left, .right],
                         rows: Severity.allCases.reversed().map { [[.text($0.rawValue)], [.text(ReportFormat.points($0.defaultPoints))]] }, kind: "method")),
            .paragraph([.text("A rule may set its own points; the table gives the default for its severity.")]),
            .table(Table(header: ["Band", "Score"], alignment: [.left, .left], rows: bandRows, kind: "method")),
            .paragraph([.text("Bands are read from the score rounded to one decimal, as printed.")]),
        ]
    }
}
