import Testing
@testable import LineEditor

@Suite struct CompletionListTests {
    @Test func theCommonPrefixOfCandidates() {
        #expect(commonPrefix(["help", "hello", "helm"]) == "hel")
        #expect(commonPrefix(["café au lait", "café crème"]) == "café ")
        #expect(commonPrefix(["quit"]) == "quit")
        #expect(commonPrefix(["a", "b"]) == "")
        #expect(commonPrefix([]) == "")
    }

    @Test func candidatesAreLaidOutInColumnsThatFitTheWidth() {
        let laidOut = candidateColumns(["audit", "back", "evidence", "findings", "goto"], width: 24)
        // Widest is 8, so columns are 10 wide and two fit in 24: three rows, filled down first.
        #expect(laidOut == "audit     findings\nback      goto\nevidence")
        #expect(candidateColumns(["a", "b"], width: 1) == "a\nb")
    }
}

@Suite struct PromptTests {
    @Test func stylesAreWrappedInTheInvisibleMarker() {
        let prompt = Prompt([.init("smaudit", style: "1;32"), .init("> ")])
        #expect(prompt.plainText == "smaudit> ")
        #expect(prompt.editorText(colored: false, marker: "\u{1}") == "smaudit> ")
        #expect(prompt.editorText(colored: true, marker: "\u{1}") == "\u{1}\u{1B}[1;32m\u{1}smaudit\u{1}\u{1B}[0m\u{1}> ")
    }

    @Test func devNullDisablesTheHistoryFile() {
        #expect(HistorySettings(path: "/dev/null").path == nil)
        #expect(HistorySettings(path: "/tmp/h").path == "/tmp/h")
        #expect(HistorySettings(path: "/tmp/h").limit == 1000)
    }
}
