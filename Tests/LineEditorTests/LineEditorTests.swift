import Foundation
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
        let prompt = Prompt([.init("smaudit", style: .boldGreen), .init("> ")])
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

/// Text from files and users is shown on the terminal, never obeyed by it.
@Suite struct TerminalSafeTests {
    @Test(arguments: [
        ("\u{1B}[2J cleared", "\\e[2J cleared"),
        ("\u{1B}]52;c;aGVsbG8=\u{07}", "\\e]52;c;aGVsbG8=\\a"),
        ("\u{1B}]0;title\u{1B}\\", "\\e]0;title\\e\\"),
        ("back\u{08}\u{08}space", "back\\b\\bspace"),
        ("over\rwrite", "over\\rwrite"),
        ("csi\u{9B}31m", "csi\\u{009B}31m"),
        ("rtl\u{202E}txt.exe", "rtl\\u{202E}txt.exe"),
        ("del\u{7F}", "del\\x7F"),
        ("nul\u{0}", "nul\\x00"),
        ("line\nnext\ttab", "line\nnext\ttab"),
        ("Café 🥐 مرحبا", "Café 🥐 مرحبا"),
    ])
    func controlsAreShownVisibly(_ input: String, _ expected: String) {
        #expect(TerminalSafe.escape(input) == expected)
    }

    @Test func promptsShowNamesFromFilesSafely() {
        let prompt = Prompt([.init("Organisation"), .init(" (Acme\u{1B}[2J)"), .init(": ")])
        #expect(prompt.plainText == "Organisation (Acme\\e[2J): ")
        #expect(!prompt.editorText(colored: true, marker: "\u{1}").contains("\u{1B}[2J"))
    }
}

/// A script read from a pipe is saved whenever smaudit would wait for it: `hasPendingInput`
/// must be false whenever `readLine` could wait, and true only then when a line is at hand.
@Suite struct PlainLineReaderTests {
    /// A folder of its own for each test's files, removed afterwards.
    private static func withFolder(_ body: (String) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("smaudit-plain-reader-\(UUID())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try body(folder)
    }

    @Test func aPipeHasInputPendingOnlyWhenAWholeLineIsBuffered() throws {
        try Self.withFolder { folder in
            let path = folder + "/fifo"
            #expect(mkfifo(path, 0o600) == 0)
            // Read and write: opening it so neither waits for the other.
            let writer = open(path, O_RDWR)
            #expect(writer >= 0)
            defer { close(writer) }
            let reader = try #require(PlainLineReader(path: path))
            func send(_ text: String) { _ = text.utf8CString.withUnsafeBufferPointer { write(writer, $0.baseAddress!, $0.count - 1) } }
            send("a\nb\n")
            #expect(reader.readLine(prompt: Prompt("")) == .line("a"))
            // "b" was read into the buffer with "a": the next read does not wait.
            #expect(reader.hasPendingInput)
            #expect(reader.readLine(prompt: Prompt("")) == .line("b"))
            #expect(!reader.hasPendingInput)
            // Half a line in the pipe: reading it would wait for the rest.
            send("c")
            #expect(!reader.hasPendingInput)
            send("\n")
            #expect(reader.readLine(prompt: Prompt("")) == .line("c"))
        }
    }

    @Test func aFileAlwaysHasInputPending() throws {
        try Self.withFolder { folder in
            let path = folder + "/script"
            let file = try #require(fopen(path, "w"))
            fputs("a\nb", file)
            fclose(file)
            let reader = try #require(PlainLineReader(path: path))
            #expect(reader.hasPendingInput)
            #expect(reader.readLine(prompt: Prompt("")) == .line("a"))
            #expect(reader.hasPendingInput)
            #expect(reader.readLine(prompt: Prompt("")) == .line("b"))
            #expect(reader.hasPendingInput)
            #expect(reader.readLine(prompt: Prompt("")) == .endOfInput)
        }
    }
}
