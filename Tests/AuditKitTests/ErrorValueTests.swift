import Foundation
import Testing
@testable import AuditKit

/// Issue 29: AuditKit's errors are values worded in one place; these pin each message, and
/// check which case a failure is.
@Suite struct ErrorValueTests {
    static let writeMessages: [(FileWriteError, String)] = [
        (.linkLoop(path: "l"), "cannot write l: symbolic link loop"),
        (.missingFolder(path: "no/a.yaml", folder: "no"),
         "cannot write no/a.yaml: the folder no does not exist; create it first or choose another place"),
        (.cannotCreateTemporary(path: "a.yaml", folder: ".", errno: EACCES),
         "cannot write a.yaml: cannot create a temporary file in .: Permission denied"),
        (.cannotWrite(path: "a.yaml", errno: ENOSPC), "cannot write a.yaml: No space left on device"),
        (.cannotCreateFolder(path: "./x", errno: EACCES), "cannot create folder ./x: Permission denied"),
        (.cannotCreateLock(session: "a.yaml", lock: ".a.yaml.lock", errno: EACCES),
         "cannot open a.yaml: cannot create its lock file .a.yaml.lock: Permission denied"),
        (.locked(session: "a.yaml", holder: "42"), "a.yaml is open in another smaudit (pid 42); finish there first, or work on a copy"),
        (.lockReplaced(session: "a.yaml", lock: ".a.yaml.lock"), "cannot lock a.yaml: its lock file .a.yaml.lock keeps being replaced"),
    ]

    @Test(arguments: writeMessages)
    func eachWriteErrorIsWordedOnce(_ error: FileWriteError, _ expected: String) {
        #expect(error.description == expected)
    }

    static let readMessages: [(FileReadError, String)] = [
        (.isFolder(path: "d"), "cannot read d: it is a folder, not a file"),
        (.cannotRead(path: "a.yaml", errno: ENOENT), "cannot read a.yaml: No such file or directory"),
        (.notUTF8(path: "a.yaml", line: 2, column: 5, byte: 0xFF),
         "a.yaml:2:5: error: the file is not valid UTF-8: byte 0xFF cannot start or continue a character; save it as UTF-8 (it is left as it is)"),
    ]

    @Test(arguments: readMessages)
    func eachReadErrorIsWordedOnce(_ error: FileReadError, _ expected: String) {
        #expect(error.description == expected)
        // Only a place in the file gives a diagnostic.
        if case .notUTF8 = error { #expect(error.diagnostic?.location == SourceLocation(file: "a.yaml", line: 2, column: 5)) } else { #expect(error.diagnostic == nil) }
    }

    static let refusals: [(TeamMerge.Refusal, String)] = [
        (.nothingToMerge, "nothing to merge: name two or more session files"),
        (.differentOrganisations(["b.yaml": "Hearth", "a.yaml": "Acme"]),
         "the sessions are of different organisations (a.yaml is of \"Acme\", b.yaml is of \"Hearth\"); a team session is one organisation's"),
        (.versionsDiffer(checklist: "mini", file: "a.yaml", version: "1.0.0", otherFile: "b.yaml", otherVersion: "1.1.0"),
         "a.yaml used mini 1.0.0 and b.yaml used mini 1.1.0; resume the older one with this smaudit first, which brings it to the installed version"),
        (.noAuditor(file: "a.yaml"),
         "a.yaml names no auditor, so its answers cannot be told apart from the others': add `answered_by: NAME` to it, or answer with `smaudit audit --as NAME`"),
    ]

    @Test(arguments: refusals)
    func eachRefusalIsWordedOnce(_ refusal: TeamMerge.Refusal, _ expected: String) {
        #expect(refusal.description == expected)
    }

    @Test func aFileThatCannotBeReadSaysWhichCase() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("smaudit-read-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        #expect(throws: FileReadError.isFolder(path: folder)) { _ = try AtomicFile.read(folder) }
        #expect(throws: FileReadError.cannotRead(path: folder + "/none", errno: ENOENT)) { _ = try AtomicFile.read(folder + "/none") }
        let latin1 = folder + "/latin1.yaml"
        try Data([0x61, 0x0A, 0x62, 0xE9, 0x0A]).write(to: URL(fileURLWithPath: latin1))
        #expect(throws: FileReadError.notUTF8(path: latin1, line: 2, column: 2, byte: 0xE9)) { _ = try AtomicFile.read(latin1) }
        #expect(throws: FileWriteError.missingFolder(path: folder + "/no/a.yaml", folder: folder + "/no")) {
            try AtomicFile.write("a", to: folder + "/no/a.yaml")
        }
    }

    /// The one diagnostic callers act on has a kind; the text stays what it was.
    @Test func anUnknownChecklistIsADiagnosticOfItsOwnKind() {
        let set = ChecklistSet.load([(file: "mini.yaml", text: "id: mini\ntitle: Mini\nversion: 1.0.0\nsections:\n  - id: s\n    title: S\n    questions:\n      - id: q\n        prompt: Q?\n        type: yesno\n")]).0
        let result = SessionReader.read(text: "organisation: Acme\nauditors: [Dana]\nanswers:\n  mnii:\n    q: yes\n",
                                        file: "a.yaml", set: set, now: "2026-11-23T10:00:00Z")
        let unknown = result.diagnostics.filter { $0.kind == .unknownChecklist(id: "mnii") }
        #expect(unknown.map(\.message) == ["unknown checklist `mnii`; did you mean `mini`?"])
        #expect(result.diagnostics.filter { $0.kind == .other }.count == result.diagnostics.count - 1)
    }

    @Test func aSuggestionIsOfferedOneWay() {
        #expect(Suggest.hint("followers") == "; did you mean `followers`?")
        #expect(Suggest.hint("Acme", quote: "\"") == "; did you mean \"Acme\"?")
        #expect(Suggest.hint(nil) == nil)
    }
}
