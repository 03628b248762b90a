import AuditKit

/// The findings: one per problem, short, with the answers, why it matters and the plan action
/// that fixes it; the rules behind each are in the annex.
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
        // Scalar by scalar into bytes, lowercasing as it goes (ASCII by hand, the rest by its
        // Unicode mapping): every finding compares its quote with its own words, and doing it
        // by Character (lowercase the whole, filter, split, join) was a tenth of writing a
        // whole report.
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        func take(_ scalar: Unicode.Scalar) {
            switch scalar {
            case "\"", "“", "”", "‘", "’", "'":
                return
            case "\u{09}"..."\u{0D}", " ":
                pendingSpace = !out.isEmpty
            case _ where !scalar.isASCII && scalar.properties.isWhitespace:
                pendingSpace = !out.isEmpty
            default:
                if pendingSpace { out.append(UInt8(ascii: " ")) }
                pendingSpace = false
                UTF8.encode(scalar) { out.append($0) }
            }
        }
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                take("A"..."Z" ~= scalar ? Unicode.Scalar(UInt8(scalar.value) | 0x20) : scalar)
            } else {
                for lowered in scalar.properties.lowercaseMapping.unicodeScalars { take(lowered) }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    func pointsText(_ points: Double) -> String {
        points == 1 ? "1 point" : "\(ReportWording.points(points)) points"
    }

    /// How many answers a finding quotes in the body; the annex has the rest.
    static let answersPerFinding = 2
    /// The words a finding aims to stay within: the second answer goes to the annex beyond it.
    static let findingWords = 120

    func findings() -> DocumentSection {
        var blocks: [Block] = []
        if model.problems.isEmpty {
            blocks.append(.paragraph([.text(model.openRules.isEmpty ? "No problem found: every practice checked is in place."
                                                                    : "No problem found so far: every practice with a known outcome is in place.")]))
        } else {
            blocks.append(.paragraph([.text("One finding per problem, the most urgent first.")]))
        }
        var quoted: Set<QuestionRef> = []
        for (i, problem) in model.problems.enumerated() {
            blocks += finding(problem, number: i + 1, quoted: &quoted)
        }
        // Not a page of its own: the summary and the plan rarely fill theirs, and a forced break
        // left most of a page blank.
        return DocumentSection(id: "findings", title: "Findings", startsPage: false, blocks: blocks)
    }

    /// One finding, short: what we found in the team's answers and figures, why it matters with
    /// one quote, and the plan action that fixes it. `quoted` holds the answers earlier findings
    /// quoted, so none is quoted twice.
    func finding(_ problem: ThemeResult, number: Int, quoted: inout Set<QuestionRef>) -> [Block] {
        var blocks: [Block] = [.heading(3, [.literal("\(number). "), .text(problem.problem)])]
        var facts = "Impact: \(problem.severity.rawValue)"
        if let action = model.actionPlan.action(fixing: problem.key) { facts += " · Plan: action \(action.number)" }
        // Only where the cap lowers a band shown: a checklist already below it is not "capped".
        if let cap = problem.cap, capLowersABand(problem) { facts += " · caps the band at \(cap.label)" }
        blocks.append(.paragraph([.emphasis([.text(facts)])]))

        var found = problem.rules.first.flatMap { $0.rule.finding?.trimmed() } ?? ""
        if found.isEmpty { found = "“\(problem.title)” is not in place." }
        let causes = Set(problem.rules.compactMap { $0.rule.finding?.trimmed() }).count
        if causes > 1 { found += " " + (causes == 2 ? "One more cause" : "\(NumberText.words(causes - 1).capitalisedFirst) more causes") + (settings.brief ? " in the full report." : " in the annex.") }
        blocks.append(.paragraph([.strong([.text("What we found:")]), .text(" " + found)]))
        // Figures first (a share, a time, a count, anything measured): what we found in numbers.
        // Only answers given: an unasked or unanswered question is no evidence of anything.
        let evidence = model.evidence(of: problem, quotedBefore: quoted).filter { input.answers[$0] != nil }
        let isFigure: (QuestionRef) -> Bool = { ref in
            input.answers[ref] != nil && (input.measured[ref] != nil || [.number, .percent, .duration].contains(input.set.question(ref)?.type))
        }
        var refs = Array((evidence.filter(isFigure) + evidence.filter { !isFigure($0) }).prefix(Self.answersPerFinding))
        func answers(_ refs: [QuestionRef]) -> [Block] {
            refs.isEmpty ? [] : [.list(ordered: false, start: 1, items: refs.map { ref in
                [.text((input.set.question(ref)?.prompt ?? ref.question) + " ")] + answerInWords(ref)
            })]
        }
        let reasons = why(problem, refs: refs)
        // Short enough to read in a minute: a second answer only where the words allow.
        if refs.count > 1, Block.wordCount(blocks + answers(refs) + reasons) > Self.findingWords { refs = [refs[0]] }
        quoted.formUnion(refs)
        return blocks + answers(refs) + reasons
    }

    /// "Why it matters" in a sentence or two, with one quote cited by author, title and date:
    /// inside the sentence when the sentence gives it, else below it. Never twice.
    func why(_ problem: ThemeResult, refs: [QuestionRef]) -> [Block] {
        let help = model.why(theme: problem.theme, refs: refs)?.trimmed() ?? ""
        let cited = model.citation(of: problem) ?? problem.rules.lazy.compactMap { self.model.citation(of: $0) }.first
        guard !help.isEmpty || cited != nil else { return [] }
        var line: [Inline] = [.strong([.text("Why it matters:")])]
        if !help.isEmpty { line.append(.text(" " + help)) }
        guard let cited else { return [.paragraph(line)] }
        if let quote = cited.quote, !Self.gives(help, quote) {
            return [.paragraph(line), .quote(text: [.text("“\(quote)”")], attribution: [.text("— ")] + citation(cited.source))]
        }
        return [.paragraph(line + [.text(" (")] + citation(cited.source) + [.text(")")])]
    }

    /// Whether `text` already gives `quote`: word for word, or a part of it in quotation marks
    /// (“making the big mistake” of “or making the big mistake …”).
    static func gives(_ text: String, _ quote: String) -> Bool {
        let whole = comparable(quote)
        if comparable(text).contains(whole) { return true }
        return text.split(separator: "“").dropFirst().contains { segment in
            guard let end = segment.firstIndex(of: "”") else { return false }
            var part = comparable(String(segment[..<end]))
            while let last = part.last, "….,;: ".contains(last) { part.removeLast() }
            return part.split(separator: " ").count >= 4 && (whole.contains(part) || part.contains(whole))
        }
    }

    /// An answer as the body says it: “the answer” in words (durations as time, rates per 100
    /// followers as rates), with where a measured one came from.
    func answerInWords(_ ref: QuestionRef) -> [Inline] {
        guard let value = input.answers[ref] else { return [.text("— "), .emphasis([.text(model.state(of: ref).word)])] }
        var text = "— “" + HumanNumbers.answer(value, of: input.set.question(ref)) + "”"
        if let m = input.measured[ref] {
            text += " (measured: the " + MetricWords.export(m.metric) + (m.period.map { ", " + HumanNumbers.period($0) } ?? "") + ")"
        }
        return [.text(text)]
    }

    /// `Martin Zwilling, *7 Steps…* (2013)` as inlines.
    func citation(_ source: Source) -> [Inline] {
        var parts: [Inline] = []
        if let author = source.author { parts.append(.text(author)) }
        if let title = source.title {
            if !parts.isEmpty { parts.append(.text(", ")) }
            parts.append(.emphasis([.text(title)]))
        }
        if let description = source.description {
            if !parts.isEmpty { parts.append(.text(", ")) }
            parts.append(.text(description))
        }
        if parts.isEmpty { return [.text(source.file)] }
        if let date = source.date { parts.append(.text(", " + (CalendarDate(iso: date).map(HumanNumbers.date) ?? date))) }
        return parts
    }

    func notesAndEvidence(_ refs: [QuestionRef]) -> [Block] {
        var blocks: [Block] = []
        let notes = refs.flatMap { input.notes[$0] ?? [] }.map { $0.trimmed() }.filter { !$0.isEmpty }
        if !notes.isEmpty {
            blocks.append(.paragraph([.strong([.text("Notes:")])]))
            blocks.append(.list(ordered: false, start: 1, items: notes.map { [.text($0)] }))
        }
        let evidence = refs.flatMap { input.evidence[$0] ?? [] }.map { $0.trimmed() }.filter { !$0.isEmpty }
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
        case .answered(let value): parts = [.text("“\(HumanNumbers.answer(value, of: input.set.question(ref)))”")]
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
                // The condition of a question not asked is in the checklist (`smaudit show`);
                // spelled out for every one it filled pages of the annex.
                parts = [.emphasis([.text("not asked")])]
            }
        }
        if let m = measured {
            let period = m.period.map { ", \($0)" } ?? ""
            var text = " — measured from \(Self.fileName(m.file))\(period): \(MetricWords.words(m.metric))"
            if let estimate = m.estimate?.trimmed(), !estimate.isEmpty { text += "; the team estimated “\(estimate)”" }
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
