import AuditKit
import AuditReport
import AuditServices
import LineEditor

// The guided conversation, in one place: every step a person can be in, and for each what a
// typed line means, what Tab completes, what Ctrl-C and Ctrl-D do and what the prompt shows.
// Commands (AuditCommandTable.swift) move between steps; the shell (Core/Shell.swift) asks
// the current step at every line.
//
// | step           | a line is                          | Tab        | Ctrl-C                 | Ctrl-D                  |
// |----------------|------------------------------------|------------|------------------------|-------------------------|
// | idle           | a command                          | commands   | discards the line      | leaves                  |
// | organisation   | the organisation (empty: default)  | –          | cancels the audit      | cancels it and leaves   |
// | auditors       | the auditors, comma-separated      | –          | cancels the audit      | cancels it and leaves   |
// | question       | the answer; `?` why; `/` a command | choices    | discards the line      | leaves (saved, resume)  |
// | planOwner      | the action's owner (empty: keep)   | –          | keeps the rest         | keeps the rest, leaves  |
// | decisionReason | why the team decided (empty: none) | –          | no reason, goes on     | no reason, leaves       |
// | reportOffer    | yes, no, or a command              | yes/no     | declines               | declines and leaves     |
// | replaceReport  | yes or no                          | yes/no     | keeps the file         | keeps it and leaves     |
// | replaceTyped   | yes or no                          | yes/no     | fills nothing          | fills nothing, leaves   |
// | leaveUnsaved   | yes (leave) or no (save again)     | yes/no     | stays                  | leaves                  |
//
// In every step but idle a line starting with `/` is a command. In a script (no terminal) a
// step that needs a line the input does not have is an error of the line that asked for it.

extension AuditController {
    /// Where the person is in the conversation.
    enum Step {
        /// No question is waiting: a line is a command.
        case idle
        /// `audit` asks whom the audit is of.
        case organisation(NewAudit)
        /// `audit` asks who is auditing.
        case auditors(NewAudit)
        /// A question of the audit waits for its answer.
        case question(QuestionRef)
        /// Every question is answered: who owns the plan's action at this index (Enter keeps
        /// the suggested role)? Then the report is offered at `path`, when not nil.
        case planOwner(index: Int, reportPath: String?)
        /// A team's disagreement was just decided: why (Enter for no reason)?
        case decisionReason(QuestionRef)
        /// Every question is answered or skipped: write the report now?
        case reportOffer(path: String)
        /// `report` would replace an existing file: replace it?
        case replaceReport(ReportJob)
        /// `measure` would replace answers the team typed: replace them?
        case replaceTyped(MeasuredAnswers.Filling)
        /// Leaving, but the last answers could not be saved: leave anyway?
        case leaveUnsaved
    }

    /// An audit being set up: what is known so far and what the person is asked for.
    struct NewAudit {
        var checklists: [String]
        var organisation: String?
        var auditors: [String]?
        /// The auditor answering alone, if one is.
        var answeredBy: String? = nil
        /// Offered in brackets: the previous session's organisation and auditors.
        var defaultOrganisation: String?
        var defaultAuditors: String?
        /// The line that started the audit, which a script's error names.
        var line: Int
    }

    /// After a detour (a confirmation, a cancelled set-up): back to the question waiting, shown
    /// again when `show`, or to idle.
    func settle(_ shell: Shell, show: Bool) {
        if show {
            showCurrentOrFinish(shell, offerReport: false)
        } else {
            step = flow?.current.map(Step.question) ?? .idle
        }
    }
}

extension AuditController: ShellConversation {
    // MARK: What the prompt shows

    public func prompt(in shell: Shell) -> Prompt {
        switch step {
        case .idle:
            return Shell.commandPrompt
        case .organisation(let audit):
            return Self.question("Organisation", default: audit.defaultOrganisation)
        case .auditors(let audit):
            return Self.question("Auditors, separated by commas", default: audit.defaultAuditors)
        case .question(let ref):
            let (n, total) = flow?.position(of: ref) ?? (0, 0)
            return Prompt([.init("smaudit", style: .boldGreen), .init(" [\(ref.checklist) \(n)/\(total)]> ")])
        case .planOwner(let index, _):
            let action = flow.flatMap { $0.actionPlan.actions.indices.contains(index) ? $0.actionPlan.actions[index] : nil }
            return Self.question("Who owns action \(index + 1)", default: action?.owner)
        case .decisionReason:
            return Self.question("Why did the team decide so? (Enter: no reason)", default: nil)
        case .reportOffer(let path):
            return Self.question("Write the report to \(path) now? yes or no", default: "yes")
        case .replaceReport(let job):
            return Self.question("\(job.path) exists. Replace it? yes or no", default: "no")
        case .replaceTyped(let filling):
            return Self.question(filling.replaceQuestion, default: "yes")
        case .leaveUnsaved:
            return Self.question("Leave anyway and lose them? yes, or no to try saving again", default: "no")
        }
    }

    /// `Label (default): `.
    static func question(_ label: String, default value: String?) -> Prompt {
        Prompt([.init(label), .init(value.map { " (\($0))" } ?? ""), .init(": ")])
    }

    // MARK: What a line means

    public func takesInput(in shell: Shell) -> Bool {
        if case .idle = step { return false }
        return true
    }

    public func input(_ line: String, in shell: Shell) throws {
        switch step {
        case .idle:
            _ = try shell.runCommand(line)
        case .organisation(var audit):
            audit.organisation = try Self.required(line, default: audit.defaultOrganisation, what: "the organisation")
            if audit.auditors == nil { step = .auditors(audit) } else { try begin(audit, shell: shell) }
        case .auditors(var audit):
            let text = try Self.required(line, default: audit.defaultAuditors, what: "at least one auditor")
            audit.auditors = text.split(separator: ",").map { String($0).trimmed(.unicodeWhitespace) }.filter { !$0.isEmpty }
            try begin(audit, shell: shell)
        case .question(let ref):
            if line.trimmed(.unicodeWhitespace) == "?" {
                try why(shell)
            } else {
                try answer(line, to: ref, shell: shell)
            }
        case .planOwner(let index, let reportPath):
            let owner = line.trimmed(.unicodeWhitespace)
            if let flow, !owner.isEmpty, flow.actionPlan.actions.indices.contains(index) {
                try flow.assign(flow.actionPlan.actions[index].key, owner: owner, due: nil)
            }
            askPlanOwner(from: index + 1, reportPath: reportPath, shell: shell)
        case .decisionReason(let ref):
            let reason = line.trimmed(.unicodeWhitespace)
            if !reason.isEmpty { try flow?.explainDecision(ref, reason: reason) }
            try continueAfterDecision(shell)
        case .reportOffer(let path):
            step = .idle
            switch Self.yesOrNo(line, default: true) {
            case true?: try writeReport(to: path, shell: shell)
            case false?: console.print("Type `report` whenever you want it; `review`, `back` or `goto ID` change answers.")
            // A command typed instead, with or without `/`, still runs.
            case nil: if try shell.runCommand(line.trimmed(.unicodeWhitespace)) == .exit { shell.requestExit() }
            }
        case .replaceReport(let job):
            settle(shell, show: false)
            if Self.yesOrNo(line, default: false) == true { try write(job) } else { console.print("Left \(job.path) as it was.") }
        case .replaceTyped(let filling):
            settle(shell, show: false)
            switch Self.yesOrNo(line, default: true) {
            case true?: try fill(filling, typed: .replace, shell: shell)
            case false?: try fill(filling, typed: .keep, shell: shell)
            case nil: throw AuditError.yesOrNoNeeded
            }
        case .leaveUnsaved:
            if Self.yesOrNo(line, default: false) == true {
                shell.confirmExit()
                return
            }
            if let flow {
                do {
                    try flow.finish()
                    console.print("Saved to \(flow.path).")
                } catch {
                    shell.report("still cannot save: \(error); free some space or type `quit` again")
                }
            }
            settle(shell, show: true)
        }
    }

    /// The line, or the default when it is empty; an error when both are empty.
    static func required(_ line: String, default value: String?, what: String) throws -> String {
        let text = line.trimmed(.unicodeWhitespace)
        if !text.isEmpty { return text }
        if let value { return value }
        throw AuditError.startValueNeeded(what: what)
    }

    /// `yes`/`y` → true, `no`/`n` → false, an empty line → the default, anything else → nil.
    static func yesOrNo(_ line: String, default value: Bool) -> Bool? {
        switch line.trimmed(.unicodeWhitespace).lowercased() {
        case "": return value
        case "y", "yes": return true
        case "n", "no": return false
        default: return nil
        }
    }

    // MARK: What Tab completes

    public func inputCompletions(for text: String, in shell: Shell) -> Completions {
        switch step {
        case .idle, .organisation, .auditors, .planOwner, .decisionReason:
            return .none
        case .question(let ref):
            return answerCompletions(for: text, ref: ref)
        case .reportOffer, .replaceReport, .replaceTyped, .leaveUnsaved:
            return Completions(replacing: text.unicodeScalars.count,
                               candidates: ["yes", "no"].filter { $0.hasPrefix(text.lowercased()) }, appendSpace: false)
        }
    }

    /// Choice labels (case-insensitively, by the whole answer typed so far); for a multi
    /// question, the item after the last comma.
    func answerCompletions(for text: String, ref: QuestionRef) -> Completions {
        guard let question = set.question(ref) else { return .none }
        switch question.type {
        case .choice:
            let typed = text.lowercased()
            return Completions(replacing: text.unicodeScalars.count,
                               candidates: question.choices.filter { $0.lowercased().hasPrefix(typed) }, appendSpace: false)
        case .multi:
            let item = String(text.reversed().prefix { $0 != "," }.reversed())
            let stem = item.drop { $0 == " " }
            return Completions(replacing: stem.unicodeScalars.count,
                               candidates: question.choices.filter { $0.lowercased().hasPrefix(stem.lowercased()) }, appendSpace: false)
        case .yesno:
            return Completions(replacing: text.unicodeScalars.count,
                               candidates: ["yes", "no"].filter { $0.hasPrefix(text.lowercased()) }, appendSpace: false)
        default:
            return .none
        }
    }

    public func candidates(for kind: ArgumentKind, in shell: Shell) -> [String] {
        switch kind {
        case .checklistID: return set.ids
        // Bare ids, then qualified ones as every listing shows them (`four-mistakes.followers`).
        case .questionID: return flow.map { $0.order.map(\.question) + $0.order.map { "\($0.checklist).\($0.question)" } } ?? []
        case .sessionName: return store.sessionPaths().map { AtomicFile.name(of: $0).replacingSuffix(".yaml") }
        // The problems found first (what a team accepts), then the rest of the audit's.
        case .problemKey:
            guard let flow else { return [] }
            let found = flow.scorecard.themes.map(\.key)
            return found + ProblemIndex(set, checklists: flow.session.checklistIDs).problems.map(\.key).filter { !found.contains($0) }
        default: return []
        }
    }

    // MARK: What Ctrl-C does

    public func interrupted(in shell: Shell) {
        switch step {
        case .idle, .question:
            break  // the editor discarded the line; the same step asks again
        case .organisation, .auditors:
            console.print("Cancelled: no audit was started.")
            settle(shell, show: flow?.current != nil)
        case .planOwner(_, let reportPath):
            console.print("The other actions keep their suggested owners; `plan N --owner NAME` changes one.")
            offerTheReport(at: reportPath, shell: shell)
        case .decisionReason:
            // The decision stands without a reason; Ctrl-C also stops the walk.
            resolving = false
            step = .idle
            console.print("Decided without a reason; `resolve` goes on with the others.")
        case .reportOffer:
            step = .idle
            console.print("Not written; type `report` whenever you want it.")
        case .replaceReport(let job):
            settle(shell, show: false)
            console.print("Left \(job.path) as it was.")
        case .replaceTyped:
            settle(shell, show: false)
            console.print("Nothing was filled.")
        case .leaveUnsaved:
            console.print("Staying; the last answers are still not on disk.")
            settle(shell, show: true)
        }
    }

    // MARK: What Ctrl-D (or the end of a script) does

    public func endOfInput(in shell: Shell) -> Bool {
        switch step {
        case .organisation(let audit), .auditors(let audit):
            step = .idle
            guard shell.isInteractive else {
                let missing = audit.organisation == nil ? "the organisation was" : "the auditors were"
                shell.report("audit: the input ended before \(missing) given, so no audit was started; "
                             + "give the organisation and the auditors on the lines after `audit`, or use "
                             + "`smaudit audit --organisation NAME --auditors NAMES`", line: audit.line)
                return true
            }
            console.print("Cancelled: no audit was started.")
        case .planOwner:
            step = .idle
            console.print("The other actions keep their suggested owners; `plan N --owner NAME` changes one.")
        case .decisionReason:
            step = .idle
        case .reportOffer, .replaceReport, .replaceTyped:
            interrupted(in: shell)
        case .leaveUnsaved:
            return true
        case .idle, .question:
            break
        }
        return mayQuit(in: shell)
    }

    // MARK: What `quit` does

    public func mayQuit(in shell: Shell) -> Bool {
        if saveBeforeLeaving(shell) { return true }
        step = .leaveUnsaved
        return false
    }

    // MARK: Around every line

    public func start(in shell: Shell) throws {
        if let startRequest { try start(startRequest, shell: shell) }
    }

    public func willWait(in shell: Shell) {
        // A script's answers are written in batches; the batch ends whenever the shell waits.
        flushReporting(shell)
    }

    public func lineDone(in shell: Shell) { noteUnsavedChanges(shell) }

    public func ending(in shell: Shell) { finishOnExit(shell) }
}
