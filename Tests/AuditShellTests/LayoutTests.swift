@testable import AuditShell
import Foundation
import Testing

/// Issue 18, items 8, 9 and 11: output fits the terminal, numbers read one way, long lists are cut.
@Suite struct LayoutTests {
    let driver: ShellDriver

    init() throws {
        driver = try ShellDriver()
        try driver.installMini()
    }

    /// Item 8: `help` at 60 columns breaks between words and keeps the description column.
    @Test func helpWrapsBetweenWordsAndKeepsItsColumn() {
        let wide = driver.script("help\n").output
        let narrow = driver.script("help\n", columns: 60).output
        let lines = narrow.split(separator: "\n").map(String.init)
        #expect(lines.allSatisfy { $0.count <= 60 }, "\(lines.filter { $0.count > 60 })")
        #expect(narrow.split(whereSeparator: \.isWhitespace) == wide.split(whereSeparator: \.isWhitespace))
        // A continuation starts in the description column, under the text it continues.
        let column = lines[0].distance(from: lines[0].startIndex, to: lines[0].range(of: "List the commands")!.lowerBound)
        let continued = lines.filter { $0.hasPrefix(" ") }
        #expect(!continued.isEmpty)
        #expect(continued.allSatisfy { $0.prefix(column).allSatisfy { $0 == " " } && $0.dropFirst(column).first != " " })
    }

    @Test func aTableRowTooWideContinuesUnderItsLastColumn() {
        let text = TextWrapping.wrap("mini.top_priority       growing followers and more words here  1", width: 50)
        #expect(text == "mini.top_priority       growing followers and more\n                        words here  1")
        #expect(TextWrapping.wrap("short", width: 50) == "short")
        // A word longer than the line is left whole.
        #expect(TextWrapping.wrap("see https://example.com/a/very/long/path/that/goes/on ok", width: 20)
            == "see\nhttps://example.com/a/very/long/path/that/goes/on\nok")
        // Colours take no columns.
        #expect(TextWrapping.wrap("\u{1B}[1mbold\u{1B}[0m word", width: 9) == "\u{1B}[1mbold\u{1B}[0m word")
    }

    /// Found in a consultant's trial: one long answer widened the answer column, so at 100
    /// columns every row of `review` wrapped. The answer is the last column now: only the long
    /// one continues, under its own column.
    @Test func oneLongAnswerWrapsOnlyItsOwnReviewRow() throws {
        try driver.write("""
        id: long
        title: Long
        version: "1"
        sections:
          - id: s
            title: S
            questions:
              - {id: story, prompt: What happened?, type: text}
              - {id: followers, prompt: How many followers?, type: number}
              - {id: owner, prompt: Is there an owner?, type: yesno}
        """, to: "config/smaudit/checklists/long.yaml")
        let long = String(repeating: "we answered every request the same day ", count: 3)
        let run = driver.script("\(long)\n900\nyes\n/review\n", columns: 100,
                                start: AuditRequest(checklists: ["long"], organisation: "Acme", auditors: ["Dana"]))
        let review = run.output.components(separatedBy: "question").last ?? ""
        let lines = review.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("long.followers") && $0.hasSuffix("900") }, "\(review)")
        #expect(lines.contains { $0.hasPrefix("long.owner") && $0.hasSuffix("yes") }, "\(review)")
        // Only the story's row continues; the short rows are one line each, right after it.
        let story = try #require(lines.firstIndex { $0.hasPrefix("long.story") })
        let rest = lines[(story + 1)...].drop { $0.hasPrefix(" ") }
        #expect(rest.first?.hasPrefix("long.followers") == true && rest.dropFirst().first?.hasPrefix("long.owner") == true, "\(review)")
        #expect(lines.count - story - 1 - rest.count >= 1)
    }

    /// Item 9: scores, ranges and gains always carry one decimal, as in the report; counts are counts.
    @Test func scoresAndGainsAlwaysHaveOneDecimal() {
        let run = driver.script("growing followers\n900\nyes\n30m\n/score\n/findings\n/show mini\n", start: ShellDriver.miniAudit)
        #expect(run.status == 0, "\(run.errors)")
        // 8 + 3 of 16 points: 68.75.
        #expect(run.output.contains("overall        Score 68.8 (developing), 100% answered."), "\(run.output)")
        #expect(run.output.contains("[high] mini.relationships-first: Relationships before reach (fix: +31.3)"), "\(run.output)")
        #expect(run.output.contains("relationships-first [high, 5 points]"))
        let open = driver.script("sales\n/score\n", start: ShellDriver.miniAudit).output
        #expect(open.contains("range 31.3–100.0 with 2 rules open"), "\(open)")
    }

    /// Item 11: the shell lists the five responders who replied most, and says how to see all.
    @Test func measureShowsTheBusiestRespondersAndHowToSeeThemAll() throws {
        var csv = "id,from,inbound,time,in_reply_to\n"
        for i in 1...8 {
            for j in 0..<i {
                let id = i * 100 + j
                csv += "\(id),customer\(id),true,2026-01-0\(i) 10:\(10 + j),\n\(id + 50),agent\(i),false,2026-01-0\(i) 11:\(10 + j),\(id)\n"
            }
        }
        let inbox = try driver.write(csv, to: "inbox.csv")
        let run = driver.script("measure --inbox \(inbox)\n")
        #expect(run.status == 0, "\(run.errors)")
        let responders = run.output.split(separator: "\n").filter { $0.contains("responder agent") }
        #expect(responders.map { String($0.split(separator: " ")[1]) } == ["agent8", "agent7", "agent6", "agent5", "agent4"], "\(run.output)")
        #expect(run.output.contains("… and 3 more responders (type the same `measure` with --all to list them all; `smaudit measure --json` has every figure)"))
        let all = driver.script("measure --inbox \(inbox) --all\n").output
        #expect(all.split(separator: "\n").filter { $0.contains("responder agent") }.count == 8)
        #expect(!all.contains("more responders"))
    }
}
