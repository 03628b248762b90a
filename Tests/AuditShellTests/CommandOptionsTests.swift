import ArgumentParser
import AuditOptions
import AuditShell
import Foundation
import LineEditor
import Testing

/// Commands declare their options in their row: the shell checks every line against them,
/// and `help` and Tab read them.
@Suite struct CommandOptionsTests {
    let driver: ShellDriver

    init() throws {
        driver = try ShellDriver()
        try driver.installMini()
    }

    /// Issue 18, item 1: `report --force out.md` writes out.md (it wrote the default file).
    @Test func reportWritesTheFileItIsGivenWhateverTheOrderOfItsOptions() throws {
        let out = try driver.write("old", to: "out.md")
        let json = driver.home.appendingPathComponent("a.json").path
        let run = driver.script("sales\n/report --force \(out)\n/report --format json -o \(json)\n", start: ShellDriver.miniAudit)
        #expect(run.status == 0, "\(run.errors)")
        #expect(try driver.read("out.md").hasPrefix("# Social media audit: Acme"))
        #expect(try driver.read("a.json").contains("\"schema\": \"smaudit-report/4\""))
    }

    /// The shell's `report` picks the format as the command line's does: `--format`, else the
    /// file's extension; the combinations no report satisfies are refused before any work.
    @Test func reportPicksTheFormatLikeTheCommandLine() throws {
        let page = driver.home.appendingPathComponent("page").path
        let run = driver.script("sales\n/report --format html -o \(page)\n/report a.md --browser /bin/true\n/report --format pdf -o -\n",
                                start: ShellDriver.miniAudit)
        #expect(try driver.read("page").hasPrefix("<!DOCTYPE html>"))
        let lines = run.errors.split(separator: "\n").map(String.init)
        #expect(lines == ["<stdin>:3: error: report: --browser is for --format pdf",
                          "<stdin>:4: error: report: a PDF cannot go to standard output; give -o FILE.pdf"], "\(run.errors)")
        #expect(!driver.exists("a.md"))
    }

    /// Issue 29, item 3: a missing required operand is reported from the command's row, with
    /// what it is and, where Tab has them, what it may be; no command guards it by hand.
    @Test func aMissingOperandIsReportedFromTheRow() {
        let run = driver.script("/show\n/compare\nsales\n/goto\n", start: ShellDriver.miniAudit)
        let lines = run.errors.split(separator: "\n").map(String.init)
        #expect(lines == [
            "<stdin>:1: error: show: missing CHECKLIST (the checklist's id, e.g. four-mistakes; one of: profile, seven-steps, four-mistakes, launch, mini); usage: show CHECKLIST",
            "<stdin>:2: error: compare: missing SESSION (an earlier session (by name or file) or answers file); usage: compare SESSION",
            "<stdin>:4: error: goto: missing ID (a question's id (`followers` or `four-mistakes.followers`; Tab lists them)); usage: goto ID",
        ], "\(run.errors)")
    }

    /// Issue 18, item 1: an unknown option, a missing value or a word too many is an error
    /// that names the command, never silently ignored.
    @Test func unknownOptionsMissingValuesAndStrayWordsAreErrorsNamingTheCommand() {
        let run = driver.script("sales\n/score --explain --bogus\n/report out.md --explain\n/report --format\n/score extra\n/report a.md -o b.md\n/report --format docx\n/measure\n",
                                start: ShellDriver.miniAudit)
        #expect(run.status == 1)
        let lines = run.errors.split(separator: "\n").map(String.init)
        #expect(lines.count == 7, "\(run.errors)")
        #expect(lines.first == "<stdin>:2: error: score: unknown option --bogus (score takes --explain)")
        #expect(lines.dropFirst(1).first == "<stdin>:3: error: report: unknown option --explain (report takes --output, --format, --browser, --baseline, --no-baseline, --sessions, --force, --brief, --paper)")
        #expect(lines.dropFirst(2).first == "<stdin>:4: error: report: --format needs a value (markdown|html|pdf|json)")
        #expect(lines.dropFirst(3).first == "<stdin>:5: error: score: unexpected `extra`; usage: score [--explain]")
        #expect(lines.dropFirst(4).first == "<stdin>:6: error: report: give the file once: FILE or -o FILE, not both")
        #expect(lines.dropFirst(5).first?.hasPrefix("<stdin>:7: error: report: the value 'docx' is invalid for '--format") == true, "\(lines)")
        #expect(lines.dropFirst(6).first == "<stdin>:8: error: measure: give at least one of --posts, --inbox, --followers, --traffic")
        #expect(!driver.exists("out.md"))
    }

    /// Issue 18, item 12: every command's `help NAME` shows each operand and option with its
    /// help, and an example.
    @Test func everyCommandsHelpShowsItsOptionsAndAnExample() {
        let shell = ShellFactory.make(configuration: ShellConfiguration(environment: driver.environment),
                                      checklistFolders: [], sessionPath: nil, output: RecordingOutput(columns: nil))
        for command in shell.commands.commands {
            let help = driver.script("help \(command.name)\n").output
            #expect(help.hasPrefix(command.synopsis + "\n  " + command.summary), "\(command.name): \(help)")
            #expect(help.contains(command.examples.count == 1 ? "\n  Example:\n    " : "\n  Examples:\n    "), "\(command.name)")
            for option in command.options { #expect(help.contains("\n  " + option.synopsis), "\(command.name): \(option.flag)") }
            for operand in command.operands { #expect(help.contains("\n  " + operand.name), "\(command.name): \(operand.name)") }
        }
        #expect(driver.script("report --help\n").output == driver.script("help report\n").output)
    }

    /// The shell's measure, report and score take exactly the options of the command line's,
    /// from one declaration: the command line's help lists every one the shell's row does.
    @Test func theSharedCommandsTakeTheCommandLinesOptions() {
        let shell = ShellFactory.make(configuration: ShellConfiguration(environment: driver.environment),
                                      checklistFolders: [], sessionPath: nil, output: RecordingOutput(columns: nil))
        let shared: [(String, [CommandOption], String)] = [
            ("measure", MeasureOptions.Spec.options, MeasureOptions.helpMessage()),
            ("report", ReportOptions.Spec.options, ReportOptions.helpMessage()),
            ("score", ScoreOptions.Spec.options, ScoreOptions.helpMessage()),
        ]
        for (name, options, help) in shared {
            #expect(shell.commands.command(named: name)?.options.map(\.flag) == options.map(\.flag), "\(name)")
            for option in options {
                #expect(help.contains(option.flag), "\(name): \(option.flag) is not an option of the parser")
                #expect(help.contains(String(option.help.prefix(30))), "\(name): \(option.flag)'s help differs")
            }
        }
    }

    @Test func tabCompletesOptionsTheirValuesAndOperands() {
        let shell = ShellFactory.make(configuration: ShellConfiguration(environment: driver.environment),
                                      checklistFolders: [], sessionPath: nil, output: RecordingOutput(columns: nil))
        #expect(shell.completions(for: "report --fo").candidates == ["--format", "--force"])
        #expect(shell.completions(for: "report --format ").candidates == ["markdown", "html", "pdf", "json"])
        #expect(shell.completions(for: "score --").candidates == ["--explain"])
        #expect(shell.completions(for: "measure --in").candidates == ["--inbox"])
        #expect(shell.completions(for: "help rep").candidates == ["report"])
        #expect(shell.completions(for: "audit four-mistakes mi").candidates == ["mini"])
        #expect(shell.completions(for: "goto ").candidates.isEmpty)
    }

    /// Issue 18, item 10: `list` says where each checklist comes from.
    @Test func listSaysWhereEachChecklistComesFrom() {
        let output = driver.script("list\n").output
        let rows = output.split(separator: "\n").map(String.init)
        #expect(rows.first?.hasSuffix("  from") == true)
        #expect(rows.first { $0.hasPrefix("four-mistakes ") }?.hasSuffix("  built-in") == true)
        #expect(rows.first { $0.hasPrefix("mini ") }?.hasSuffix("  " + driver.home.path + "/config/smaudit/checklists/mini.yaml") == true, "\(output)")
    }

    /// Issue 29, item 3: a row with a `ParsableArguments` type parses its line once, in the
    /// table, and hands the value to the row; the row's declaration still checks the line first.
    @Test func aRowWithAnArgumentsTypeParsesItsLineOnce() {
        let output = RecordingOutput(columns: nil)
        let shell = ShellFactory.make(configuration: ShellConfiguration(environment: driver.environment),
                                      checklistFolders: [], sessionPath: nil, output: output)
        var received: [(String, Bool)] = []
        shell.commands.add(ShellCommand(name: "count", arguments: CountedArguments.self,
                                        options: [CommandOption("name", value: .text("NAME"), help: "A name."),
                                                  CommandOption("loud", help: "Loudly.")],
                                        summary: "Counts its parses", examples: ["count --name x"]) { _, arguments in
            received.append((arguments.name, arguments.loud))
            return .continue
        })
        CountedArguments.parses = 0
        shell.execute("count --loud --name x")
        #expect(CountedArguments.parses == 1)
        #expect(received.map(\.0) == ["x"] && received.map(\.1) == [true])
        // A line the row's declaration refuses is not parsed at all.
        shell.execute("count --name")
        shell.execute("count --nmae x")
        #expect(CountedArguments.parses == 1)
        #expect(output.standardError.split(separator: "\n") == [
            "<stdin>:0: error: count: --name needs a value (NAME)",
            "<stdin>:0: error: count: unknown option --nmae (count takes --name, --loud; did you mean --name?)",
        ], "\(output.standardError)")
    }

    /// The table enforces its declaration: every row that declares options has the type they are
    /// parsed into, and that type takes each of them.
    @Test func everyRowWithOptionsParsesThemWithItsType() {
        let shell = ShellFactory.make(configuration: ShellConfiguration(environment: driver.environment),
                                      checklistFolders: [], sessionPath: nil, output: RecordingOutput(columns: nil))
        for command in shell.commands.commands where !command.options.isEmpty {
            guard let arguments = command.arguments else {
                Issue.record("\(command.name) declares options but no type to parse them into")
                continue
            }
            let help = arguments.helpMessage(columns: 1000)
            for option in command.options {
                #expect(help.contains(option.flag), "\(command.name): \(option.flag) is not an option of \(arguments)")
            }
        }
    }

    /// `report FILE.pdf --browser PATH`: the options are checked once, against FILE, as the
    /// command line checks them against -o (they were also checked without FILE, which refused
    /// --browser as if the report were Markdown).
    @Test func reportChecksItsOptionsAgainstTheFileGiven() throws {
        let run = driver.script("sales\n/report out.pdf --browser /nonexistent/chromium\n", start: ShellDriver.miniAudit)
        #expect(!run.errors.contains("--browser is for --format pdf"), "\(run.errors)")
        #expect(run.errors.contains("/nonexistent/chromium"), "\(run.errors)")
        #expect(!driver.exists("out.pdf"))
    }
}

/// The options of a test row; counts how often a line is parsed into it.
struct CountedArguments: ParsableArguments {
    /// How many values have been parsed (their `validate()` run); only one test parses it.
    nonisolated(unsafe) static var parses = 0

    @Option var name: String
    @Flag var loud = false

    func validate() throws { Self.parses += 1 }
}
