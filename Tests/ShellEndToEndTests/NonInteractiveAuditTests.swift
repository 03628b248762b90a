import Foundation
import Testing
import TestSupport

/// Audits replayed from files and scored without prompts.
@Suite struct NonInteractiveAuditTests {
    let smaudit: Smaudit

    init() throws {
        smaudit = try Smaudit()
        try smaudit.installMiniChecklist()
    }

    @Test func anAuditReplaysFromPipedLines() throws {
        let result = try smaudit.run(["audit", "mini"], input: "Acme Coffee\nDana Lee\n2\n12k\nyes\n45m\n/score\n/score --explain\n/findings\n",
                                     environment: ["SMAUDIT_NOW": "2026-11-23T10:00:00Z"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("overall        Score 100.0 (leading), 100% answered."))
        // The explain view shows the formula with the numbers: 5 + 8 + 3 = 16 points, all passed.
        #expect(result.stdout.contains("score = points passed / points of applicable rules with a known outcome × 100"))
        #expect(result.stdout.contains("16 of 16 points passed"))
        #expect(result.stdout.contains("No rule fails so far."))
        let saved = try smaudit.read("data/smaudit/sessions/acme-coffee-2026-11-23.yaml")
        #expect(saved.contains("organisation: \"Acme Coffee\""))
        #expect(saved.contains("answer: \"engagement with followers\""))
        #expect(saved.contains("answer: \"45m\""))
    }

    /// A script's answers are written in batches, but never later than the moment smaudit
    /// waits for more input: a replay killed while waiting has every answer it read on disk.
    /// `why` names the article as the report does (by author, title and date, or what it is),
    /// never by the seed's hashed file name.
    @Test func whyCitesTheArticleNotItsFileName() throws {
        let result = try smaudit.run(["audit", "four-mistakes", "--organisation", "Acme", "--auditors", "Dana"], input: profileAnswers + "1\n?\n4k\n/why\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Source: “fewer, strong, active relationships than it is to have many weak relationships” — an undated article on the four social media mistakes of a marketing executive it calls John\n"),
                "\(result.stdout)")
        #expect(!result.stdout.contains(".txt"), "\(result.stdout)")
    }

    /// Issue 24: an audit of a built-in asks the organisation profile first, once; the answers
    /// are saved under `profile`, and a checklist that does not read it is audited alone.
    @Test func aBuiltinAuditAsksTheProfileFirst() throws {
        let result = try smaudit.run(["audit", "four-mistakes", "--organisation", "Acme", "--auditors", "Dana"], input: profileAnswers)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("Audit of Acme: profile, four-mistakes."), "\(result.stdout)")
        let kind = try #require(result.stdout.range(of: "What kind of organisation is this?"))
        let first = try #require(result.stdout.range(of: "What is the top priority of your social media work right now?"))
        #expect(kind.lowerBound < first.lowerBound)
        let saved = try smaudit.onlySessionFile()
        #expect(saved.contains("  profile:\n    kind:\n      answer: \"local service business\"\n"), "\(saved)")
        // A typed `none` is the question's "nothing" choice.
        #expect(saved.contains("    functions:\n      answer: \"none of these\"\n"), "\(saved)")
        let mini = try smaudit.run(["audit", "mini", "--organisation", "Beta", "--auditors", "Dana"], input: "")
        #expect(mini.stdout.hasPrefix("Audit of Beta: mini."), "\(mini.stdout)")
    }

    @Test func aPipedAuditSavesBeforeItWaitsForMoreInput() throws {
        let sessionPath = smaudit.home.appendingPathComponent("live.yaml").path
        let watch = try FolderWatch(smaudit.home.path)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Smaudit.executable)
        process.arguments = ["audit", "mini", "--session", sessionPath, "--organisation", "Acme", "--auditors", "Dana"]
        process.environment = smaudit.environment()
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        input.fileHandleForWriting.write(Data("sales\n12k\n".utf8))
        // The pipe then stays open and empty, so smaudit waits: by then both answers are saved.
        try watch.waitUntil("the second answer saved") {
            ((try? String(contentsOfFile: sessionPath, encoding: .utf8)) ?? "").contains("answer: \"12000\"")
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let saved = try String(contentsOfFile: sessionPath, encoding: .utf8)
        #expect(saved.contains("answer: \"sales\""), "\(saved)")
        #expect(saved.contains("answer: \"12000\""), "\(saved)")
    }

    /// `sessions` in the middle of a replay lists the open audit with its answers so far.
    @Test func sessionsInAReplayCountsTheAnswersJustGiven() throws {
        let result = try smaudit.run(["audit", "mini", "--organisation", "Acme", "--auditors", "Dana"],
                                     input: "sales\n12k\n/sessions\n", environment: ["SMAUDIT_NOW": "2026-11-23T10:00:00Z"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("acme-2026-11-23  Acme          2026-11-23  2/"), "\(result.stdout)")
    }

    @Test func aRejectedAnswerInAReplayNamesTheLineAndQuestion() throws {
        let result = try smaudit.run(["audit", "mini", "--organisation", "Acme", "--auditors", "Dana"],
                                     input: "sales\ntwelve\n12\n")
        #expect(result.status == 1)
        #expect(result.stderr.contains("<stdin>:2: error: mini.followers: \"twelve\" is not a number"))
    }

    @Test func runScoresAValidAnswersFile() throws {
        let path = try smaudit.write("""
        organisation: Acme Coffee
        auditors: [Dana Lee]
        answers:
          mini:
            top_priority: engagement with followers
            followers: 12k
        """, to: "answers.yaml")
        let result = try smaudit.run(["run", "--answers", path])
        #expect(result.status == 0, "\(result.stderr)")
        // Only the high rule (5) is known and passes; the critical rule (8) and the medium rule
        // that applies when requests are answered (3) are open: range 5/16 = 31.25 … 100, so
        // with 5 of 16 points known (31%) the band is provisional, anywhere from at risk to leading.
        #expect(result.stdout.contains("mini           Provisional score 100.0 (at risk to leading), range 31.3–100.0 with 2 rules open, 67% answered."), "\(result.stdout)")
        #expect(result.stderr.contains("1 question unanswered (counted as open): mini.answers_on_social"))
    }

    /// The minimal answers file of the README (and of issue 6), word for word, against the
    /// built-in checklists.
    @Test func theManualsMinimalAnswersFileRuns() throws {
        let path = try smaudit.write("""
        organisation: Acme Coffee
        auditors: [Dana Lee]
        answers:
          four-mistakes:            # checklist id
            top_priority: engagement with followers   # question id: answer as typed in the shell
            followers: 12k
        """, to: "minimal.yaml")
        let result = try smaudit.run(["run", "--answers", path])
        #expect(result.status == 0, "\(result.stderr)")
        // Two answers decide too few rules for a score: the run says how many more to answer.
        #expect(result.stdout.contains("four-mistakes  Not enough answers to score yet: answer "), "\(result.stdout)")
        #expect(!result.stderr.contains("four-mistakes.followers"))
    }

    /// A share cannot pass 100%, and a bare `1` (read as 100% by the documented rule) is
    /// echoed back, so a team that meant 1% sees it at once.
    @Test func percentAnswersAreRangeCheckedAndABareFractionIsEchoed() throws {
        let result = try smaudit.run(["audit", "four-mistakes", "--organisation", "Acme", "--auditors", "Dana"],
                                     input: profileAnswers + "eng\n/goto ask_share\n150%\n1\n")
        #expect(result.stderr.contains("<stdin>:\(profileLines + 3): error: four-mistakes.ask_share: 150% is above the maximum 100%"), "\(result.stderr)")
        #expect(result.stdout.contains("read as 100%: a bare number of 1 or less is a fraction; type 1% for 1 per cent"))
        // An explicit percentage is taken as written, with no note.
        let plain = try smaudit.run(["audit", "four-mistakes", "--organisation", "Acme", "--auditors", "Dana"],
                                    input: profileAnswers + "eng\n/goto ask_share\n1%\n")
        #expect(!plain.stdout.contains("a bare number of 1 or less"))
    }

    @Test func runReportsInvalidAnswersAtTheirExactPosition() throws {
        let path = try smaudit.write("""
        organisation: Acme Coffee
        answers:
          mini:
            top_priority: growing folowers
            followrs: 12k
        """, to: "bad.yaml")
        let result = try smaudit.run(["run", "--answers", path])
        #expect(result.status == 1)
        // Compiler format from the first column: no "smaudit: " in front of the location.
        #expect(result.stderr.hasPrefix("\(path):4:19: error: invalid answer to `mini.top_priority`"))
        #expect(result.stderr.contains("\(path):5:5: error: `mini` has no question `followrs`; did you mean `followers`?"))
    }

    @Test func failUnderSetsTheExitStatus() throws {
        let path = try smaudit.write("""
        organisation: Acme
        answers:
          mini: {top_priority: growing followers, answers_on_social: yes, response_time: 30m}
        """, to: "answers.yaml")
        // relationships-first fails (5), answer-on-social passes (8), fast-replies passes (3): 11/16 = 68.75.
        let below = try smaudit.run(["run", "--answers", path, "--fail-under", "70"])
        #expect(below.status == 1)
        #expect(below.stderr.contains("score 68.8 is below --fail-under 70"))
        let above = try smaudit.run(["run", "--answers", path, "--fail-under", "60"])
        #expect(above.status == 0)
    }

    @Test func runNeverOverwritesAReportWithoutForce() throws {
        let answers = try smaudit.write("organisation: Acme\nanswers:\n  mini: {top_priority: sales}\n", to: "a.yaml")
        let report = try smaudit.write("keep me", to: "report.md")
        let refused = try smaudit.run(["run", "--answers", answers, "--report", report])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("exists; choose another name or pass --force"))
        #expect(try smaudit.read("report.md") == "keep me")
        let forced = try smaudit.run(["run", "--answers", answers, "--report", report, "--force"])
        #expect(forced.status == 0)
        #expect(try smaudit.read("report.md").hasPrefix("# Social media audit: Acme"))
    }

    /// `run` writes its reports through ReportJob, as `report` does: the same files, and the
    /// same refusals of a place no report can go.
    @Test func runWritesItsReportsAsReportDoes() throws {
        let answers = try smaudit.write("organisation: Acme\nanswers:\n  mini: {top_priority: sales}\n", to: "a.yaml")
        let path = { (name: String) in smaudit.home.appendingPathComponent(name).path }
        let run = try smaudit.run(["run", "--answers", answers, "--report", path("run.md"), "--json", path("run.json"), "--no-baseline"])
        #expect(run.status == 0, "\(run.stderr)")
        for (format, file) in [("markdown", "run.md"), ("json", "run.json")] {
            let report = try smaudit.run(["report", answers, "--format", format, "-o", path("report-" + file), "--no-baseline"])
            #expect(report.status == 0, "\(report.stderr)")
            #expect(try smaudit.read(file) == smaudit.read("report-" + file), "\(format)")
        }
        let folder = path("folder")
        try smaudit.write("", to: "folder/inside")
        let refused = try smaudit.run(["run", "--answers", answers, "--report", folder, "--force"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("is a folder"), "\(refused.stderr)")
    }

    @Test func listShowAndCheckCoverTheBuiltIns() throws {
        let list = try smaudit.run(["list"])
        #expect(list.stdout.contains("four-mistakes"))
        #expect(list.stdout.contains("seven-steps"))
        #expect(list.stdout.contains("launch"))
        let show = try smaudit.run(["show", "four-mistakes"])
        #expect(show.status == 0)
        #expect(show.stdout.contains("## Rules"))
        let check = try smaudit.run(["check"])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("four-mistakes.yaml: ok, 5 examples passed"))
        // What CI runs: every rule is shown failing and passing by some example.
        let strict = try Smaudit().run(["check", "--strict"])
        #expect(strict.status == 0, "\(strict.stdout)\(strict.stderr)")
        #expect(strict.stderr.isEmpty, "\(strict.stderr)")
    }

    /// Alone, the built-ins are listed from what was found when smaudit was built; beside a
    /// checklist of the user's they are parsed. Their rows read the same either way.
    @Test func listShowsTheBuiltInsTheSameWhetherOrNotTheyAreParsed() throws {
        let alone = try Smaudit().run(["list"])
        #expect(alone.status == 0 && alone.stderr.isEmpty, "\(alone.stderr)")
        let beside = try smaudit.run(["list"])
        #expect(beside.status == 0, "\(beside.stderr)")
        let builtIns = alone.stdout.split(separator: "\n")
        #expect(builtIns.count == 5)   // a heading and the four built-ins, the profile first
        #expect(beside.stdout.split(separator: "\n").filter { !$0.hasPrefix("mini ") } == builtIns)
        #expect(beside.stdout.contains("\nmini "))
    }

    @Test func reportWritesMarkdownOrJSONAndComparesWithABaseline() throws {
        let earlier = try smaudit.write("organisation: Acme\nstarted: \"2026-01-10T09:00:00Z\"\nanswers:\n  mini: {top_priority: growing followers, answers_on_social: no}\n", to: "january.yaml")
        let now = try smaudit.write("organisation: Acme\nstarted: \"2026-11-23T09:00:00Z\"\nanswers:\n  mini: {top_priority: sales, answers_on_social: yes, response_time: 30m}\n", to: "november.yaml")
        let markdown = try smaudit.run(["report", now, "--baseline", earlier], currentDirectory: smaudit.home)
        #expect(markdown.status == 0, "\(markdown.stderr)")
        #expect(markdown.stderr.contains("Report written to acme-2026-11-23.md."))
        let text = try smaudit.read("acme-2026-11-23.md")
        #expect(text.hasPrefix("# Social media audit: Acme"))
        #expect(text.contains("## Compared with the previous audit"))
        // January: 0 of 13 points; November: 16 of 16.
        #expect(text.contains("+100"))

        let again = try smaudit.run(["report", now], currentDirectory: smaudit.home)
        #expect(again.status == 1)
        #expect(again.stderr.contains("acme-2026-11-23.md exists"))

        let json = try smaudit.run(["report", now, "--format", "json", "-o", "-"])
        #expect(json.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["schema"] as? String == "smaudit-report/4")

        let failing = try smaudit.run(["report", earlier, "-o", "-", "--fail-under", "50"])
        #expect(failing.status == 1)
    }

    @Test func theShellComparesTheOpenAuditWithAnEarlierOne() throws {
        let earlier = try smaudit.write("organisation: Acme\nanswers:\n  mini: {top_priority: growing followers}\n", to: "before.yaml")
        let result = try smaudit.run(["audit", "mini", "--organisation", "Acme", "--auditors", "Dana"],
                                     input: "sales\n/skip\n/compare \(earlier)\n")
        #expect(result.status == 0, "\(result.stderr)")
        // before.yaml was written by hand without `started:`: it has no date of its own.
        #expect(result.stdout.contains("Compared with an undated earlier audit:"))
        #expect(result.stdout.contains("Findings resolved: Relationships before reach"))
        #expect(result.stdout.contains("mini.top_priority: growing followers → sales"))
    }

    @Test func notesEvidenceAndSessionsAreKept() throws {
        let result = try smaudit.run(["audit", "mini", "--organisation", "Acme", "--auditors", "Dana"],
                                     input: "sales\n/note \"asked Sam | ops\"\n/evidence https://example.com/inbox\n900\n/skip\n/sessions\n",
                                     environment: ["SMAUDIT_NOW": "2026-11-23T10:00:00Z"])
        #expect(result.status == 0, "\(result.stderr)")
        // Typed right after the answer `sales`, they belong to that answer (issue 18), not to
        // the question shown next.
        #expect(result.stdout.contains("Noted on mini.top_priority (just answered) as note 1"))
        #expect(result.stdout.contains("Evidence attached to mini.top_priority (just answered) as evidence 1"))
        #expect(result.stdout.contains("acme-2026-11-23  Acme          2026-11-23  2/3"))
        let saved = try smaudit.read("data/smaudit/sessions/acme-2026-11-23.yaml")
        #expect(saved.contains("notes: [\"asked Sam | ops\"]"))
        #expect(saved.contains("evidence: [\"https://example.com/inbox\"]"))
    }
}
