import Foundation
import Testing
import TestSupport

/// Issue 28, item 2: a problem accepted for now leaves the score, the priorities and the plan,
/// is listed with its owner, reason and end date, and counts again the day after.
@Suite struct AcceptedRiskTests {
    let smaudit: Smaudit

    init() throws {
        smaudit = try Smaudit()
        try smaudit.installMiniChecklist()
    }

    /// Replies take a day: mini's fast-replies (medium) fails, and nothing else.
    func session(accepted: String = "") throws -> String {
        try smaudit.write("""
        organisation: "Acme Coffee"
        auditors: ["Dana"]
        started: "2026-04-10T10:00:00Z"
        answers:
          mini:
            top_priority: "sales"
            followers: "500"
            answers_on_social: "yes"
            response_time: "1d"
        \(accepted)

        """, to: "acme.yaml")
    }

    func at(_ day: String) -> [String: String] { ["SMAUDIT_NOW": "\(day)T10:00:00Z"] }

    @Test func anAcceptedProblemLeavesThePrioritiesAndThePlanAndCountsAgainTheDayAfterItsEnd() throws {
        let path = try session()
        // Accepted in the shell, until May 1.
        let shell = try smaudit.run([], input: """
        resume \(path)
        accept fast-replies --reason "we hire a second person in May" --owner Dana --until 2026-05-01
        accepted

        """, environment: at("2026-04-20"))
        #expect(shell.status == 0, "\(shell.stderr)")
        #expect(shell.stdout.contains("Accepted \"Reply within an hour\" (mini.fast-replies) until 2026-05-01 (it counts again the day after), owned by Dana."))
        #expect(shell.stdout.contains("mini.fast-replies  Reply within an hour  Dana   until 2026-05-01  we hire a second person in May"), "\(shell.stdout)")
        #expect(try smaudit.read("acme.yaml").contains("fast-replies: {reason: \"we hire a second person in May\", owner: \"Dana\", until: \"2026-05-01\""))

        // On its last day: out of the score, the priorities and the plan, listed with its owner.
        let during = try smaudit.run(["report", path, "-o", "-", "--no-baseline"], environment: at("2026-05-01"))
        #expect(during.stdout.contains("**Overall score: 100.0 of 100 — leading**"), "\(during.stdout)")
        #expect(during.stdout.contains("One accepted problem is left out of the score; without acceptance it would be 81.3 of 100 — strong"))
        #expect(during.stdout.contains("Nothing to fix: every practice checked is in place."))
        #expect(during.stdout.contains("- **Reply within an hour** — accepted until 1 May 2026 by Dana, because we hire a second person in May."))
        #expect(!during.stdout.contains("The priority"))
        // --fail-under judges the accepted view, and says so.
        let gate = try smaudit.run(["run", "--answers", path, "--fail-under", "90"], environment: at("2026-05-01"))
        #expect(gate.status == 0, "\(gate.stderr)")
        #expect(gate.stderr.contains("note: 1 accepted problem left out of the score and the band"), "\(gate.stderr)")
        let gateAfter = try smaudit.run(["run", "--answers", path, "--fail-under", "90"], environment: at("2026-05-02"))
        #expect(gateAfter.status == 1)

        // The day after: it counts again, with a warning, and the plan has it.
        let after = try smaudit.run(["report", path, "-o", "-", "--no-baseline"], environment: at("2026-05-02"))
        #expect(after.stdout.contains("**Overall score: 81.3 of 100 — strong**"), "\(after.stdout)")
        #expect(after.stdout.contains("- **Reply within an hour** — the acceptance ended on 1 May 2026; it counts again by Dana"))
        #expect(after.stdout.contains("Reply within an hour (plan: action 1)"), "\(after.stdout)")
        #expect(after.stderr.contains("warning: the acceptance of \"Reply within an hour\" (mini.fast-replies) expired on 2026-05-01; it counts again"))
    }

    @Test func aCriticalProblemIsAcceptedOnlyForAWhile() throws {
        let path = try smaudit.write("""
        organisation: "Acme Coffee"
        answers:
          mini:
            answers_on_social: "no"
        accepted:
          mini:
            answer-on-social: {reason: "no staff", owner: "Dana"}

        """, to: "critical.yaml")
        let refused = try smaudit.run(["score", path], environment: at("2026-04-20"))
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("critical.yaml:7:5: error: `mini.answer-on-social` is a critical problem: it can be accepted only until a date at most 90 days away; add `until: YYYY-MM-DD`"), "\(refused.stderr)")

        let path2 = try session()
        let shell = try smaudit.run([], input: """
        resume \(path2)
        accept answer-on-social --reason "no staff" --owner Dana
        accept answer-on-social --reason "no staff" --owner Dana --until 2026-08-01
        accept answer-on-social --reason "no staff" --owner Dana --until 2026-07-19

        """, environment: at("2026-04-20"))
        #expect(shell.stderr.contains("\"Reply to customer requests on social\" is critical: it can be accepted only for a while; add --until YYYY-MM-DD, 2026-07-19 at the latest"), "\(shell.stderr)")
        #expect(shell.stderr.contains("it can be accepted for at most 90 days, until 2026-07-19 at the latest"))
        #expect(shell.stdout.contains("Accepted \"Reply to customer requests on social\" (mini.answer-on-social) until 2026-07-19"))
    }

    @Test func anUnknownProblemOffersTheClosest() throws {
        let path = try session()
        let shell = try smaudit.run([], input: "resume \(path)\naccept mini.fast-reply --reason x --owner y\n", environment: at("2026-04-20"))
        #expect(shell.stderr.contains("no problem `mini.fast-reply` in this audit; did you mean `mini.fast-replies`?"), "\(shell.stderr)")
    }

    @Test func tabCompletesTheProblemsFoundFirst() throws {
        let path = try session()
        let shell = try smaudit.launch(["audit", "--session", path], environment: at("2026-04-20"))
        var offset = try shell.waitFor("All questions are answered or skipped.")
        offset = try shell.waitFor("Who owns action 1", after: offset)
        shell.send(Key.ctrlC)
        offset = try shell.waitFor("now? yes or no (yes): ", after: offset)
        shell.sendLine("no")
        offset = try shell.waitFor("smaudit> ", after: offset)
        // `mini.fa` is only the start of the failing problem's key.
        shell.send("accept mini.fa" + Key.tab)
        offset = try shell.waitFor("accept mini.fast-replies", after: offset)
        shell.sendLine(" --reason \"hiring in May\" --owner Dana --until 2026-05-01")
        try shell.waitFor("Accepted \"Reply within an hour\" (mini.fast-replies)", after: offset)
        shell.send(Key.ctrlD)
        _ = try shell.waitForExit()
    }
}
