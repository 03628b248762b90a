import Foundation
import Testing
import TestSupport

/// Issue 14: text from sessions, checklists and exports reaches the screen shown, not obeyed.
@Suite struct HostileTerminalTests {
    let smaudit: Smaudit

    init() throws {
        smaudit = try Smaudit()
        try smaudit.installMiniChecklist()
    }

    /// What a terminal must never receive from a file: clear screen, OSC 52 (clipboard),
    /// OSC 0 (window title), a C1 CSI, a bidirectional override.
    static let attacks = ["\u{1B}[2J", "\u{1B}]52;c;", "\u{1B}]0;", "\u{9B}", "\u{202E}"]

    func expectNothingObeyed(_ output: String, _ context: String) {
        for attack in Self.attacks {
            #expect(!output.contains(attack), "\(context): \(attack.debugDescription) reached the terminal")
        }
    }

    /// YAML's double-quoted escapes let a session or checklist file carry any control character.
    static let hostile = #"Acme\e[2J\e]52;c;aGk=\a\e]0;pwned\a\b\b\r\u009B31m\u202Etxt"#

    @Test func sessionTextIsShownNotObeyed() throws {
        let path = try smaudit.write("""
        organisation: "\(Self.hostile)"
        answers:
          mini:
            top_priority: sales
            followers: {answer: "900", notes: ["\(Self.hostile)"]}

        """, to: "hostile.yaml")
        let shell = try smaudit.launch(["audit", "--session", path])
        var at = try shell.waitFor("smaudit [mini 3/3]> ")
        shell.sendLine("/status")
        at = try shell.waitFor("unanswered.", after: at)
        shell.sendLine("/review")
        at = try shell.waitFor("mini.followers", after: at)
        shell.send(Key.ctrlD)
        _ = try shell.waitForExit()
        expectNothingObeyed(shell.rawOutput, "resume, status, review")
        #expect(shell.output.contains(#"Resumed Acme\e[2J\e]52;c;aGk=\a\e]0;pwned\a\b\b\r\u{009B}31m\u{202E}txt (mini)"#), "\(shell.output)")
    }

    @Test func checklistTextIsShownNotObeyed() throws {
        try smaudit.installMiniChecklist(miniChecklist
            .replacingOccurrences(of: "prompt: How many followers do you have?", with: "prompt: \"Followers?\(Self.hostile)\"")
            .replacingOccurrences(of: "title: Relationships before reach", with: "title: \"Reach\(Self.hostile)\"")
            .replacingOccurrences(of: "choices: [growing followers, engagement with followers, sales]",
                                  with: "choices: [growing followers, engagement with followers, \"sales\(Self.hostile)\"]")
            .replacingOccurrences(of: "default: engagement with followers", with: "default: \"sales\(Self.hostile)\""))
        let show = try smaudit.run(["show", "mini"])
        #expect(show.status == 0, "\(show.stderr)")
        expectNothingObeyed(show.stdout, "show")
        #expect(show.stdout.contains(#"Followers?Acme\e[2J"#))

        let shell = try smaudit.launch(["audit", "mini", "--organisation", "Acme", "--auditors", "Dana"])
        let at = try shell.waitFor("smaudit [mini 1/3]> ")
        #expect(shell.output.contains(#"(salesAcme\e[2J"#), "the default in brackets: \(shell.output)")
        shell.sendLine("")
        try shell.waitFor("smaudit [mini 2/3]> ", after: at)
        shell.sendLine("/findings")
        shell.sendLine("/quit")
        _ = try shell.waitForExit()
        expectNothingObeyed(shell.rawOutput, "audit prompts and defaults")
    }

    @Test func exportCellsAreShownNotObeyed() throws {
        let inbox = try smaudit.write("""
        id,from,inbound,time,in_reply_to
        1,alice,true,2026-01-01 10:00,
        2,"\u{1B}]52;c;aGk=\u{07}Brand\u{1B}[2J",false,2026-01-01 10:30,1

        """, to: "inbox.csv")
        let result = try smaudit.run(["measure", "--inbox", inbox])
        #expect(result.status == 0, "\(result.stderr)")
        expectNothingObeyed(result.stdout + result.stderr, "measure table")
        #expect(result.stdout.contains(#"\e]52;c;aGk=\aBrand\e[2J"#), "\(result.stdout)")
        // JSON keeps the exact text, escaped as JSON.
        let json = try smaudit.run(["measure", "--inbox", inbox, "--json"])
        expectNothingObeyed(json.stdout, "measure --json")
        #expect(json.stdout.contains(#"\u001b]52;c;aGk=\u0007Brand\u001b[2J"#), "\(json.stdout)")
    }

    /// Item 9: another program's history file is kept aside, not replaced without a word.
    @Test func aForeignHistoryFileIsKeptAside() throws {
        let foreign = "ls -la\ncd /tmp\n"
        try smaudit.write(foreign, to: "state/smaudit/history")
        // Wide enough for the warning with its two long paths on one line.
        let shell = try smaudit.launch(columns: 400)
        let ready = try shell.waitFor("smaudit> ")
        #expect(shell.output.contains("warning: the history file \(smaudit.historyFile.path) is not in smaudit's format; it is kept as \(smaudit.historyFile.path).orig"))
        shell.sendLine("version")
        try shell.waitFor("smaudit> ", after: ready)
        shell.send(Key.ctrlD)
        _ = try shell.waitForExit()
        #expect(try smaudit.read("state/smaudit/history.orig") == foreign)
        #expect(try smaudit.read("state/smaudit/history").hasPrefix("_HiStOrY_V2_"))
        // Once only: smaudit's own file raises no warning next time.
        let again = try smaudit.launch()
        try again.waitFor("smaudit> ")
        #expect(!again.output.contains("not in smaudit's format"))
    }

    /// Item 10: `run` says how it read a bare fraction, at the value's place in the file.
    @Test func runSaysHowItReadABareFraction() throws {
        let path = try smaudit.write("organisation: Acme\nanswers:\n  four-mistakes:\n    response_rate: 1\n", to: "a.yaml")
        let result = try smaudit.run(["run", "--answers", path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("\(path):4:20: warning: the answer to `four-mistakes.response_rate` is read as 100%: a bare number of 1 or less is a fraction; type 1% for 1 per cent"), "\(result.stderr)")
    }
}
