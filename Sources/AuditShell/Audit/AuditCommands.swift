import AuditKit
import BuiltinChecklists
import LineEditor
import AuditServices

/// The audit commands of the shell and the state they share: the checklists, the session
/// store, and the guided audit in progress.
public final class AuditCommands {
    /// The checklists, parsed on first use so the shell's first prompt does not wait for YAML.
    /// A broken user file is skipped with one line (`smaudit check FILE` shows its errors).
    public private(set) lazy var catalog: ChecklistCatalog = {
        let catalog = ChecklistCatalog(folders: folders)
        for warning in catalog.warnings { console?.printError("smaudit: warning: \(warning)") }
        return catalog
    }()
    private let folders: [String]
    private weak var console: Console?
    public let store: SessionStore
    let environment: [String: String]
    /// A session file named with `--session`.
    let sessionPath: String?
    /// The audit in progress.
    public internal(set) var flow: AuditFlow?
    /// The script line whose change is the oldest not yet on disk (batched saves).
    private var firstUnsavedLine: Int?

    public init(checklistFolders: [String], store: SessionStore, environment: [String: String], sessionPath: String?) {
        self.folders = checklistFolders
        self.store = store
        self.environment = environment
        self.sessionPath = sessionPath
    }

    /// Adds the audit commands, completions and banner to `shell`.
    public func install(in shell: Shell) {
        console = shell.console
        for command in commands { shell.commands.add(command) }
        shell.onExit.append { [unowned self, unowned shell] in
            guard let flow else { return }
            do {
                try flow.finish()
            } catch {
                shell.report("cannot save the session, so answers given since the last save are not on disk: \(error)",
                             line: firstUnsavedLine)
            }
            if shell.isInteractive, flow.current != nil {
                shell.console.print("The audit is saved in \(flow.path); `resume` continues it.")
            }
        }
        shell.afterEachLine.append { [unowned self, unowned shell] in
            if flow?.hasUnsavedChanges == true, firstUnsavedLine == nil { firstUnsavedLine = shell.lineNumber }
        }
        // A script's answers are written in batches; the batch ends whenever the shell waits.
        shell.beforeWaiting.append { [unowned self, unowned shell] in
            flushReporting(shell)
        }
        shell.exitGuard = { [unowned self] shell in mayLeave(shell) }
        shell.argumentCandidates = { [unowned self] kind in
            switch kind {
            case .checklistID: return catalog.set.ids
            case .questionID: return flow.map { $0.order.map(\.question) } ?? []
            case .sessionName: return store.sessionPaths().map { AtomicFile.name(of: $0).replacingSuffix(".yaml") }
            default: return []
            }
        }
        // Built-in ids are known without reading anything; a user file's id is only known once
        // it is parsed, which the banner should not wait for, so those are counted instead.
        let userFiles = folders.reduce(0) { $0 + ChecklistCatalog.yamlFiles(in: $1).count }
        let own = userFiles == 0 ? "" : ", and \(userFiles.counted("file")) of your own (`list` shows them)"
        let builtins = ChecklistText.commaList(BuiltinChecklists.auditOrder)
        let audit = shell.console.styled("audit", .cyan), resume = shell.console.styled("resume", .cyan)
        shell.bannerLines = ["Checklists: \(builtins)\(own). Type \(audit) to begin, \(resume) to continue."]
    }

    var set: ChecklistSet { catalog.set }

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

    /// Before a person leaves: when the last answers could not be saved, say so and ask.
    func mayLeave(_ shell: Shell) -> Bool {
        guard let flow, flow.hasUnsavedChanges else { return true }
        do {
            try flow.finish()
            return true
        } catch {
            shell.console.printError(shell.console.styled("error:", .boldRed, forErrors: true)
                + " the last answers are not on disk: \(error)")
            shell.inputHandler = TextPrompt(label: "Leave anyway and lose them? yes, or no to try saving again", defaultValue: "no") { answer, shell in
                shell.inputHandler = nil
                if ["y", "yes"].contains(answer.lowercased()) {
                    shell.confirmExit()
                    return
                }
                do {
                    try flow.finish()
                    shell.console.print("Saved to \(flow.path).")
                } catch {
                    shell.report("still cannot save: \(error); free some space or type `quit` again")
                }
                Self.showCurrentOrFinish(shell)
            }
            return false
        }
    }

    /// How the shell's flows save: every change at a terminal, in batches in a script.
    static func saveMode(for shell: Shell) -> AuditFlow.SaveMode {
        shell.isInteractive ? .eachChange : .batched(maxDelay: .seconds(1))
    }

    /// Finishes the open audit, if any, before another one is opened (its last changes are
    /// written and its lock released).
    func closeFlow() throws {
        try flow?.finish()
        flow = nil
    }

    func requireFlow() throws -> AuditFlow {
        guard let flow else { throw UserError("no audit is open; type `audit` to start one or `resume` to continue one") }
        return flow
    }

    // MARK: Starting and resuming

    /// Starts a new audit of `ids` (all built-ins when empty); asks for organisation and
    /// auditors unless given. A checklist named twice is audited once.
    public func start(_ shell: Shell, ids requested: [String], organisation: String? = nil, auditors: [String]? = nil) throws {
        try flow?.flush()  // the defaults below are read from the saved sessions
        var ids: [String] = []
        for id in requested.isEmpty ? BuiltinChecklists.auditOrder.filter({ set.checklist($0) != nil }) : requested {
            if ids.contains(id) {
                shell.warn("`\(id)` is named more than once; it is audited once")
            } else {
                ids.append(id)
            }
        }
        for id in ids where set.checklist(id) == nil {
            let hint = Suggest.closest(to: id, in: set.ids).map { "; did you mean `\($0)`?" } ?? ""
            throw UserError("no checklist `\(id)`\(hint) Installed: \(set.ids.joined(separator: ", "))")
        }
        if let sessionPath {
            if AtomicFile.exists(sessionPath) {
                try resume(shell, name: sessionPath)
                return
            }
            let folder = AtomicFile.parent(of: AtomicFile.resolvingLinks(sessionPath))
            guard AtomicFile.isFolder(folder) else {
                throw UserError("cannot save the session at \(sessionPath): the folder \(folder) does not exist; create it first or choose another place")
            }
        }
        let last = lastSession()
        let begin: (String, [String], Shell) throws -> Void = { [unowned self] organisation, auditors, shell in
            let now = SessionStore.now(environment: environment)
            let session = AuditSession(organisation: organisation, auditors: auditors, started: now,
                                       checklists: ids.compactMap { set.checklist($0).map(ChecklistStamp.init) })
            let path = try sessionPath ?? store.newPath(organisation: organisation, date: String(now.prefix(10)))
            try closeFlow()
            let flow = try AuditFlow(set: set, session: session, path: path, environment: environment)
            flow.saveMode = Self.saveMode(for: shell)
            try flow.save()
            try flow.flush()  // the file exists (and names its organisation) from the start
            self.flow = flow
            shell.console.print("Audit of \(organisation): \(ids.joined(separator: ", ")). Saved after every answer to \(path)")
            shell.console.print("Answer each question; `?` explains it, /back, /skip, /goto ID, /status, /score, /help.")
            Self.showCurrentOrFinish(shell)
        }
        let askAuditors: (String, Shell) throws -> Void = { organisation, shell in
            if let auditors { try begin(organisation, auditors, shell); return }
            shell.inputHandler = TextPrompt(label: "Auditors, separated by commas",
                                            defaultValue: last?.auditors.joined(separator: ", ")) { text, shell in
                shell.inputHandler = nil
                let names = text.split(separator: ",").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
                try begin(organisation, names, shell)
            }
        }
        if let organisation { try askAuditors(organisation, shell); return }
        shell.inputHandler = TextPrompt(label: "Organisation", defaultValue: last?.organisation) { text, shell in
            shell.inputHandler = nil
            try askAuditors(text, shell)
        }
    }

    /// The most recent session, for default organisation and auditors.
    func lastSession() -> AuditSession? {
        guard let path = store.sessionPaths().first, let text = try? AtomicFile.read(path) else { return nil }
        return SessionReader.read(text: text, file: path, set: set, mode: .lenient,
                                  now: SessionStore.now(environment: environment)).session
    }

    /// Opens a saved session and continues at its first unanswered question. A file that does
    /// not load cleanly is refused with the errors `run` gives, and left as it is; an answers
    /// file written by hand is kept as `FILE.orig` before it first becomes a session file.
    public func resume(_ shell: Shell, name: String?) throws {
        try flow?.flush()  // the session may be the open one
        let path: String
        if let name {
            guard let found = store.resolve(name) else {
                throw UserError("no session `\(name)`; `sessions` lists them (folder \(store.folder))")
            }
            path = found
        } else if let sessionPath, AtomicFile.exists(sessionPath) {
            path = sessionPath
        } else {
            guard let newest = store.sessionPaths().first else {
                throw UserError("no saved sessions in \(store.folder); type `audit` to start one")
            }
            path = newest
        }
        let loaded = try SessionFiles.read(path, set: set, catalog: catalog, environment: environment, action: "resume")
        let session = loaded.session
        if let warnings = loaded.warnings { shell.console.printError("\(warnings)") }
        for (stamp, now) in loaded.result.changed {
            shell.warn("checklist `\(stamp.id)` changed since this session began (version \(stamp.version) → \(now.version)); answers to questions that still exist are kept")
        }
        if !loaded.result.retired.isEmpty {
            shell.warn("kept aside \(loaded.result.retired.count.counted("answer")) to questions the changed checklist no longer has or no longer accepts (under `retired:` in the session; `status` lists them): "
                       + loaded.result.retired.map(\.description).joined(separator: ", "))
        }
        if !loaded.result.restored.isEmpty {
            shell.warn("restored \(loaded.result.restored.count.counted("answer")) kept aside earlier, since the checklist has the question again: "
                       + loaded.result.restored.map(\.description).joined(separator: ", "))
        }
        try closeFlow()
        let flow = try AuditFlow(set: set, session: session, path: path, environment: environment)
        flow.saveMode = Self.saveMode(for: shell)
        if loaded.result.format == nil {
            if let backup = try SessionFiles.keepOriginal(of: path, text: loaded.text) {
                shell.console.print("\(path) is an answers file written by hand; smaudit saves it as a session file from now on, and keeps the original (with its comments) as \(backup).")
            }
        }
        let result = loaded.result
        if !result.changed.isEmpty || !result.retired.isEmpty || !result.restored.isEmpty || result.format == nil {
            try flow.save()
        }
        self.flow = flow
        let answered = session.entries.values.filter { $0.value != nil }.count
        shell.console.print("Resumed \(session.organisation) (\(session.checklistIDs.joined(separator: ", "))): \(answered.counted("answer")), from \(path)")
        Self.showCurrentOrFinish(shell)
    }

    // MARK: Showing questions

    /// Shows the current question and installs it as the input handler, or ends the walk with
    /// a summary.
    static func showCurrentOrFinish(_ shell: Shell) {
        guard let commands = shell.audit, let flow = commands.flow else { return }
        guard let ref = flow.current, let question = flow.set.question(ref),
              let checklist = flow.set.checklist(ref.checklist) else {
            shell.inputHandler = nil
            commands.printSummary(shell, flow: flow)
            return
        }
        let (n, total) = flow.position(of: ref)
        let console = shell.console
        console.print()
        console.print(console.styled("\(ref.checklist) · \(checklist.sectionTitle(question.sectionID)) · \(n)/\(total)", .dim))
        console.print(console.styled(question.prompt, .bold))
        if !question.numberedChoices.isEmpty {
            console.print("\(question.numberedChoices.map { "  " + $0 }.joined(separator: "\n"))")
        }
        // With the choices listed above, the hint need not repeat them.
        var hint = "  " + (question.numberedChoices.isEmpty ? question.acceptedAnswers
            : question.type == .multi ? "type numbers or choices separated by commas, or none"
            : "type a number from 1 to \(question.choices.count) or the start of a choice")
        if !question.numberedChoices.isEmpty && question.allowNA { hint += ", or n/a" }
        if let unit = question.unit { hint += " (\(unit))" }
        if let fallback = flow.defaultText(for: ref) { hint += " (\(fallback))" }
        console.print(console.styled(hint, .dim))
        shell.inputHandler = QuestionPrompt(flow: flow)
    }

    func printSummary(_ shell: Shell, flow: AuditFlow) {
        let card = flow.scorecard
        let console = shell.console
        console.print()
        console.print(console.styled("All questions are answered or skipped.", .bold) + " " + ScoreText.line(card.standing))
        let findings = card.findings.prefix(3)
        if !findings.isEmpty {
            console.print("Top findings:")
            for finding in findings { console.print("  " + ScoreText.findingLine(finding)) }
        }
        let path = Self.defaultReportPath(for: flow.session)
        guard shell.isInteractive, !AtomicFile.exists(path) else {
            console.print("Type `report` to write the Markdown report, `review` to check the answers, `back` or `goto ID` to change one.")
            return
        }
        // The offer is a question of its own; a command typed instead (with or without `/`) still runs.
        shell.inputHandler = TextPrompt(label: "Write the report to \(path) now? yes or no", defaultValue: "yes") { [unowned self] answer, shell in
            shell.inputHandler = nil
            switch answer.lowercased() {
            case "y", "yes": try writeReport(shell, to: path, force: false)
            case "n", "no": shell.console.print("Type `report` whenever you want it; `review`, `back` or `goto ID` change answers.")
            default: if try shell.runCommand(answer) == .exit { shell.requestExit() }
            }
        }
    }

}

extension Shell {
    /// The audit commands installed in this shell, if any.
    var audit: AuditCommands? { auditCommands }
}
