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

}
