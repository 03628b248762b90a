import AuditKit
import AuditReport
import AuditServices
import Foundation
import Testing
import TestSupport

/// What the walk shows above each question (`mini · Network · 2/3`) and the scores it gives
/// stay right as answers change, though both are kept between answers.
@Suite struct AuditFlowPositionTests {
    let set = ChecklistSet.load([(file: "mini.yaml", text: miniChecklist)]).0
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("flow-\(UUID().uuidString)").path

    private func flow() throws -> AuditFlow { try miniFlow(in: folder, set: set) }

    private func shown(_ flow: AuditFlow) -> String {
        guard let ref = flow.current else { return "done" }
        let (n, total) = flow.position(of: ref)
        return "\(ref.question) \(n)/\(total)"
    }

    @Test func theCountFollowsTheQuestionsAWhenAddsOrTakesAway() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let flow = try flow()
        // `response_time` is asked only when `answers_on_social` is yes.
        #expect(shown(flow) == "top_priority 1/3")
        try flow.answer("2")
        #expect(shown(flow) == "followers 2/3")
        try flow.answer("1200")
        #expect(shown(flow) == "answers_on_social 3/3")
        try flow.answer("yes")
        #expect(shown(flow) == "response_time 4/4")
        try flow.goTo("answers_on_social")
        try flow.answer("no")
        #expect(flow.position(of: QuestionRef(checklist: "mini", question: "followers")) == (2, 3))
        try flow.goTo("followers")
        try flow.answer("900")
        #expect(flow.position(of: QuestionRef(checklist: "mini", question: "answers_on_social")) == (3, 3))
    }

    @Test func theScoresFollowEveryAnswer() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let flow = try flow()
        func status(_ rule: String) -> RuleStatus? {
            flow.scorecard.checklists.first?.results.first { $0.rule.id == rule }?.status
        }
        #expect(status("answer-on-social") == .open)
        try flow.goTo("answers_on_social")
        try flow.answer("no")
        #expect(status("answer-on-social") == .fail)
        #expect(flow.actionPlan.actions.contains { $0.key == "mini.answer-on-social" })
        try flow.goTo("answers_on_social")
        try flow.answer("yes")
        #expect(status("answer-on-social") == .pass)
        #expect(!flow.actionPlan.actions.contains { $0.key == "mini.answer-on-social" })
    }

    /// The shell hands the report the scorecards it already has; the report must read exactly as
    /// one that scores the session itself, with and without an accepted problem.
    @Test func aReportFromTheFlowsScorecardsReadsAsOneScoredAfresh() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let flow = try flow()
        for answer in ["3", "1200", "no"] { try flow.answer(answer) }
        _ = flow.scorecard
        _ = flow.actionPlan
        #expect(!flow.scorecards.isEmpty)
        for format in [ReportRendering.Format.markdown, .json, .html] {
            var job = try ReportJob(flow.session, set: set, path: "-", format: format, searchPath: nil)
            let afresh = job.text()
            job.scorecards = flow.scorecards
            #expect(job.text() == afresh, "\(format)")
        }
        _ = try flow.accept("mini.answer-on-social", reason: "No one to answer yet", owner: "Dana", until: CalendarDate(year: 2027, month: 1, day: 31)!)
        _ = flow.scorecard
        var job = try ReportJob(flow.session, set: set, path: "-", format: .markdown, searchPath: nil)
        let afresh = job.text()
        job.scorecards = flow.scorecards
        #expect(job.text() == afresh)
        #expect(afresh.contains("No one to answer yet"))
    }
}
