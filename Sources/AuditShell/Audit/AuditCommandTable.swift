import AuditKit
import AuditOptions
import AuditServices
import LineEditor

extension AuditController {
    /// The rows this adds to the shell's command table, in the order `help` lists them. Each
    /// row declares its operands and options; the shell checks a line against them before the
    /// row runs, and `help`, Tab and "did you mean" read them. The rows hold the controller
    /// (it does not hold the shell, so nothing here depends on the order things are built in).
    var commands: [ShellCommand] {
        [
            ShellCommand(name: "list", summary: "List the installed checklists and where each comes from",
                         examples: ["list"]) { _ in
                self.console.printTable(ChecklistText.listingRows(self.set))
                return .continue
            },
            ShellCommand(name: "show", operands: [.required("CHECKLIST", .checklistID, help: "The checklist's id, e.g. four-mistakes.")],
                         summary: "Show the questions and rules of a checklist",
                         examples: ["show four-mistakes"]) { input in
                let id = input.operands[0]
                guard let checklist = self.set.checklist(id) else {
                    throw AuditError.unknownChecklist(id: id, suggestion: Suggest.closest(to: id, in: self.set.ids),
                                                      installed: self.set.ids, lister: "list")
                }
                self.console.print("\(ChecklistText.describe(checklist))")
                return .continue
            },
            ShellCommand(name: "audit", aliases: ["start"], arguments: AuditStartOptions.self,
                         operands: [.repeated("CHECKLIST", .checklistID, help: "The checklists to audit; all three built-ins when none is named.")],
                         options: AuditStartOptions.Spec.options,
                         summary: "Start a guided audit (all three built-ins when none is named)",
                         details: "Asks for the organisation and auditors (the last session's are offered in brackets; Ctrl-C cancels), then walks the questions section by section. Every answer is saved at once; `resume` continues later. With --as NAME you answer alone, in a session of your own, and `merge` gathers the auditors' sessions into the team's.",
                         examples: ["audit four-mistakes", "audit", "audit --as Priya"]) { input, options in
                try self.start(AuditRequest(checklists: options.checklists, answeredBy: options.answeredBy), shell: input.shell)
                return .continue
            },
            ShellCommand(name: "resume", operands: [.optional("NAME|PATH", .sessionName, help: "A session's name (as `sessions` lists it) or file; the most recent without one.")],
                         summary: "Continue a saved audit (the most recent without a name)",
                         examples: ["resume", "resume acme-coffee-2026-11-23"]) { input in
                try self.resume(named: input.operands.first, shell: input.shell)
                return .continue
            },
            ShellCommand(name: "sessions", summary: "List saved audits with their progress and score",
                         examples: ["sessions"]) { input in
                try self.listSessions(input.shell)
                return .continue
            },
            ShellCommand(name: "back", summary: "Go back to the previous question (its answer becomes the default)",
                         examples: ["back"]) { input in
                try self.requireFlow().back()
                self.showCurrentOrFinish(input.shell)
                return .continue
            },
            ShellCommand(name: "skip", summary: "Leave the current question unanswered for now",
                         examples: ["skip"]) { input in
                try self.requireFlow().skip()
                self.showCurrentOrFinish(input.shell)
                return .continue
            },
            ShellCommand(name: "goto", operands: [.required("ID", .questionID, help: "A question's id (`followers` or `four-mistakes.followers`; Tab lists them).")],
                         summary: "Jump to a question by its id",
                         examples: ["goto response_time"]) { input in
                try self.requireFlow().goTo(input.operands[0])
                self.showCurrentOrFinish(input.shell)
                return .continue
            },
            ShellCommand(name: "why", summary: "Explain why the current question matters, with its source (`?` alone does the same)",
                         examples: ["why"]) { input in
                try self.why(input.shell)
                return .continue
            },
            ShellCommand(name: "note", operands: Self.attachmentOperands(noun: "note"), syntax: .text,
                         summary: "Attach a note to the question just answered (or another: note ID TEXT)",
                         details: Self.attachmentDetails(noun: "note", command: "unnote"),
                         examples: ["note the flagship shop's Instagram is run by Sam", "note response_time weekends are slower"]) { input in
                try self.attach(input.rest, asEvidence: false)
                return .continue
            },
            ShellCommand(name: "evidence", operands: Self.attachmentOperands(noun: "evidence"), syntax: .text,
                         summary: "Attach evidence (text or a URL) to the question just answered (or another)",
                         details: Self.attachmentDetails(noun: "evidence", command: "unevidence"),
                         examples: ["evidence https://example.com/inbox-export.csv", "evidence followers screenshot in the team drive"]) { input in
                try self.attach(input.rest, asEvidence: true)
                return .continue
            },
            ShellCommand(name: "notes", summary: "List the notes and evidence, numbered, and where a new note goes",
                         examples: ["notes"]) { input in
                try self.listNotes(input.shell)
                return .continue
            },
            ShellCommand(name: "unnote", operands: [.required("N", .none, help: "The note's number, as `notes` lists it.")],
                         summary: "Remove note N (`notes` numbers them)",
                         examples: ["unnote 2"]) { input in
                try self.removeAttachment(input.operands.first, evidence: false)
                return .continue
            },
            ShellCommand(name: "unevidence", operands: [.required("N", .none, help: "The evidence's number, as `notes` lists it.")],
                         summary: "Remove evidence N (`notes` numbers them)",
                         examples: ["unevidence 1"]) { input in
                try self.removeAttachment(input.operands.first, evidence: true)
                return .continue
            },
            ShellCommand(name: "status", summary: "Progress per checklist and section",
                         examples: ["status"]) { input in
                try self.status(input.shell)
                return .continue
            },
            ShellCommand(name: "review", summary: "A table of the answers so far",
                         examples: ["review"]) { input in
                try self.review(input.shell)
                return .continue
            },
            ShellCommand(name: "score", arguments: ScoreOptions.self, options: ScoreOptions.Spec.options,
                         summary: "The current score with its range and coverage",
                         details: "The same as `smaudit score SESSION` on the command line.",
                         examples: ["score", "score --explain"]) { _, options in
                try self.printScore(explain: options.explain)
                return .continue
            },
            ShellCommand(name: "findings", summary: "Failed rules by severity, the fix worth most first",
                         examples: ["findings"]) { _ in
                try self.printFindings()
                return .continue
            },
            ShellCommand(name: "measure", arguments: MeasureOptions.self, options: MeasureOptions.Spec.options,
                         usage: "--posts|--inbox|--followers|--traffic FILE [OPTIONS]",
                         summary: "Compute metrics from platform exports and fill the audit's measurable questions",
                         details: "Prints the metrics table (the five responders who replied most; --all lists every one). With an audit open, questions that declare `measure:` (response time and rate, engagement share, clustered updates, growth, traffic) are answered with the measured values and marked as measured from their file. When the team already typed a different answer, smaudit asks once before replacing it (the typed answer is kept as their estimate); --replace or --keep-typed decide without asking, as scripts must. The options are those of `smaudit measure`, whose --help defines every metric.",
                         examples: ["measure --inbox inbox.csv", "measure --posts facebook.csv --posts instagram.csv --period last-month --replace"]) { input, options in
                try self.measure(options, shell: input.shell)
                return .continue
            },
            ShellCommand(name: "plan", arguments: PlanOptions.self, operands: [.optional("N", .none, help: "The action's number, as `plan` lists it.")],
                         options: PlanOptions.Spec.options,
                         summary: "The action plan with owners and dates; `plan N --owner NAME --due DATE` changes one",
                         details: "One action per problem found, the most important first, four a month for three months, then later. Each has an owner (the role the checklist suggests until the team names one) and a due date (the end of its phase, counted from the audit's date, until the team sets one); the report shows them. `--owner -` and `--due -` go back to the suggestion.",
                         examples: ["plan", "plan 1 --owner Priya", "plan 2 --due 2027-01-15"]) { _, options in
                try self.plan(options)
                return .continue
            },
            ShellCommand(name: "compare", operands: [.required("SESSION", .filePath, help: "An earlier session (by name or file) or answers file.")],
                         summary: "Compare the open audit with an earlier session or answers file",
                         examples: ["compare acme-coffee-2026-01-10"]) { input in
                let flow = try self.requireFlow()
                let name = input.operands[0]
                let path = self.store.resolve(name) ?? name
                let earlier = try SessionFiles.load(path, set: self.set, clock: self.clock)
                self.console.print("\(ReportRendering.comparisonText(flow.session, baseline: earlier, set: self.set))")
                return .continue
            },
            ShellCommand(name: "history", arguments: HistoryOptions.self, operands: [.optional("ORGANISATION", .none, help: "The organisation; the open audit's, or the only one found, without it.")],
                         options: HistoryOptions.Spec.options,
                         summary: "An organisation's audits, with problems solved and new",
                         details: "Audits are the session files of the sessions folder and of every --sessions DIR (an auditor's own session is left out; its team session counts). Names match without case or extra spaces. The same as `smaudit history`.",
                         examples: ["history", "history \"Lakeside Physio\""]) { _, options in
                try self.history(options)
                return .continue
            },
            ShellCommand(name: "accept", arguments: AcceptOptions.self, operands: [.required("KEY", .problemKey, help: "The problem's key (Tab lists the problems found first).")],
                         options: AcceptOptions.Spec.options,
                         summary: "Accept a problem for now, with reason, owner and end",
                         details: "An accepted problem leaves the score, the band, the summary's priorities and the plan; the report lists it under \"Accepted for now\" with its reason, owner and end date, and keeps its finding. The day after --until it counts again, with a warning. A critical problem needs --until, at most 90 days away.",
                         examples: ["accept four-mistakes.service-sent-away --reason \"the front desk answers by phone until March\" --owner Priya --until 2027-03-01"]) { _, options in
                try self.accept(options)
                return .continue
            },
            ShellCommand(name: "accepted", summary: "List the problems accepted for now",
                         examples: ["accepted"]) { _ in
                try self.listAccepted()
                return .continue
            },
            ShellCommand(name: "unaccept", operands: [.required("KEY", .problemKey, help: "An accepted problem's key.")],
                         summary: "Take back an acceptance: the problem counts again",
                         examples: ["unaccept four-mistakes.service-sent-away"]) { input in
                try self.unaccept(input.operands[0])
                return .continue
            },
            ShellCommand(name: "target", arguments: TargetOptions.self, operands: [.required("NAME", .none, help: "The target, as `targets` lists it."),
                                                    .required("VALUE", .none, help: "The team's value (4h, 80%); - goes back to the default.")],
                         options: TargetOptions.Spec.options,
                         summary: "Set the team's own value of an adjustable bar",
                         details: "Where a checklist declares a bar adjustable (`targets` lists them with their defaults and bounds), the team may set its own: the rules judge against it, the report says \"your target of 4 hours\" and its Method gives the default and the reason. A value outside the bounds is refused with them.",
                         examples: ["target reply_target 4h --reason \"we answer twice a day, by design\"", "target reply_target -"]) { _, options in
                try self.setTarget(options)
                return .continue
            },
            ShellCommand(name: "targets", summary: "List the adjustable bars with their values",
                         examples: ["targets"]) { _ in
                try self.listTargets()
                return .continue
            },
            ShellCommand(name: "merge", arguments: MergeOptions.self, operands: [.repeated("FILE", .filePath, help: "The auditors' session files (each answered with `audit --as NAME`), or a team session and a new auditor's.")],
                         options: MergeOptions.Spec.options,
                         summary: "Merge auditors' sessions into a team session",
                         details: "The team session keeps every auditor's answers, notes and evidence. Where all who answered agree, that is the team's answer (numbers within 10 % of the larger, percentages within 10 points, durations within 25 % of the longer; other answers equal); otherwise it is a disagreement, open until the team decides it with `resolve` or measured data settles it. The same as `smaudit merge`.",
                         examples: ["merge priya.yaml sam.yaml -o team.yaml"]) { _, options in
                try self.merge(options)
                return .continue
            },
            ShellCommand(name: "resolve", operands: [.optional("SESSION", .sessionName, help: "A team session to open first; the open one without it.")],
                         summary: "Decide the team's open disagreements, one by one",
                         details: "Each disagreement shows every auditor's answer and notes (and the data, where measured). The answer typed is the team's decision; a reason is asked for after it (Enter for none). Ctrl-C stops; `resolve` goes on later. Until a disagreement is decided the rules that read it are open and the score provisional.",
                         examples: ["resolve", "resolve team.yaml"]) { input in
                try self.resolve(input.operands.first, shell: input.shell)
                return .continue
            },
            ShellCommand(name: "report", arguments: ShellReportArguments.self, operands: [.optional("FILE", .filePath, help: "Where to write it (default ORGANISATION-DATE.md in this folder).")],
                         options: ReportOptions.Spec.options,
                         summary: "Write the open audit's report (Markdown, or HTML, PDF or JSON by FILE's extension)",
                         details: "An existing file is replaced only after asking (or with --force); in a script --force is needed. The options are those of `smaudit report`, except --fail-under, which sets the exit status of a script (`smaudit report --fail-under N` does).",
                         examples: ["report", "report acme-q4.html", "report acme-q4.md --force", "report --format json -o acme.json"]) { input, arguments in
                try self.writeReport(to: arguments.path, options: arguments.options, shell: input.shell)
                return .continue
            },
        ]
    }

    /// `note` and `evidence` take an optional question id, then free text.
    static func attachmentOperands(noun: String) -> [Operand] {
        [.optional("ID", .questionID, help: "The question it belongs to, when not the one just answered."),
         .required("TEXT", .freeText, help: "The \(noun), exactly as typed (apostrophes and all).")]
    }

    static func attachmentDetails(noun: String, command: String) -> String {
        "The rest of the line is the \(noun) as typed; one pair of quotes around all of it is dropped. Right after an answer it goes to the question just answered, otherwise to the question waiting; a first word that is a question's id picks that question. smaudit says where it went and its number; `notes` lists them and `\(command) N` removes one."
    }

    /// `unnote N` and `unevidence N`.
    func removeAttachment(_ word: String?, evidence: Bool) throws {
        guard let word, let number = Int(word) else { throw AuditError.removalUsage(evidence: evidence) }
        let removed = try requireFlow().removeAttachment(number, evidence: evidence)
        console.print("Removed \(evidence ? "evidence" : "note") \(number) from \(removed.ref): “\(removed.text)”.")
    }
}
