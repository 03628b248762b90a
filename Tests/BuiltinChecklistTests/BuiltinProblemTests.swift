import AuditKit
import BuiltinChecklists
import Testing

/// Issue 24 over the built-in checklists: one way to say "nothing", and the organisation profile.
@Suite struct BuiltinProblemTests {
    static let set: ChecklistSet = ChecklistSet.load(BuiltinChecklists.files.map { (file: $0.name, text: $0.contents) }).0

    /// Typing `none` at a multi question means its exclusive choice ("none yet"), so the two
    /// can never score differently, for every built-in question.
    @Test func noneMeansTheExclusiveChoiceForEveryBuiltinMultiQuestion() throws {
        let set = Self.set
        var checked = 0
        for checklist in set.checklists {
            for section in checklist.sections {
                for q in section.questions where q.type == .multi {
                    guard let nothing = q.nothingChoice else {
                        #expect(q.exclusiveChoices.isEmpty, "\(checklist.id).\(q.id) has several exclusive choices")
                        continue
                    }
                    #expect(try q.parse("none").get() == .choices([nothing]), "\(checklist.id).\(q.id)")
                    #expect(try q.parse("NONE").get() == q.parse(nothing).get())
                    checked += 1
                }
            }
        }
        #expect(checked >= 3)
    }


    /// The six double charges a consultant's trial found (issue 24), each now causes of one
    /// problem, so they are one finding and are charged once. Each group was in two or three
    /// problems before 3.0.
    @Test(arguments: [
        ["seven-steps.content-plan", "launch.content-calendar"],
        ["launch.goals-for-each-presence", "seven-steps.channel-plan", "seven-steps.outcomes-written"],
        ["four-mistakes.promotion-share", "launch.content-beyond-promotion"],
        ["four-mistakes.engagement-targets", "launch.measures-beyond-followers"],
        ["four-mistakes.answer-where-asked", "four-mistakes.response-rate", "four-mistakes.reply-to-comments"],
        ["seven-steps.networking-for-networking-goals", "seven-steps.long-tail-outreach", "seven-steps.partnerships-worked"],
        ["seven-steps.micro-segments", "four-mistakes.segment-by-propensity", "launch.personas-defined"],
    ])
    func rulesThatJudgedOneProblemTwiceAreCausesOfOne(rules: [String]) throws {
        var problems: Set<String> = []
        for qualified in rules {
            let parts = qualified.split(separator: ".").map(String.init)
            let checklist = try #require(Self.set.checklist(parts[0]))
            let rule = try #require(checklist.rules.first { $0.id == parts[1] }, "no rule \(qualified)")
            problems.insert(RuleResult(checklistID: parts[0], rule: rule, status: .fail, points: rule.points).themeKey)
        }
        #expect(problems.count == 1, "\(rules) are in \(problems.sorted())")
    }

    /// No question presumes what an earlier answer denied.
    @Test func noQuestionIsAskedAfterItsPremiseWasDenied() {
        var answers = AnswerSheet()
        answers.set("seven-steps", "segments_defined", .bool(false))
        answers.set("launch", "accounts_per_platform", .choice("one per platform"))
        func asked(_ checklist: String, _ question: String) -> Bool {
            Self.set.isAsked(QuestionRef(checklist: checklist, question: question), in: answers)
        }
        // No micro-segments: nowhere to look for where they gather.
        #expect(!asked("seven-steps", "communities_found"))
        // One account per platform: "every one of those accounts" is not asked, and showing up
        // on every platform is asked of every team instead.
        #expect(!asked("launch", "accounts_current"))
        #expect(asked("launch", "shows_up"))
        answers.set("seven-steps", "segments_defined", .bool(true))
        answers.set("launch", "accounts_per_platform", .choice("several on some platforms"))
        #expect(asked("seven-steps", "communities_found"))
        #expect(asked("launch", "accounts_current"))
    }
}
