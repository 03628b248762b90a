import Foundation
import Testing
import TestSupport

/// Issue 28, items 1 and 4: an organisation's audits over time, the report's automatic
/// baseline, and the score over time.
@Suite struct HistoryTests {
    let smaudit: Smaudit

    init() throws {
        smaudit = try Smaudit()
        try smaudit.installMiniChecklist()
        // Three audits of Acme Coffee (the last typed with other case and spacing), another
        // organisation's, and one auditor's own session, which is not an audit of its own.
        // Mini's problems: relationships-first (top priority is followers), answer-on-social
        // (no answers on social), fast-replies (slower than an hour).
        // January fails the first two; April solves both and fails fast-replies (new);
        // July solves that one.
        try session("acme-1", "2026-01-10", "Acme Coffee", ["top_priority": "growing followers", "answers_on_social": "no"])
        try session("acme-2", "2026-04-10", "Acme Coffee", ["top_priority": "sales", "answers_on_social": "yes", "response_time": "1d"])
        try session("acme-3", "2026-07-10", "acme  COFFEE", ["top_priority": "sales", "answers_on_social": "yes", "response_time": "30m"])
        try session("hearth", "2026-05-10", "Hearth & Crumb", ["top_priority": "sales"])
        try session("acme-priya", "2026-07-11", "Acme Coffee", ["top_priority": "growing followers"], answeredBy: "Priya")
    }

    func session(_ name: String, _ date: String, _ organisation: String, _ answers: [String: String], answeredBy: String? = nil) throws {
        let lines = answers.sorted { $0.key < $1.key }.map { "    \($0.key): \"\($0.value)\"" }.joined(separator: "\n")
        try smaudit.write("""
        format: 2
        organisation: "\(organisation)"
        auditors: ["Dana"]
        \(answeredBy.map { "answered_by: \"\($0)\"" } ?? "")
        started: "\(date)T10:00:00Z"
        updated: "\(date)T11:00:00Z"
        checklists:
          mini: {version: "1.0.0", hash: "x"}
        answers:
          mini:
        \(lines)
        # end of session

        """, to: "data/smaudit/sessions/\(name).yaml")
    }

    var sessions: String { smaudit.home.appendingPathComponent("data/smaudit/sessions").path }

    @Test func historyListsTheAuditsOldestFirstWithWhatWasSolvedAndWhatIsNew() throws {
        let result = try smaudit.run(["history", "acme coffee"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == """
        Acme Coffee: 3 audits, oldest first. Solved and new count problems against the audit before.
        date        checklists  score          solved  new  file
        2026-01-10  mini        0.0 at risk    –       –    acme-1.yaml
        2026-04-10  mini        81.3 strong    2       1    acme-2.yaml
        2026-07-10  mini        100.0 leading  1       0    acme-3.yaml

        """)
    }

    @Test func aNameThatMatchesNoneOffersTheClosest() throws {
        let part = try smaudit.run(["history", "acme"])
        #expect(part.status == 1)
        #expect(part.stderr.contains("no audit of \"acme\" found; did you mean \"Acme Coffee\"? Audited: \"Acme Coffee\", \"Hearth & Crumb\"."), "\(part.stderr)")
        let several = try smaudit.run(["history"])
        #expect(several.stdout.contains("Audits of 2 organisations: Acme Coffee (3), Hearth & Crumb (1). Name one: history ORGANISATION"))
    }

    @Test func theReportComparesWithThePreviousAuditAndDrawsTheTrend() throws {
        let html = smaudit.home.appendingPathComponent("acme.html").path
        let result = try smaudit.run(["report", "\(sessions)/acme-3.yaml", "-o", html])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("Compared with the previous audit of acme  COFFEE, 2026-04-10 (\(sessions)/acme-2.yaml)"), "\(result.stderr)")
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(page.contains("The previous audit is dated 10 April 2026."))
        let trend = try #require(page.range(of: "<h2>Score over time</h2>").map { String(page[$0.lowerBound...]) })
        // One line per series (overall, the checklist), three points each, and its table.
        #expect(trend.components(separatedBy: "<polyline").count - 1 == 2)
        let firstChart = String(trend[..<(trend.range(of: "</svg>")?.lowerBound ?? trend.endIndex)])
        #expect(firstChart.components(separatedBy: "<circle").count - 1 == 6)
        #expect(firstChart.contains("aria-label=\"Score by audit: Overall: 10 January 2026 0.0, 10 April 2026 81.3, 10 July 2026 100.0; Mini audit: 10 January 2026 0.0, 10 April 2026 81.3, 10 July 2026 100.0\""))
        #expect(trend.contains("<td>10 April 2026</td><td class=\"num\">81.3</td>"), "\(trend.prefix(3000))")

        // --no-baseline compares with nothing; --baseline picks another.
        let none = try smaudit.run(["report", "\(sessions)/acme-3.yaml", "-o", "-", "--no-baseline"])
        #expect(!none.stdout.contains("Compared with the previous audit"))
        let picked = try smaudit.run(["report", "\(sessions)/acme-3.yaml", "-o", "-", "--baseline", "\(sessions)/acme-1.yaml"])
        #expect(picked.stdout.contains("The previous audit is dated 10 January 2026."))
    }

    @Test func theJSONCarriesTheHistory() throws {
        let result = try smaudit.run(["report", "\(sessions)/acme-3.yaml", "--format", "json", "-o", "-"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let history = try #require(object["history"] as? [[String: Any]])
        #expect(history.map { $0["date"] as? String } == ["2026-01-10", "2026-04-10", "2026-07-10"])
        #expect(history.map { $0["overall"] as? Double } == [0, 81.25, 100])
    }
}
