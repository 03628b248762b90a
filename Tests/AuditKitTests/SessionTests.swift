import Foundation
import Testing
@testable import AuditKit

@Suite struct SessionTests {
    let set: ChecklistSet = {
        let text = """
        id: mini
        title: Mini
        version: 1.0.0
        sections:
          - id: s
            title: S
            questions:
              - id: priority
                prompt: Priority?
                type: choice
                choices: [growing followers, engagement]
              - id: followers
                prompt: Followers?
                type: number
              - id: note_me
                prompt: Anything else?
                type: text
        rules:
          - id: r
            title: R
            check: priority != "growing followers"
            severity: high
        """
        return ChecklistSet.load([(file: "mini.yaml", text: text)]).0
    }()

    func read(_ text: String, mode: SessionReader.Mode = .strict) -> SessionReader.Result {
        SessionReader.read(text: text, file: "a.yaml", set: set, mode: mode, now: "2026-11-23T10:00:00Z")
    }

    @Test func theMinimalAnswersFileIsAccepted() throws {
        let result = read("""
        organisation: Acme Coffee
        auditors: [Dana Lee]
        answers:
          mini:
            priority: engagement
            followers: 12k
        """)
        let session = try #require(result.session)
        #expect(session.organisation == "Acme Coffee")
        #expect(session.auditors == ["Dana Lee"])
        #expect(session.answers.answer("mini", "followers") == .number(12000))
        #expect(session.checklistIDs == ["mini"])
    }

    @Test func writingThenReadingGivesTheSameSession() throws {
        var session = AuditSession(organisation: "Ünïcode \"quoted\" | pipes\nand lines", auditors: ["Dana"],
                                   started: "2026-11-23T10:00:00Z", checklists: [ChecklistStamp(set.checklist("mini")!)])
        var entry = AnswerEntry(text: "engagement", value: .choice("engagement"), at: "2026-11-23T10:01:00Z")
        entry.notes = ["said: \"we reply\" # not a comment", "🎉"]
        entry.evidence = ["https://example.com/a?b=c&d"]
        session[QuestionRef(checklist: "mini", question: "priority")] = entry
        var skipped = AnswerEntry()
        skipped.skipped = true
        session[QuestionRef(checklist: "mini", question: "followers")] = skipped
        session[QuestionRef(checklist: "mini", question: "note_me")] = AnswerEntry(text: "key: value, [x]", value: .text("key: value, [x]"))
        let text = SessionWriter.render(session, set: set)
        let back = try #require(read(text).session)
        #expect(back == session)
    }

    @Test func errorsPointAtTheKeyOrValue() {
        let result = read("""
        organisation: Acme
        answers:
          mini:
            priority: growing folowers
            folowers: 12
            zzz: 1
          other: {x: 1}
        """)
        #expect(result.session == nil)
        let shown = result.diagnostics.map { "\($0.location.line):\($0.location.column) \($0.message)" }
        #expect(shown.contains { $0.hasPrefix("4:15 invalid answer to `mini.priority`") })
        #expect(shown.contains("5:5 `mini` has no question `folowers`; did you mean `followers`?"))
        #expect(shown.contains("6:5 `mini` has no question `zzz`; `smaudit show mini` lists its question ids"))
        #expect(shown.contains { $0.hasPrefix("7:3 unknown checklist `other`") })
    }

    @Test func aNewerFormatIsRefusedAndLenientModeDropsUnknownQuestions() {
        let newer = read("format: 4\nanswers: {}\n")
        #expect(newer.session == nil)
        #expect(newer.diagnostics.first?.message.contains("written by a newer smaudit (format 4)") == true)

        let lenient = read("answers:\n  mini:\n    gone: yes\n    followers: 3\n", mode: .lenient)
        #expect(lenient.session?.answers.count == 1)
        #expect(lenient.dropped == [QuestionRef(checklist: "mini", question: "gone")])
    }

    /// Issue 29 item 9: a format far below zero crashed (`Int(version)` trapped), 0 and -1 were
    /// read without the end marker, and a huge newer number was printed rounded.
    @Test(arguments: [
        ("format: -99999999999999999999\nanswers: {}\n", "1:9 the session format -99999999999999999999 is not one this smaudit reads: it reads formats 1 to 3"),
        ("format: 0\nanswers: {}\n", "1:9 the session format 0 is not one this smaudit reads: it reads formats 1 to 3"),
        ("format: -1\nanswers: {}\n", "1:9 the session format -1 is not one this smaudit reads: it reads formats 1 to 3"),
        ("format: 1.5\nanswers: {}\n", "1:9 the session format 1.5 is not one this smaudit reads: it reads formats 1 to 3"),
        ("format: 100000000000000000000\nanswers: {}\n", "1:9 this session was written by a newer smaudit (format 100000000000000000000); this version reads formats 1 to 3: upgrade smaudit"),
        ("format: 9223372036854775807\nanswers: {}\n", "1:9 this session was written by a newer smaudit (format 9223372036854775807); this version reads formats 1 to 3: upgrade smaudit"),
    ])
    func formatsOutOfRangeAreErrorsNamingTheFormatsRead(text: String, message: String) {
        let result = read(text)
        #expect(result.session == nil)
        #expect(result.diagnostics.map { "\($0.location.line):\($0.location.column) \($0.message)" } == [message])
    }

    /// Issue 25: owners and due dates of the plan's actions are kept in the session (and may
    /// be written in an answers file), by the problem's checklist and id; a problem no loaded
    /// checklist has is kept with a warning, a date that is not one is an error at its place.
    @Test func thePlansOwnersAndDatesRoundTrip() throws {
        let result = read("""
        answers:
          mini:
            followers: 3
        plan:
          mini:
            r: {owner: "Priya", due: "2027-01-06"}
            gone: {owner: "Sam"}
        """)
        let session = try #require(result.session, "\(result.diagnostics)")
        #expect(session.plan == ["mini.r": PlanAssignment(owner: "Priya", due: CalendarDate(iso: "2027-01-06")),
                                 "mini.gone": PlanAssignment(owner: "Sam")])
        #expect(result.diagnostics.map { "\($0.location.line):\($0.location.column) \($0.message)" }
                == ["7:5 the plan names `mini.gone`, which no loaded checklist has as a problem; it is kept"])
        let written = SessionWriter.render(session, set: set)
        #expect(written.hasSuffix("plan:\n  mini:\n    gone: {owner: \"Sam\"}\n    r: {owner: \"Priya\", due: \"2027-01-06\"}\n# end of session\n"), "\(written)")
        let again = read(written)
        #expect(again.session?.plan == session.plan)

        let bad = read("answers: {}\nplan:\n  mini:\n    r: {due: \"next week\"}\n")
        #expect(bad.session == nil)
        #expect(bad.diagnostics.map { "\($0.location.line):\($0.location.column) \($0.message)" }
                == ["4:14 the due date `next week` is not a date: write it as YYYY-MM-DD, such as 2027-01-31"])
    }

    @Test func truncatedAndCorruptFilesGiveALocatedError() {
        let truncated = read("organisation: \"Acme\nanswers:\n")
        #expect(truncated.session == nil)
        #expect(truncated.diagnostics.first?.message.hasPrefix("YAML syntax error") == true)
        #expect(read("").diagnostics.first?.message.contains("empty") == true)
    }

    @Test func atomicWritesReplaceTheWholeFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("atomic-\(UUID().uuidString)/deeper").path
        let path = folder + "/s.yaml"
        // The folder must exist: a write never creates folders behind the user's back.
        #expect(throws: FileWriteError.self) { try AtomicFile.write("first\n", to: path) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try AtomicFile.write("first\n", to: path)
        try AtomicFile.write("second\n", to: path)
        #expect(try AtomicFile.read(path) == "second\n")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(leftovers == ["s.yaml"])
    }

    @Test func aSecondLockOnTheSameSessionIsRefused() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("lock-\(UUID().uuidString).yaml").path
        let first = try SessionLock(sessionPath: path)
        // flock locks belong to open file descriptions, so a second open in this process conflicts too.
        #expect(throws: FileWriteError.self) { _ = try SessionLock(sessionPath: path) }
        // The refusal leaves the holder's lock file alone, so a third attempt is refused too.
        #expect(FileManager.default.fileExists(atPath: path + ".lock"))
        #expect(throws: FileWriteError.self) { _ = try SessionLock(sessionPath: path) }
        _ = first
    }

    @Test func theLockIsFreeAgainOnceItsHolderLetsGo() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("lock-\(UUID().uuidString).yaml").path
        var first: SessionLock? = try SessionLock(sessionPath: path)
        _ = first
        first = nil
        #expect(!FileManager.default.fileExists(atPath: path + ".lock"))
        let second = try SessionLock(sessionPath: path)
        #expect(try String(contentsOfFile: path + ".lock", encoding: .utf8) == "\(getpid())\n")
        _ = second
    }
}
