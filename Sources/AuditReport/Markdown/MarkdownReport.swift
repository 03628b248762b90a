import AuditKit

/// Renders an audit as GitHub-flavoured Markdown, summary first: title and identity, summary,
/// scores, findings by severity, the comparison with an earlier audit (when given) and an
/// appendix with every answer and the scoring method.
///
/// All text that comes from the team or a checklist passes through `MarkdownEscaper`, so no
/// answer can break a table or inject HTML. The output depends only on the input: the same
/// session always gives the same bytes.
public enum MarkdownReport {
    /// The report for `input`, with a comparison section when `baseline` is given.
    public static func render(_ input: ReportInput, baseline: ReportInput? = nil) -> String {
        let model = ReportModel(input)
        var writer = MarkdownWriter(model: model)
        writer.header()
        writer.summary()
        writer.scores()
        writer.findings()
        if let baseline {
            writer.comparison(ReportComparison(model, ReportModel(baseline)))
        }
        writer.appendix()
        return writer.out
    }
}

/// The Markdown being built, one section per method; appends only, so building is linear.
private struct MarkdownWriter {
    let model: ReportModel
    var out = ""

    init(model: ReportModel) {
        self.model = model
        out.reserveCapacity(4096)
    }

    private var input: ReportInput { model.input }

    private func e(_ text: String) -> String { MarkdownEscaper.escape(text) }

    private mutating func line(_ text: String = "") {
        out += text
        out += "\n"
    }

    // MARK: Header

    mutating func header() {
        let organisation = e(input.organisation)
        line("# Social media audit: \(organisation.isEmpty ? "unnamed organisation" : organisation)")
        line()
        line("- **Date:** \(e(input.date))")
        let auditors = input.auditors.map(e).filter { !$0.isEmpty }
        line("- **Auditors:** \(auditors.isEmpty ? "not recorded" : auditors.joined(separator: ", "))")
        let checklists = model.checklists.map { "\(e($0.title)) \(e($0.version)) (`\($0.id)`)" }
        line("- **Checklists:** \(checklists.isEmpty ? "none" : checklists.joined(separator: "; "))")
        line()
    }

    // MARK: Summary

    mutating func summary() {
        let overall = model.scorecard.overall
        let standing = model.scorecard.standing
        line("## Summary")
        line()
        if let score = standing.score, let band = standing.band {
            if standing.isProvisional, let span = standing.span, span.lowerBound != span.upperBound {
                line("**Provisional score: \(ReportFormat.score(score)) of 100 (\(span.lowerBound.label) to \(span.upperBound.label))**")
            } else {
                line("**\(standing.isProvisional ? "Provisional score" : "Overall score"): \(ReportFormat.score(score)) of 100 (\(band.label))**")
            }
        } else {
            line("**Not enough answers to score yet**")
        }
        line()
        var context: [String] = []
        if !standing.hasScore, standing.questionsToScore > 0 {
            let first = standing.missing.prefix(min(3, standing.questionsToScore)).compactMap { input.set.question($0.ref).map { "“\(e($0.prompt))”" } }
            context.append("Answer \(standing.questionsToScore.counted("more question")) to get a score (the ones worth most points first: \(first.joined(separator: "; "))).")
        }
        if standing.isCapped, let cap = standing.cap, let pointsBand = standing.pointsBand {
            context.append("Capped at \(cap.band.label): by points alone the score is \(pointsBand.label), but *\(e(cap.title))* fails.")
        }
        if overall.openRules > 0, let low = overall.low, let high = overall.high {
            let rules = overall.openRules == 1 ? "1 rule is" : "\(overall.openRules) rules are"
            context.append("The score could still be anywhere from \(ReportFormat.score(low)) to \(ReportFormat.score(high)): \(rules) open because questions they need are unanswered.")
        }
        if let coverage = overall.coverage, overall.answeredQuestions < overall.askedQuestions || overall.openRules > 0 {
            context.append("Coverage: \(overall.answeredQuestions) of \(overall.askedQuestions) questions answered (\(ReportFormat.percent(coverage))).")
        }
        if !context.isEmpty {
            line(context.joined(separator: " "))
            line()
        }
        line(ReportFormat.meaning(of: standing))
        line()
        line("**Most important findings**")
        line()
        if model.topFindings.isEmpty {
            line(overall.openRules > 0 ? "No findings so far: every rule with a known outcome passed." : "No findings: every rule passed.")
        } else {
            for (i, r) in model.topFindings.enumerated() {
                var text = "\(i + 1). **\(e(r.rule.title))** (\(r.rule.severity.rawValue), \(pointsText(r.points)))"
                if let finding = r.rule.finding.map(e), !finding.isEmpty { text += ": \(finding)" }
                line(text)
            }
        }
        line()
        line("**Fixes worth most points**")
        line()
        if model.topFixes.isEmpty {
            line(model.findings.isEmpty ? "Nothing to fix among the rules with a known outcome." : "No single fix would raise the score: the findings left carry no points.")
        } else {
            for (i, r) in model.topFixes.enumerated() {
                line("\(i + 1). \(e(r.rule.title)): \(ReportFormat.gain(r.overallGain ?? 0))")
            }
        }
        line()
    }

    private func pointsText(_ points: Double) -> String {
        points == 1 ? "1 point" : "\(ReportFormat.points(points)) points"
    }

    // MARK: Scores

    private static let scoreHeader = "| Score | Range | Band | Passed | Failed | Open | |"
    private static let scoreAlign = "|--:|:--|:--|--:|--:|--:|:--|"

    private func scoreCells(_ standing: Standing) -> String {
        let s = standing.summary
        let range = s.openRules > 0 ? "\(ReportFormat.score(s.low))–\(ReportFormat.score(s.high))" : ""
        return "| \(ReportFormat.score(standing.score)) | \(range) | \(ReportFormat.bandCell(standing)) | \(s.passedRules) | \(s.failedRules) | \(s.openRules) | `\(ScoreBar.render(standing.score))` |"
    }

    mutating func scores() {
        line("## Scores")
        line()
        line("Scores are out of 100; rules are counted as passed, failed or open (not yet decidable). Range shows where an open score could still end up.")
        line()
        line("| Checklist " + Self.scoreHeader)
        line("|:--" + Self.scoreAlign)
        line("| **Overall** " + scoreCells(model.scorecard.standing))
        for c in model.scorecard.checklists {
            line("| \(e(c.title)) " + scoreCells(c.standing))
        }
        line()
        for c in model.scorecard.checklists {
            line("### \(e(c.title))")
            line()
            line("| Section " + Self.scoreHeader)
            line("|:--" + Self.scoreAlign)
            for s in c.sections {
                let rules = s.summary.passedRules + s.summary.failedRules + s.summary.openRules + s.summary.notApplicableRules
                guard rules > 0 else { continue }
                line("| \(e(s.title)) " + scoreCells(.plain(s.summary)))
            }
            line()
        }
    }

    // MARK: Findings

    mutating func findings() {
        line("## Findings")
        line()
        if model.findings.isEmpty {
            line("No rule failed.")
            line()
        }
        var current: Severity?
        var number = 0
        for r in model.findings {
            if r.rule.severity != current {
                current = r.rule.severity
                line("### \(r.rule.severity.title)")
                line()
            }
            number += 1
            finding(r, number: number)
        }
        openRules()
    }

    private mutating func finding(_ r: RuleResult, number: Int) {
        line("#### \(number). \(e(r.rule.title))")
        line()
        var facts = "*\(e(model.checklistTitle(r.checklistID))) › \(e(model.sectionTitle(of: r))) · \(r.rule.severity.rawValue) · \(pointsText(r.points))"
        if let gain = r.overallGain, gain > 0 { facts += " · fixing it adds \(ReportFormat.gain(gain)) to the overall score" }
        line(facts + "*")
        line()
        let finding = r.rule.finding.map(e) ?? ""
        line("**What we found:** " + (finding.isEmpty ? "the rule's check did not pass: \(e(r.rule.check.normalizedText))." : finding))
        line()
        let refs = model.references(of: r)
        if !refs.isEmpty {
            line("The team's answers:")
            line()
            for ref in refs { line("- \(questionLabel(ref, from: r.checklistID)): \(answerText(ref))") }
            line()
        }
        let helps = refs.compactMap { input.set.question($0)?.help }.map(e).filter { !$0.isEmpty }
        let source = ReportFormat.source(r.rule.source)
        if !helps.isEmpty || source != nil {
            line("**Why it matters:**" + (helps.first.map { " " + $0 } ?? ""))
            line()
            if let source {
                if let quote = source.quote { line("> “\(e(quote))”") }
                line("> — Source: \(e(source.file))")
                line()
            }
        }
        if let recommendation = r.rule.recommendation.map(e), !recommendation.isEmpty {
            line("**Recommendation:** " + recommendation)
            line()
        }
        notesAndEvidence(for: refs, from: r.checklistID)
    }

    private mutating func notesAndEvidence(for refs: [QuestionRef], from checklistID: String) {
        for (title, table) in [("Notes", input.notes), ("Evidence", input.evidence)] {
            var items: [String] = []
            for ref in refs {
                for item in table[ref] ?? [] {
                    let text = e(item)
                    if !text.isEmpty { items.append("- \(text) (\(refCode(ref, from: checklistID)))") }
                }
            }
            guard !items.isEmpty else { continue }
            line("**\(title):**")
            line()
            for item in items { line(item) }
            line()
        }
    }

    private mutating func openRules() {
        guard !model.openRules.isEmpty else { return }
        line("### Open rules")
        line()
        line("These rules cannot be decided yet; answering the questions named would settle them.")
        line()
        for r in model.openRules {
            let missing = model.references(of: r).filter {
                if case .answered = model.state(of: $0) { return false }
                return true
            }
            var text = "- **\(e(r.rule.title))** (\(r.rule.severity.rawValue), \(pointsText(r.points)))"
            if !missing.isEmpty {
                text += ": " + missing.map { "\(refCode($0, from: r.checklistID)) \(stateWord(model.state(of: $0)))" }.joined(separator: ", ")
            }
            line(text)
        }
        line()
    }

    private func stateWord(_ state: AnswerState) -> String {
        switch state {
        case .answered: "answered"
        case .notApplicable: "not applicable"
        case .skipped: "skipped"
        case .notAsked: "not asked"
        case .unanswered: "not answered"
        }
    }

    /// `id` for a question of the rule's own checklist, `checklist.id` for another's.
    private func refCode(_ ref: QuestionRef, from checklistID: String) -> String {
        ref.checklist == checklistID ? "`\(ref.question)`" : "`\(ref.checklist).\(ref.question)`"
    }

    private func questionLabel(_ ref: QuestionRef, from checklistID: String) -> String {
        let prompt = input.set.question(ref).map { e($0.prompt) } ?? ""
        return "\(prompt) (\(refCode(ref, from: checklistID)))"
    }

    /// The answer as the report quotes it: “answer”, or the state in italics, plus where a
    /// measured value came from.
    private func answerText(_ ref: QuestionRef) -> String {
        let state = model.state(of: ref)
        let measured = input.measured[ref]
        var text: String
        switch state {
        case .answered(let value): text = "“\(e(value.displayText))”"
        case .notApplicable: text = "*not applicable*"
        case .skipped: text = "*skipped*"
        case .unanswered: text = measured == nil ? "*not answered*" : ""
        case .notAsked(let kept):
            let condition = input.set.question(ref)?.when.map { e($0.normalizedText) } ?? ""
            let asked = condition.isEmpty ? "" : "asked only when \(condition)"
            if let kept {
                text = "“\(e(kept.displayText))” *(kept, not scored: the question is no longer asked\(asked.isEmpty ? "" : "; " + asked))*"
            } else {
                text = asked.isEmpty ? "*not asked*" : "*not asked* (\(asked))"
            }
        }
        if let measured {
            let source = "measured from \(e(measured.file)): \(e(measured.metric))"
            if text.isEmpty { text = "\(ReportFormat.points(measured.value))" }
            text += " (\(source))"
        }
        return text
    }

    // MARK: Comparison

    mutating func comparison(_ c: ReportComparison) {
        line("## Compared with the previous audit")
        line()
        line("The previous audit is dated \(e(c.baselineDate)).")
        line()
        line("| Score | Previous | Now | Change |")
        line("|:--|--:|--:|--:|")
        for change in [c.overall] + c.checklists {
            let name = change.id == nil ? "**Overall**" : e(change.title)
            let delta = change.change.map(ReportFormat.change) ?? "–"
            line("| \(name) | \(ReportFormat.score(change.previous)) | \(ReportFormat.score(change.current)) | \(delta) |")
        }
        line()
        line("**Findings resolved (\(c.resolved.count))**")
        line()
        if c.resolved.isEmpty { line("None.") }
        for item in c.resolved {
            let now: String
            switch item.currentStatus {
            case .pass?: now = "now passes"
            case .notApplicable?: now = "no longer applies"
            case .open?: now = "now open: questions it needs are unanswered"
            case .fail?, nil: now = "no longer part of the audit"
            }
            line("- \(e(item.previous.rule.title)) (\(now))")
        }
        line()
        line("**New findings (\(c.new.count))**")
        line()
        if c.new.isEmpty { line("None.") }
        for r in c.new { line("- \(e(r.rule.title)) (\(r.rule.severity.rawValue), \(pointsText(r.points)))") }
        line()
        line("**Answers that changed (\(c.changedAnswers.count))**")
        line()
        if c.changedAnswers.isEmpty { line("None.") }
        for change in c.changedAnswers {
            let old = change.previous.map { "“\(e($0))”" } ?? "*not answered*"
            let new = change.current.map { "“\(e($0))”" } ?? "*not answered*"
            line("- \(e(change.prompt)) (`\(change.ref.checklist).\(change.ref.question)`): \(old) → \(new)")
        }
        line()
    }

    // MARK: Appendix

    mutating func appendix() {
        line("## Appendix")
        line()
        line("### Questions and answers")
        line()
        for checklist in model.checklists {
            line("#### \(e(checklist.title)) \(e(checklist.version))")
            line()
            var counts: [String: Int] = [:]
            var total = 0
            for section in checklist.sections {
                for q in section.questions {
                    counts[stateWord(model.state(of: QuestionRef(checklist: checklist.id, question: q.id))), default: 0] += 1
                    total += 1
                }
            }
            let parts = ["answered", "not applicable", "skipped", "not answered", "not asked"].compactMap { word in
                counts[word].map { "\($0) \(word)" }
            }
            line("\(total) \(total == 1 ? "question" : "questions"): \(parts.joined(separator: ", ")).")
            line()
            for section in checklist.sections where !section.questions.isEmpty {
                line("##### \(e(section.title))")
                line()
                line("| Question | Answer | Notes and evidence |")
                line("|:--|:--|:--|")
                for q in section.questions {
                    let ref = QuestionRef(checklist: checklist.id, question: q.id)
                    var extras = (input.notes[ref] ?? []).map(e).filter { !$0.isEmpty }
                    extras += (input.evidence[ref] ?? []).map(e).filter { !$0.isEmpty }.map { "Evidence: " + $0 }
                    line("| \(e(q.prompt)) (`\(q.id)`) | \(answerText(ref)) | \(extras.joined(separator: " · ")) |")
                }
                line()
            }
            retired(of: checklist)
        }
        method()
    }

    /// Answers to questions this version of the checklist no longer has: kept, not scored.
    private mutating func retired(of checklist: Checklist) {
        let kept = input.retired.filter { $0.key.checklist == checklist.id }.sorted { $0.key < $1.key }
        guard !kept.isEmpty else { return }
        line("##### Kept from an earlier version of the checklist")
        line()
        line("These questions are no longer asked; the answers are kept, not scored, and return if the questions do.")
        line()
        line("| Question | Answer | Version | Notes and evidence |")
        line("|:--|:--|:--|:--|")
        for (ref, answer) in kept {
            let extras = answer.entry.notes.map(e) + answer.entry.evidence.map { "Evidence: " + e($0) }
            line("| `\(ref.question)` | \(answer.entry.text.map { "“\(e($0))”" } ?? "") | \(e(answer.version)) | \(extras.filter { !$0.isEmpty }.joined(separator: " · ")) |")
        }
        line()
    }

    private mutating func method() {
        let overall = model.scorecard.overall
        line("### Scoring method")
        line()
        line("- **Score** = points of passed rules ÷ points of applicable rules whose outcome is known × 100.")
        line("- **Open rules** depend on unanswered questions; the **range** runs from every open rule failing to every open rule passing.")
        line("- **Coverage** = questions answered (not applicable counts as an answer) ÷ questions asked.")
        line("- **Overall** uses the same formula over the points of all checklists together, so a checklist weighs as much as its rules.")
        line("- **Fixing a failed rule** adds its points ÷ the known points × 100 to the score.")
        if overall.score != nil {
            line("- **This audit:** \(ReportFormat.points(overall.passedPoints)) of \(ReportFormat.points(overall.knownPoints)) known points passed = \(ReportFormat.score(overall.score)); open rules hold \(ReportFormat.points(overall.openPoints)) more.")
        }
        line()
        line("| Severity | Points |")
        line("|:--|--:|")
        for severity in Severity.allCases.reversed() {
            line("| \(severity.rawValue) | \(ReportFormat.points(severity.defaultPoints)) |")
        }
        line()
        line("A rule may set its own points; the table gives the default for its severity.")
        line()
        line("| Band | Score |")
        line("|:--|:--|")
        let bands = Band.allCases.sorted { $0.lowerBound > $1.lowerBound }
        for (i, band) in bands.enumerated() {
            let range: String
            if i == 0 {
                range = "\(ReportFormat.points(band.lowerBound)) and above"
            } else if band.lowerBound == 0 {
                range = "below \(ReportFormat.points(bands[i - 1].lowerBound))"
            } else {
                range = "\(ReportFormat.points(band.lowerBound)) to \(ReportFormat.score(bands[i - 1].lowerBound - 0.1))"
            }
            line("| \(band.label) | \(range) |")
        }
        line()
        line("Bands are read from the score rounded to one decimal, as printed.")
    }
}
