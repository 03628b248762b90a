import AuditShell
import Foundation
import Testing

/// Notes and evidence: typed as they are, attached where the team means them, listed and removable.
@Suite struct NotesTests {
    let driver: ShellDriver

    init() throws {
        driver = try ShellDriver()
        try driver.installMini()
    }

    /// Issue 18, item 2: one apostrophe no longer makes the note an unclosed quote; the rest of
    /// the line is stored as typed.
    @Test func aNoteWithAnApostropheIsKeptAsTyped() throws {
        let run = driver.script(#"sales"# + "\n" + #"/note the flagship shop's Instagram"# + "\n" + #"/evidence Sam's "screenshot" \ in the drive"# + "\n",
                                start: ShellDriver.miniAudit)
        #expect(run.status == 0, "\(run.errors)")
        let saved = try driver.read(ShellDriver.acmeSession)
        #expect(saved.contains(#"notes: ["the flagship shop's Instagram"]"#), "\(saved)")
        #expect(saved.contains(#"evidence: ["Sam's \"screenshot\" \\ in the drive"]"#), "\(saved)")
    }

    /// Issue 18, item 3: a note right after an answer goes to that answer; smaudit says where a
    /// note goes before (with the answer) and after it is stored.
    @Test func aNoteRightAfterAnAnswerGoesToTheQuestionJustAnswered() throws {
        let run = driver.script("sales\n/note asked Sam\n", start: ShellDriver.miniAudit)
        #expect(run.output.contains("Answered mini.top_priority: sales. A /note now goes to it."))
        #expect(run.output.contains("Noted on mini.top_priority (just answered) as note 1; `unnote 1` removes it."))
        #expect(try driver.read(ShellDriver.acmeSession).contains("top_priority:\n      answer: \"sales\"\n"))
        // Once the team moves, the question waiting is the target.
        let moved = try ShellDriver()
        try moved.installMini()
        let back = moved.script("sales\n900\n/back\n/note about the count\n", start: ShellDriver.miniAudit)
        #expect(back.output.contains("Noted on mini.followers (the question waiting) as note 1"), "\(back.output)")
    }

    @Test func noteWithAnIDGoesToThatQuestion() {
        let run = driver.script("sales\n/note answers_on_social weekends are slower\n/note mini.followers from the May export\n",
                                start: ShellDriver.miniAudit)
        #expect(run.output.contains("Noted on mini.answers_on_social as note 1"), "\(run.output)")
        #expect(run.output.contains("Noted on mini.followers as note 1"), "\(run.output)")
    }

    /// Issue 18, item 3: `notes` lists notes and evidence, numbered; `unnote N` and
    /// `unevidence N` remove one.
    @Test func notesListsThemAndUnnoteAndUnevidenceRemoveThem() throws {
        let run = driver.script("sales\n/note first\n/note second\n/evidence https://example.com/x\n/notes\n/unnote 1\n/unevidence 1\n/unnote 5\n/notes\n",
                                start: ShellDriver.miniAudit)
        #expect(run.output.contains("Notes (`unnote N` removes one):\n  1  mini.top_priority  first\n  2  mini.top_priority  second\n"), "\(run.output)")
        #expect(run.output.contains("Evidence (`unevidence N` removes one):\n  1  mini.top_priority  https://example.com/x\n"))
        #expect(run.output.contains("Removed note 1 from mini.top_priority: “first”."))
        #expect(run.output.contains("Removed evidence 1 from mini.top_priority: “https://example.com/x”."))
        #expect(run.errors == "<stdin>:8: error: there is no note 5: `notes` numbers them from 1 to 1\n")
        #expect(run.output.hasSuffix("Notes (`unnote N` removes one):\n  1  mini.top_priority  second\n`note TEXT` now goes to mini.top_priority (just answered); `note ID TEXT` to another question.\n"), "\(run.output)")
        let saved = try driver.read(ShellDriver.acmeSession)
        #expect(saved.contains(#"notes: ["second"]"#) && !saved.contains("evidence:"), "\(saved)")
    }
}
