#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing
import TestSupport

/// The shell with piped standard input: no banner, no prompts, errors with line numbers.
@Suite struct ScriptModeTests {
    let smaudit: Smaudit

    init() throws { smaudit = try Smaudit() }

    @Test func pipedInputPrintsNoBannerOrPrompt() throws {
        let result = try smaudit.run(input: "version\n")
        #expect(result.status == 0)
        #expect(result.stdout == "smaudit 0.1.0\n")
        #expect(result.stderr == "")
    }

    @Test func anUnknownCommandOnLineTwoIsReportedWithItsLineAndExitsOne() throws {
        let result = try smaudit.run(input: "version\nhlep\nversion\n")
        #expect(result.status == 1)
        #expect(result.stderr == "<stdin>:2: error: unknown command `hlep`; did you mean `help`? Type `help` for the list of commands.\n")
        #expect(result.stdout == "smaudit 0.1.0\nsmaudit 0.1.0\n")
    }

    @Test func bailStopsAtTheFirstError() throws {
        let result = try smaudit.run(["--bail"], input: "version\nhlep\nversion\n")
        #expect(result.status == 1)
        #expect(result.stdout == "smaudit 0.1.0\n")
    }

    /// Descriptions start in one narrow column; the long `measure` synopsis gets its own line
    /// instead of pushing every description to the right.
    @Test func helpKeepsDescriptionsInANarrowColumn() throws {
        let lines = try smaudit.run(input: "help\n").stdout.split(separator: "\n").map(String.init)
        let version = try #require(lines.first { $0.hasPrefix("version ") })
        let column = version.distance(from: version.startIndex, to: try #require(version.range(of: "Show the smaudit version")).lowerBound)
        #expect(column <= 30)
        let measure = try #require(lines.firstIndex { $0.hasPrefix("measure --posts") })
        #expect(lines[measure + 1] == String(repeating: " ", count: column)
            + "Compute metrics from platform exports and fill the audit's measurable questions")
        #expect(lines.allSatisfy { $0.count <= 110 })
    }

    @Test func endOfInputWithoutQuitExitsCleanly() throws {
        let result = try smaudit.run(input: "version")
        #expect(result.status == 0)
        #expect(result.stdout == "smaudit 0.1.0\n")
    }

    @Test func commentsAndBlankLinesAreSkipped() throws {
        let result = try smaudit.run(input: "# a replay file\n\nversion\n")
        #expect(result.status == 0)
        #expect(result.stdout == "smaudit 0.1.0\n")
    }

    @Test func aScriptFileNamesItselfInErrors() throws {
        let path = try smaudit.write("version\n\nnonsense\n", to: "audit.smaudit")
        let result = try smaudit.run(["-f", path])
        #expect(result.status == 1)
        #expect(result.stderr == "\(path):3: error: unknown command `nonsense`. Type `help` for the list of commands.\n")
    }

    @Test func aMissingScriptFileIsAnError() throws {
        let result = try smaudit.run(["-f", "/nonexistent/script"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("cannot open script /nonexistent/script"))
    }

    @Test func usageErrorsExitTwo() throws {
        let result = try smaudit.run(["--no-such-option"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("Unknown option '--no-such-option'"))
    }

    @Test func helpAndVersionFlags() throws {
        let help = try smaudit.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("USAGE: smaudit"))
        let version = try smaudit.run(["--version"])
        // The same line as the shell's `version`.
        #expect(version.stdout == "smaudit 0.1.0\n")
    }

    /// measure's help lays out its headers and definitions by hand; they must fit the 80
    /// columns the argument parser wraps at, or a wrapped remainder lands at the left margin
    /// in the middle of the table.
    @Test func measureHelpTablesKeepTheirIndentation() throws {
        let help = try smaudit.run(["measure", "--help"])
        #expect(help.status == 0)
        let lines = help.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (header, end) in [("Recognised headers", "Fields for --map"), ("Definitions:", "Social channels:")] {
            let first = try #require(lines.firstIndex { $0.hasPrefix(header) })
            let last = try #require(lines[first...].firstIndex { $0.hasPrefix(end) })
            let table = lines[(first + 1)..<last]
            #expect(table.count > 3)
            #expect(table.allSatisfy { $0.hasPrefix("  ") }, "\(table.filter { !$0.hasPrefix("  ") })")
        }
    }

    @Test func interruptingAScriptExits130() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Smaudit.executable)
        process.environment = smaudit.environment()
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        input.fileHandleForWriting.write(Data("version\n".utf8))
        // The first line's output arrives once the shell has run it and waits for the next.
        let reader = output.fileHandleForReading
        var seen = ""
        let deadline = Date().addingTimeInterval(15)
        while !seen.contains("smaudit 0.1.0"), Date() < deadline {
            var descriptor = pollfd(fd: reader.fileDescriptor, events: Int16(POLLIN), revents: 0)
            if poll(&descriptor, 1, 100) > 0 { seen += String(decoding: reader.availableData, as: UTF8.self) }
        }
        #expect(seen.contains("smaudit 0.1.0"))
        kill(process.processIdentifier, SIGINT)
        // Its standard output closes when it exits: wait for that end of file, not a while.
        var ended = false
        let exitDeadline = Date().addingTimeInterval(10)
        while !ended, case let left = exitDeadline.timeIntervalSinceNow, left > 0 {
            var descriptor = pollfd(fd: reader.fileDescriptor, events: Int16(POLLIN), revents: 0)
            if poll(&descriptor, 1, Int32(left * 1000) + 1) > 0 { ended = reader.availableData.isEmpty }
        }
        #expect(ended, "smaudit kept running after SIGINT")
        if ended {
            process.waitUntilExit()
            #expect(process.terminationStatus == 130)
        }
    }

    @Test func quotedArgumentsKeepTheirSpacesAndAnUnclosedQuoteIsAnError() throws {
        let result = try smaudit.run(input: "help \"version\"\nhelp \"version\n")
        #expect(result.stdout.contains("Show the smaudit version"))
        #expect(result.stderr == "<stdin>:2: error: unclosed \" quote: add a matching \"\n")
        #expect(result.status == 1)
    }
}
