import AuditKit
import AuditOptions
import AuditServices
import BuiltinChecklists
import CivilCalendar
import LineEditor
import PresenceData

/// What `smaudit audit` asks the shell to start with.
public struct AuditRequest: Sendable {
    /// The checklists to audit (all built-ins when empty).
    public var checklists: [String]
    /// The organisation, when given on the command line (otherwise asked).
    public var organisation: String?
    /// The auditors, when given on the command line (otherwise asked).
    public var auditors: [String]?
    /// The one auditor answering alone (`--as NAME`): the session is theirs, for `merge`.
    public var answeredBy: String?

    /// A request to audit `checklists`, with the organisation and auditors when known.
    public init(checklists: [String], organisation: String? = nil, auditors: [String]? = nil, answeredBy: String? = nil) {
        self.checklists = checklists
        self.organisation = organisation
        self.answeredBy = answeredBy?.trimmed(.unicodeWhitespace)
        self.auditors = self.answeredBy.map { [$0] } ?? auditors
    }
}

/// The audit in the shell. It owns the checklists, the session store, the audit in progress
/// and the step the conversation is in (`Step`, in AuditConversation.swift, which says what
/// each step does with a line, Tab, Ctrl-C and Ctrl-D); the rows in AuditCommandTable.swift
/// call it. It never holds the shell: every call is handed the shell it runs in.
public final class AuditController {
    let console: Console
    /// The user checklist folders.
    let folders: [String]
    let store: SessionStore
    let environment: [String: String]
    /// What answers and decisions are stamped with, and what is due today is judged by.
    let clock: Clock
    /// A session file named with `--session`.
    let sessionPath: String?
    /// The audit `smaudit audit` starts with, if any.
    let startRequest: AuditRequest?
    /// Where the conversation is.
    var step: Step = .idle
    /// `resolve` is walking the team's open disagreements: after each decision the next one
    /// comes, not the next unanswered question.
    var resolving = false
    /// The audit in progress.
    public private(set) var flow: AuditFlow?
    /// The script line whose change is the oldest not yet on disk (batched saves).
    private var firstUnsavedLine: Int?

    /// The checklists, parsed on first use so the shell's first prompt does not wait for YAML.
    /// A broken user file is skipped with one line (`smaudit check FILE` shows its errors).
    private(set) lazy var catalog: ChecklistCatalog = {
        let catalog = ChecklistCatalog(folders: folders)
        for warning in catalog.warnings { console.printError("smaudit: warning: \(warning)") }
        return catalog
    }()

    var set: ChecklistSet { catalog.set }

    /// A controller writing to `console`, with checklists from `folders` and sessions in `store`.
    public init(console: Console, checklistFolders folders: [String], store: SessionStore, environment: [String: String],
                sessionPath: String?, start: AuditRequest?) {
        self.console = console
        self.folders = folders
        self.store = store
        self.environment = environment
        clock = Clock(environment: environment)
        self.sessionPath = sessionPath
        self.startRequest = start
    }

    /// The banner's line about checklists. Built-in ids are known without reading anything; a
    /// user file's id is only known once it is parsed, which the banner should not wait for, so
    /// those are counted instead.
    public var bannerLine: TerminalText {
        let userFiles = folders.reduce(0) { $0 + ChecklistCatalog.yamlFiles(in: $1).count }
        let own = userFiles == 0 ? "" : ", and \(userFiles.counted("file")) of your own (`list` shows them)"
        let builtins = ChecklistText.commaList(BuiltinChecklists.auditOrder)
        let audit = console.styled("audit", .cyan), resume = console.styled("resume", .cyan)
        return "Checklists: \(builtins)\(own). Type \(audit) to begin, \(resume) to continue."
    }

    func requireFlow() throws -> AuditFlow {
        guard let flow else { throw AuditError.noAuditOpen }
        return flow
    }

    // MARK: Saving

    /// How the shell's flows save: every change at a terminal, in batches in a script.
    static func saveMode(for shell: Shell) -> AuditFlow.SaveMode {
        shell.isInteractive ? .eachChange : .batched(maxDelay: .seconds(1))
    }

    /// After each line: remembers the first script line whose change is not on disk yet.
    func noteUnsavedChanges(_ shell: Shell) {
        if flow?.hasUnsavedChanges == true, firstUnsavedLine == nil { firstUnsavedLine = shell.lineNumber }
    }

    /// Writes batched changes; a failure is an error of the script line that made the oldest
    /// unsaved change, so the exit status says the answers are not on disk.
    func flushReporting(_ shell: Shell) {
        guard let flow else { return }
        do {
            try flow.flush()
            firstUnsavedLine = nil
        } catch {
            let since = firstUnsavedLine.map { " (answers from line \($0) on are not on disk)" } ?? ""
            shell.report("cannot save the session\(since): \(error)", line: firstUnsavedLine)
        }
    }

    /// Whether a person may leave now: yes unless the last answers cannot be saved, which is
    /// said (the conversation then asks whether to leave anyway).
    func saveBeforeLeaving(_ shell: Shell) -> Bool {
        guard shell.isInteractive, let flow, flow.hasUnsavedChanges else { return true }
        do {
            try flow.finish()
            return true
        } catch {
            console.printError(console.styled("error:", .boldRed, forErrors: true) + " the last answers are not on disk: \(error)")
            return false
        }
    }

    /// When the shell ends by any path: the session is written and flushed to disk, and a
    /// person is told where it is and how to continue it.
    func finishOnExit(_ shell: Shell) {
        guard let flow else { return }
        do {
            try flow.finish()
        } catch {
            shell.report("cannot save the session, so answers given since the last save are not on disk: \(error)",
                         line: firstUnsavedLine)
            return
        }
        guard shell.isInteractive else { return }
        if flow.current != nil {
            console.print("The audit is saved in \(flow.path); `resume` continues it.")
        } else {
            console.print("The audit is saved in \(flow.path).")
        }
    }

    /// Finishes the open audit, if any, before another one is opened (its last changes are
    /// written and its lock released).
    func closeFlow() throws {
        try flow?.finish()
        flow = nil
    }

    // MARK: Starting and resuming

    /// Opens sessions as every command does (AuditServices' SessionOpener).
    var opener: SessionOpener {
        SessionOpener(catalog: catalog, store: store, clock: clock, sessionPath: sessionPath)
    }

    /// Starts a new audit (all built-ins when none is named): asks for the organisation and
    /// auditors unless given. A checklist named twice is audited once.
    func start(_ request: AuditRequest, shell: Shell) throws {
        try flow?.flush()  // the defaults below are read from the saved sessions
        let opener = self.opener
        let ids = try opener.checklists(request.checklists) { id in
            shell.warn("`\(id)` is named more than once; it is audited once")
        }
        if let existing = try opener.sessionToResume() {
            try resume(named: existing, shell: shell)
            return
        }
        let last = opener.lastSession()
        let audit = NewAudit(checklists: ids, organisation: request.organisation, auditors: request.auditors, answeredBy: request.answeredBy,
                             defaultOrganisation: last?.organisation,
                             defaultAuditors: last.map { ChecklistText.commaList($0.auditors) }.flatMap { $0.isEmpty ? nil : $0 },
                             line: max(shell.lineNumber, 1))
        if audit.organisation == nil {
            step = .organisation(audit)
        } else if audit.auditors == nil {
            step = .auditors(audit)
        } else {
            try begin(audit, shell: shell)
        }
    }

    /// Creates the session of a new audit once organisation and auditors are known, and shows
    /// its first question.
    func begin(_ audit: NewAudit, shell: Shell) throws {
        let organisation = audit.organisation ?? ""
        let flow = try opener.create(organisation: organisation, auditors: audit.auditors ?? [], answeredBy: audit.answeredBy,
                                     checklists: audit.checklists, saveMode: Self.saveMode(for: shell)) {
            try closeFlow()
            step = .idle
        }
        self.flow = flow
        console.print("Audit of \(organisation): \(ChecklistText.commaList(audit.checklists)). Saved after every answer to \(flow.path)")
        if let name = audit.answeredBy {
            console.print("You answer alone, as \(name): no one else's answers are shown. `merge` gathers the auditors' sessions when all have answered.")
        }
        console.print("Answer each question; `?` explains it, /back, /skip, /goto ID, /note TEXT, /status, /score, /help.")
        showCurrentOrFinish(shell)
    }

    /// Opens a saved session and continues at its first unanswered question. A file that does
    /// not load cleanly is refused with the errors `run` gives, and left as it is; an answers
    /// file written by hand is kept as `FILE.orig` before it first becomes a session file.
    func resume(named name: String?, shell: Shell) throws {
        try flow?.flush()  // the session may be the open one
        let opener = self.opener
        let path = try opener.pathToResume(name)
        let loaded = try opener.read(path)
        if let warnings = loaded.warnings { console.printError("\(warnings)") }
        for warning in SessionOpener.changeWarnings(loaded.result) { shell.warn(warning) }
        try closeFlow()
        step = .idle
        let flow = try opener.open(loaded, at: path, saveMode: Self.saveMode(for: shell)) { backup in
            console.print("\(path) is an answers file written by hand; smaudit saves it as a session file from now on, and keeps the original (with its comments) as \(backup).")
        }
        self.flow = flow
        let session = loaded.session
        let answered = session.entries.values.filter { $0.value != nil }.count
        console.print("Resumed \(session.organisation) (\(ChecklistText.commaList(session.checklistIDs))): \(answered.counted("answer")), from \(path)")
        for line in AcceptedRisks.notes(session, set: set, clock: clock) where line.hasPrefix("warning") {
            shell.warn(String(line.dropFirst("warning: ".count)))
        }
        showCurrentOrFinish(shell)
    }

    // MARK: Answering

    /// Records the answer typed for the question waiting, says what was recorded (and that a
    /// note now goes to it), and shows the next question. A rejected answer that names a
    /// command says how to run the command instead.
    func answer(_ line: String, to ref: QuestionRef, shell: Shell) throws {
        let flow = try requireFlow()
        let question = flow.set.question(ref)
        let disputed = flow.session.isTeam && flow.openDisagreements.contains { $0.ref == ref }
        do {
            try flow.answer(line)
        } catch let error as AuditError {
            let word = String(line.trimmed(.unicodeWhitespace).prefix { !$0.isWhitespace })
            guard let command = shell.commands.command(named: word) else { throw error }
            throw AuditError.answerNamesCommand(error, command: command.name, line: line.trimmed(.unicodeWhitespace))
        }
        let recorded = flow.session[ref].text ?? ""
        if let note = question?.readingNote(for: line) { console.print(console.styled(note, .dim)) }
        if disputed {
            console.print("The team's answer to \(ref): \(recorded).")
            step = .decisionReason(ref)
            return
        }
        console.print(console.styled("Answered \(ref): \(recorded). A /note now goes to it.", .dim))
        showCurrentOrFinish(shell)
    }

    // MARK: Accepted problems

    /// `accept PROBLEM --reason TEXT --owner NAME [--until DATE]`.
    func accept(_ options: AcceptOptions) throws {
        let flow = try requireFlow()
        let problem = try flow.accept(options.problem, reason: options.reason, owner: options.owner, until: options.untilDate)
        let until = flow.session.accepted[problem.key]?.until.map { " until \($0) (it counts again the day after)" } ?? ""
        console.print("Accepted \"\(problem.heading)\" (\(problem.key))\(until), owned by \(options.owner.trimmed(.unicodeWhitespace)). It leaves the score, the priorities and the plan; `unaccept \(problem.key)` takes it back.")
        console.print(TerminalText(ScoreText.line(flow.scorecard.standing)))
    }

    /// `accepted`.
    func listAccepted() throws {
        let flow = try requireFlow()
        let rows = AcceptedRisks.listing(flow.session, set: set, clock: clock)
        guard !rows.isEmpty else {
            console.print("No problem is accepted; `accept PROBLEM --reason TEXT --owner NAME` accepts one.")
            return
        }
        console.printTable([["problem", "heading", "owner", "accepted", "reason"]] + rows)
        for line in AcceptedRisks.notes(flow.session, set: set, clock: clock) where line.hasPrefix("warning") {
            console.print("\(line)")
        }
    }

    /// `unaccept PROBLEM`.
    func unaccept(_ key: String) throws {
        let flow = try requireFlow()
        let found = try flow.unaccept(key)
        console.print("\(found) counts again.")
    }

    // MARK: Targets

    /// `target NAME VALUE --reason TEXT`.
    func setTarget(_ options: TargetOptions) throws {
        let flow = try requireFlow()
        let (ref, _) = try flow.setTarget(options.name, to: options.value, reason: options.reason ?? "")
        if let setting = flow.session.targets[ref] {
            console.print("\(ref) is now the team's \(TargetWords.words(setting.value)); `target \(ref.question) -` goes back to the default.")
        } else {
            console.print("\(ref) is back to the default.")
        }
        console.print(TerminalText(ScoreText.line(flow.scorecard.standing)))
    }

    /// `targets`.
    func listTargets() throws {
        let flow = try requireFlow()
        let rows = flow.targets.map { item in
            [item.ref.description, TargetWords.words(item.value), item.setting == nil ? "default" : "the team's: \(item.setting!.reason)",
             String(item.target.prompt.prefix { $0 != "(" }).trimmed(.unicodeWhitespace)]
        }
        guard !rows.isEmpty else {
            console.print("The audited checklists declare no adjustable targets.")
            return
        }
        console.printTable([["target", "value", "set by", "bar"]] + rows)
    }

    // MARK: History

    /// `history [ORGANISATION] [--sessions DIR]…`: the organisation's audits (the open audit's
    /// organisation when none is named).
    func history(_ options: HistoryOptions) throws {
        for folder in options.sessions where !AtomicFile.isFolder(folder) { throw AuditError.noSuchFolder(option: "--sessions", folder: folder) }
        let extra = options.sessions
        try flow?.flush()  // the open audit counts as it stands
        let history = AuditHistory(folders: AuditHistory.folders(store: store, extra: extra), set: set)
        let organisation = options.organisation ?? flow?.session.organisation
        let listing = try history.listing(for: organisation)
        console.print("\(listing.heading)")
        if !listing.rows.isEmpty { console.printTable(listing.rows) }
    }

    // MARK: Team audits

    /// `merge FILE… -o TEAM.yaml`: the auditors' sessions into a team session (see
    /// `TeamSessions.merge`); the shell's open audit is left as it is.
    func merge(_ options: MergeOptions) throws {
        try flow?.flush()  // one of the files may be the open session
        let merged = try TeamSessions.merge(options.files, into: options.output, force: options.force, set: set,
                                            catalog: catalog, clock: clock) { console.print("\($0)") }
        for line in TeamSessions.summary(merged) { console.print("\(line)") }
        if merged.disagreements.contains(where: { $0.isOpen }) {
            console.print("`resolve \(options.output)` opens it and walks the disagreements.")
        }
    }

    /// `resolve [SESSION]`: walks the open disagreements of the team session (the open one, or
    /// the one named, which is opened first), each with every auditor's answer; the answer typed
    /// is the team's, and a reason is asked for after it.
    func resolve(_ name: String?, shell: Shell) throws {
        if let name { try resume(named: name, shell: shell) }
        let flow = try requireFlow()
        guard flow.session.isTeam else {
            throw AuditError.notATeamSession
        }
        let open = flow.openDisagreements
        guard let first = open.first else {
            resolving = false
            console.print("No disagreement is open: the team has decided every one.")
            return
        }
        console.print("\(open.count.counted("disagreement")) to decide. For each, type the team's answer; a reason is asked for after it. Ctrl-C stops.")
        resolving = true
        // Opening the session has just shown its first open question when that is the first
        // disagreement; it is not shown twice.
        if name != nil, flow.current == first.ref, case .question(first.ref) = step { return }
        try flow.goTo(first.ref.description)
        showCurrentOrFinish(shell, offerReport: false)
    }

    /// After a decision (and its reason): the next open disagreement while `resolve` walks
    /// them, otherwise the next question.
    func continueAfterDecision(_ shell: Shell) throws {
        guard let flow else { return }
        if resolving {
            if let next = flow.openDisagreements.first {
                try flow.goTo(next.ref.description)
            } else {
                resolving = false
                console.print("Every disagreement is decided; `score` shows the score with the team's answers.")
                step = .idle
                return
            }
        }
        showCurrentOrFinish(shell)
    }

    // MARK: Notes and evidence

    /// `note [ID] TEXT` and `evidence [ID] TEXT`: the rest of the line as typed (one pair of
    /// quotes around all of it is dropped); a first word that names a question of the audit
    /// picks that question, else the note goes to `AuditFlow.noteTarget`.
    func attach(_ rest: String, asEvidence: Bool) throws {
        let flow = try requireFlow()
        var text = rest
        var target: QuestionRef?
        let first = String(rest.prefix { !$0.isWhitespace })
        let after = String(rest.dropFirst(first.count)).trimmed(.unicodeWhitespace)
        if !after.isEmpty, flow.hasQuestion(named: first) {
            target = try flow.question(named: first)
            text = after
        }
        let why = target == nil ? whyTarget(flow) : ""
        let (ref, number) = try flow.attach(text.withoutSurroundingQuotes, to: target, asEvidence: asEvidence)
        if asEvidence {
            console.print("Evidence attached to \(ref)\(why) as evidence \(number); `unevidence \(number)` removes it.")
        } else {
            console.print("Noted on \(ref)\(why) as note \(number); `unnote \(number)` removes it.")
        }
    }

    /// Why `noteTarget` is the question it is: ` (just answered)`, ` (the question waiting)`.
    func whyTarget(_ flow: AuditFlow) -> String {
        if flow.justAnswered != nil { return " (just answered)" }
        if flow.current != nil { return " (the question waiting)" }
        return ""
    }

    // MARK: Reports

    /// `report [FILE] [OPTIONS]`: writes the open audit's report, in the format `--format` or
    /// FILE's extension asks for; at a terminal an existing file is replaced only after asking
    /// (or with `--force`), a script must say `--force`.
    func writeReport(to requested: String?, options given: ReportOptions? = nil, shell: Shell) throws {
        let flow = try requireFlow()
        let options = try given ?? ReportOptions.defaults()
        let context = try AuditHistory.context(for: flow.session, path: flow.path, explicit: options.baseline, none: options.noBaseline,
                                                 store: store, extra: options.sessions, set: set, catalog: catalog,
                                                 clock: clock)
        if let note = context.note { console.print(console.styled("\(note)", .dim)) }
        var job = try ReportJob(flow.session, set: set, baseline: context.baseline, path: requested,
                                format: options.format(writingTo: requested), browser: options.browser,
                                searchPath: environment["PATH"])
        job.settings = options.settings(environment: environment)
        job.history = context.trend
        job.scorecards = flow.scorecards
        if job.path == "-" {
            let text = job.text()
            console.print(TerminalText(text.hasSuffix("\n") ? String(text.dropLast()) : text))
            return
        }
        try job.checkTarget(force: true)  // a folder, or a folder that does not exist
        if AtomicFile.exists(job.path) && !options.force {
            guard shell.isInteractive else {
                throw AuditError.reportExists(path: job.path)
            }
            step = .replaceReport(job)
            return
        }
        try writing(job) { try job.writeChecked() }
        console.print("Report written to \(job.path).")
    }

    /// Writes a report once the person has said to replace the file, and says so. The place is
    /// checked again: it may have changed while they were answering.
    func write(_ job: ReportJob) throws {
        try writing(job) { try job.write(force: true) }
        console.print("Report written to \(job.path).")
    }

    /// Writes `job`'s report with `write`, the open audit's unsaved answers reaching the disk
    /// beside it (`AuditFlow.saving(beside:_:)`); answers saved so no longer owe a script line.
    private func writing(_ job: ReportJob, _ write: () throws -> Void) throws {
        guard let flow else { return try write() }
        try flow.saving(beside: job.path, write)
        if !flow.hasUnsavedChanges { firstUnsavedLine = nil }
    }

    // MARK: Measuring

    /// `measure`: prints the metrics of the exports, and with an audit open fills its
    /// measurable questions; replacing answers the team typed is asked once at a terminal
    /// (`--replace` and `--keep-typed` decide without asking, as a script must).
    func measure(_ options: MeasureOptions, shell: Shell) throws {
        let today = CalendarDay(containing: Double(clock.now.seconds))
        let request = try options.request(today: today)
        let (measurement, warnings) = try request.measure()
        for warning in warnings { shell.warn("\(warning)") }
        let more = "type the same `measure` with --all to list them all; `smaudit measure --json` has every figure"
        var table = measurement.table(responders: options.responderLimit, more: more)
        if table.hasSuffix("\n") { table.removeLast() }
        console.print(TerminalText(table))
        guard let flow else { return }
        if let whose = MeasuredAnswers.whoseData(measurement, organisation: flow.session.organisation) { shell.warn(whose) }
        let filling = try MeasuredAnswers.Filling(flow.session, set: set, request: request, measured: measurement)
        if let typed = filling.decided {
            try fill(filling, typed: typed, shell: shell)
        } else if shell.isInteractive {
            for line in filling.conflictLines { console.print("\(line)") }
            step = .replaceTyped(filling)
        } else {
            throw filling.refusal
        }
    }

    /// Records measured answers in the open audit and says which, and which questions the
    /// exports could not answer.
    func fill(_ filling: MeasuredAnswers.Filling, typed: MeasuredAnswers.TypedAnswers, shell: Shell) throws {
        let flow = try requireFlow()
        let now = clock.nowText
        let filled = try flow.update { session in filling.record(in: &session, typed: typed, now: now) }
        console.print("\(filled)")
        showCurrentOrFinish(shell)
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
