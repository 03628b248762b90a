import AuditKit
import BuiltinChecklists
import Testing

/// `smaudit list` shows the built-ins from summaries found when smaudit was built; they must be
/// what loading the embedded files gives now.
@Suite struct BuiltinSummaryTests {
    @Test func theBuildTimeSummariesAreWhatLoadingTheBuiltInsGives() throws {
        let files = BuiltinChecklists.files
        let (set, diagnostics) = ChecklistSet.load(files.map { (file: $0.name, text: $0.contents) })
        #expect(diagnostics.isEmpty)
        let summaries = try #require(BuiltinChecklists.summaries)
        #expect(summaries == set.checklists.map {
            EmbeddedChecklistSummary(id: $0.id, version: $0.version, title: $0.title,
                                     questions: $0.questionIDs.count, rules: $0.rules.count)
        })
        #expect(summaries.map(\.id) == [BuiltinChecklists.profileID] + BuiltinChecklists.auditOrder)
    }
}
