import AuditKit
import AuditOptions
import AuditReport
import AuditServices
import LineEditor

/// What the audit shows: the question waiting, the summary at the end, and the listings of
/// `why`, `status`, `review`, `sessions`, `notes`, `score` and `findings`.
extension AuditController {
    /// Shows the question waiting and makes it the step, or ends the walk with a summary (and,
    /// at a terminal, the offer to write the report unless `offerReport` is false).
    func showCurrentOrFinish(_ shell: Shell, offerReport: Bool = true) {
        guard let flow else {
            step = .idle
            return
        }
        guard let ref = flow.current, let question = flow.set.question(ref),
              let checklist = flow.set.checklist(ref.checklist) else {
            step = .idle
            printSummary(shell, flow: flow, offerReport: offerReport)
            return
        }
        let (n, total) = flow.position(of: ref)
        console.print()
        console.print(console.styled("\(ref.checklist) · \(checklist.sectionTitle(question.sectionID)) · \(n)/\(total)", .dim))
        console.print(console.styled(question.prompt, .bold))
        if let disagreement = flow.openDisagreements.first(where: { $0.ref == ref }) {
            // The facilitator decides with every auditor's answer and notes in view.
            console.print("The auditors answered differently: \(TeamSessions.answersLine(disagreement)).")
            for (name, entry) in disagreement.answers {
                for note in entry.notes { console.print(console.styled("  \(name)'s note: \(note)", .dim)) }
            }
        }
        for choice in question.numberedChoices { console.print("  \(choice)") }
        // With the choices listed above, the hint need not repeat them.
        var hint = "  " + (question.numberedChoices.isEmpty ? question.acceptedAnswers
            : question.type == .multi ? question.multiHint
            : "type a number from 1 to \(question.choices.count) or the start of a choice")
        if !question.numberedChoices.isEmpty && question.allowNA { hint += ", or n/a" }
        if let unit = question.unit { hint += " (\(unit))" }
        if let fallback = flow.defaultText(for: ref) { hint += " (\(fallback))" }
        console.print(console.styled(hint, .dim))
        step = .question(ref)
    }

    func printSummary(_ shell: Shell, flow: AuditFlow, offerReport: Bool) {
        let card = flow.scorecard
        console.print()
        console.print(console.styled("All questions are answered or skipped.", .bold) + " " + ScoreText.line(card.standing))
        // The problems the report's summary names, in its order, so the two never disagree.
        let problems = card.topProblems
        if !problems.isEmpty {
            console.print("The most important problems, as the report names them:")
            for (i, problem) in problems.enumerated() { console.print("  \(i + 1). " + ScoreText.problemLine(problem)) }
        }
        let path = ReportRendering.defaultFileName(for: flow.session, format: .markdown)
        let reportPath = offerReport && !AtomicFile.exists(path) ? path : nil
        // At a terminal, the plan's owners are asked once, before the report is offered.
        let plan = flow.actionPlan.actions.filter { $0.phase != .later }
        if offerReport, shell.isInteractive, !plan.isEmpty, plan.allSatisfy(\.ownerIsSuggested) {
            console.print()
            console.print(console.styled("The plan has \(plan.count.counted("action")).", .bold) + " Who owns each? Enter keeps the suggested role, Ctrl-C keeps the rest; `plan` shows and changes them later.")
            askPlanOwner(from: 0, reportPath: reportPath, shell: shell)
            return
        }
        offerTheReport(at: reportPath, shell: shell)
    }

    /// Asks who owns the plan's action at `index`, or, past the last of the first three
    /// phases, offers the report.
    func askPlanOwner(from index: Int, reportPath: String?, shell: Shell) {
        guard let flow else { step = .idle; return }
        let actions = flow.actionPlan.actions
        guard actions.indices.contains(index), actions[index].phase != .later else {
            offerTheReport(at: reportPath, shell: shell)
            return
        }
        let action = actions[index]
        console.print("  \(action.number). " + action.text + console.styled(" (\(action.phase.title.lowercased()), by \(action.due.inWords))", .dim))
        step = .planOwner(index: index, reportPath: reportPath)
    }

    /// Offers to write the report at `path` at a terminal; else says how to write it.
    func offerTheReport(at path: String?, shell: Shell) {
        guard let path, shell.isInteractive else {
            step = .idle
            console.print("Type `report` to write the Markdown report, `review` to check the answers, `back` or `goto ID` to change one.")
            return
        }
        step = .reportOffer(path: path)
    }

    /// `plan`: the actions by phase with their owners and dates; `plan N --owner NAME --due DATE`
    /// changes one.
    func plan(_ options: PlanOptions) throws {
        let flow = try requireFlow()
        if let number = options.number {
            let actions = flow.actionPlan.actions
            guard actions.indices.contains(number - 1) else {
                throw actions.isEmpty ? AuditError.noActions : AuditError.noAction(number: number, count: actions.count)
            }
            var due: CalendarDate??
            if let text = options.due {
                if text == "-" {
                    due = .some(nil)
                } else {
                    guard let date = CalendarDate(iso: text) else {
                        throw AuditError.notADate(option: "--due", text: text)
                    }
                    due = .some(date)
                }
            }
            try flow.assign(actions[number - 1].key, owner: options.owner.map { $0 == "-" ? "" : $0 }, due: due)
        }
        let plan = flow.actionPlan
        if plan.actions.isEmpty {
            console.print("No action yet: no problem has been found so far.")
            return
        }
        for phase in ActionPlan.Phase.allCases.sorted() {
            let actions = plan.actions(in: phase)
            guard !actions.isEmpty else { continue }
            console.print(console.styled(phase.title, .bold))
            for action in actions {
                console.print("  \(action.number). \(action.text)")
                console.print(console.styled("     Who: \(action.owner)\(action.ownerIsSuggested ? " (suggested)" : ""); by \(action.due.inWords); worked when: \(action.success.prefix(1).lowercased() + action.success.dropFirst())", .dim))
            }
        }
    }

    /// `why` (and `?`): the question's help and its source.
    func why(_ shell: Shell) throws {
        guard let flow, let ref = flow.current, let question = flow.set.question(ref) else {
            throw AuditError.noQuestionToExplain
        }
        console.print("\(question.help.map { $0.trimmed(.unicodeWhitespace) } ?? "This question has no explanation.")")
        // The article as the report names it (author, title, date), not the seed's file name.
        if let cited = question.source, let source = flow.set.checklist(ref.checklist)?.source(cited: cited) {
            let quote = Citation(cited)?.quote.map { "“\($0)” — " } ?? ""
            console.print(console.styled("Source: \(quote)\(source.citation())", .dim))
        }
    }

    func status(_ shell: Shell) throws {
        let flow = try requireFlow()
        console.print("\(flow.session.organisation) — session \(flow.path)")
        var unanswered = 0
        var rows = [["checklist", "section", "answered", "skipped"]]
        for row in flow.progress() {
            rows.append([row.checklist, row.section, "\(row.answered)/\(row.asked)", row.skipped > 0 ? String(row.skipped) : ""])
            unanswered += row.asked - row.answered
        }
        console.printTable(rows)
        console.print("\(unanswered.counted("question")) unanswered.")
        if flow.session.isTeam {
            let open = flow.openDisagreements.count
            console.print("Team session of \(ChecklistText.commaList(flow.session.auditors)): \(open.counted("disagreement")) open\(open > 0 ? "; `resolve` walks them" : "").")
        } else if let name = flow.session.answeredBy {
            console.print("Answered alone by \(name); `merge` gathers it with the other auditors' sessions.")
        }
        let retired = flow.session.retired.sorted { $0.key < $1.key }
        if !retired.isEmpty {
            console.print("Kept aside, because the checklist no longer has these questions (they come back if it does again):")
            for (ref, kept) in retired {
                let answer = kept.entry.text.map { " = \($0)" } ?? ""
                let version = kept.version.isEmpty ? "" : " (answered under version \(kept.version))"
                console.print("  \(ref)\(answer)\(version)")
            }
        }
    }

    func review(_ shell: Shell) throws {
        let flow = try requireFlow()
        // The answer last: a long one continues under its own column instead of widening the
        // table so that every row wraps.
        var rows = [["question", "notes", "answer"]]
        for ref in flow.order where flow.session.entries[ref] != nil {
            let entry = flow.session[ref]
            var answer = entry.value.map { entry.text ?? $0.displayText } ?? (entry.skipped ? "(skipped)" : "")
            if entry.value != nil, !flow.isAsked(ref) { answer += " (not asked now)" }
            rows.append([ref.description, String(entry.notes.count + entry.evidence.count), answer])
        }
        if rows.count == 1 { console.print("No answers yet."); return }
        console.printTable(rows)
    }

    func listSessions(_ shell: Shell) throws {
        try flow?.flush()  // the open audit is listed as it stands
        let paths = store.sessionPaths()
        guard !paths.isEmpty else { console.print("No saved sessions in \(store.folder)."); return }
        var rows = [["session", "organisation", "date", "answered", "score"]]
        for path in paths {
            guard let text = try? AtomicFile.read(path) else { continue }
            let result = SessionReader.read(text: text, file: path, set: set, mode: .lenient, now: "")
            guard let session = result.session else {
                rows.append([AtomicFile.name(of: path), "(unreadable)", "", "", ""])
                continue
            }
            let card = AcceptedRisks.scorecard(session, set: set, clock: clock)
            let answered = session.entries.values.filter { $0.value != nil }.count
            // The bands as `score` names them, so the two never word one standing differently.
            var score = ScoreText.short(card.standing)
            // A team session's open disagreements keep its score provisional: say how many.
            let open = TeamMerge.disagreements(in: session, set: set).filter(\.isOpen).count
            if open > 0 { score += ", \(open.counted("disagreement")) open" }
            let who = session.answeredBy.map { " (\($0))" } ?? (session.isTeam ? " (team)" : "")
            rows.append([AtomicFile.name(of: path).replacingSuffix(".yaml"), session.organisation + who, session.date,
                         "\(answered)/\(card.overall.askedQuestions)", score])
        }
        console.printTable(rows)
    }

    /// `notes`: every note and piece of evidence, numbered for `unnote N` and `unevidence N`,
    /// and where a note typed now would go.
    func listNotes(_ shell: Shell) throws {
        let flow = try requireFlow()
        let notes = flow.attachments(evidence: false), evidence = flow.attachments(evidence: true)
        if notes.isEmpty && evidence.isEmpty { console.print("No notes or evidence yet.") }
        for (title, list) in [("Notes (`unnote N` removes one):", notes), ("Evidence (`unevidence N` removes one):", evidence)] where !list.isEmpty {
            console.print(TerminalText(title))
            console.printTable(list.enumerated().map { ["  \($0.offset + 1)", $0.element.ref.description, $0.element.text] })
        }
        if let target = flow.noteTarget {
            console.print("`note TEXT` now goes to \(target)\(whyTarget(flow)); `note ID TEXT` to another question.")
        }
    }

    /// `score [--explain]`.
    func printScore(explain: Bool) throws {
        let card = try requireFlow().scorecard
        if explain {
            console.print("\(card.explain())")
            return
        }
        console.print(TerminalText(ScoreText.lines(card)))
        if let flow, let note = TeamSessions.scoreNote(flow.session, set: flow.set) { console.print("\(note)") }
        if let flow {
            for line in AcceptedRisks.notes(flow.session, set: flow.set, clock: clock) { console.print("\(line)") }
        }
    }

    /// `findings`: failed rules by severity, the fix worth most first.
    func printFindings() throws {
        let findings = try requireFlow().scorecard.findings
        if findings.isEmpty { console.print("No rule fails so far.") }
        for finding in findings {
            console.print("\(ScoreText.findingLine(finding))")
            if let recommendation = finding.rule.recommendation {
                console.print("    → " + recommendation.split(whereSeparator: \.isNewline).joined(separator: " "))
            }
        }
    }
}
