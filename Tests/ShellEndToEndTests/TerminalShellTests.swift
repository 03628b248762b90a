#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing
import TestSupport

/// The shell driven through a real pseudo-terminal: real libedit, real keys.
@Suite struct TerminalShellTests {
    let smaudit: Smaudit

    init() throws { smaudit = try Smaudit() }

    @Test func bannerAndPromptAppear() throws {
        let shell = try smaudit.launch()
        try shell.waitFor("Type help for commands")
        try shell.waitFor("smaudit> ")
        shell.send(Key.ctrlD)
        #expect(try shell.waitForExit() == 0)
    }

    @Test func helpListsTheCommands() throws {
        let shell = try smaudit.launch()
        let ready = try shell.waitFor("smaudit> ")
        shell.sendLine("help")
        let listed = try shell.waitFor("quit", after: ready)
        try shell.waitFor("smaudit> ", after: listed)
        #expect(shell.output.contains("help [COMMAND]"))
        #expect(shell.output.contains("List the commands, or explain one"))
        #expect(shell.output.contains("version "))
    }

    @Test func tabCompletesACommandName() throws {
        let shell = try smaudit.launch()
        let ready = try shell.waitFor("smaudit> ")
        shell.send("he" + Key.tab)
        let completed = try shell.waitFor("smaudit> help", after: ready - 9)
        shell.send(Key.enter)
        try shell.waitFor("List the commands", after: completed)
    }

    @Test func tabListsSeveralCandidatesBelowTheLine() throws {
        let shell = try smaudit.launch()
        let ready = try shell.waitFor("smaudit> ")
        // "e" is only the start of "exit"; an empty word lists every command.
        shell.send(Key.tab)
        let listed = try shell.waitFor("version", after: ready)
        // The list is drawn by columns, row by row: wait for the prompt under it, not for one
        // name (under load the check ran before the later rows were drawn).
        try shell.waitFor("smaudit> ", after: listed)
        #expect(shell.output.dropFirst(ready).contains("exit"))
        #expect(shell.output.dropFirst(ready).contains("quit"))
    }

    @Test func historyTypedInOneRunIsRecalledWithUpInTheNext() throws {
        let first = try smaudit.launch()
        try first.waitFor("smaudit> ")
        first.sendLine("version")
        try first.waitFor("smaudit 0.1.0\n")
        first.send(Key.ctrlD)
        #expect(try first.waitForExit() == 0)
        #expect(try String(contentsOf: smaudit.historyFile, encoding: .utf8).contains("version"))

        let second = try smaudit.launch()
        let ready = try second.waitFor("smaudit> ")
        second.send(Key.up)
        let recalled = try second.waitFor("version", after: ready)
        second.send(Key.enter)
        try second.waitFor("smaudit 0.1.0\n", after: recalled)
    }

    @Test func ctrlCDiscardsTheHalfTypedLineAndKeepsRunning() throws {
        let shell = try smaudit.launch()
        let ready = try shell.waitFor("smaudit> ")
        shell.send("half typed")
        try shell.waitFor("half typed", after: ready)
        shell.send(Key.ctrlC)
        let next = try shell.waitFor("smaudit> ", after: ready + 5)
        shell.sendLine("version")
        try shell.waitFor("smaudit 0.1.0\n", after: next)
        #expect(!shell.output.contains("unknown command"))
        shell.send(Key.ctrlD)
        #expect(try shell.waitForExit() == 0)
        #expect(!(try String(contentsOf: smaudit.historyFile, encoding: .utf8)).contains("half"))
    }

    @Test func ctrlDExitsWithZeroAndWritesHistory() throws {
        let shell = try smaudit.launch()
        try shell.waitFor("smaudit> ")
        shell.sendLine("help version")
        try shell.waitFor("Show the smaudit version")
        shell.send(Key.ctrlD)
        #expect(try shell.waitForExit() == 0)
        let history = try String(contentsOf: smaudit.historyFile, encoding: .utf8)
        #expect(history.contains("help"))
    }

    @Test func accentsAndEmojiArriveIntact() throws {
        let shell = try smaudit.launch()
        let ready = try shell.waitFor("smaudit> ")
        shell.sendLine("café🎉 plan")
        try shell.waitFor("unknown command `café🎉`", after: ready)
        shell.send(Key.ctrlD)
        _ = try shell.waitForExit()
        #expect(try String(contentsOf: smaudit.historyFile, encoding: .utf8).contains("café🎉"))
    }

    @Test func ctrlRFindsAnEarlierCommand() throws {
        let shell = try smaudit.launch()
        var offset = try shell.waitFor("smaudit> ")
        shell.sendLine("help quit")
        offset = try shell.waitFor("smaudit> ", after: offset)
        shell.sendLine("version")
        offset = try shell.waitFor("smaudit> ", after: offset)
        // libedit draws the search as `bck:qui` beside the match with cursor moves, so each key
        // is sent once the previous one shows: `q` brings up the match, `u` and `i` echo alone.
        shell.send(Key.ctrlR)
        offset = try shell.waitFor("bck:", after: offset)
        shell.send("q")
        offset = try shell.waitFor("help", after: offset)
        for key in ["u", "i"] {
            shell.send(key)
            offset = try shell.waitFor(key, after: offset)
        }
        shell.send(Key.enter)
        try shell.waitFor("Leave smaudit", after: offset)
    }

    @Test func sigtermSavesHistoryAndExits() throws {
        let shell = try smaudit.launch()
        let ready = try shell.waitFor("smaudit> ")
        shell.sendLine("version")
        try shell.waitFor("smaudit> ", after: ready)
        shell.signal(SIGTERM)
        #expect(try shell.waitForExit() == 128 + SIGTERM)
        #expect(try String(contentsOf: smaudit.historyFile, encoding: .utf8).contains("version"))
        #expect(shell.isCookedWithEcho)
    }

    /// SIGQUIT (Ctrl-\\ or `kill -QUIT`) ends smaudit as SIGTERM does, with the terminal back
    /// in its normal mode, not left raw by a core dump.
    @Test func sigquitRestoresTheTerminal() throws {
        let shell = try smaudit.launch()
        let ready = try shell.waitFor("smaudit> ")
        shell.sendLine("version")
        try shell.waitFor("smaudit> ", after: ready)
        #expect(!shell.isCookedWithEcho)
        shell.signal(SIGQUIT)
        #expect(try shell.waitForExit() == 128 + SIGQUIT)
        #expect(shell.isCookedWithEcho)
        #expect(try String(contentsOf: smaudit.historyFile, encoding: .utf8).contains("version"))
    }

    @Test func aResizedTerminalKeepsEditing() throws {
        let shell = try smaudit.launch(columns: 100)
        let ready = try shell.waitFor("smaudit> ")
        shell.send("vers")
        try shell.waitFor("vers", after: ready)
        shell.resize(columns: 30, rows: 10)
        shell.signal(SIGWINCH)
        shell.send("ion" + Key.enter)
        try shell.waitFor("smaudit 0.1.0\n", after: ready)
    }

    @Test func historyCanBeDisabledWithDevNull() throws {
        let shell = try smaudit.launch(environment: ["SMAUDIT_HISTORY": "/dev/null"])
        try shell.waitFor("smaudit> ")
        shell.sendLine("version")
        try shell.waitFor("smaudit 0.1.0\n")
        shell.send(Key.ctrlD)
        #expect(try shell.waitForExit() == 0)
        #expect(!FileManager.default.fileExists(atPath: smaudit.historyFile.path))
    }

    @Test func thePromptIsColouredOnlyWhenColourIsAllowed() throws {
        var environment = smaudit.environment()
        environment.removeValue(forKey: "NO_COLOR")
        let colored = try PseudoTerminalProcess(executable: Smaudit.executable, environment: environment)
        try colored.waitFor("smaudit> ")
        #expect(colored.rawOutput.contains("\u{1B}[1;32msmaudit"))

        let plain = try smaudit.launch()
        try plain.waitFor("smaudit> ")
        #expect(!plain.rawOutput.contains("\u{1B}[1;32m"))
    }
}
