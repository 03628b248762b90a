import Foundation
import Testing
@testable import PresenceData
import TestSupport

/// A big posts export is read in two halves at once: the figures and the warnings (their
/// lines too) are those of reading it whole, the output is the same on every run, and a split
/// that would cut a quoted field in two is not made.
@Suite struct SplitReadTests {
    /// Random posts of three accounts and four types, with empty cells, quoted numbers with
    /// thousands separators and rows without a date throughout, malformed and ragged rows in
    /// the second half only (so the warnings kept are the second half's, with their lines),
    /// and, when asked, a quoted field of `spanning` lines in the middle of the file.
    static func posts(rows: Int, seed: UInt64, spanning: Int = 0) -> String {
        var random = SeededRandom(seed: seed)
        var lines = ["date,type,reach,impressions,likes,comments,shares,account,followers,text"]
        func row(_ i: Int) -> String {
            let day = random.int(1...28), hour = random.int(0...23), minute = random.int(0...59)
            let date = random.int(0...50) == 0 ? "" : "2026-10-\(day < 10 ? "0" : "")\(day) \(hour < 10 ? "0" : "")\(hour):\(minute < 10 ? "0" : "")\(minute):00"
            let type = ["Photo", "Video", "Link", "Status"][random.int(0...3)]
            let reach = random.int(0...20) == 0 ? "" : String(random.int(0...40_000))
            let likes = random.int(0...30) == 0 ? "\"1,\(100 + random.int(0...899))\"" : String(random.int(0...500))
            let late = i > rows / 2
            let comments = late && random.int(0...300) == 0 ? "many" : String(random.int(0...40))
            let account = ["north", "south", "east.clinic"][random.int(0...2)]
            let followers = random.int(0...10) == 0 ? "" : String(random.int(1_000...9_000))
            let text = random.int(0...5) == 0 ? "\"said \"\"hi\"\", then left\"" : "plain text \(i)"
            if late && random.int(0...400) == 0 { return "\(date),\(type),\(reach)" }   // ragged
            return "\(date),\(type),\(reach),\(random.int(0...60_000)),\(likes),\(comments),\(random.int(0...30)),\(account),\(followers),\(text)"
        }
        for i in 0..<rows / 2 { lines.append(row(i)) }
        if spanning > 0 {
            lines.append("2026-10-05 10:00:00,Photo,100,200,1,2,3,north,1000,\"" + String(repeating: "a line of a long caption\n", count: spanning) + "end\"")
        }
        for i in rows / 2..<rows { lines.append(row(i)) }
        return lines.joined(separator: "\n") + "\n"
    }

    static func measure(_ path: String, splitFrom: Int) throws -> (PresenceMeasurement, [PresenceWarning]) {
        var input = MeasureInput()
        input.posts = [path]
        input.splitFrom = splitFrom
        return try PresenceMeasurer.measure(input)
    }

    /// Every number of two JSON trees within 1e-12 relative (a split adds its halves' sums of
    /// rates in another order), everything else equal.
    static func same(_ a: Any, _ b: Any, _ path: String = "") -> [String] {
        switch (a, b) {
        case let (x as [String: Any], y as [String: Any]):
            guard Set(x.keys) == Set(y.keys) else { return ["\(path): keys \(x.keys.sorted()) vs \(y.keys.sorted())"] }
            return x.keys.sorted().flatMap { same(x[$0]!, y[$0]!, path + "." + $0) }
        case let (x as [Any], y as [Any]):
            guard x.count == y.count else { return ["\(path): \(x.count) vs \(y.count) items"] }
            return zip(x, y).enumerated().flatMap { same($0.element.0, $0.element.1, path + "[\($0.offset)]") }
        case let (x as NSNumber, y as NSNumber):
            let (u, v) = (x.doubleValue, y.doubleValue)
            return abs(u - v) <= 1e-12 * max(1, abs(v)) ? [] : ["\(path): \(u) vs \(v)"]
        default:
            return "\(a)" == "\(b)" ? [] : ["\(path): \(a) vs \(b)"]
        }
    }

    @Test func twoHalvesGiveWhatTheWholeFileGives() throws {
        let path = try fixture(Self.posts(rows: 110_000, seed: 3))   // past PostsAccumulator.parallelMedians
        let (whole, wholeWarnings) = try Self.measure(path, splitFrom: .max)
        let (split, splitWarnings) = try Self.measure(path, splitFrom: 1 << 20)
        let a = try JSONSerialization.jsonObject(with: Data(whole.json().utf8))
        let b = try JSONSerialization.jsonObject(with: Data(split.json().utf8))
        #expect(Self.same(a, b) == [])
        // The same warnings on the same lines, the second half's included.
        #expect(splitWarnings == wholeWarnings)
        #expect(wholeWarnings.contains { ($0.line ?? 0) > 55_000 })
        #expect(whole.posts?.count ?? 0 > PostsAccumulator.parallelMedians)
        // And the same bytes on every run.
        for _ in 0..<3 { #expect(try Self.measure(path, splitFrom: 1 << 20).0.json() == split.json()) }
    }

    /// The line end nearest the middle is inside a quoted caption: the first half reads on to
    /// the end, and the figures are exactly the whole file's.
    @Test func aQuotedFieldAcrossTheMiddleIsNotCut() throws {
        let text = Self.posts(rows: 40_000, seed: 4, spanning: 2_000)
        let path = try fixture(text)
        let middle = try #require(SplitRead.midpoint(of: CSVReader(path: path), from: 1 << 20))
        // The cut would fall inside the caption: between its first and last line.
        let captionStart = try #require(text.range(of: "a line of a long caption")).lowerBound.utf16Offset(in: text)
        #expect(middle.offset > captionStart && middle.offset < captionStart + 2_000 * 25)
        let (whole, wholeWarnings) = try Self.measure(path, splitFrom: .max)
        let (split, splitWarnings) = try Self.measure(path, splitFrom: 1 << 20)
        #expect(split.json() == whole.json())
        #expect(splitWarnings == wholeWarnings)
    }
}
