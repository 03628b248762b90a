import AuditKit

/// The annex, for the practitioner (left out with `--brief`): every rule behind each problem,
/// the actions for later, the practices not decided yet, the scores with their points, every
/// answer with its notes, evidence and measurement, the practices that do not apply, and the
/// method with the audit's own bars.
extension DocumentBuilder {
    func annex() -> DocumentSection {
        var blocks = problemDetails()
        let later = model.actionPlan.actions(in: .later)
        if !later.isEmpty {
            blocks.append(.heading(3, [.text("Later")]))
            blocks.append(.paragraph([.text("Actions after the first three months, in the same order.")]))
            blocks.append(.list(ordered: true, start: later[0].number, items: later.map(actionItem)))
        }
        blocks += openRules()
        blocks += scores()
        blocks += questionsAndAnswers()
        blocks += notApplicable()
        blocks += method()
        return DocumentSection(id: "annex", title: "Annex", startsPage: true, blocks: blocks)
    }

    /// Each problem with every rule behind it: its status, severity and points, what it found,
    /// the recommendation in full, and the notes and evidence of the answers it reads.
    func problemDetails() -> [Block] {
        guard !model.problems.isEmpty else { return [] }
        var blocks: [Block] = [.heading(3, [.text("The problems and the rules behind them")])]
        for (i, problem) in model.problems.enumerated() {
            blocks.append(.heading(4, [.literal("\(i + 1). "), .text(problem.problem)]))
            let spansChecklists = Set(problem.rules.map(\.checklistID)).count > 1
            blocks.append(.list(ordered: false, start: 1, items: problem.rules.map { r in
                var item: [Inline] = [.strong([.text(r.rule.title)]),
                                      .text(" (\(r.rule.severity.rawValue), \(pointsText(r.points))" + (spansChecklists ? ", " + model.checklistTitle(r.checklistID) : "") + ")")]
                if let f = r.rule.finding?.trimmed(), !f.isEmpty { item.append(.text(": " + f)) }
                return item
            }))
            let texts = ReportModel.recommendationTexts(of: problem)
            if !texts.isEmpty { blocks.append(.paragraph([.strong([.text("Recommendation:")]), .text(" " + texts.joined(separator: " "))])) }
            blocks += notesAndEvidence(model.references(of: problem))
        }
        return blocks
    }

    func questionsAndAnswers() -> [Block] {
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
                blocks.append(.table(Table(header: ["Question", "Answer", "Notes and evidence"], alignment: [.left, .left, .left], rows: rows, kind: .answers)))
            }
            blocks += retired(of: checklist)
        }
        return blocks
    }

    func extras(notes: [String], evidence: [String]) -> [Inline] {
        var parts: [Inline] = []
        for note in notes.map({ $0.trimmed() }) where !note.isEmpty {
            if !parts.isEmpty { parts.append(.text(" · ")) }
            parts.append(.text(note))
        }
        for item in evidence.map({ $0.trimmed() }) where !item.isEmpty {
            if !parts.isEmpty { parts.append(.text(" · ")) }
            parts += [.text("Evidence: "), Self.evidenceInline(item)]
        }
        return parts
    }

    /// Answers to questions this version of the checklist no longer has: kept, not scored.
    func retired(of checklist: Checklist) -> [Block] {
        let kept = input.retired.filter { $0.key.checklist == checklist.id }.sorted { $0.key < $1.key }
        guard !kept.isEmpty else { return [] }
        return [
            .heading(5, [.text("Kept from an earlier version of the checklist")]),
            .paragraph([.text("These questions are no longer in the checklist; the answers are kept, not scored, and return if the questions do.")]),
            .table(Table(header: ["Question", "Answer", "Version", "Notes and evidence"], alignment: [.left, .left, .left, .left],
                         rows: kept.map { ref, answer in
                             [[.code(ref.question)], [.text(answer.entry.text.map { "“\($0)”" } ?? "")], [.text(answer.version)],
                              extras(notes: answer.entry.notes, evidence: answer.entry.evidence)]
                         }, kind: .answers)),
        ]
    }

    func notApplicable() -> [Block] {
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

    func method() -> [Block] {
        let overall = model.scorecard.overall
        var items: [[Inline]] = [
            [.strong([.text("Score")]), .text(" = points of passed rules ÷ points of applicable rules whose outcome is known × 100.")],
            [.strong([.text("Open rules")]), .text(" depend on unanswered questions; the "), .strong([.text("range")]), .text(" runs from every open rule failing to every open rule passing, and "), .strong([.text("confidence")]), .text(" is the share of the points already decided.")],
            [.strong([.text("Provisional")]), .text(": the range crosses a band, or confidence is below \(ReportWording.points(ScoringPolicy.provisionalBelowConfidence * 100))%. Below \(ReportWording.points(ScoringPolicy.noScoreBelowConfidence * 100))% there is no score.")],
            [.strong([.text("Caps")]), .text(": a failed critical practice limits the band (to developing unless the checklist says otherwise), whatever the points say.")],
            [.strong([.text("Problems")]), .text(": rules are the causes of business problems, each reported once and charged once. A problem weighs the most points of its rules and, when any of them fails, costs the most points of its failed ones, whichever checklists they come from.")],
            [.strong([.text("Overall")]), .text(" uses the same formula over the problems of all checklists together, so a problem found by two checklists counts once.")],
        ]
        if overall.score != nil {
            items.append([.strong([.text("This audit:")]), .text(" \(ReportWording.points(overall.passedPoints)) of \(ReportWording.points(overall.knownPoints)) known points passed = \(ReportWording.score(overall.score)); open rules hold \(ReportWording.points(overall.openPoints)) more.")])
        }
        let bands = Band.allCases.sorted { $0.lowerBound > $1.lowerBound }
        let bandRows: [[[Inline]]] = bands.enumerated().map { i, band in
            let range: String
            if i == 0 {
                range = "\(ReportWording.points(band.lowerBound)) and above"
            } else if band.lowerBound == 0 {
                range = "below \(ReportWording.points(bands[i - 1].lowerBound))"
            } else {
                range = "\(ReportWording.points(band.lowerBound)) to \(ReportWording.score(bands[i - 1].lowerBound - 0.1))"
            }
            return [[.text(band.label)], [.text(range)]]
        }
        var bars: [Block] = []
        let own = ownBars()
        if !own.isEmpty {
            bars = [.paragraph([.text("Where the articles give no number, the audit uses bars of its own:")]),
                    .list(ordered: false, start: 1, items: own.map { [.text($0)] })]
        }
        let teams = teamTargets()
        if !teams.isEmpty {
            bars += [.paragraph([.text("The team set its own targets in place of the audit's:")]),
                     .list(ordered: false, start: 1, items: teams.map { [.text($0)] })]
        }
        return [
            .heading(3, [.text("Method")]),
            .list(ordered: false, start: 1, items: items),
        ] + bars + [
            .table(Table(header: ["Severity", "Points"], alignment: [.left, .right],
                         rows: Severity.allCases.reversed().map { [[.text($0.rawValue)], [.text(ReportWording.points($0.defaultPoints))]] }, kind: .method)),
            .paragraph([.text("A rule may set its own points; the table gives the default for its severity.")]),
            .table(Table(header: ["Band", "Score"], alignment: [.left, .left], rows: bandRows, kind: .method)),
            .paragraph([.text("Bands are read from the score rounded to one decimal, as printed.")]),
        ]
    }

    /// The targets the team set, each with the audit's default and the team's reason.
    func teamTargets() -> [String] {
        input.targets.sorted { $0.key < $1.key }.compactMap { ref, setting -> String? in
            guard let target = input.set.question(ref), let defaultValue = input.set.targetDefault(ref) else { return nil }
            let name = String(target.prompt.prefix { $0 != "(" }).trimmed()
            return "\(name): \(TargetWords.words(setting.value)) (the audit's default: \(TargetWords.words(defaultValue))), because \(setting.reason.trimmed())."
        }
    }

    /// The audit's own bars of the rules judged in this audit (`bar:`), each once.
    func ownBars() -> [String] {
        var seen: Set<String> = []
        var out: [String] = []
        for c in model.scorecard.checklists {
            for r in c.results where r.status != .notApplicable {
                // A bar the team replaced with its own target is stated once, with the team's reason.
                if !input.targets.isEmpty, Scorer.references(of: r.rule, in: r.checklistID).contains(where: { input.targets[$0] != nil }) { continue }
                guard let bar = r.rule.bar?.trimmed(), !bar.isEmpty, seen.insert(bar).inserted else { continue }
                out.append(bar.capitalisedFirst)
            }
        }
        return out
    }
}
