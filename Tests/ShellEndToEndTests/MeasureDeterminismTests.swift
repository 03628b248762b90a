import Foundation
import Testing
import TestSupport

/// Issue 26, item 7: the same exports give the same bytes on every run. The inbox's mean first
/// reply changed in its last digits from run to run: conversations come out of a dictionary,
/// whose order changes with each process, and a sum of doubles depends on that order.
@Suite struct MeasureDeterminismTests {
    let smaudit: Smaudit

    init() throws { smaudit = try Smaudit() }

    /// 3,000 conversations answered after 1 to 3,000 minutes and some seconds (first replies
    /// whose sum in doubles depends on the order), and a posts export, measured together (two
    /// threads) ten times, as JSON and as the table.
    @Test func theSameExportsGiveTheSameBytesOnTenRuns() throws {
        var inbox = "id,from,inbound,time,in_reply_to\n"
        var id = 0
        for i in 0..<3_000 {
            let start = 1_767_225_600 + i * 3_600  // from 2026-01-01, one an hour
            let reply = start + (i % 3_000 + 1) * 60 + (i * 7) % 60
            id += 1
            inbox += "\(id),customer\(i),true,\(Self.iso(start)),\n"
            id += 1
            inbox += "\(id),Brand,false,\(Self.iso(reply)),\(id - 1)\n"
        }
        let inboxPath = try smaudit.write(inbox, to: "inbox.csv")
        var posts = "date,likes,comments,shares\n"
        for i in 0..<500 { posts += "2026-02-\(i % 28 + 1 < 10 ? "0" : "")\(i % 28 + 1) 10:00,\(i * 37 % 991),\(i % 13),\(i % 7)\n" }
        let postsPath = try smaudit.write(posts, to: "posts.csv")
        var outputs: Set<String> = []
        var tables: Set<String> = []
        for _ in 0..<10 {
            let json = try smaudit.run(["measure", "--inbox", inboxPath, "--posts", postsPath, "--json"])
            #expect(json.status == 0, "\(json.stderr)")
            outputs.insert(json.stdout)
            tables.insert(try smaudit.run(["measure", "--inbox", inboxPath, "--posts", postsPath]).stdout)
        }
        #expect(outputs.count == 1, "\(outputs.count) different JSON outputs")
        #expect(tables.count == 1, "\(tables.count) different tables")
        #expect(outputs.first?.contains("\"mean\":") == true)
    }

    static func iso(_ seconds: Int) -> String {
        var t = time_t(seconds)
        var parts = tm()
        gmtime_r(&t, &parts)
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday)) \(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))"
    }
}
