import AuditKit
import PresenceData
import LineEditor
import AuditServices

extension AuditCommands {
    /// The rows this adds to the shell's command table.
    var commands: [ShellCommand] {
        [
            ShellCommand(name: "list", summary: "List the installed checklists with their question and rule counts") { [unowned self] shell, _, _ in
                shell.console.print("\(ChecklistText.listing(set))")
                return .continue
            },
            ShellCommand(name: "show", usage: "CHECKLIST", summary: "Show the questions and rules of a checklist",
                         arguments: .checklistID) { [unowned self] shell, arguments, _ in
                guard let id = arguments.first else { throw UserError("usage: show CHECKLIST (one of \(set.ids.joined(separator: ", ")))") }
                guard let checklist = set.checklist(id) else {
                    let hint = Suggest.closest(to: id, in: set.ids).map { "; did you mean `\($0)`?" } ?? ""
                    throw UserError("no checklist `\(id)`\(hint)")
                }
                shell.console.print("\(ChecklistText.describe(checklist))")
                return .continue
            },
            ShellCommand(name: "audit", aliases: ["start"], usage: "[CHECKLIST...]",
                         summary: "Start a guided audit (all three built-ins when none is named)",
                         details: "Asks for the organisation and auditors, then walks the questions section by section.\nEvery answer is saved at once; `resume` continues later.",
                         arguments: .checklistID) { [unowned self] shell, arguments, _ in
                try start(shell, ids: arguments)
                return .continue
            },
            ShellCommand(name: "resume", usage: "[NAME|PATH]", summary: "Continue a saved audit (the most recent without a name)",
                         arguments: .sessionName) { [unowned self] shell, arguments, _ in
                try resume(shell, name: arguments.first)
                return .continue
            },
            ShellCommand(name: "sessions", summary: "List saved audits with their progress and score") { [unowned self] shell, _, _ in
                try listSessions(shell)
                return .continue
            },
            ShellCommand(name: "back", summary: "Go back to the previous question") { [unowned self] shell, _, _ in
                try requireFlow().back()
                Self.showCurrentOrFinish(shell)
                return .continue
            },
            ShellCommand(name: "skip", summary: "Leave the current question unanswered for now") { [unowned self] shell, _, _ in
                try requireFlow().skip()
                Self.showCurrentOrFinish(shell)
                return .continue
            },
            ShellCommand(name: "goto", usage: "ID", summary: "Jump to a question by its id", arguments: .questionID) { [unowned self] shell, arguments, _ in
                guard let id = arguments.first else { throw UserError("usage: goto QUESTION_ID (Tab lists them)") }
                try requireFlow().goTo(id)
                Self.showCurrentOrFinish(shell)
                return .continue
            },
            ShellCommand(name: "why", summary: "Explain why the current question matters, with its source") { shell, _, _ in
                try Self.why(shell)
                return .continue
            },
            ShellCommand(name: "note", usage: "TEXT", summary: "Attach a note to the current question", arguments: .freeText) { [unowned self] shell, _, rest in
                let ref = try requireFlow().attach(rest.withoutSurroundingQuotes, asEvidence: false)
                shell.console.print("Noted on \(ref).")
                return .continue
            },
            ShellCommand(name: "evidence", usage: "TEXT|URL", summary: "Attach evidence to the current question", arguments: .freeText) { [unowned self] shell, _, rest in
                let ref = try requireFlow().attach(rest.withoutSurroundingQuotes, asEvidence: true)
                shell.console.print("Evidence attached to \(ref).")
                return .continue
            },
            ShellCommand(name: "status", summary: "Progress per checklist and section") { [unowned self] shell, _, _ in
                try status(shell)
                return .continue
            },
            ShellCommand(name: "review", summary: "A table of the answers so far") { [unowned self] shell, _, _ in
                try review(shell)
                return .continue
            },
            ShellCommand(name: "score", usage: "[--explain]", summary: "The current score with its range and coverage") { [unowned self] shell, arguments, _ in
                let card = try requireFlow().scorecard
                if arguments.contains("--explain") {
                    shell.console.print("\(card.explain())")
                } else {
                    shell.console.print("overall        " + ScoreText.line(card.standing))
                    for checklist in card.checklists {
                        shell.console.print(checklist.id.padded(toWidth: 14) + " " + ScoreText.line(checklist.standing))
                    }
                }
                return .continue
            },
            ShellCommand(name: "findings", summary: "Failed rules by severity, the fix worth most first") { [unowned self] shell, _, _ in
                let card = try requireFlow().scorecard
                let findings = card.findings
                if findings.isEmpty { shell.console.print("No rule fails so far.") }
                for finding in findings {
                    shell.console.print("\(ScoreText.findingLine(finding))")
                    if let recommendation = finding.rule.recommendation {
                        shell.console.print("    → " + recommendation.split(whereSeparator: \.isNewline).joined(separator: " "))
                    }
                }
                return .continue
            },
            ShellCommand(name: "measure", usage: "--posts F --inbox F --followers F --traffic F [--map FIELD=COLUMN] [--replace|--keep-typed]",
                         summary: "Compute metrics from platform exports and fill the audit's measurable questions",
                         details: "Prints the metrics table. With an audit open, questions that declare `measure:` (response time\nand rate, engagement share, clustered updates, growth, traffic) are answered with the measured\nvalues and marked as measured from their file. When the team already typed a different answer,\nsmaudit asks once before replacing it (the typed answer is kept as their estimate); --replace\nor --keep-typed decide without asking, as scripts must. `smaudit measure --help` defines every metric.",
                         arguments: .filePath) { [unowned self] shell, arguments, _ in
                let request = try MeasureRequest(words: arguments)
                let (measurement, warnings) = try request.measure()
                for warning in warnings { shell.warn("\(warning)") }
                shell.console.print("\(measurement.table())")
                guard let flow else { return .continue }
                let fills = MeasuredAnswers.plan(flow.session, set: set, measurement: measurement, request: request)
                let apply: (MeasuredAnswers.TypedAnswers, Shell) throws -> Void = { [unowned self] typed, shell in
                    let now = SessionStore.now(environment: environment)
                    let applied = try flow.update { session in
                        MeasuredAnswers.apply(fills, to: &session, typed: typed, now: now)
                    }
                    let kept = fills.filter { $0.replacesTyped != nil && typed == .keep }
                    shell.console.print("\(MeasuredAnswers.describe(applied, kept: kept))")
                    Self.showCurrentOrFinish(shell)
                }
                if let typed = request.typedAnswers ?? (fills.contains { $0.replacesTyped != nil } ? nil : .replace) {
                    try apply(typed, shell)
                } else if shell.isInteractive {
                    let previous = shell.inputHandler
                    shell.inputHandler = TextPrompt(label: MeasuredAnswers.replaceQuestion(fills), defaultValue: "yes") { answer, shell in
                        shell.inputHandler = previous
                        switch answer.lowercased() {
                        case "y", "yes": try apply(.replace, shell)
                        case "n", "no": try apply(.keep, shell)
                        default:
                            shell.inputHandler = nil
                            throw UserError("nothing was filled: answer yes or no (or type measure again with --replace or --keep-typed)")
                        }
                    }
                } else {
                    throw UserError(MeasuredAnswers.refusal(fills))
                }
                return .continue
            },
            ShellCommand(name: "compare", usage: "SESSION", summary: "Compare the open audit with an earlier session or answers file",
                         arguments: .filePath) { [unowned self] shell, arguments, _ in
                let flow = try requireFlow()
                guard let name = arguments.first else { throw UserError("usage: compare SESSION (a session name, session file or answers file)") }
                let path = store.resolve(name) ?? name
                let earlier = try SessionFiles.load(path, set: set, environment: environment)
                shell.console.print("\(ReportRendering.comparisonText(flow.session, baseline: earlier, set: set))")
                return .continue
            },
            ShellCommand(name: "report", usage: "[FILE]", summary: "Write the audit report in Markdown", arguments: .filePath) { [unowned self] shell, arguments, _ in
                try writeReport(shell, to: arguments.first, force: arguments.contains("--force"))
                return .continue
            },
        ]
    }

    /// `why`: the question's help and its source.
    static func why(_ shell: Shell) throws {
        guard let flow = shell.audit?.flow, let ref = flow.current, let question = flow.set.question(ref) else {
            throw UserError("no question is waiting; `why` explains the current question of an audit")
        }
        shell.console.print("\(question.help.map { $0.trimmingWhitespace() } ?? "This question has no explanation.")")
        if let source = question.source {
            let parts = source.split(separator: "#", maxSplits: 1).map(String.init)
            let quote = parts.count > 1 ? "“\(parts[1])” — " : ""
            shell.console.print(shell.console.styled("Source: \(quote)\(parts[0])", .dim))
        }
    }

    func status(_ shell: Shell) throws {
        let flow = try requireFlow()
        shell.console.print("\(flow.session.organisation) — session \(flow.path)")
        var unanswered = 0
        var rows = [["checklist", "section", "answered", "skipped"]]
        for row in flow.progress() {
            rows.append([row.checklist, row.section, "\(row.answered)/\(row.asked)", row.skipped > 0 ? String(row.skipped) : ""])
            unanswered += row.asked - row.answered
        }
        shell.console.print("\(ChecklistText.table(rows, cell: TerminalSafe.escape))")
        shell.console.print("\(unanswered.counted("question")) unanswered.")
        let retired = flow.session.retired.sorted { $0.key < $1.key }
        if !retired.isEmpty {
            shell.console.print("Kept aside, because the checklist no longer has these questions (they come back if it does again):")
            for (ref, kept) in retired {
                let answer = kept.entry.text.map { " = \($0)" } ?? ""
                let version = kept.version.isEmpty ? "" : " (answered under version \(kept.version))"
                shell.console.print("  \(ref)\(answer)\(version)")
            }
        }
    }

    func review(_ shell: Shell) throws {
        let flow = try requireFlow()
        var rows = [["question", "answer", "notes"]]
        for ref in flow.order where flow.session.entries[ref] != nil {
            let entry = flow.session[ref]
            var answer = entry.value.map { entry.text ?? $0.displayText } ?? (entry.skipped ? "(skipped)" : "")
            if entry.value != nil, !flow.isAsked(ref) { answer += " (not asked now)" }
            rows.append([ref.description, answer, String(entry.notes.count + entry.evidence.count)])
        }
        if rows.count == 1 { shell.console.print("No answers yet."); return }
        shell.console.print("\(ChecklistText.table(rows, cell: TerminalSafe.escape))")
    }

    func listSessions(_ shell: Shell) throws {
        try flow?.flush()  // the open audit is listed as it stands
        let paths = store.sessionPaths()
        guard !paths.isEmpty else { shell.console.print("No saved sessions in \(store.folder)."); return }
        var rows = [["session", "organisation", "date", "answered", "score"]]
        for path in paths {
            guard let text = try? AtomicFile.read(path) else { continue }
            let result = SessionReader.read(text: text, file: path, set: set, mode: .lenient, now: "")
            guard let session = result.session else {
                rows.append([AtomicFile.name(of: path), "(unreadable)", "", "", ""])
                continue
            }
            let card = Scorer.score(set, answers: session.answers, checklists: session.checklistIDs)
            let answered = session.entries.values.filter { $0.value != nil }.count
            let standing = card.standing
            var score = "-"
            if let value = standing.score, let band = standing.band {
                score = "\(ScoreText.number(value)) \(band.label)" + (standing.isProvisional ? " (provisional)" : standing.isCapped ? " (capped)" : "")
            }
            rows.append([AtomicFile.name(of: path).replacingSuffix(".yaml"), session.organisation, session.date,
                         "\(answered)/\(card.overall.askedQuestions)", score])
        }
        shell.console.print("\(ChecklistText.table(rows, cell: TerminalSafe.escape))")
    }
}

extension String {
    /// Free text as typed, without one pair of matching quotes around all of it
    /// (`note "call back | Monday"` notes `call back | Monday`).
    var withoutSurroundingQuotes: String {
        guard count >= 2, let first = first, first == last, first == "\"" || first == "'" else { return self }
        return String(dropFirst().dropLast())
    }
}
