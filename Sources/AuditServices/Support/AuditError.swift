import AuditKit
import AuditReport
import PresenceData

/// A command failed in a way the user can fix. Each case carries what happened and to what
/// (the path, the id, the closest name, the folder), never a sentence; `message` is the one
/// place that words them, so a message is worded once whichever command meets it and callers
/// branch on the case, not on the text. Whoever shows it puts its own prefix in front (`error:`
/// at a terminal, `FILE:LINE: error:` in a script, `smaudit: error:` on the command line).
public indirect enum AuditError: Error, Equatable, CustomStringConvertible {
    // MARK: Looking things up

    /// No checklist has this id; `lister` is the command that lists them (`list`, `smaudit list`).
    case unknownChecklist(id: String, suggestion: String?, installed: [String], lister: String)
    /// No question of the open audit has this id.
    case unknownQuestion(id: String, suggestion: String?)
    /// No adjustable target of the audited checklists has this id (`targets` lists them).
    case unknownTarget(id: String, suggestion: String?, targets: [String])
    /// The audited checklists declare no adjustable targets at all.
    case noTargets
    /// No problem of the audited checklists has this key.
    case unknownProblem(key: String, suggestion: String?)
    /// `unaccept` of a problem that is not accepted; `accepted` lists those that are.
    case notAccepted(key: String, accepted: [String])
    /// `unaccept` when no problem is accepted.
    case nothingAccepted
    /// No saved audit is of this organisation; `audited` names those that are.
    case unknownOrganisation(name: String, suggestion: String?, audited: [String])
    /// `history` found no audit at all to list.
    case noAuditsToList
    /// `history` without a name found no audit at all.
    case noAudits
    /// No saved session has this name in `folder`.
    case unknownSession(name: String, folder: String)
    /// `resume` without a name, and no session is saved in `folder`.
    case noSavedSessions(folder: String)
    /// A line starts with a word that is no command; `prefix` is `/` while a question waits.
    case unknownCommand(name: String, suggestion: String?, prefix: String)
    /// `help NAME` of a command that does not exist; the suggestion has its prefix already.
    case noSuchCommand(name: String, suggestion: String?)
    /// An option the command does not take; `known` are the ones it does.
    case unknownOption(command: String, option: String, known: [String], suggestion: String?)
    /// `plan N` when the plan has no actions.
    case noActions
    /// `plan N` beyond the plan's `count` actions.
    case noAction(number: Int, count: Int)
    /// `unnote N` (or `unevidence N`) when there is none.
    case noAttachments(evidence: Bool)
    /// `unnote N` (or `unevidence N`) beyond the `count` there are.
    case noAttachment(number: Int, evidence: Bool, count: Int)

    // MARK: Files and folders

    /// An output path whose symbolic links never reach a file.
    case linkLoop(path: String)
    /// An output path that is a folder.
    case isFolder(path: String)
    /// An output that exists, written without `--force`.
    case exists(path: String)
    /// An output whose folder does not exist.
    case missingFolder(path: String, folder: String)
    /// A new audit's session file, whose folder does not exist.
    case sessionFolderMissing(path: String, folder: String)
    /// The shell's report to a file that exists, in a script (at a terminal it asks).
    case reportExists(path: String)
    /// A folder named with `option` (`--sessions`) that does not exist.
    case noSuchFolder(option: String, folder: String)
    /// `--checklists DIR` names something that is not a folder (`exists`) or nothing at all.
    case notAChecklistsFolder(folder: String, exists: Bool)
    /// A script file that cannot be opened, with the system's `errno`.
    case cannotOpenScript(path: String, errno: Int32)
    /// A file that cannot be read (see `FileReadError`).
    case cannotRead(FileReadError)
    /// A session or answers file that does not load: its rendered `FILE:LINE:COL` diagnostics
    /// (with their source lines and notes), and what was attempted (`resume`, `score`).
    case refused(action: String, path: String, diagnostics: String)
    /// `merge … -o FILE` where FILE is one of the files merged.
    case mergeIntoInput(output: String)
    /// `merge` with no files.
    case noMergeInputs
    /// The sessions cannot be merged (see `TeamMerge.Refusal`).
    case mergeRefused(TeamMerge.Refusal)
    /// A PDF needs a browser and none was found; `explicit` is the one named with `--browser`.
    case noBrowser(explicit: String?)
    /// The browser did not print the PDF.
    case printFailed(PDFPrinter.Failure)

    // MARK: The audit

    /// A command that needs an open audit, when none is.
    case noAuditOpen
    /// `skip` when every question is answered or skipped.
    case allQuestionsDone
    /// `why` when no question is waiting.
    case noQuestionToExplain
    /// `back` at the first question.
    case firstQuestion
    /// A note before any question was shown.
    case nothingToAttachTo
    /// `resolve` in a session answered together.
    case notATeamSession
    /// An empty answer to a question with no default; `accepted` says what it takes.
    case answerNeeded(accepted: String)
    /// An answer the question rejects.
    case invalidAnswer(ref: QuestionRef, AnswerError)
    /// A target value outside the target's bounds.
    case invalidTarget(ref: QuestionRef, text: String, AnswerError)
    /// A rejected answer whose first word is a command: the rejection, and how to run it.
    case answerNamesCommand(AuditError, command: String, line: String)
    /// An empty reply to a question asked before an audit starts (`what`: "the organisation").
    case startValueNeeded(what: String)
    /// A reply other than yes or no when asked whether to replace typed answers.
    case yesOrNoNeeded
    /// A measurement would replace typed answers and nobody said whether to.
    case typedAnswersKept([MeasuredAnswers.TypedConflict])
    /// `target NAME VALUE` without `--reason`.
    case targetReasonNeeded
    /// `accept` without `--reason`.
    case acceptReasonNeeded
    /// `accept` without `--owner`.
    case ownerNeeded
    /// `accept --until` a day before `today`.
    case untilPassed(until: CalendarDate, today: CalendarDate)
    /// A critical problem accepted without `--until`; `latest` is the last day allowed.
    case criticalNeedsUntil(problem: String, latest: CalendarDate)
    /// A critical problem accepted for longer than `AcceptedRisk.criticalLimit` days.
    case criticalTooLong(problem: String, latest: CalendarDate)
    /// `option` (`--due`, `--until`) given something that is not a date.
    case notADate(option: String, text: String)
    /// `note` or `evidence` without text.
    case attachmentUsage(evidence: Bool)
    /// `unnote` or `unevidence` without a number.
    case removalUsage(evidence: Bool)
    /// A measurement's exports or options are wrong (see `PresenceError`).
    case presence(PresenceError)

    // MARK: Command lines

    /// A quote opened and never closed.
    case unclosedQuote(Character)
    /// An option that takes a value was given none.
    case missingValue(command: String, option: String, placeholder: String)
    /// An option that may be given once was given again.
    case repeatedOption(command: String, option: String)
    /// `--flag=VALUE` of an option that takes no value.
    case takesNoValue(command: String, option: String)
    /// A required operand left out: its name, its help, what it may be (when Tab has a short list).
    case missingOperand(command: String, operand: String, help: String, choices: [String], synopsis: String)
    /// A word beyond the operands the command takes.
    case unexpectedOperand(command: String, word: String, synopsis: String)
    /// Options swift-argument-parser refused, with its own words (`message(for:)`).
    case optionsRejected(command: String, message: String)
    /// Two options that contradict each other.
    case conflictingOptions(String, String)
    /// `--period` with `--since` or `--until`.
    case periodWithDates
    /// `--as` with a blank name.
    case auditorNameNeeded
    /// `merge` of fewer than two files.
    case tooFewToMerge
    /// `plan --owner` or `--due` without the action's number.
    case planActionNeeded
    /// `plan N` with neither `--owner` nor `--due`.
    case planChangeNeeded(number: Int)
    /// A PDF to standard output.
    case pdfToStandardOutput
    /// `--browser` for a format that is not printed.
    case browserWithoutPDF
    /// The report's file given both as an operand and with `-o`.
    case fileGivenTwice
    /// `--fail-under` outside 0…100.
    case failUnderOutOfRange(Double)
    /// `measure` without any export.
    case noExports
    /// `--window-minutes` zero or negative.
    case windowNotPositive
    /// `--replace` or `--keep-typed` without `--into`.
    case typedAnswersWithoutSession

    /// Located diagnostics behind the error, already rendered with their own
    /// `FILE:LINE:COL: error:` prefixes and source lines; printed as they are, before `message`.
    public var diagnostics: String? {
        if case let .refused(_, _, diagnostics) = self { return diagnostics }
        return nil
    }

    /// The diagnostics, then the message.
    public var description: String { (diagnostics.map { $0 + "\n" } ?? "") + message }

    /// What went wrong and what would be accepted, in one line: the only place these errors
    /// become words.
    public var message: String {
        switch self {
        case let .unknownChecklist(id, suggestion, installed, lister):
            return "no checklist `\(id)`" + (Suggest.hint(suggestion) ?? ".")
                + " Installed: \(ChecklistText.commaList(installed)) (`\(lister)` shows them)."
        case let .unknownQuestion(id, suggestion):
            return "no question `\(id)` in this audit" + (Suggest.hint(suggestion) ?? "")
        case let .unknownTarget(id, suggestion, targets):
            return "no target `\(id)`" + (Suggest.hint(suggestion) ?? ".")
                + " Targets: \(targets.joined(separator: ", ")) (`targets` lists them with their values)"
        case .noTargets:
            return "the audited checklists declare no adjustable targets"
        case let .unknownProblem(key, suggestion):
            return "no problem `\(key)` in this audit" + (Suggest.hint(suggestion) ?? ".")
                + " `accept` with Tab lists them; `findings` shows the ones found."
        case let .notAccepted(key, accepted):
            return "`\(key)` is not accepted; accepted: \(accepted.joined(separator: ", "))"
        case .nothingAccepted:
            return "no problem is accepted"
        case let .unknownOrganisation(name, suggestion, audited):
            return "no audit of \"\(name)\" found" + (Suggest.hint(suggestion, quote: "\"") ?? ".")
                + " Audited: \(ChecklistText.commaList(audited.map { "\"\($0)\"" }))."
        case .noAuditsToList:
            return "no audits found to list; `sessions` shows the saved ones"
        case .noAudits:
            return "no audits found; `audit` starts one, and `--sessions DIR` looks in another folder"
        case let .unknownSession(name, folder):
            return "no session `\(name)`; `sessions` lists them (folder \(folder))"
        case let .noSavedSessions(folder):
            return "no saved sessions in \(folder); type `audit` to start one"
        case let .unknownCommand(name, suggestion, prefix):
            return "unknown command `\(name)`" + (Suggest.hint(suggestion.map { prefix + $0 }) ?? ".")
                + " Type `\(prefix)help` for the list of commands."
        case let .noSuchCommand(name, suggestion):
            return "no command `\(name)`" + (Suggest.hint(suggestion) ?? "")
        case let .unknownOption(command, option, known, suggestion):
            let takes = known.isEmpty ? "\(command) takes no options" : "\(command) takes " + known.joined(separator: ", ")
            // Options are written bare all through this message, the suggestion too.
            return "\(command): unknown option \(option) (\(takes)" + (Suggest.hint(suggestion, quote: "") ?? "") + ")"
        case .noActions:
            return "the plan has no actions yet: no problem has been found"
        case let .noAction(number, count):
            return "no action \(number): the plan has actions 1 to \(count)"
        case let .noAttachments(evidence):
            return "there is no \(Self.attachment(evidence)) to remove; `notes` lists notes and evidence"
        case let .noAttachment(number, evidence, count):
            return "there is no \(Self.attachment(evidence)) \(number): `notes` numbers them from 1 to \(count)"

        case let .linkLoop(path):
            return "cannot write \(path): symbolic link loop (nothing was written)"
        case let .isFolder(path):
            return "cannot write \(path): it is a folder; name a file"
        case let .exists(path):
            return "\(path) exists; choose another name or pass --force to replace it (nothing was written)"
        case let .missingFolder(path, folder):
            return "cannot write \(path): the folder \(folder) does not exist; create it first or choose another place (nothing was written)"
        case let .sessionFolderMissing(path, folder):
            return "cannot save the session at \(path): the folder \(folder) does not exist; create it first or choose another place"
        case let .reportExists(path):
            return "\(path) exists; write elsewhere with `report FILE` or replace it with `report \(path) --force`"
        case let .noSuchFolder(option, folder):
            return "\(option) \(folder): no such folder"
        case let .notAChecklistsFolder(folder, exists):
            return "--checklists \(folder): the folder \(exists ? "is not a folder" : "does not exist")"
        case let .cannotOpenScript(path, code):
            return "cannot open script \(path): \(AtomicFile.reason(code))"
        case let .cannotRead(error):
            return error.description
        case let .refused(action, path, _):
            return "cannot \(action) \(path): nothing was written, and the file is left as it is"
        case let .mergeIntoInput(output):
            return "cannot merge into \(output): it is one of the files merged; write the team session to a new file (nothing was written)"
        case .noMergeInputs:
            return "name the session files to merge: merge A.yaml B.yaml -o TEAM.yaml"
        case let .mergeRefused(refusal):
            return "cannot merge: \(refusal.description) (nothing was written)"
        case let .noBrowser(explicit):
            return (explicit.map { "\($0) is not an executable browser; " } ?? "") + ReportRendering.noBrowserMessage
        case let .printFailed(failure):
            return failure.description

        case .noAuditOpen:
            return "no audit is open; type `audit` to start one or `resume` to continue one"
        case .allQuestionsDone:
            return "no question is waiting: every question is answered or skipped; `goto ID` returns to one, `review` lists them"
        case .noQuestionToExplain:
            return "no question is waiting; `why` explains the current question of an audit"
        case .firstQuestion:
            return "this is the first question; there is nothing to go back to"
        case .nothingToAttachTo:
            return "no question to attach to yet"
        case .notATeamSession:
            return "this session was answered together, so there is nothing to resolve; a team session comes from `merge` of sessions answered with `audit --as NAME`"
        case let .answerNeeded(accepted):
            return "an answer is needed: \(accepted); type /skip to leave it for later"
        case let .invalidAnswer(ref, error):
            return "\(ref): \(error.reason): \(error.accepted)"
        case let .invalidTarget(ref, text, error):
            return "\(ref) cannot be \(text): \(error.reason): \(error.accepted)"
        case let .answerNamesCommand(error, command, line):
            return error.message + "; to run the command `\(command)`, type /\(line)"
        case let .startValueNeeded(what):
            return "\(what) is needed to start the audit (Ctrl-C cancels it)"
        case .yesOrNoNeeded:
            return "nothing was filled: answer yes or no (or type measure again with --replace or --keep-typed)"
        case let .typedAnswersKept(conflicts):
            return "nothing was filled: " + MeasuredAnswers.typedConflicts(conflicts)
                + " Add --replace to use the measured values (the typed answers are kept as estimates) or --keep-typed to keep them."
        case .targetReasonNeeded:
            return "say why with --reason TEXT: the report's Method gives it"
        case .acceptReasonNeeded:
            return "say why with --reason TEXT: the report shows it beside the problem"
        case .ownerNeeded:
            return "say who owns the decision with --owner NAME"
        case let .untilPassed(until, today):
            return "--until \(until) has passed; give a date from today (\(today)) on"
        case let .criticalNeedsUntil(problem, latest):
            return "\"\(problem)\" is critical: it can be accepted only for a while; add --until YYYY-MM-DD, \(latest) at the latest"
        case let .criticalTooLong(problem, latest):
            return "\"\(problem)\" is critical: it can be accepted for at most \(AcceptedRisk.criticalLimit) days, until \(latest) at the latest"
        case let .notADate(option, text):
            return "\(option) \(text) is not a date: write it as YYYY-MM-DD, such as 2027-01-31"
        case let .attachmentUsage(evidence):
            return evidence ? "usage: evidence [ID] TEXT or URL" : "usage: note [ID] TEXT"
        case let .removalUsage(evidence):
            return "usage: \(evidence ? "unevidence N" : "unnote N"), with N as `notes` numbers them"
        case let .presence(error):
            return error.description

        case let .unclosedQuote(quote):
            return "unclosed \(quote) quote: add a matching \(quote)"
        case let .missingValue(command, option, placeholder):
            return "\(command): \(option) needs a value (\(placeholder))"
        case let .repeatedOption(command, option):
            return "\(command): \(option) is given twice; give it once"
        case let .takesNoValue(command, option):
            return "\(command): \(option) takes no value"
        case let .missingOperand(command, operand, help, choices, synopsis):
            // The operand's help as a clause: no final period, no capital.
            var what = help
            if what.hasSuffix(".") { what.removeLast() }
            if let first = what.first { what = first.lowercased() + what.dropFirst() }
            if !choices.isEmpty && choices.count <= 8 { what += "; one of: " + choices.joined(separator: ", ") }
            return "\(command): missing \(operand) (\(what)); usage: \(synopsis)"
        case let .unexpectedOperand(command, word, synopsis):
            return "\(command): unexpected `\(word)`; usage: \(synopsis)"
        case let .optionsRejected(command, message):
            return "\(command): \(message)"
        case let .conflictingOptions(first, second):
            return "\(first) and \(second) contradict each other; give one"
        case .periodWithDates:
            return "--period cannot be combined with --since or --until"
        case .auditorNameNeeded:
            return "--as needs the auditor's name, such as --as Priya"
        case .tooFewToMerge:
            return "name two or more session files to merge: merge A.yaml B.yaml -o TEAM.yaml"
        case .planActionNeeded:
            return "say which action: plan N --owner NAME (plan lists the numbers)"
        case let .planChangeNeeded(number):
            return "give --owner NAME or --due YYYY-MM-DD for action \(number)"
        case .pdfToStandardOutput:
            return "a PDF cannot go to standard output; give -o FILE.pdf"
        case .browserWithoutPDF:
            return "--browser is for --format pdf"
        case .fileGivenTwice:
            return "give the file once: FILE or -o FILE, not both"
        case let .failUnderOutOfRange(value):
            return "--fail-under takes a score from 0 to 100, not \(ScoreText.count(value))"
        case .noExports:
            return "give at least one of --posts, --inbox, --followers, --traffic"
        case .windowNotPositive:
            return "--window-minutes must be positive"
        case .typedAnswersWithoutSession:
            return "--replace and --keep-typed apply only with --into SESSION"
        }
    }

    /// `note` or `piece of evidence`.
    private static func attachment(_ evidence: Bool) -> String { evidence ? "piece of evidence" : "note" }
}

