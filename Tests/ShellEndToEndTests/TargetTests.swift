import Foundation
import Testing
import TestSupport

/// Issue 28, item 3: a team's own target replaces a checklist's adjustable bar, changes the
/// rule's outcome and the report's words, and is refused outside its bounds.
@Suite struct TargetTests {
    let smaudit: Smaudit

    init() throws { smaudit = try Smaudit() }

    /// Replies take three hours; four-mistakes' first-reply bar is one hour by default.
    func answers(targets: String = "") throws -> String {
        try smaudit.write("""
        organisation: "Acme Coffee"
        started: "2026-04-10T10:00:00Z"
        answers:
          four-mistakes:
            first_response_time: "3h"
            response_rate: "70%"
        \(targets)
        """, to: "acme.yaml")
    }

    func report(_ path: String) throws -> String {
        let result = try smaudit.run(["report", path, "-o", "-", "--no-baseline", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout
    }

    func status(_ json: String, _ rule: String) throws -> String? {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let checklists = try #require(object["checklists"] as? [[String: Any]])
        let rules = checklists.flatMap { ($0["rules"] as? [[String: Any]]) ?? [] }
        return rules.first { $0["id"] as? String == rule }?["status"] as? String
    }

    @Test func theTeamsTargetChangesTheOutcomeAndTheWords() throws {
        // The default: three hours fails "within 1 hour".
        let byDefault = try report(try answers())
        #expect(try status(byDefault, "first-response-within-hour") == "fail")
        let markdown = try smaudit.run(["report", try answers(), "-o", "-", "--no-baseline"]).stdout
        #expect(markdown.contains("took more than 1 hour."), "\(markdown)")
        #expect(markdown.contains("A typical first reply within 1 hour: the article asks for “quickly” and gives no time"))

        // Four hours, the team's: it passes, and Method gives the default and the reason.
        let four = try answers(targets: """
        targets:
          four-mistakes:
            reply_target: {value: "4h", reason: "we answer twice a day, by design"}
        """)
        #expect(try status(try report(four), "first-response-within-hour") == "pass")
        let method = try smaudit.run(["report", four, "-o", "-", "--no-baseline"]).stdout
        #expect(method.contains("- First reply target: 4 hours (the audit's default: 1 hour), because we answer twice a day, by design."), "\(method)")
        #expect(!method.contains("A typical first reply within"))

        // Two hours: it fails, and the finding names the team's target.
        let two = try answers(targets: """
        targets:
          four-mistakes:
            reply_target: {value: "2h", reason: "our promise on the website"}
        """)
        let text = try smaudit.run(["report", two, "-o", "-", "--no-baseline"]).stdout
        #expect(text.contains("the typical (median) first reply on social media took more than your target of 2 hours."), "\(text)")
    }

    @Test func aTargetOutsideItsBoundsIsRefusedAtItsPlace() throws {
        let path = try answers(targets: """
        targets:
          four-mistakes:
            reply_target: {value: "3d", reason: "we are slow"}
            reply_rate: {value: "50%", reason: "typo"}
        """)
        let result = try smaudit.run(["score", path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("acme.yaml:9:27: error: the target `four-mistakes.reply_target` cannot be 3d: 3d is above the maximum 2d"), "\(result.stderr)")
        #expect(result.stderr.contains("acme.yaml:10:5: error: `four-mistakes` has no adjustable target `reply_rate`; did you mean `reply_rate_target`?"), "\(result.stderr)")
    }

    @Test func theShellSetsListsAndResetsATarget() throws {
        let path = try answers()
        let result = try smaudit.run([], input: """
        resume \(path)
        /target reply_target 3d --reason "slow"
        /target reply_target 4h --reason "we answer twice a day"
        /targets
        /target reply_target -

        """)
        #expect(result.stderr.contains("four-mistakes.reply_target cannot be 3d: 3d is above the maximum 2d"), "\(result.stderr)")
        #expect(result.stdout.contains("four-mistakes.reply_target is now the team's 4 hours"))
        #expect(result.stdout.contains("four-mistakes.reply_target       4 hours  the team's: we answer twice a day  First reply target"), "\(result.stdout)")
        #expect(result.stdout.contains("four-mistakes.reply_target is back to the default."))
        #expect(!(try smaudit.read("acme.yaml")).contains("targets:"))
    }
}
