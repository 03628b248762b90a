import AuditKit

/// The summary: the headline, what it means, the three most important problems, what changed and where estimates and exports differ.
extension DocumentBuilder {

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

    func summary() -> DocumentSection {
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
    func gainPhrase(_ gain: Double) -> String {
        Band.displayed(gain) > 0 ? "fixing it adds \(ReportFormat.score(gain)) points to the score" : "an insight, worth no points by itself"
    }

    func changeSummary(_ c: ReportComparison) -> [Block] {
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

    func distinct(_ list: [String]) -> [String] {
        var seen: Set<String> = []
        return list.filter { seen.insert($0).inserted }
    }
}
