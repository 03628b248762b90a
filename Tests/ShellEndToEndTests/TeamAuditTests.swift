import Foundation
import Testing
import TestSupport

/// Issue 27: auditors answer alone (`audit --as NAME`), `merge` gathers them, `resolve` decides
/// where they disagree, and the report names every auditor's answer.
@Suite struct TeamAuditTests {
    let smaudit: Smaudit

    init() throws {
        smaudit = try Smaudit()
        try smaudit.installMiniChecklist()
    }

    var now: [String: String] { ["SMAUDIT_NOW": "2026-12-01T10:00:00Z"] }

    func path(_ name: String) -> String { smaudit.home.appendingPathComponent(name).path }

    /// One auditor's answers file, written by hand.
    @discardableResult
    func answers(_ name: String, organisation: String = "Acme Coffee", _ lines: String) throws -> String {
        try smaudit.write("organisation: \(organisation)\nanswered_by: \(name)\nauditors: [\(name)]\nanswers:\n  mini:\n\(lines)", to: "\(name).yaml")
    }

    @Test func twoAuditorsAnswerAloneMergeResolveTwoOfThreeAndTheReportNamesBoth() throws {
        // Priya answers alone at a terminal, typing each answer.
        // Priya's slow replies fail a rule, so the plan's owner is asked first; Sam's pass.
        for (name, typed, failing) in [("Priya", ["sales", "1000", "yes", "1d"], true), ("Sam", ["engagement", "5000", "yes", "1h"], false)] {
            let shell = try smaudit.launch(["audit", "mini", "--as", name, "--organisation", "Acme Coffee", "--session", path("\(name).yaml")],
                                           environment: now)
            var at = try shell.waitFor("You answer alone, as \(name): no one else's answers are shown.")
            for (n, answer) in typed.enumerated() {
                at = try shell.waitFor("smaudit [mini \(n + 1)/", after: at)
                shell.sendLine(answer)
            }
            at = try shell.waitFor("All questions are answered or skipped.", after: at)
            if failing {
                at = try shell.waitFor("Who owns action 1", after: at)
                shell.send(Key.ctrlC)
            }
            at = try shell.waitFor("now? yes or no (yes): ", after: at)
            shell.sendLine("no")
            try shell.waitFor("smaudit> ", after: at)
            shell.send(Key.ctrlD)
            #expect(try shell.waitForExit() == 0)
        }
        #expect(try smaudit.read("Priya.yaml").contains("answered_by: \"Priya\""))

        let shell = try smaudit.launch([], environment: now)
        var at = try shell.waitFor("smaudit> ")
        shell.sendLine("merge \(path("Priya.yaml")) \(path("Sam.yaml")) -o \(path("team.yaml"))")
        at = try shell.waitFor("The auditors agreed on 1 of 4 questions two or more of them answered.", after: at)
        at = try shell.waitFor("3 disagreements to decide", after: at)
        at = try shell.waitFor("smaudit> ", after: at)
        shell.sendLine("resolve \(path("team.yaml"))")
        at = try shell.waitFor("The auditors answered differently: Priya: sales; Sam: engagement with followers.", after: at)
        at = try shell.waitFor("smaudit [mini 1/4]> ", after: at)
        shell.sendLine("sales")
        at = try shell.waitFor("Why did the team decide so? (Enter: no reason): ", after: at)
        shell.sendLine("the owner sets the priority")
        at = try shell.waitFor("The auditors answered differently: Priya: 1000; Sam: 5000.", after: at)
        shell.sendLine("3000")
        at = try shell.waitFor("Why did the team decide so?", after: at)
        shell.sendLine("")
        at = try shell.waitFor("The auditors answered differently: Priya: 1d; Sam: 1h.", after: at)
        at = try shell.waitFor("smaudit [mini 4/4]> ", after: at)
        shell.sendLine("/status")
        at = try shell.waitFor("Team session of Priya, Sam: 1 disagreement open; `resolve` walks them.", after: at)
        shell.sendLine("/score")
        at = try shell.waitFor("provisional: resolve 1 disagreement between the auditors", after: at)
        shell.sendLine("/report \(path("team.md"))")
        at = try shell.waitFor("Report written", after: at)
        shell.send(Key.ctrlD)
        _ = try shell.waitForExit()

        let report = try smaudit.read("team.md")
        #expect(report.contains("## Where the team disagreed"))
        #expect(report.contains("Priya and Sam answered alone, without seeing each other's answers. They agreed on 1 of the 4 questions"))
        #expect(report.contains("**What is the top priority of your social media work?** Priya: sales; Sam: engagement with followers. *Decided: sales*, because the owner sets the priority."))
        #expect(report.contains("**How many followers do you have?** Priya: 1000; Sam: 5000. *Decided: 3000*."))
        #expect(report.contains("**How quickly do you typically reply?** Priya: 24 hours; Sam: 1 hour. *Still open.*"))
        #expect(report.contains("**One question is still to be decided.** The rules that read it are open"))
        #expect(report.contains("the score stays provisional until it does"))
        let team = try smaudit.read("team.yaml")
        #expect(team.contains("top_priority: {answer: \"sales\", reason: \"the owner sets the priority\""))
    }

    @Test func theJSONReportListsEachDisagreementWithEveryAuditorsAnswer() throws {
        try answers("Priya", "    top_priority: sales\n    followers: 1000\n")
        try answers("Sam", "    top_priority: growing followers\n    followers: 1050\n")
        let merged = try smaudit.run(["merge", path("Priya.yaml"), path("Sam.yaml"), "-o", path("team.yaml")], environment: now)
        #expect(merged.status == 0, "\(merged.stderr)")
        #expect(merged.stdout.contains("  mini.top_priority: Priya: sales; Sam: growing followers"))
        let json = try smaudit.run(["report", path("team.yaml"), "--format", "json", "-o", "-"], environment: now)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any], "\(json.stderr)")
        let agreement = try #require(object["agreement"] as? [String: Int])
        #expect(agreement == ["agreed": 1, "of": 2])
        let disagreements = try #require(object["disagreements"] as? [[String: Any]])
        #expect(disagreements.count == 1)
        #expect(disagreements.first?["checklist"] as? String == "mini")
        #expect(disagreements.first?["question"] as? String == "top_priority")
        #expect(disagreements.first?["answers"] as? [String: String] == ["Priya": "sales", "Sam": "growing followers"])
        #expect(disagreements.first?["resolved"] as? Bool == false)
        #expect(disagreements.first?["answer"] is NSNull)
    }

    /// Item 6: where a figure was measured into a team session, each auditor's own estimate is
    /// shown beside it, and the data settles their disagreement.
    @Test func eachAuditorsEstimateStandsBesideTheMeasuredFigure() throws {
        try smaudit.write("""
        organisation: Acme Coffee
        auditors: [Priya, Sam]
        answers:
          mini:
            answers_on_social: "yes"
            response_time:
              answer: "18h"
              measured: {file: "tickets.csv", metric: "inbox.first_response_minutes.median", value: 1080, period: "Nov 2026"}
        by_auditor:
          Priya:
            mini:
              answers_on_social: "yes"
              response_time: "1h"
          Sam:
            mini:
              answers_on_social: "yes"
              response_time: "1d"

        """, to: "team.yaml")
        let report = try smaudit.run(["report", path("team.yaml"), "-o", "-"], environment: now)
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.contains("Median time to a first reply: Priya estimated 1 hour, Sam estimated 24 hours; the November 2026 inbox export shows 18 hours."), "\(report.stdout)")
        #expect(report.stdout.contains("**How quickly do you typically reply?** Priya: 1 hour; Sam: 24 hours; the inbox export: 18 hours, November 2026. *Settled by the data.*"), "\(report.stdout)")
        let score = try smaudit.run(["score", path("team.yaml")], environment: now)
        #expect(!score.stdout.contains("disagreement"), "\(score.stdout)")
    }

    @Test func mergeRefusesOtherOrganisationsBrokenFilesAndItsOwnInputAndWritesNothing() throws {
        try answers("Priya", "    top_priority: sales\n")
        try answers("Sam", organisation: "Hearth & Crumb", "    top_priority: sales\n")
        let other = try smaudit.run(["merge", path("Priya.yaml"), path("Sam.yaml"), "-o", path("team.yaml")], environment: now)
        #expect(other.status == 1)
        #expect(other.stderr.contains("the sessions are of different organisations (\(path("Priya.yaml")) is of \"Acme Coffee\", \(path("Sam.yaml")) is of \"Hearth & Crumb\")"), "\(other.stderr)")
        #expect(!FileManager.default.fileExists(atPath: path("team.yaml")))

        // A session file cut short (no end marker) is refused with its place.
        try smaudit.write("format: 2\norganisation: Acme Coffee\nanswered_by: Sam\nanswers:\n  mini:\n    top_priority: sales\n", to: "Cut.yaml")
        let cut = try smaudit.run(["merge", path("Priya.yaml"), path("Cut.yaml"), "-o", path("team.yaml")], environment: now)
        #expect(cut.status == 1)
        #expect(cut.stderr.contains("looks cut short"), "\(cut.stderr)")
        #expect(!FileManager.default.fileExists(atPath: path("team.yaml")))

        // Onto one of its own inputs.
        try answers("Sam", "    top_priority: growing followers\n")
        let before = try smaudit.read("Sam.yaml")
        let onto = try smaudit.run(["merge", path("Priya.yaml"), path("Sam.yaml"), "-o", path("Sam.yaml"), "--force"], environment: now)
        #expect(onto.status == 1)
        #expect(onto.stderr.contains("cannot merge into \(path("Sam.yaml")): it is one of the files merged"), "\(onto.stderr)")
        #expect(try smaudit.read("Sam.yaml") == before)

        // One file is not a merge.
        let one = try smaudit.run(["merge", path("Priya.yaml"), "-o", path("team.yaml")], environment: now)
        #expect(one.status == 64 || one.status == 2)
        #expect(one.stderr.contains("name two or more session files to merge"))
    }
}
