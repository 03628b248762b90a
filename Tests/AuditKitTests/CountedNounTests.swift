import Testing
import AuditKit

@Suite struct CountedNounTests {
    @Test func oneIsSingularEverythingElsePlural() {
        #expect(1.counted("question") == "1 question")
        #expect(0.counted("question") == "0 questions")
        #expect(2.counted("rule") == "2 rules")
        #expect(3.counted("analysis", plural: "analyses") == "3 analyses")
        #expect(1.counted("analysis", plural: "analyses") == "1 analysis")
    }
}
