import Foundation
import Testing
import TestSupport

/// Issue 13: paths that lost or rewrote what a team typed, each through the real binary.
@Suite struct DataSafetyTests {
    let smaudit: Smaudit

    init() throws {
        smaudit = try Smaudit()
        try smaudit.installMiniChecklist()
    }

    func exists(_ name: String) -> Bool {
        FileManager.default.fileExists(atPath: smaudit.home.appendingPathComponent(name).path)
    }

    // MARK: Losing or rewriting what the team wrote

    /// Item 1: `audit --session` refuses, with `run`'s own errors, a file `run` refuses, and
    /// leaves it exactly as it was.
    @Test func auditSessionRefusesAnAnswersFileThatDoesNotLoad() throws {
        let original = "organisation: Acme\nanswers:\n  mini:\n    top_priority: sales\n    followrs: 900  # typo\n"
        let path = try smaudit.write(original, to: "answers.yaml")
        let run = try smaudit.run(["run", "--answers", path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("did you mean `followers`?"))
        let audit = try smaudit.run(["audit", "--session", path], input: "")
        #expect(audit.status == 1)
        #expect(audit.stderr.contains("\(path):5:5: error: `mini` has no question `followrs`; did you mean `followers`?"), "\(audit.stderr)")
        #expect(audit.stderr.contains("cannot resume \(path): nothing was written, and the file is left as it is"))
        #expect(try smaudit.read("answers.yaml") == original)
        #expect(!exists("answers.yaml.orig"))
    }

    /// Item 1: a clean hand-written answers file becomes a session file only after the
    /// original, comments and all, is kept as `FILE.orig`.
    @Test func aCleanAnswersFileIsKeptAsItWasBeforeItBecomesASession() throws {
        let original = "# our first audit\norganisation: Acme\nanswers:\n  mini:\n    top_priority: sales  # as agreed\n"
        let path = try smaudit.write(original, to: "answers.yaml")
        let audit = try smaudit.run(["audit", "--session", path], input: "900\n")
        #expect(audit.status == 0, "\(audit.stderr)")
        #expect(audit.stdout.contains("keeps the original (with its comments) as \(path).orig"))
        #expect(try smaudit.read("answers.yaml.orig") == original)
        let saved = try smaudit.read("answers.yaml")
        #expect(saved.contains("format: 2") && saved.contains("top_priority: \"sales\"") && saved.contains("answer: \"900\""))
    }

    /// Item 2: a checklist named twice is audited once, and the file it writes reads back.
    @Test func aChecklistNamedTwiceIsAuditedOnce() throws {
        let path = smaudit.home.appendingPathComponent("twice.yaml").path
        let audit = try smaudit.run(["audit", "mini", "mini", "--session", path, "--organisation", "Acme", "--auditors", "Dana"],
                                    input: "sales\n")
        #expect(audit.status == 0, "\(audit.stderr)")
        #expect(audit.stderr.contains("warning: `mini` is named more than once; it is audited once"))
        #expect(audit.stdout.contains("Audit of Acme: mini."))
        // Three questions once, not six: the second question is 2 of 3.
        #expect(audit.stdout.contains("mini · Network · 2/3"), "\(audit.stdout)")
        let text = try smaudit.read("twice.yaml")
        #expect(text.components(separatedBy: "\n  mini:").count == 3, "\(text)")
        #expect(try smaudit.run(["run", "--answers", path]).status == 0)
        #expect(try smaudit.run(["report", path, "-o", "-"]).status == 0)
        #expect(try smaudit.run(["audit", "--session", path], input: "").status == 0)
    }

    /// A session begun with four-mistakes 1.1.0 resumes under 2.0.0: the change is reported, the
    /// answers to questions 2.0 renamed or dropped (engaged_share, promo_share, profile_face) are
    /// kept aside, and the answers that still fit are kept.
    @Test func aSessionOfTheOneOhChecklistsResumesUnderTwoOh() throws {
        let path = try smaudit.write("""
        format: 1
        organisation: "Acme"
        auditors: ["Dana"]
        started: "2026-11-01T10:00:00Z"
        updated: "2026-11-01T10:30:00Z"
        checklists:
          four-mistakes: {version: "1.1.0", hash: "0123456789abcdef"}
        answers:
          four-mistakes:
            top_priority: "sales"
            engaged_share: "0.5%"
            promo_share: "10%"
            profile_face: "the company logo"
            service_requests: "we solve it there"

        """, to: "old.yaml")
        let result = try smaudit.run(["audit", "--session", path], input: "")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("checklist `four-mistakes` changed since this session began (version 1.1.0 → 3.1.0)"), "\(result.stderr)")
        #expect(result.stderr.contains("kept aside 3 answers to questions the changed checklist no longer has or no longer accepts"), "\(result.stderr)")
        #expect(result.stdout.contains("Resumed Acme (four-mistakes): 2 answers"), "\(result.stdout)")
        let saved = try smaudit.read("old.yaml")
        #expect(saved.contains("retired:\n  four-mistakes:\n    engaged_share:\n      version: \"1.1.0\"\n      answer: \"0.5%\""), "\(saved)")
    }

    /// Issue 24: a session of the 2.0 checklists resumes under 3.0; answers to the questions
    /// 3.0 dropped for the organisation profile (`launching`, `platforms`) or renamed
    /// (`fb_timing`) are kept aside with their version, and the others are kept.
    @Test func aSessionOfTheTwoOhChecklistsResumesUnderThreeOh() throws {
        let path = try smaudit.write("""
        format: 2
        organisation: "Acme"
        auditors: ["Dana"]
        started: "2026-11-01T10:00:00Z"
        updated: "2026-11-01T10:30:00Z"
        checklists:
          launch: {version: "2.0.0", hash: "0123456789abcdef"}
        answers:
          launch:
            launching: "nothing new"
            platforms: "Facebook, Instagram"
            fb_timing: "yes"
            brand_guidelines: "yes"
        # end of session

        """, to: "two.yaml")
        let result = try smaudit.run(["audit", "--session", path], input: "")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("checklist `launch` changed since this session began (version 2.0.0 → 3.0.0)"), "\(result.stderr)")
        #expect(result.stderr.contains("kept aside 3 answers to questions the changed checklist no longer has or no longer accepts"), "\(result.stderr)")
        let saved = try smaudit.read("two.yaml")
        #expect(saved.contains("retired:\n  launch:\n    fb_timing:\n      version: \"2.0.0\"\n      answer: \"yes\"\n    launching:\n      version: \"2.0.0\"\n      answer: \"nothing new\"\n    platforms:\n      version: \"2.0.0\"\n      answer: \"Facebook, Instagram\""), "\(saved)")
        #expect(saved.contains("    brand_guidelines: \"yes\"\n"), "\(saved)")
    }

    /// Item 4: a measured value replaces a typed answer only when asked to, and the typed
    /// answer is kept as the team's estimate.
    @Test func measureKeepsTheTypedAnswerAsTheEstimate() throws {
        let inbox = try smaudit.write("""
        id,from,inbound,time,in_reply_to
        1,alice,true,2026-01-02 10:00,
        2,Brand,false,2026-01-02 10:30,1
        3,bob,true,2026-01-29 11:00,

        """, to: "inbox.csv")
        let original = "organisation: Acme\nanswers:\n  four-mistakes:\n    response_rate: 80%\n"
        let path = try smaudit.write(original, to: "acme.yaml")

        // A script that does not say what to do changes nothing.
        let refused = try smaudit.run(["measure", "--inbox", inbox, "--into", path])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("nothing was filled: 1 question already has a typed answer (four-mistakes.response_rate 80% → 50%)"), "\(refused.stderr)")
        #expect(refused.stderr.contains("--replace") && refused.stderr.contains("--keep-typed"))
        #expect(try smaudit.read("acme.yaml") == original)

        let kept = try smaudit.run(["measure", "--inbox", inbox, "--into", path, "--keep-typed"])
        #expect(kept.status == 0, "\(kept.stderr)")
        #expect(kept.stderr.contains("four-mistakes.response_rate: you said 80%, the inbox shows 50% (Jan 2026); yours is kept"), "\(kept.stderr)")
        #expect(try smaudit.read("acme.yaml").contains("response_rate: \"80%\""))

        let replaced = try smaudit.run(["measure", "--inbox", inbox, "--into", path, "--replace"])
        #expect(replaced.status == 0, "\(replaced.stderr)")
        #expect(replaced.stderr.contains("four-mistakes.response_rate: you said 80%, the inbox shows 50% (inbox.csv, January 2026, the last full month in the exports); replaced, with 80% kept as the estimate"), "\(replaced.stderr)")
        let saved = try smaudit.read("acme.yaml")
        #expect(saved.contains("answer: \"50%\"") && saved.contains("estimated: \"80%\""), "\(saved)")
    }

    /// Item 4, in the shell: a piped `measure` without a choice is an error of its line; at a
    /// terminal the shell asks once.
    @Test func theShellAsksBeforeMeasureReplacesATypedAnswer() throws {
        try smaudit.installMiniChecklist(miniChecklist.replacingOccurrences(
            of: "        when: answers_on_social\n",
            with: "        when: answers_on_social\n        measure: inbox.first_response_minutes.median\n"))
        let inbox = try smaudit.write("id,from,inbound,time,in_reply_to\n1,alice,true,2026-01-01 10:00,\n2,Brand,false,2026-01-01 10:30,1\n", to: "inbox.csv")
        let piped = try smaudit.run(["audit", "mini", "--organisation", "Acme", "--auditors", "Dana"],
                                    input: "sales\n900\nyes\n2h\n/measure --inbox \(inbox)\n")
        #expect(piped.status == 1)
        #expect(piped.stderr.contains("<stdin>:5: error: nothing was filled: 1 question already has a typed answer (mini.response_time 2h → 30m)"), "\(piped.stderr)")

        let shell = try smaudit.launch(["audit", "mini", "--organisation", "Beta", "--auditors", "Dana"])
        var at = try shell.waitFor("smaudit [mini 1/3]> ")
        for answer in ["sales", "900", "yes", "2h"] {
            shell.sendLine(answer)
            at = try shell.waitFor(answer == "2h" ? "Who owns action 1" : "]> ", after: at)
        }
        shell.sendLine("")   // keeps the suggested owner
        at = try shell.waitFor("Write the report", after: at)
        shell.sendLine("no")
        shell.sendLine("measure --inbox \(inbox)")
        at = try shell.waitFor("  mini.response_time: 2h → 30m", after: at)
        at = try shell.waitFor("Replace it with the measured value? yes or no (yes): ", after: at)
        shell.sendLine("yes")
        try shell.waitFor("mini.response_time: you said 2h, the inbox shows 30m (inbox.csv, 1 January 2026); replaced, with 2h kept as the estimate", after: at)
        shell.sendLine("quit")
        #expect(try shell.waitForExit() == 0)
        let folder = smaudit.home.appendingPathComponent("data/smaudit/sessions").path
        let beta = try String(contentsOfFile: folder + "/beta-\(Self.today).yaml", encoding: .utf8)
        #expect(beta.contains("estimated: \"2h\""), "\(beta)")
    }

    static var today: String {
        var t = time(nil)
        var parts = tm()
        gmtime_r(&t, &parts)
        return String(format: "%04d-%02d-%02d", parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday)
    }

    /// Item 5: notes with C1 controls and noncharacters are saved escaped, and resume reads them.
    @Test func notesWithAnyCharacterSurviveResume() throws {
        let path = smaudit.home.appendingPathComponent("c1.yaml").path
        let note = "csi \u{9B}31m nel \u{85} nc \u{FFFE}\u{FFFF} bom \u{FEFF} rtl \u{202E}x"
        let first = try smaudit.run(["audit", "mini", "--session", path, "--organisation", "Acme\u{9F}", "--auditors", "Dana"],
                                    input: "sales\n/note \(note)\n")
        #expect(first.status == 0, "\(first.stderr)")
        let resumed = try smaudit.run(["audit", "--session", path], input: "/review\n")
        #expect(resumed.status == 0, "\(resumed.stderr)")
        let json = try smaudit.run(["report", path, "--format", "json", "-o", "-"])
        #expect(json.status == 0, "\(json.stderr)")
        #expect(json.stdout.contains("\\u009b31m"), "\(json.stdout.prefix(400))")
    }

    /// Item 6: invalid UTF-8 in a session is refused at its position and never rewritten.
    @Test func aSessionWithInvalidUTF8IsRefusedAndLeftAsItIs() throws {
        let url = smaudit.home.appendingPathComponent("latin1.yaml")
        let bytes = Array("organisation: Caf".utf8) + [0xE9] + Array("\nanswers:\n  mini:\n    top_priority: sales\n".utf8)
        try Data(bytes).write(to: url)
        let audit = try smaudit.run(["audit", "--session", url.path], input: "")
        #expect(audit.status == 1)
        #expect(audit.stderr.contains("\(url.path):1:18: error: the file is not valid UTF-8: byte 0xE9"), "\(audit.stderr)")
        #expect(try Data(contentsOf: url) == Data(bytes))
        #expect(try smaudit.run(["run", "--answers", url.path]).status == 1)
    }

    /// Item 7: a session cut short is refused by `run`, `report` and `resume`.
    @Test func aTruncatedSessionIsRefused() throws {
        let path = smaudit.home.appendingPathComponent("full.yaml").path
        let made = try smaudit.run(["audit", "mini", "--session", path, "--organisation", "Acme", "--auditors", "Dana"],
                                   input: "sales\n900\nyes\n/note first\n45m\n")
        #expect(made.status == 0, "\(made.stderr)")
        let text = try smaudit.read("full.yaml")
        // Cut at a line break, so what is left is valid YAML that only lacks its end.
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let cut = lines.prefix(lines.count - 4).joined(separator: "\n") + "\n"
        let cutPath = try smaudit.write(cut, to: "cut.yaml")
        for arguments in [["run", "--answers", cutPath], ["report", cutPath, "-o", "-"], ["audit", "--session", cutPath]] {
            let result = try smaudit.run(arguments)
            #expect(result.status == 1, "\(arguments)")
            #expect(result.stderr.contains("the session file looks cut short"), "\(arguments): \(result.stderr)")
        }
        #expect(try smaudit.read("cut.yaml") == cut)
    }

    /// Issue 29 item 10: a symbolic-link loop at a session or report path was replaced by a
    /// regular file with exit 0; it is refused with the path, and the links stay as they were.
    @Test func aSymbolicLinkLoopIsRefusedNotReplaced() throws {
        let session = try smaudit.write("organisation: Acme\nanswers:\n  mini:\n    top_priority: sales\n", to: "acme.yaml")
        let loop = smaudit.home.appendingPathComponent("loop.md").path
        try FileManager.default.createSymbolicLink(atPath: loop, withDestinationPath: "loop.md")
        let report = try smaudit.run(["report", session, "-o", loop])
        #expect(report.status == 1)
        #expect(report.stderr.contains("cannot write \(loop): symbolic link loop"), "\(report.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: loop) == "loop.md")
        // a → b → a as a session path.
        let a = smaudit.home.appendingPathComponent("a.yaml").path, b = smaudit.home.appendingPathComponent("b.yaml").path
        try FileManager.default.createSymbolicLink(atPath: a, withDestinationPath: "b.yaml")
        try FileManager.default.createSymbolicLink(atPath: b, withDestinationPath: "a.yaml")
        let audit = try smaudit.run(["audit", "mini", "--session", a, "--organisation", "Acme", "--auditors", "Dana"], input: "sales\n")
        #expect(audit.status == 1)
        #expect(audit.stderr.contains("symbolic link loop"), "\(audit.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: a) == "b.yaml")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: b) == "a.yaml")
    }

    /// Issue 29 item 11: a report killed mid-write left `.NAME.tmp-PID` at full size, and
    /// nothing removed it; the next report to that path removes those of dead processes.
    @Test func aReportRemovesTheTemporaryFilesOfAKilledReport() throws {
        let session = try smaudit.write("organisation: Acme\nanswers:\n  mini:\n    top_priority: sales\n", to: "acme.yaml")
        // 4194303 is above Linux's default pid_max (4194304 is its hard limit): no process has it.
        let stale = try smaudit.write(String(repeating: "x", count: 10_000), to: ".report.md.tmp-4194303")
        let live = try smaudit.write("y", to: ".report.md.tmp-\(getpid())")
        let report = try smaudit.run(["report", session, "-o", smaudit.home.appendingPathComponent("report.md").path])
        #expect(report.status == 0, "\(report.stderr)")
        #expect(!FileManager.default.fileExists(atPath: stale))
        #expect(FileManager.default.fileExists(atPath: live))   // a running process's own business
        let json = try smaudit.write("z", to: ".out.json.tmp-4194303")
        let run = try smaudit.run(["run", "--answers", session, "--json", smaudit.home.appendingPathComponent("out.json").path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: json))
    }

    /// Item 8: a symlinked session is written through to its target.
    @Test func aSymlinkedSessionIsWrittenThrough() throws {
        try FileManager.default.createDirectory(at: smaudit.home.appendingPathComponent("shared"), withIntermediateDirectories: true)
        let target = smaudit.home.appendingPathComponent("shared/acme.yaml").path
        let link = smaudit.home.appendingPathComponent("acme.yaml").path
        let first = try smaudit.run(["audit", "mini", "--session", target, "--organisation", "Acme", "--auditors", "Dana"], input: "sales\n")
        #expect(first.status == 0, "\(first.stderr)")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "shared/acme.yaml")
        let second = try smaudit.run(["audit", "--session", link], input: "900\n")
        #expect(second.status == 0, "\(second.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "shared/acme.yaml")
        #expect(try String(contentsOfFile: target, encoding: .utf8).contains("answer: \"900\""))
        // A dangling link as the report's target: the file it points to is written.
        let dangling = smaudit.home.appendingPathComponent("report.md").path
        try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: "shared/report.md")
        let report = try smaudit.run(["report", link, "-o", dangling])
        #expect(report.status == 0, "\(report.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: dangling) == "shared/report.md")
        #expect(try smaudit.read("shared/report.md").hasPrefix("# Social media audit: Acme"))
    }

    /// Item 9: `run` keeps answers to questions whose condition is false, says so, and the
    /// report shows them.
    @Test func runKeepsAndShowsAnswersBehindAFalseCondition() throws {
        let path = try smaudit.write("organisation: Acme\nanswers:\n  mini:\n    answers_on_social: no\n    response_time: 2h\n", to: "a.yaml")
        let run = try smaudit.run(["run", "--answers", path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("1 answer kept but not scored, because the question is not asked with these answers: mini.response_time"))
        let report = try smaudit.run(["report", path, "-o", "-"])
        #expect(report.stdout.contains("“2h”"), "\(report.stdout)")
    }

    // MARK: Saying so when something could not be saved

    /// Item 10: a replay that cannot save fails, naming the line, instead of exiting 0 with
    /// nothing on disk. (`ulimit -f` makes any file over a kilobyte fail to grow, as a
    /// full disk does; smaudit ignores SIGXFSZ so the write fails with EFBIG.) `ulimit -f 2` is
    /// two 512-byte blocks in `sh`.
    @Test func aReplayThatCannotSaveFailsLoudly() throws {
        let path = smaudit.home.appendingPathComponent("big.yaml").path
        let long = String(repeating: "a long note about the account. ", count: 30)
        var input = "sales\n"
        for _ in 0..<6 { input += "/note \(long)\n" }
        input += "900\nyes\n45m\n"
        let result = try smaudit.runShell(
            "trap '' XFSZ; ulimit -f 2; exec \"$SMAUDIT\" audit mini --session '\(path)' --organisation Acme --auditors Dana",
            input: input)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("cannot save the session"), "\(result.stderr)")
        #expect(result.stderr.contains("File too large"), "\(result.stderr)")
        // Every line was waiting, so nothing was written before the end: the first unsaved
        // change is the answer on line 1.
        #expect(result.stderr.contains("<stdin>:1: error: cannot save the session, so answers given since the last save are not on disk"), "\(result.stderr)")
    }

    /// Item 10, at a terminal: leaving after a failed save says so and asks first.
    @Test func leavingAfterAFailedSaveAsksFirst() throws {
        let path = smaudit.home.appendingPathComponent("big.yaml").path
        let shell = try smaudit.launchShell(
            "trap '' XFSZ; ulimit -f 2; exec \"$SMAUDIT\" audit mini --session '\(path)' --organisation Acme --auditors Dana")
        var at = try shell.waitFor("smaudit [mini 1/3]> ")
        shell.sendLine("sales")
        at = try shell.waitFor("]> ", after: at)
        let long = String(repeating: "a long note about the account. ", count: 30)
        for _ in 0..<4 {
            shell.sendLine("/note \(long)")
            at = try shell.waitFor("]> ", after: at)
        }
        #expect(shell.output.contains("File too large"))
        shell.send(Key.ctrlD)
        at = try shell.waitFor("the last answers are not on disk", after: at)
        try shell.waitFor("Leave anyway and lose them? yes, or no to try saving again (no): ", after: at)
        shell.sendLine("yes")
        #expect(try shell.waitForExit() == 1)
    }

    /// Item 11: output lost to a full disk is an error, never a silent 0.
    @Test func writeErrorsOnStandardOutputFail() throws {
        let session = try smaudit.write("organisation: Acme\nanswers:\n  mini:\n    top_priority: sales\n", to: "a.yaml")
        let inbox = try smaudit.write("id,from,inbound,time,in_reply_to\n1,a,true,2026-01-01 10:00,\n", to: "inbox.csv")
        for arguments in [["report", session, "-o", "-"], ["measure", "--inbox", inbox, "--json"], ["list"], ["show", "mini"],
                          ["run", "--answers", session], ["check"], ["--help"]] {
            let result = try smaudit.run(arguments, standardOutput: "/dev/full")
            #expect(result.status == 1, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("smaudit: error: cannot write to standard output: No space left on device"), "\(arguments): \(result.stderr)")
        }
    }

    /// Item 12: every output is checked before any is written.
    @Test func runChecksEveryOutputBeforeWritingAny() throws {
        let session = try smaudit.write("organisation: Acme\nanswers:\n  mini:\n    top_priority: sales\n", to: "a.yaml")
        try smaudit.write("{}\n", to: "old.json")
        let newPath = smaudit.home.appendingPathComponent("new.md").path
        let result = try smaudit.run(["run", "--answers", session, "--report", newPath,
                                      "--json", smaudit.home.appendingPathComponent("old.json").path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("old.json exists; choose another name or pass --force"))
        #expect(!exists("new.md"))
    }

    /// Item 13: a long organisation name gives a short readable file name; file errors say why.
    @Test func longOrganisationNamesGiveShortFileNames() throws {
        for name in [String(repeating: "Hearth and Crumb Bakery ", count: 13), String(repeating: "東京ベーカリー", count: 13)] {
            let result = try smaudit.run(["audit", "mini", "--organisation", name, "--auditors", "Dana"], input: "sales\n",
                                         environment: ["SMAUDIT_NOW": "2026-11-23T10:00:00Z"])
            #expect(result.status == 0, "\(result.stderr)")
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: smaudit.home.appendingPathComponent("data/smaudit/sessions").path)
            .filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(names.count == 2)
        #expect(names.allSatisfy { $0.utf8.count <= 80 + "-2026-11-23.yaml".utf8.count }, "\(names)")
        #expect(names.contains { $0.hasPrefix("hearth-and-crumb-bakery-hearth") })
        #expect(names.contains { $0.hasPrefix("東京ベーカリー") })
    }

    @Test func aFolderAtTheSessionPathIsNamedAsAFolder() throws {
        let folder = smaudit.home.appendingPathComponent("sessions-dir")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let result = try smaudit.run(["audit", "--session", folder.path], input: "")
        #expect(result.status == 1)
        #expect(result.stderr.contains("cannot read \(folder.path): it is a folder, not a file"), "\(result.stderr)")
    }

    /// Item 14: temporary files a killed smaudit left are removed when the session is opened.
    @Test func staleTemporaryFilesAreRemovedWhenTheSessionIsOpened() throws {
        let path = smaudit.home.appendingPathComponent("acme.yaml").path
        _ = try smaudit.run(["audit", "mini", "--session", path, "--organisation", "Acme", "--auditors", "Dana"], input: "sales\n")
        let finished = Process()
        finished.executableURL = URL(fileURLWithPath: "/bin/true")
        try finished.run()
        finished.waitUntilExit()
        try smaudit.write("half a session", to: ".acme.yaml.tmp-\(finished.processIdentifier)")
        #expect(try smaudit.run(["audit", "--session", path], input: "").status == 0)
        #expect(!exists(".acme.yaml.tmp-\(finished.processIdentifier)"))
    }

    // MARK: Options that silently did nothing

    @Test func aMissingChecklistsFolderIsAUsageError() throws {
        for arguments in [["list", "--checklists", "/no/such/dir"], ["--checklists", "/no/such/dir"]] {
            let result = try smaudit.run(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr.contains("--checklists /no/such/dir: the folder does not exist"), "\(result.stderr)")
        }
    }

    @Test func aReportIntoAMissingFolderIsRefused() throws {
        let session = try smaudit.write("organisation: Acme\nanswers:\n  mini:\n    top_priority: sales\n", to: "a.yaml")
        let target = smaudit.home.appendingPathComponent("nonexistent/dir/r.md").path
        let result = try smaudit.run(["report", session, "-o", target])
        #expect(result.status == 1)
        #expect(result.stderr.contains("the folder \(smaudit.home.appendingPathComponent("nonexistent/dir").path) does not exist"), "\(result.stderr)")
        #expect(!exists("nonexistent"))
    }

    /// Item 17: a broken user checklist costs one line, not the unrelated command.
    @Test func aBrokenUserChecklistIsSkippedWithOneLine() throws {
        try smaudit.write("id: broken\ntitle: B\nversion: 1\nsections: [{id: s, title: S, questions: [{id: q, prompt: Q, type: nope}]}]\n",
                          to: "config/smaudit/checklists/broken.yaml")
        let session = try smaudit.write("organisation: Acme\nanswers:\n  mini:\n    top_priority: sales\n", to: "a.yaml")
        let run = try smaudit.run(["run", "--answers", session])
        #expect(run.status == 0, "\(run.stderr)")
        let broken = smaudit.home.appendingPathComponent("config/smaudit/checklists/broken.yaml").path
        #expect(run.stderr.contains("smaudit: warning: skipping \(broken): 1 error; `smaudit check \(broken)` shows them"), "\(run.stderr)")
        #expect(run.stderr.split(separator: "\n").count <= 2, "\(run.stderr)")
        let report = try smaudit.run(["report", session, "-o", "-"])
        #expect(report.status == 0)

        // A broken replacement of a built-in leaves the built-in in place.
        try smaudit.write("id: four-mistakes\ntitle: Mine\nversion: 9\nsections: oops\n", to: "config/smaudit/checklists/four-mistakes.yaml")
        let list = try smaudit.run(["list"])
        #expect(list.status == 0)
        #expect(list.stdout.contains("four-mistakes"))
        #expect(list.stderr.contains("the built-in four-mistakes.yaml is used instead"), "\(list.stderr)")

        // A broken checklist the session needs is an error that says why nothing was written.
        try smaudit.installMiniChecklist(miniChecklist.replacingOccurrences(of: "type: yesno", with: "type: yes-no"))
        let needed = try smaudit.run(["report", session, "-o", smaudit.home.appendingPathComponent("r.md").path])
        #expect(needed.status == 1)
        #expect(needed.stderr.contains("the session needs checklist `mini`, but"), "\(needed.stderr)")
        #expect(needed.stderr.contains("nothing was written"))
        #expect(!exists("r.md"))
    }
}
