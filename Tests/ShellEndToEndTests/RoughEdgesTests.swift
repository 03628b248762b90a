import Foundation
import Testing
import TestSupport

/// Issue 18: the rough edges a new user hit, each through the real binary (piped or on a
/// pseudo-terminal). The in-process AuditShellTests check the same conversation step by step.
@Suite struct RoughEdgesTests {
    let smaudit: Smaudit

    init() throws {
        smaudit = try Smaudit()
        try smaudit.installMiniChecklist()
    }

    let start = ["audit", "mini", "--organisation", "Acme", "--auditors", "Dana"]
    let now = ["SMAUDIT_NOW": "2026-11-23T10:00:00Z"]

    /// Item 1: `report --force out.md` writes out.md; options nobody takes are errors.
    @Test func reportWritesTheNamedFileAndUnknownOptionsAreErrors() throws {
        let out = try smaudit.write("old", to: "out.md")
        let result = try smaudit.run(start, input: "sales\n/report --force \(out)\n/score --explain --bogus\n/report out.md --explain\n",
                                     environment: now, currentDirectory: smaudit.home)
        #expect(try smaudit.read("out.md").hasPrefix("# Social media audit: Acme"))
        #expect(!FileManager.default.fileExists(atPath: smaudit.home.appendingPathComponent("acme-2026-11-23.md").path))
        #expect(result.status == 1)
        #expect(result.stderr.contains("<stdin>:3: error: score: unknown option --bogus"), "\(result.stderr)")
        #expect(result.stderr.contains("<stdin>:4: error: report: unknown option --explain"), "\(result.stderr)")
    }

    /// Items 2 and 3: an apostrophe is text, and a note goes to the answer it follows.
    @Test func aNoteWithAnApostropheGoesToTheAnswerItFollows() throws {
        let result = try smaudit.run(start, input: "sales\n/note the flagship shop's Instagram\n/notes\n", environment: now)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Noted on mini.top_priority (just answered) as note 1"), "\(result.stdout)")
        #expect(result.stdout.contains("1  mini.top_priority  the flagship shop's Instagram"))
        let saved = try smaudit.read("data/smaudit/sessions/acme-2026-11-23.yaml")
        #expect(saved.contains("top_priority:\n      answer: \"sales\"\n      at: \"2026-11-23T10:00:00Z\"\n      notes: [\"the flagship shop's Instagram\"]"), "\(saved)")
        let removed = try smaudit.run(["audit", "--session", smaudit.home.appendingPathComponent("data/smaudit/sessions/acme-2026-11-23.yaml").path],
                                      input: "/unnote 1\n")
        #expect(removed.status == 0, "\(removed.stderr)")
        #expect(!(try smaudit.read("data/smaudit/sessions/acme-2026-11-23.yaml")).contains("notes:"))
    }

    /// Item 4: `printf 'audit four-mistakes\n' | smaudit` fails at line 1 instead of exiting 0
    /// having done nothing.
    @Test func aPromptAScriptCannotAnswerIsAnErrorOfItsLine() throws {
        let result = try smaudit.run(input: "audit four-mistakes\n")
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("<stdin>:1: error: audit: the input ended before the organisation was given"), "\(result.stderr)")
    }

    /// Item 5: Ctrl-C at the organisation prompt cancels the audit; Ctrl-D in the middle of one
    /// says where it is saved and that `resume` continues it.
    @Test func ctrlCCancelsTheSetUpAndCtrlDSaysWhereTheAuditIs() throws {
        let shell = try smaudit.launch(environment: now)
        var at = try shell.waitFor("smaudit> ")
        shell.sendLine("audit mini")
        at = try shell.waitFor("Organisation: ", after: at)
        shell.send(Key.ctrlC)
        at = try shell.waitFor("Cancelled: no audit was started.", after: at)
        at = try shell.waitFor("smaudit> ", after: at)
        shell.sendLine("audit mini")
        at = try shell.waitFor("Organisation: ", after: at)
        shell.sendLine("Acme")
        at = try shell.waitFor("Auditors, separated by commas: ", after: at)
        shell.sendLine("Dana")
        at = try shell.waitFor("smaudit [mini 1/3]> ", after: at)
        shell.send(Key.ctrlD)
        let path = smaudit.home.appendingPathComponent("data/smaudit/sessions/acme-2026-11-23.yaml").path
        try shell.waitFor("The audit is saved in \(path); `resume` continues it.", after: at)
        #expect(try shell.waitForExit() == 0)
    }

    /// Item 6: `back` typed as an answer points to `/back`; `/help` lists commands with `/`.
    @Test func aCommandWithoutItsSlashIsPointedOut() throws {
        let shell = try smaudit.launch(start)
        var at = try shell.waitFor("smaudit [mini 1/3]> ")
        shell.sendLine("sales")
        at = try shell.waitFor("smaudit [mini 2/3]> ", after: at)
        shell.sendLine("back")
        at = try shell.waitFor("to run the command `back`, type /back", after: at)
        shell.sendLine("/help")
        at = try shell.waitFor("/goto ID ", after: at)
        try shell.waitFor("smaudit [mini 2/3]> ", after: at)
    }

    /// Item 8: at 60 columns `help` breaks lines between words, under the description column.
    @Test func helpFitsANarrowTerminal() throws {
        let shell = try smaudit.launch(columns: 60)
        let ready = try shell.waitFor("smaudit> ")
        shell.sendLine("help")
        let end = try shell.waitFor("smaudit> ", after: ready)
        let text = String(shell.output.dropFirst(ready).prefix(end - ready))
        let lines = text.split(separator: "\n").dropFirst().dropLast().map(String.init)
        #expect(lines.count > 20)
        #expect(lines.allSatisfy { $0.count <= 60 }, "\(lines.filter { $0.count > 60 })")
        // Broken between words only: the same words as the help of a pipe, which is not wrapped.
        let piped = try smaudit.run(input: "help\n").stdout
        #expect(lines.joined(separator: " ").split(separator: " ") == piped.split(whereSeparator: \.isWhitespace))
        #expect(text.contains("\nhelp [COMMAND]            List the commands, or explain one\n                          with its options"), "\(text)")
    }

    /// Item 10: one prefix for every error, `--fail-under 150` a usage error, `--version` as
    /// `version`, and `list` says where each checklist comes from.
    @Test func oneErrorConventionAndAListThatSaysWhereChecklistsComeFrom() throws {
        let show = try smaudit.run(["show", "nope"])
        #expect(show.status == 1)
        #expect(show.stderr.hasPrefix("smaudit: error: no checklist `nope`."), "\(show.stderr)")
        let usage = try smaudit.run(["report", "x.yaml", "--fail-under", "150"])
        #expect(usage.status == 2)
        #expect(usage.stderr.hasPrefix("smaudit: error: --fail-under takes a score from 0 to 100, not 150"), "\(usage.stderr)")
        let unknown = try smaudit.run(["--no-such-option"])
        #expect(unknown.stderr.hasPrefix("smaudit: error: Unknown option '--no-such-option'"), "\(unknown.stderr)")
        #expect(try smaudit.run(["--version"]).stdout == (try smaudit.run(input: "version\n")).stdout)
        let list = try smaudit.run(["list"])
        #expect(list.stdout.contains("  built-in\n"))
        #expect(list.stdout.contains("  " + smaudit.home.appendingPathComponent("config/smaudit/checklists/mini.yaml").path + "\n"), "\(list.stdout)")
    }

    /// Item 11: the shell's `measure` lists the busiest responders and says how to see all.
    @Test func theShellsMeasureListsTheBusiestResponders() throws {
        var csv = "id,from,inbound,time,in_reply_to\n"
        for i in 1...9 { csv += "\(i),customer\(i),true,2026-01-01 10:0\(i),\n\(i + 100),agent\(i),false,2026-01-01 11:0\(i),\(i)\n" }
        let inbox = try smaudit.write(csv, to: "inbox.csv")
        let result = try smaudit.run(input: "measure --inbox \(inbox)\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.components(separatedBy: "responder agent").count - 1 == 5, "\(result.stdout)")
        #expect(result.stdout.contains("… and 4 more responders (type the same `measure` with --all to list them all"))
    }

    /// Item 12: `help report` shows its options and an example; so does every command's help.
    @Test func helpOfACommandShowsItsOptionsAndAnExample() throws {
        let help = try smaudit.run(input: "help report\nhelp goto\n").stdout
        for option in ["-o, --output FILE", "--format markdown|html|pdf|json", "--browser PATH", "--baseline EARLIER", "--force"] {
            #expect(help.contains("\n  " + option), "\(option): \(help)")
        }
        #expect(help.contains("Examples:\n    report\n    report acme-q4.html\n    report acme-q4.md --force"))
        #expect(help.contains("Example:\n    goto response_time"))
    }

    /// The end of an audit names the problems the report's summary names (themes, by severity
    /// and then gain), not single rules: two failed rules of one theme are one problem, headed
    /// by the theme's problem, with the theme's gain.
    @Test func theEndOfAnAuditNamesTheReportsProblems() throws {
        try smaudit.write("""
        id: themed
        title: Themed
        version: 1.0.0
        themes:
          - {id: inbox, title: Requests answered, problem: Customer requests go unanswered}
        sections:
          - id: s
            title: S
            questions:
              - {id: owner, prompt: Does someone own the inbox?, type: yesno}
              - {id: replied, prompt: Is every request answered?, type: yesno}
              - {id: voice, prompt: Is the voice written down?, type: yesno}
        rules:
          - {id: inbox-owner, title: The inbox has an owner, theme: inbox, severity: high, check: owner}
          - {id: all-answered, title: Requests are answered, theme: inbox, severity: critical, check: replied}
          - {id: voice-written, title: The voice is written down, problem: The voice is not written down, severity: low, check: voice}

        """, to: "config/smaudit/checklists/themed.yaml")
        let result = try smaudit.run(["audit", "themed", "--organisation", "Acme", "--auditors", "Dana"], input: "no\nno\nno\n")
        #expect(result.status == 0, "\(result.stderr)")
        // The theme is one problem charged once: it weighs 8 (its most) and the voice 1, none
        // passed: fixing the theme gives 8 / 9 = 88.9 points, the voice 1 / 9 = 11.1.
        #expect(result.stdout.contains("The most important problems, as the report names them:"), "\(result.stdout)")
        #expect(result.stdout.contains("  1. [critical] Customer requests go unanswered (fix: +88.9)"), "\(result.stdout)")
        #expect(result.stdout.contains("  2. [low] The voice is not written down (fix: +11.1)"), "\(result.stdout)")
        #expect(!result.stdout.contains("themed.inbox-owner"), "\(result.stdout)")
    }

    /// Found by a consultant's trial: `measure` named a folder as strerror does, and its help
    /// gave the window's default twice (once from the parser, as 10.0).
    @Test func measureSaysFolderAndGivesEachDefaultOnce() throws {
        let folder = smaudit.home.appendingPathComponent("exports").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let result = try smaudit.run(["measure", "--posts", folder])
        #expect(result.status == 1)
        #expect(result.stderr.contains("exports: cannot read: it is a folder, not a file"), "\(result.stderr)")
        let help = try smaudit.run(["measure", "--help"]).stdout
        #expect(help.contains("(default 10)"))
        #expect(!help.contains("(default: 10.0)"), "\(help)")
    }

    /// `sessions` words a provisional band as `score` does (the bands it could still take),
    /// not "at risk (provisional)" beside a `score` saying "at risk to developing".
    @Test func sessionsWordsTheBandAsScoreDoes() throws {
        let first = try smaudit.run(start, input: "growing followers\n/quit\n", environment: ["SMAUDIT_NOW": "2026-11-23T10:00:00Z"])
        #expect(first.status == 0, "\(first.stderr)")
        let list = try smaudit.run([], input: "sessions\nresume acme-2026-11-23\n/score\n")
        #expect(list.stdout.contains("0.0 at risk to developing (provisional)"), "\(list.stdout)")
        #expect(list.stdout.contains("Provisional score 0.0 (at risk to developing)"), "\(list.stdout)")
    }
}
