import Testing
@testable import AuditKit

/// A rule and a question keep their fields in one object their copies share until one is
/// changed: each is still a value.
@Suite struct SharedFieldsTests {
    static let check = try! RuleExpression.parse("q >= 1", at: SourceLocation(file: "x.yaml", line: 3, column: 12)).get()

    @Test func aChangedCopyLeavesTheOriginalAsItWas() {
        let original = Rule(id: "r", title: "Reply within an hour", check: Self.check, severity: .high)
        var copy = original
        #expect(copy.shared === original.shared)
        copy.title = "Reply within a day"
        copy.finding = "Replies take two days."
        copy.sectionID = "service"
        copy.theme = ThemeRef(checklist: nil, id: "slow-replies")
        #expect(original.title == "Reply within an hour")
        #expect(original.finding == nil && original.theme == nil && original.sectionID == Section.generalID)
        #expect(copy.title == "Reply within a day" && copy.sectionID == "service")
        #expect(copy != original)
        // Once its own, a copy changes in place: the next change copies nothing.
        let own = ObjectIdentifier(copy.shared)
        copy.bar = "a day, the article asks for “quickly”"
        #expect(ObjectIdentifier(copy.shared) == own)
    }

    @Test func equalRulesAreEqualAndHashAlikeWhetherOrNotTheyShareTheirFields() {
        var a = Rule(id: "r", title: "T", check: Self.check, severity: .low, finding: "F")
        var b = Rule(id: "r", title: "T", check: Self.check, severity: .low, finding: "F")
        #expect(a.shared !== b.shared)
        #expect(a == b && a.hashValue == b.hashValue)
        a.problem = "Slow replies"
        #expect(a != b)
        b.problem = "Slow replies"
        #expect(a == b && a.hashValue == b.hashValue)
        b.idLocation = SourceLocation(file: "x.yaml", line: 9, column: 9)
        #expect(a != b)
        #expect(Set([a, a, b]).count == 2)
    }

    @Test func aChangedCopyOfAQuestionLeavesTheOriginalAsItWas() {
        let original = Question(id: "reply_hours", prompt: "How fast do you reply?", type: .number, min: 0)
        var copy = original
        #expect(copy.shared === original.shared)
        copy.prompt = "How many hours to a first reply?"
        copy.integer = true
        copy.exclusiveChoices = ["none"]
        #expect(original.prompt == "How fast do you reply?" && !original.integer && original.exclusiveChoices.isEmpty)
        #expect(copy != original)
        var same = Question(id: "reply_hours", prompt: "How fast do you reply?", type: .number, min: 0)
        #expect(same == original && same.hashValue == original.hashValue)
        same.min = 1
        #expect(same != original && original.min == 0)
    }
}
