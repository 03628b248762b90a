import Foundation
import Testing
import TestSupport
@testable import AuditKit

/// Nothing the team wrote is lost or silently rewritten by reading and writing session files.
@Suite struct SessionSafetyTests {
    static let checklistText = """
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
          - id: share
            prompt: Share?
            type: percent
          - id: wait
            prompt: Wait?
            type: duration
            allow_na: true
          - id: channels
            prompt: Channels?
            type: multi
            choices: [facebook, instagram, tiktok]
          - id: note_me
            prompt: Anything else?
            type: text
          - id: launched
            prompt: Launched?
            type: date
          - id: happy
            prompt: Happy?
            type: yesno
    rules:
      - id: r
        title: R
        check: priority != "growing followers"
        severity: high
    """

    static func load(_ text: String = checklistText) -> ChecklistSet {
        ChecklistSet.load([(file: "mini.yaml", text: text)]).0
    }

    let set = Self.load()

    func read(_ text: String, set: ChecklistSet? = nil, mode: SessionReader.Mode = .strict) -> SessionReader.Result {
        SessionReader.read(text: text, file: "s.yaml", set: set ?? self.set, mode: mode, now: "2026-11-23T10:00:00Z")
    }

    func session(_ entries: [String: String]) -> AuditSession {
        var session = AuditSession(organisation: "Acme", auditors: ["Dana"], started: "2026-11-23T10:00:00Z",
                                   checklists: [ChecklistStamp(set.checklist("mini")!)])
        for (id, text) in entries {
            let question = set.checklist("mini")!.question(id)!
            session[QuestionRef(checklist: "mini", question: id)] = AnswerEntry(text: text, value: try! question.parse(text).get())
        }
        return session
    }

    // MARK: Retired answers (issue 13, item 3)

    /// A question removed from a changed checklist keeps its answer aside, with the version it
    /// was given under; the next save still holds it, and it comes back with the question.
    @Test func answersToRemovedQuestionsAreRetiredAndComeBack() throws {
        let written = SessionWriter.render(session(["priority": "engagement", "followers": "900"]), set: set)
        let changedText = Self.checklistText
            .replacingOccurrences(of: "      - id: followers\n        prompt: Followers?\n        type: number\n", with: "")
            .replacingOccurrences(of: "version: 1.0.0", with: "version: 1.1.0")
        let changed = Self.load(changedText)
        let result = read(written, set: changed)
        let resumed = try #require(result.session, "\(result.diagnostics)")
        let ref = QuestionRef(checklist: "mini", question: "followers")
        #expect(result.retired == [ref])
        #expect(resumed.retired[ref]?.entry.text == "900")
        #expect(resumed.retired[ref]?.version == "1.0.0")
        #expect(resumed.checklists.first?.version == "1.1.0")

        // Saved under the changed checklist, the answer is still in the file …
        let saved = SessionWriter.render(resumed, set: changed)
        #expect(saved.contains("retired:\n  mini:\n    followers:\n      version: \"1.0.0\"\n      answer: \"900\"\n"))
        let again = try #require(read(saved, set: changed).session)
        #expect(again.retired[ref]?.entry.text == "900")

        // … and when the question returns, so does the answer.
        let back = read(saved, set: set)
        let restored = try #require(back.session)
        #expect(back.restored == [ref])
        #expect(restored.answers[ref] == .number(900))
        #expect(restored.retired.isEmpty)
    }

    /// A changed choice label makes an old answer invalid: it is retired, not an error.
    @Test func anAnswerTheChangedChecklistNoLongerAcceptsIsRetired() throws {
        let written = SessionWriter.render(session(["priority": "growing followers"]), set: set)
        let changed = Self.load(Self.checklistText.replacingOccurrences(of: "[growing followers, engagement]", with: "[audience growth, engagement]")
            .replacingOccurrences(of: "\"growing followers\"", with: "\"audience growth\""))
        let result = read(written, set: changed)
        let resumed = try #require(result.session, "\(result.diagnostics)")
        #expect(resumed.retired[QuestionRef(checklist: "mini", question: "priority")]?.entry.text == "growing followers")
        #expect(resumed.answers.count == 0)
    }

    /// Without a recorded hash (a hand-written answers file) an unknown id is a typo: an error.
    @Test func anUnknownQuestionInAHandWrittenFileIsStillAnError() {
        let result = read("answers:\n  mini:\n    followrs: 900\n")
        #expect(result.session == nil)
        #expect(result.diagnostics.map(\.message) == ["`mini` has no question `followrs`; did you mean `followers`?"])
    }

    // MARK: The writer never produces what the reader refuses (items 2, 5, 7)

    @Test func aChecklistListedTwiceIsWrittenOnce() throws {
        var twice = session(["priority": "engagement"])
        twice.checklists.append(twice.checklists[0])
        let text = SessionWriter.render(twice, set: set)
        #expect(text.components(separatedBy: "\n  mini:").count == 3, "\(text)")  // once in checklists, once in answers
        let back = try #require(read(text).session, "\(read(text).diagnostics)")
        #expect(back.checklistIDs == ["mini"])
    }

    /// Random text from all of Unicode in every free-text place (organisation, auditors,
    /// answers, notes, evidence, estimates) reads back to the same session, and writing that
    /// again gives the same bytes.
    @Test func randomSessionsRoundTripByteForByte() throws {
        var r = SeededRandom(seed: 13)
        func text(_ r: inout SeededRandom, nonEmpty: Bool = false) -> String {
            var s = ""
            for _ in 0..<r.int(nonEmpty ? 1...12 : 0...12) {
                let value: UInt32
                switch r.int(0...5) {
                case 0: value = UInt32(r.int(0...0x7F))
                case 1: value = UInt32(r.int(0x80...0xFF))
                case 2: value = r.pick([0x85, 0x9B, 0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF, 0x202E, 0x1B, 0x7F, 0x0])
                case 3: value = UInt32(r.int(0x100...0xD7FF))
                case 4: value = UInt32(r.int(0xE000...0xFFFF))
                default: value = UInt32(r.int(0x10000...0x10FFFF))
                }
                s.unicodeScalars.append(Unicode.Scalar(value)!)
            }
            return s
        }
        let questions = set.checklist("mini")!.questionIDs
        let samples: [String: [String]] = [
            "priority": ["engagement", "growing followers"], "followers": ["0", "12000", "1.5"],
            "share": ["3.5%", "100%", "0%"], "wait": ["45m", "1h30m", "n/a"], "channels": ["facebook, tiktok", "none"],
            "launched": ["2024-05-01"], "happy": ["yes", "no"],
        ]
        for round in 0..<300 {
            var s = AuditSession(organisation: text(&r), auditors: (0..<r.int(0...3)).map { _ in text(&r) },
                                 started: "2026-11-23T10:00:00Z", updated: "2026-11-23T10:0\(r.int(0...9)):00Z",
                                 checklists: [ChecklistStamp(set.checklist("mini")!)])
            for id in questions where r.chance(0.6) {
                let ref = QuestionRef(checklist: "mini", question: id)
                var entry = AnswerEntry()
                if r.chance(0.8) {
                    let typed = id == "note_me" ? text(&r, nonEmpty: true) : r.pick(samples[id]!)
                    guard case .success(let value) = set.question(ref)!.parse(typed) else { continue }
                    entry.text = value.displayText
                    entry.value = value
                    if r.chance(0.5) { entry.at = "2026-11-23T10:01:00Z" }
                } else {
                    entry.skipped = true
                }
                entry.notes = (0..<r.int(0...2)).map { _ in text(&r) }
                entry.evidence = (0..<r.int(0...2)).map { _ in text(&r) }
                if r.chance(0.2) { entry.estimated = text(&r) }
                if r.chance(0.2) { entry.measured = MeasuredValue(file: text(&r), metric: "inbox.response_rate", value: 0.5, at: "now", period: r.chance(0.5) ? text(&r) : nil) }
                s[ref] = entry
            }
            if r.chance(0.3) {
                var kept = AnswerEntry(text: text(&r, nonEmpty: true))
                kept.notes = [text(&r)]
                s.retired[QuestionRef(checklist: "mini", question: "gone_\(round)")] = RetiredAnswer(entry: kept, version: text(&r))
            }
            let first = SessionWriter.render(s, set: set)
            let result = read(first)
            let back = try #require(result.session, "round \(round): \(result.diagnostics.map(\.message))\n\(first)")
            #expect(back == s, "round \(round)\n\(first)")
            #expect(SessionWriter.render(back, set: set) == first, "round \(round)")
        }
    }

    /// A session file cut short anywhere (a full disk, a partial copy) is refused, never read
    /// as a session with fewer answers.
    @Test func everyTruncationOfASessionIsRefused() {
        var full = session(["priority": "engagement", "followers": "900", "share": "35%", "note_me": "hello"])
        full[QuestionRef(checklist: "mini", question: "happy")].notes = ["a note"]
        let text = SessionWriter.render(full, set: set)
        #expect(read(text).session != nil)
        let bytes = Array(text.utf8)
        var accepted: [Int] = []
        for length in 1..<bytes.count where read(String(decoding: bytes[0..<length], as: UTF8.self)).session != nil {
            accepted.append(length)
        }
        // Only the whole file minus (part of) its final line break reads.
        #expect(accepted.allSatisfy { $0 >= bytes.count - 1 }, "accepted prefixes: \(accepted)")
        let cut = read(String(decoding: bytes[0..<(bytes.count * 2 / 3)], as: UTF8.self))
        #expect(cut.diagnostics.contains { $0.message.hasPrefix("the session file looks cut short") })
        // Files of format 1 (before the end marker) still read.
        #expect(read("format: 1\nanswers:\n  mini:\n    followers: \"3\"\n").session != nil)
    }

    // MARK: Reading files (item 6, 13)

    func temporaryFolder() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("safety-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func invalidUTF8IsRefusedAtItsLineAndColumn() throws {
        let path = try temporaryFolder() + "/s.yaml"
        try Data([UInt8]("answers:\n  mini:\n    note_me: caf".utf8) + [0xE9] + Array(" x\n".utf8)).write(to: URL(fileURLWithPath: path))
        do {
            _ = try AtomicFile.read(path)
            Issue.record("invalid UTF-8 was read")
        } catch {
            #expect(error.diagnostic?.location == SourceLocation(file: path, line: 3, column: 17))
            #expect(error.description.contains("not valid UTF-8: byte 0xE9"))
        }
        // Well-formed multi-byte characters are fine; overlong forms and surrogates are not.
        #expect(AtomicFile.firstInvalidUTF8(Array("café 🎉".utf8)) == nil)
        #expect(AtomicFile.firstInvalidUTF8([0x41, 0xC0, 0xAF]) == 1)
        #expect(AtomicFile.firstInvalidUTF8([0x41, 0xED, 0xA0, 0x80]) == 1)
        #expect(AtomicFile.firstInvalidUTF8([0xF0, 0x9F, 0x8E]) == 0)
    }

    @Test func aFolderIsNamedAsAFolderNotAnEmptyFile() throws {
        let folder = try temporaryFolder()
        #expect(throws: FileReadError.self) { _ = try AtomicFile.read(folder) }
        do { _ = try AtomicFile.read(folder) } catch { #expect(error.description.hasSuffix("it is a folder, not a file")) }
    }

    // MARK: Writing files (items 8, 14)

    @Test func writesGoThroughSymbolicLinks() throws {
        let folder = try temporaryFolder()
        try FileManager.default.createDirectory(atPath: folder + "/real", withIntermediateDirectories: true)
        try "old\n".write(toFile: folder + "/real/s.yaml", atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: folder + "/link.yaml", withDestinationPath: "real/s.yaml")
        try AtomicFile.write("new\n", to: folder + "/link.yaml")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder + "/link.yaml") == "real/s.yaml")
        #expect(try String(contentsOfFile: folder + "/real/s.yaml", encoding: .utf8) == "new\n")
        // A dangling link: the file it names is created, the link stays.
        try FileManager.default.createSymbolicLink(atPath: folder + "/dangling.md", withDestinationPath: folder + "/real/report.md")
        #expect(!AtomicFile.exists(folder + "/dangling.md"))
        try AtomicFile.write("# report\n", to: folder + "/dangling.md")
        #expect(try String(contentsOfFile: folder + "/real/report.md", encoding: .utf8) == "# report\n")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder + "/dangling.md") == folder + "/real/report.md")
    }

    @Test func temporaryFilesOfDeadProcessesAreRemoved() throws {
        let folder = try temporaryFolder()
        let finished = Process()
        finished.executableURL = URL(fileURLWithPath: "/bin/true")
        try finished.run()
        finished.waitUntilExit()
        let dead = ".s.yaml.tmp-\(finished.processIdentifier)"
        let alive = ".s.yaml.tmp-\(getpid())"
        for name in [dead, alive, ".other.yaml.tmp-\(finished.processIdentifier)"] {
            try "x".write(toFile: folder + "/" + name, atomically: false, encoding: .utf8)
        }
        #expect(AtomicFile.removeStaleTemporaries(of: folder + "/s.yaml") == [dead])
        let left = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(left == [".other.yaml.tmp-\(finished.processIdentifier)", alive])
    }
}
