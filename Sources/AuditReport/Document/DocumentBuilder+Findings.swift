import AuditKit

/// The findings: one per problem, with the answers, why it matters, the recommendation and the rules behind it.
extension DocumentBuilder {

    /// Whether a failed cap of this problem lowers the band the overall score or one of its
    /// checklists is shown in.
    func capLowersABand(_ problem: ThemeResult) -> Bool {
        let ids = Set(problem.rules.map(\.qualifiedID))
        let standings = [model.scorecard.standing] + model.scorecard.checklists.map(\.standing)
        return standings.contains { s in s.isCapped && s.caps.contains { ids.contains("\($0.checklistID).\($0.ruleID)") } }
    }

    /// Text compared without its quotation marks, case or runs of spaces.
    static func comparable(_ text: String) -> String {
        text.lowercased().filter { !"\"“”‘’'".contains($0) }.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    func pointsText(_ points: Double) -> String {
        points == 1 ? "1 point" : "\(ReportFormat.points(points)) points"
    }

    func findings() -> DocumentSection {
        var blocks: [Block] = []
        if model.problems.isEmpty {
            blocks.append(.paragraph([.text("No practice checked failed.")]))
        } else {
            blocks.append(.paragraph([.text("One finding per problem, the most severe first, then those worth most points.")]))
        }
        var numbers: [String: Int] = [:]
        var quoted: Set<QuestionRef> = []
        for (i, problem) in model.problems.enumerated() {
            numbers[problem.key] = i + 1
            blocks += finding(problem, number: i + 1, numbers: numbers, quoted: &quoted)
        }
        blocks += openRules()
        return DocumentSection(id: "findings", title: "Findings", startsPage: true, blocks: blocks)
    }

    /// One finding; `quoted` holds the answers earlier findings quoted, so none is quoted twice.
    func finding(_ problem: ThemeResult, number: Int, numbers: [String: Int], quoted: inout Set<QuestionRef>) -> [Block] {
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
        let refs = model.evidence(of: problem, quotedBefore: quoted)
        quoted.formUnion(refs)
        if !refs.isEmpty {
            blocks.append(.paragraph([.text(refs.count == 1 ? "The team's answer:" : "The team's answers:")]))
            blocks.append(.list(ordered: false, start: 1, items: refs.map { ref in
                [.text((input.set.question(ref)?.prompt ?? ref.question) + " — ")] + answer(ref)
            }))
        }
        let help = model.why(theme: problem.theme, refs: refs)
        var quotes: [(quote: String?, source: Source)] = []
        // The problem's own quote where the catalogue gives one; else the quotes of its most
        // severe rules, at most three: a finding argues its case, it does not reprint the
        // article (every rule's own citation stays in `smaudit show`).
        if let cited = model.citation(of: problem) { quotes.append((cited.quote, cited.source)) }
        for r in problem.rules where quotes.isEmpty || (problem.theme?.source == nil && quotes.count < Self.quotesPerFinding) {
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
    func citation(_ source: Source) -> [Inline] {
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

    func notesAndEvidence(_ refs: [QuestionRef]) -> [Block] {
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

    static let notInWebAddresses: [UInt8] = Array("\"'<>\\`|{}^".utf8)

    func openRules() -> [Block] {
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
    func answer(_ ref: QuestionRef) -> [Inline] {
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
}
