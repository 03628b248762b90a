import AuditKit
import PresenceData

/// The summary, one screen: the verdict in one plain sentence, the business numbers when
/// anything was measured, the score, the three priorities as business problems with the plan
/// action that fixes each, what changed since the last audit, and where the team's estimates
/// and the data disagree. No points, gains, ids or file names.
extension DocumentBuilder {
    /// The headline: score, band, cap or provisional state, or that there is no score yet.
    static func headline(_ standing: Standing) -> String {
        guard let score = standing.score, let band = standing.band else { return "Not enough answers to score yet" }
        let number = ReportWording.score(score) + " of 100"
        if standing.isProvisional {
            if let span = standing.span, span.lowerBound != span.upperBound {
                return "Provisional score: \(number) — \(span.lowerBound.label) to \(span.upperBound.label)"
            }
            return "Provisional score: \(number) — \(band.label)"
        }
        if standing.isCapped, let pointsBand = standing.pointsBand {
            return "Overall score: \(number) — \(band.label) (capped by a critical problem; \(pointsBand.label) otherwise)"
        }
        return "Overall score: \(number) — \(band.label)"
    }

    func summary() -> DocumentSection {
        let standing = model.scorecard.standing
        var blocks: [Block] = [.paragraph([.text(verdict())])]
        blocks += businessNumbers()
        var scoreLine: [Inline] = [.strong([.text(Self.headline(standing))])]
        let overall = standing.summary
        if !standing.hasScore, standing.questionsToScore > 0 {
            scoreLine.append(.text(". Answer \(standing.questionsToScore.counted("more question")) to get one."))
        } else if overall.openRules > 0, let low = overall.low, let high = overall.high {
            scoreLine.append(.text(". It could still end anywhere from \(ReportWording.score(low)) to \(ReportWording.score(high)) once the open questions are answered."))
        } else if standing.score == 0, overall.passedRules > 0 {
            // Zero with practices in place reads as "nothing works"; say why it is zero.
            scoreLine.append(.text(". \(overall.passedRules) of \(overall.passedRules + overall.failedRules) practices checked are in place, but every problem has a cause that fails."))
        }
        blocks.append(.paragraph(scoreLine))
        if let without = scoreWithoutAcceptance() { blocks.append(.paragraph([.text(without)])) }
        let undecided = input.disagreements.filter(\.isOpen).count
        if undecided > 0 {
            // A team audit with open disagreements: the score waits for the team, not for data.
            blocks.append(.paragraph([.text("The auditors answered \(undecided == 1 ? "one question" : "\(undecided) questions") differently and the team has not decided \(undecided == 1 ? "it" : "them") yet; the score stays provisional until it does (see “Where the team disagreed”).")]))
        }

        let top = Array(model.topProblems)
        if !top.isEmpty {
            blocks.append(.paragraph([.strong([.text(top.count == 1 ? "The priority" : "The priorities")])]))
            blocks.append(.list(ordered: true, start: 1, items: top.map { p in
                var item: [Inline] = [.text(p.problem)]
                if let action = model.actionPlan.action(fixing: p.key) { item.append(.text(" (plan: action \(action.number))")) }
                return item
            }))
        }
        if let comparison { blocks += changeSummary(comparison) }
        if !model.estimates.isEmpty {
            blocks.append(.paragraph([.strong([.text("Your estimates and the data")])]))
            blocks.append(.list(ordered: false, start: 1, items: model.estimates.map { pair in
                let m = pair.source
                let period = m.period.map { HumanNumbers.period($0) + " " } ?? ""
                let question = input.set.question(pair.ref)
                let measured = input.answers[pair.ref].map { HumanNumbers.answer($0, of: question) } ?? pair.measured
                let estimated = pair.byAuditor.isEmpty ? "you estimated \(HumanNumbers.typed(pair.estimate, of: question))"
                    : pair.byAuditor.map { "\($0.auditor) estimated \(HumanNumbers.typed($0.text, of: question))" }.joined(separator: ", ")
                return [.text("\(MetricWords.words(m.metric).capitalisedFirst): \(estimated); the \(period)\(MetricWords.export(m.metric)) shows \(measured).")]
            }))
        }
        return DocumentSection(id: "summary", title: "Summary", startsPage: false, blocks: blocks)
    }

    /// The verdict in one plain sentence, by band: what social media does for the organisation
    /// now and how many problems stand in the way.
    func verdict() -> String {
        let standing = model.scorecard.standing
        let name = input.organisation.trimmed().isEmpty ? "the organisation" : input.organisation.trimmed()
        let count = model.problems.count
        let problems = count == 1 ? "one problem" : "\(NumberText.words(count)) problems"
        guard standing.hasScore, let band = standing.band else {
            return "Too few questions are answered to judge \(name)'s social media yet."
        }
        let first = model.problems.first.map { $0.problem.lowercasedFirst }
        // "one problem stands in the way: …", "twelve problems stand in the way, the most urgent that …".
        func which(_ verb: String, _ verbs: String) -> String { "\(problems) " + (count == 1 ? verb : verbs) }
        let most = first.map { count == 1 ? ": \($0)." : ", the most urgent that \($0)." } ?? "."
        switch band {
        case .atRisk:
            return "Social media is likely costing \(name) more effort than it returns: " + which("stands in the way", "stand in the way") + most
        case .developing:
            return "The basics are partly in place at \(name), but " + which("still costs it reach, trust or sales", "still cost it reach, trust or sales") + most
        case .strong:
            return count == 0 ? "The essentials are in place at \(name)." : "The essentials are in place at \(name); \(problems) \(count == 1 ? "is" : "are") left to close."
        case .leading:
            return count == 0 ? "\(name.capitalisedFirst) follows every practice checked." : "\(name.capitalisedFirst) follows nearly every practice checked; \(problems) \(count == 1 ? "remains" : "remain")."
        }
    }

    /// The measured figures as a director reads them, under the months and exports they come
    /// from: "Share of website sessions from social media: 19.6%".
    func businessNumbers() -> [Block] {
        let measured = model.measuredInOrder
        guard !measured.isEmpty else { return [] }
        var periods: [String] = []
        var exports: [String] = []
        for (_, m) in measured {
            if let p = m.period.map(HumanNumbers.period), !periods.contains(p) { periods.append(p) }
            let kind = String(MetricWords.export(m.metric).dropLast(" export".count))
            if !exports.contains(kind) { exports.append(kind) }
        }
        var heading = "What the data shows"
        if !periods.isEmpty { heading += " (" + periods.joined(separator: "; ") + ")" }
        heading += ":"
        let items: [[Inline]] = measured.map { ref, m in
            let question = input.set.question(ref)
            let value = input.answers[ref].map { HumanNumbers.answer($0, of: question) } ?? ExpressionPrinter.formatNumber(m.value)
            // The total first, each platform's own beside it: a total alone hides which one works.
            let platforms = m.byPlatform.isEmpty ? ""
                : " (" + m.byPlatform.map { "\($0.platform) \(HumanNumbers.answer($0.value, of: question))" }.joined(separator: ", ") + ")"
            return [.text(MetricWords.words(m.metric).capitalisedFirst + ": " + value + platforms)]
        }
        var blocks: [Block] = [.paragraph([.strong([.text(heading)]), .text(" From the " + NumberText.list(exports) + (exports.count == 1 ? " export:" : " exports:"))]),
                               .list(ordered: false, start: 1, items: items)]
        // Interactions per post and per 100 followers by platform, where the posts were of several.
        for (metric, title) in [("posts.applause_rate", "Likes, comments and shares per post by platform"),
                                ("posts.engagement_per_follower", "Interactions per 100 followers by platform")] {
            guard let figure = measured.first(where: { $0.1.metric == metric && $0.1.byPlatform.count > 1 }) else { continue }
            let rows: [Chart.ValueRow] = figure.1.byPlatform.compactMap { platform in
                guard case .number(let n) = platform.value else { return nil }
                return Chart.ValueRow(label: platform.platform, value: n)
            }
            if rows.count > 1 {
                blocks.append(.chart(.values(title: title + (figure.1.period.map { ", " + HumanNumbers.period($0) } ?? ""), rows: rows)))
            }
        }
        // Followers over time, from the month ends of the follower export.
        if let followers = measured.first(where: { $0.1.metric.hasPrefix("followers.") && $0.1.series.count > 1 }) {
            let points = followers.1.series.map { point -> (label: String, value: Double) in
                let parts = point.platform.split(separator: "-")
                let label = parts.count == 2 ? "\(HumanNumbers.months[(Int(parts[1]) ?? 1) - 1].prefix(3)) \(parts[0])" : point.platform
                return (label, point.value)
            }
            blocks.append(.chart(.line(title: "Followers at the end of each month", points: points)))
        }
        // Where social media's share of the website's visits is known, it is drawn against the rest.
        if let share = measured.first(where: { $0.1.metric == "traffic.social_share" }), case .percent(let fraction)? = input.answers[share.0] {
            let percent = (fraction * 1000).rounded() / 10
            let title = "Website sessions by source" + (share.1.period.map { ", " + HumanNumbers.period($0) } ?? "")
            if share.1.series.count > 1 {
                // Every channel, the social ones (GA4's default names) in the accent colour.
                let social = Set(TrafficMetrics.defaultSocialChannels.map { $0.lowercased() })
                blocks.append(.chart(.shares(title: title, rows: share.1.series.map { channel in
                    .init(label: channel.platform, percent: (channel.value * 1000).rounded() / 10, highlight: social.contains(channel.platform.lowercased()))
                })))
            } else {
                blocks.append(.chart(.shares(title: title,
                                             rows: [.init(label: "Social media", percent: percent, highlight: true),
                                                    .init(label: "All other sources", percent: (1000 - percent * 10).rounded() / 10, highlight: false)])))
            }
        }
        return blocks
    }

    /// What changed since the previous audit, problem by problem, in words.
    func changeSummary(_ c: ReportComparison) -> [Block] {
        var parts: [String] = []
        if let previous = c.overall.previous, let current = c.overall.current, let change = c.overall.change {
            let verb = change > 0 ? "rose" : change < 0 ? "fell" : "stayed"
            var sentence = change == 0 ? "the score stayed at \(ReportWording.score(current))" :
                "the score \(verb) from \(ReportWording.score(previous)) to \(ReportWording.score(current))"
            if let titles = c.sharedChecklistTitles {
                sentence = "On the checklist\(titles.count == 1 ? "" : "s") both audits cover (\(titles.joined(separator: ", "))), " + sentence
            } else {
                sentence = sentence.capitalisedFirst
            }
            parts.append(sentence + (c.baselineWasProvisional ? "; the earlier score was provisional." : "."))
        } else {
            parts.append("The scores cannot be compared: one of the audits has too few answers for a score.")
        }
        // Problems, not rules: a problem is solved when it is no longer a finding and a rule of it
        // passes now; one that no longer applies or waits for answers is not solved.
        let before = (baseline?.problems ?? [])
        let now = model.problems
        var statuses: [String: [RuleStatus]] = [:]
        for c in model.scorecard.checklists { for r in c.results { statuses[r.themeKey, default: []].append(r.status) } }
        let solved = before.filter { p in
            guard !now.contains(where: { $0.key == p.key }), let list = statuses[p.key] else { return false }
            return list.contains(.pass) && !list.contains(.open)
        }.map(\.problem)
        let new = now.filter { p in !before.contains { $0.key == p.key } }.map(\.problem)
        func names(_ list: [String]) -> String {
            let shown = list.prefix(3).map { "“\($0)”" }.joined(separator: "; ")
            return list.count > 3 ? shown + " and \(list.count - 3) more" : shown
        }
        parts.append(solved.isEmpty ? "No problem was solved." : "Solved: \(names(solved)).")
        parts.append(new.isEmpty ? "No new problem." : "New: \(names(new)).")
        let when = c.baselineDate.flatMap { CalendarDate(iso: $0) }.map { " (" + HumanNumbers.date($0) + ")" } ?? " (undated)"
        return [.paragraph([.strong([.text("Since the previous audit" + when + ":")]), .text(" " + parts.joined(separator: " "))])]
    }
}
