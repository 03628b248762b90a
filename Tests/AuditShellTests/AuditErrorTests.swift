import ArgumentParser
import AuditKit
import AuditOptions
import AuditReport
import AuditServices
import AuditShell
import Foundation
import PresenceData
import Testing
import TestSupport

/// Issue 29: errors are values. Each case of `AuditError` is worded in one place; these pin
/// every message (the words users and scripts see), and the calls below check which case a
/// failure is, never its text.
@Suite struct AuditErrorTests {
    static let ref = QuestionRef(checklist: "mini", question: "followers")
    static let rejected = AnswerError(reason: "`lots` is not a number", accepted: "a number such as 1200 or 12k")
    static let day = CalendarDate(iso: "2026-11-23")!
    static let later = CalendarDate(iso: "2027-02-21")!

    /// Every case with its message, exactly as it was worded before the cases existed.
    static let messages: [(AuditError, String)] = [
        (.unknownChecklist(id: "nope", suggestion: nil, installed: ["a", "b"], lister: "smaudit list"),
         "no checklist `nope`. Installed: a, b (`smaudit list` shows them)."),
        (.unknownChecklist(id: "mni", suggestion: "mini", installed: ["mini"], lister: "list"),
         "no checklist `mni`; did you mean `mini`? Installed: mini (`list` shows them)."),
        (.unknownQuestion(id: "folowers", suggestion: "followers"), "no question `folowers` in this audit; did you mean `followers`?"),
        (.unknownQuestion(id: "zzz", suggestion: nil), "no question `zzz` in this audit"),
        (.unknownTarget(id: "reply", suggestion: "reply_target", targets: ["reply_target", "reply_rate_target"]),
         "no target `reply`; did you mean `reply_target`? Targets: reply_target, reply_rate_target (`targets` lists them with their values)"),
        (.noTargets, "the audited checklists declare no adjustable targets"),
        (.unknownProblem(key: "mini.fast-reply", suggestion: "mini.fast-replies"),
         "no problem `mini.fast-reply` in this audit; did you mean `mini.fast-replies`? `accept` with Tab lists them; `findings` shows the ones found."),
        (.unknownProblem(key: "x", suggestion: nil),
         "no problem `x` in this audit. `accept` with Tab lists them; `findings` shows the ones found."),
        (.notAccepted(key: "r", accepted: ["mini.a", "mini.b"]), "`r` is not accepted; accepted: mini.a, mini.b"),
        (.nothingAccepted, "no problem is accepted"),
        (.unknownOrganisation(name: "acme", suggestion: "Acme Coffee", audited: ["Acme Coffee", "Hearth & Crumb"]),
         "no audit of \"acme\" found; did you mean \"Acme Coffee\"? Audited: \"Acme Coffee\", \"Hearth & Crumb\"."),
        (.noAuditsToList, "no audits found to list; `sessions` shows the saved ones"),
        (.noAudits, "no audits found; `audit` starts one, and `--sessions DIR` looks in another folder"),
        (.unknownSession(name: "old", folder: "/s"), "no session `old`; `sessions` lists them (folder /s)"),
        (.noSavedSessions(folder: "/s"), "no saved sessions in /s; type `audit` to start one"),
        (.unknownCommand(name: "hlep", suggestion: "help", prefix: "/"),
         "unknown command `hlep`; did you mean `/help`? Type `/help` for the list of commands."),
        (.unknownCommand(name: "zz", suggestion: nil, prefix: ""), "unknown command `zz`. Type `help` for the list of commands."),
        (.noSuchCommand(name: "hlep", suggestion: "/help"), "no command `hlep`; did you mean `/help`?"),
        (.unknownOption(command: "score", option: "--explian", known: ["--explain"], suggestion: "--explain"),
         "score: unknown option --explian (score takes --explain; did you mean --explain?)"),
        (.unknownOption(command: "back", option: "--x", known: [], suggestion: nil), "back: unknown option --x (back takes no options)"),
        (.noActions, "the plan has no actions yet: no problem has been found"),
        (.noAction(number: 9, count: 3), "no action 9: the plan has actions 1 to 3"),
        (.noAttachments(evidence: true), "there is no piece of evidence to remove; `notes` lists notes and evidence"),
        (.noAttachment(number: 4, evidence: false, count: 2), "there is no note 4: `notes` numbers them from 1 to 2"),

        (.linkLoop(path: "l"), "cannot write l: symbolic link loop (nothing was written)"),
        (.isFolder(path: "d"), "cannot write d: it is a folder; name a file"),
        (.exists(path: "r.md"), "r.md exists; choose another name or pass --force to replace it (nothing was written)"),
        (.missingFolder(path: "no/r.md", folder: "no"),
         "cannot write no/r.md: the folder no does not exist; create it first or choose another place (nothing was written)"),
        (.sessionFolderMissing(path: "no/s.yaml", folder: "no"),
         "cannot save the session at no/s.yaml: the folder no does not exist; create it first or choose another place"),
        (.reportExists(path: "r.md"), "r.md exists; write elsewhere with `report FILE` or replace it with `report r.md --force`"),
        (.noSuchFolder(option: "--sessions", folder: "old"), "--sessions old: no such folder"),
        (.notAChecklistsFolder(folder: "f", exists: true), "--checklists f: the folder is not a folder"),
        (.notAChecklistsFolder(folder: "f", exists: false), "--checklists f: the folder does not exist"),
        (.cannotOpenScript(path: "s.txt", errno: ENOENT), "cannot open script s.txt: No such file or directory"),
        (.cannotRead(.isFolder(path: "d")), "cannot read d: it is a folder, not a file"),
        (.refused(action: "resume", path: "a.yaml", diagnostics: "a.yaml:1:1: error: x"),
         "a.yaml:1:1: error: x\ncannot resume a.yaml: nothing was written, and the file is left as it is"),
        (.mergeIntoInput(output: "a.yaml"),
         "cannot merge into a.yaml: it is one of the files merged; write the team session to a new file (nothing was written)"),
        (.noMergeInputs, "name the session files to merge: merge A.yaml B.yaml -o TEAM.yaml"),
        (.mergeRefused(.noAuditor(file: "a.yaml")),
         "cannot merge: a.yaml names no auditor, so its answers cannot be told apart from the others': add `answered_by: NAME` to it, or answer with `smaudit audit --as NAME` (nothing was written)"),
        (.noBrowser(explicit: nil), ReportRendering.noBrowserMessage),
        (.noBrowser(explicit: "/bin/x"), "/bin/x is not an executable browser; " + ReportRendering.noBrowserMessage),

        (.noAuditOpen, "no audit is open; type `audit` to start one or `resume` to continue one"),
        (.allQuestionsDone, "no question is waiting: every question is answered or skipped; `goto ID` returns to one, `review` lists them"),
        (.noQuestionToExplain, "no question is waiting; `why` explains the current question of an audit"),
        (.firstQuestion, "this is the first question; there is nothing to go back to"),
        (.nothingToAttachTo, "no question to attach to yet"),
        (.notATeamSession,
         "this session was answered together, so there is nothing to resolve; a team session comes from `merge` of sessions answered with `audit --as NAME`"),
        (.answerNeeded(accepted: "yes or no"), "an answer is needed: yes or no; type /skip to leave it for later"),
        (.invalidAnswer(ref: ref, rejected), "mini.followers: `lots` is not a number: a number such as 1200 or 12k"),
        (.invalidTarget(ref: ref, text: "lots", rejected), "mini.followers cannot be lots: `lots` is not a number: a number such as 1200 or 12k"),
        (.answerNamesCommand(.invalidAnswer(ref: ref, rejected), command: "notes", line: "notes"),
         "mini.followers: `lots` is not a number: a number such as 1200 or 12k; to run the command `notes`, type /notes"),
        (.startValueNeeded(what: "the organisation"), "the organisation is needed to start the audit (Ctrl-C cancels it)"),
        (.yesOrNoNeeded, "nothing was filled: answer yes or no (or type measure again with --replace or --keep-typed)"),
        (.typedAnswersKept([MeasuredAnswers.TypedConflict(ref: ref, typed: "1000", measured: "1200")]),
         "nothing was filled: 1 question already has a typed answer (mini.followers 1000 → 1200). Add --replace to use the measured values (the typed answers are kept as estimates) or --keep-typed to keep them."),
        (.targetReasonNeeded, "say why with --reason TEXT: the report's Method gives it"),
        (.acceptReasonNeeded, "say why with --reason TEXT: the report shows it beside the problem"),
        (.ownerNeeded, "say who owns the decision with --owner NAME"),
        (.untilPassed(until: CalendarDate(iso: "2026-01-01")!, today: day), "--until 2026-01-01 has passed; give a date from today (2026-11-23) on"),
        (.criticalNeedsUntil(problem: "No replies", latest: later),
         "\"No replies\" is critical: it can be accepted only for a while; add --until YYYY-MM-DD, 2027-02-21 at the latest"),
        (.criticalTooLong(problem: "No replies", latest: later),
         "\"No replies\" is critical: it can be accepted for at most 90 days, until 2027-02-21 at the latest"),
        (.notADate(option: "--due", text: "soon"), "--due soon is not a date: write it as YYYY-MM-DD, such as 2027-01-31"),
        (.attachmentUsage(evidence: true), "usage: evidence [ID] TEXT or URL"),
        (.attachmentUsage(evidence: false), "usage: note [ID] TEXT"),
        (.removalUsage(evidence: true), "usage: unevidence N, with N as `notes` numbers them"),
        (.removalUsage(evidence: false), "usage: unnote N, with N as `notes` numbers them"),
        (.presence(.invalidDelimiter("ab")), "invalid delimiter 'ab': expected one ASCII character such as ',' ';' or a tab"),

        (.unclosedQuote("'"), "unclosed ' quote: add a matching '"),
        (.missingValue(command: "report", option: "--format", placeholder: "FORMAT"), "report: --format needs a value (FORMAT)"),
        (.repeatedOption(command: "report", option: "--format"), "report: --format is given twice; give it once"),
        (.takesNoValue(command: "report", option: "--force"), "report: --force takes no value"),
        (.missingOperand(command: "show", operand: "CHECKLIST", help: "The checklist's id, e.g. four-mistakes.", choices: ["mini"],
                         synopsis: "show CHECKLIST"),
         "show: missing CHECKLIST (the checklist's id, e.g. four-mistakes; one of: mini); usage: show CHECKLIST"),
        (.unexpectedOperand(command: "back", word: "x", synopsis: "back"), "back: unexpected `x`; usage: back"),
        (.optionsRejected(command: "report", message: "missing value for '--format'"), "report: missing value for '--format'"),
        (.conflictingOptions("--replace", "--keep-typed"), "--replace and --keep-typed contradict each other; give one"),
        (.periodWithDates, "--period cannot be combined with --since or --until"),
        (.auditorNameNeeded, "--as needs the auditor's name, such as --as Priya"),
        (.tooFewToMerge, "name two or more session files to merge: merge A.yaml B.yaml -o TEAM.yaml"),
        (.planActionNeeded, "say which action: plan N --owner NAME (plan lists the numbers)"),
        (.planChangeNeeded(number: 2), "give --owner NAME or --due YYYY-MM-DD for action 2"),
        (.pdfToStandardOutput, "a PDF cannot go to standard output; give -o FILE.pdf"),
        (.browserWithoutPDF, "--browser is for --format pdf"),
        (.fileGivenTwice, "give the file once: FILE or -o FILE, not both"),
        (.failUnderOutOfRange(120), "--fail-under takes a score from 0 to 100, not 120"),
        (.noExports, "give at least one of --posts, --inbox, --followers, --traffic"),
        (.windowNotPositive, "--window-minutes must be positive"),
        (.typedAnswersWithoutSession, "--replace and --keep-typed apply only with --into SESSION"),
    ]

    @Test(arguments: messages)
    func eachCaseIsWordedOnce(_ error: AuditError, _ expected: String) {
        #expect(error.description == expected)
        // Only located diagnostics come before the message, on lines of their own.
        #expect(error.message == expected.split(separator: "\n").last.map(String.init))
    }

    /// A usage error keeps swift-argument-parser's own presentation (its `Error:` line and the
    /// usage), worded by the case.
    @Test func aUsageErrorIsShownAsTheParserShowsOne() {
        do {
            // ReportOptions are checked by whoever holds them, against the file written.
            _ = try ShellReportArguments.parse(["--baseline", "a.yaml", "--no-baseline"])
            Issue.record("contradicting options were taken")
        } catch {
            #expect(ShellReportArguments.message(for: error) == AuditError.conflictingOptions("--baseline", "--no-baseline").message)
            #expect(ShellReportArguments.exitCode(for: error) == .validationFailure)
        }
    }

    // MARK: Which case a failure is

    let folder: String = {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("smaudit-errors-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    let set: ChecklistSet = ChecklistSet.load([(file: "mini.yaml", text: miniChecklist)]).0

    func file(_ name: String, _ text: String) throws -> String {
        let path = folder + "/" + name
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        return path
    }

    @Test func outputsThatCannotBeWrittenSayWhy() throws {
        let existing = try file("r.md", "old")
        #expect(throws: AuditError.exists(path: existing)) { try SessionFiles.checkTargets([existing], force: false) }
        #expect(throws: AuditError.isFolder(path: folder)) { try SessionFiles.checkTargets([folder], force: true) }
        let missing = folder + "/no/r.md"
        #expect(throws: AuditError.missingFolder(path: missing, folder: folder + "/no")) { try SessionFiles.checkTargets([missing], force: false) }
        let loop = folder + "/loop"
        try FileManager.default.createSymbolicLink(atPath: loop, withDestinationPath: loop)
        #expect(throws: AuditError.linkLoop(path: loop)) { try SessionFiles.checkTargets([loop], force: true) }
    }

    @Test func aFileThatCannotBeReadOrDoesNotLoadIsRefused() throws {
        let missing = folder + "/none.yaml"
        #expect(throws: AuditError.cannotRead(.cannotRead(path: missing, errno: ENOENT))) {
            _ = try SessionFiles.read(missing, set: set, clock: .system, action: "resume")
        }
        let broken = try file("broken.yaml", "organisation: Acme\nauditors: [Dana]\nanswers:\n  nope:\n    a: 1\n")
        do {
            _ = try SessionFiles.read(broken, set: set, clock: .system, action: "resume")
            Issue.record("a file naming an unknown checklist was read")
        } catch let error as AuditError {
            guard case let .refused(action, path, diagnostics) = error else { Issue.record("\(error)"); return }
            #expect(action == "resume" && path == broken)
            #expect(diagnostics.contains("unknown checklist `nope`"))
        }
    }

    @Test func theAuditSaysWhereItCannotGo() throws {
        let session = AuditSession(organisation: "Acme", auditors: ["Dana"], started: "2026-11-23T10:00:00Z",
                                   checklists: [ChecklistStamp(set.checklist("mini")!)])
        let flow = try AuditFlow(set: set, session: session, path: folder + "/acme.yaml", clock: Clock(environment: ["SMAUDIT_NOW": "2026-11-23T10:00:00Z"]))
        #expect(throws: AuditError.firstQuestion) { try flow.back() }
        #expect(throws: AuditError.unknownQuestion(id: "folowers", suggestion: "followers")) { try flow.goTo("folowers") }
        #expect(throws: AuditError.noAttachments(evidence: false)) { _ = try flow.removeAttachment(1, evidence: false) }
        #expect(throws: AuditError.nothingAccepted) { _ = try flow.unaccept("x") }
        try flow.goTo("followers")
        do {
            try flow.answer("lots")
            Issue.record("`lots` was taken as a number")
        } catch let error as AuditError {
            guard case let .invalidAnswer(ref, _) = error else { Issue.record("\(error)"); return }
            #expect(ref == QuestionRef(checklist: "mini", question: "followers"))
        }
    }

    @Test func optionsThatCannotBeCombinedAreNamed() throws {
        #expect(throws: AuditError.periodWithDates) { _ = try MeasureRequest.window(period: "last-month", since: "2026-01-01", until: nil) }
        #expect(throws: AuditError.presence(.invalidPeriod("soon"))) { _ = try MeasureRequest.window(period: "soon", since: nil, until: nil) }
        #expect(throws: AuditError.noMergeInputs) {
            _ = try TeamSessions.merge([], into: folder + "/team.yaml", force: false, set: set, clock: .system)
        }
        let a = try file("a.yaml", "organisation: Acme\nauditors: [Dana]\n")
        #expect(throws: AuditError.mergeIntoInput(output: a)) {
            _ = try TeamSessions.merge([a], into: a, force: true, set: set, clock: .system)
        }
        #expect(throws: AuditError.noBrowser(explicit: "/nonexistent/browser")) {
            _ = try ReportJob.browser(for: .pdf, explicit: "/nonexistent/browser", searchPath: "")
        }
    }

    @Test func theShellNamesTheCommandItDoesNotKnow() throws {
        let shell = ShellFactory.make(configuration: ShellConfiguration(colorMode: .never, environment: ["HOME": folder]),
                                      checklistFolders: [], sessionPath: nil, start: nil, output: RecordingOutput(columns: nil))
        #expect(throws: AuditError.unknownCommand(name: "hlep", suggestion: "help", prefix: "")) { _ = try shell.runCommand("hlep") }
        #expect(throws: AuditError.unclosedQuote("\"")) { _ = try shell.runCommand("report \"half") }
        #expect(throws: AuditError.noAuditOpen) { _ = try shell.runCommand("back") }
        do {
            _ = try shell.runCommand("back x")
            Issue.record("`back x` ran")
        } catch let error as AuditError {
            guard case let .unexpectedOperand(command, word, _) = error else { Issue.record("\(error)"); return }
            #expect(command == "back" && word == "x")
        }
    }

    /// The printer's failure is passed on as it says it (the one case not built in this table:
    /// only the printer makes one).
    @Test func aFailedPrintIsPassedOnAsThePrinterSaysIt() {
        do {
            try PDFPrinter.print(html: "", to: "/nonexistent/r.pdf", browser: "/bin/true")
            Issue.record("printed into a folder that does not exist")
        } catch {
            #expect(AuditError.printFailed(error).message
                    == "cannot write /nonexistent/r.pdf: the folder /nonexistent does not exist; create it first or choose another place")
        }
    }
}
