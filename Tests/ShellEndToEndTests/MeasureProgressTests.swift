import Foundation
import Testing
import TestSupport

/// `smaudit measure`'s progress line: on a terminal only, redrawn in place, erased at the end.
@Suite struct MeasureProgressTests {
    let smaudit: Smaudit

    init() throws { smaudit = try Smaudit() }

    /// About 3 MB of posts: three 1 MiB chunks, so the line is drawn more than once.
    func largePostsFile() throws -> String {
        var text = "date,likes,comments,shares\n"
        text.reserveCapacity(3_200_000)
        for i in 0..<110_000 {
            text += "2026-10-\(i % 28 + 1 < 10 ? "0" : "")\(i % 28 + 1) 10:\(i % 50 + 10),\(i % 90),\(i % 7),\(i % 5)\n"
        }
        return try smaudit.write(text, to: "posts.csv")
    }

    @Test func aLongImportShowsItsProgressOnATerminalAndErasesIt() throws {
        let path = try largePostsFile()
        // SMAUDIT_PROGRESS_DELAY=0: draw from the first chunk instead of after a second.
        let terminal = try smaudit.launch(["measure", "--posts", path], environment: ["SMAUDIT_PROGRESS_DELAY": "0"])
        #expect(try terminal.waitForExit() == 0)
        let raw = terminal.rawOutput
        let first = try #require(raw.range(of: "\rreading …"))
        #expect(raw[first.upperBound...].hasPrefix(String(path.suffix(39)) + ": 1 MB of 2.6 MB (39%), "))
        #expect(raw.contains("2.6 MB of 2.6 MB (100%), 110,000 rows, "))
        #expect(raw.components(separatedBy: "\rreading ").count - 1 >= 2)   // redrawn in place
        // Erased before the table is printed.
        let erased = try #require(raw.range(of: "\r\u{1B}[K", options: .backwards))
        let table = try #require(raw.range(of: "applause rate"))
        #expect(erased.upperBound <= table.lowerBound)
        #expect(terminal.output.contains("posts                           110000"))
    }

    @Test func noProgressWithJSONOrWhenStandardErrorIsNotATerminal() throws {
        let path = try largePostsFile()
        let json = try smaudit.launch(["measure", "--posts", path, "--json"], environment: ["SMAUDIT_PROGRESS_DELAY": "0"])
        #expect(try json.waitForExit() == 0)
        #expect(!json.rawOutput.contains("reading "))
        let piped = try smaudit.run(["measure", "--posts", path], environment: ["SMAUDIT_PROGRESS_DELAY": "0"])
        #expect(piped.status == 0)
        #expect(piped.stderr.isEmpty)
        #expect(piped.stdout.contains("applause rate"))
    }
}
