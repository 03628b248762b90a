import ArgumentParser
import AuditOptions
import AuditShell
import Foundation
import LineEditor
import Testing

/// The options of a test row; counts how often a line is parsed into it.
struct CountedArguments: ParsableArguments {
    /// How many values have been parsed (their `validate()` run), across the suite's one test.
    nonisolated(unsafe) static var parses = 0

    @Option var name: String
    @Flag var loud = false

    func validate() throws { Self.parses += 1 }
}

/// Issue 29, item 3: a row with a `ParsableArguments` type parses its line once, in the table,
/// and hands the value to the row; the row's declaration still checks the line first.
@Suite struct CommandArgumentsTests {
    let driver: ShellDriver

    init() throws {
        driver = try ShellDriver()
        try driver.installMini()
    }

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
