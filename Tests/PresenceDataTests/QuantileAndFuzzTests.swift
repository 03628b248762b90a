import Testing
import TestSupport
@testable import PresenceData

@Suite struct QuantileAndFuzzTests {
    @Test func quantilesInterpolateBetweenClosestRanks() {
        var a: [Double] = [10, 1, 9, 2, 8, 3, 7, 4, 6, 5]
        #expect(Quantile.of(&a, 0.9) == 9.1)     // position 8.1 → 9 + 0.1 × 1
        #expect(Quantile.median(&a) == 5.5)
        var one: [Double] = [4]
        #expect(Quantile.of(&one, 0.9) == 4)
        var empty: [Double] = []
        #expect(Quantile.median(&empty) == nil)
    }

    @Test func selectionAgreesWithSorting() {
        var rng = SeededRandom(seed: 7)
        for _ in 0..<200 {
            let n = Int.random(in: 1...300, using: &rng)
            // Many duplicates on purpose.
            let values = (0..<n).map { _ in Double(Int.random(in: 0...20, using: &rng)) / 4 }
            let sorted = values.sorted()
            for q in [0.0, 0.1, 0.5, 0.9, 1.0] {
                var copy = values
                let p = Double(n - 1) * q
                let k = Int(p)
                let expected = k + 1 < n ? sorted[k] + (p - Double(k)) * (sorted[k + 1] - sorted[k]) : sorted[k]
                #expect(Quantile.of(&copy, q) == expected)
            }
        }
    }

    /// From `Quantile.radixThreshold` values on, the quantile is found by the values' leading
    /// bits across pieces that are neither joined nor reordered: it is the one sorting gives,
    /// whatever the values (both signs, zeros of both signs, infinities, heavy repeats, all
    /// alike, crowded into one narrow range) and however they are cut into pieces.
    @Test func quantilesOfPiecesAgreeWithSorting() {
        var random = SeededRandom(seed: 12)
        for round in 0..<60 {
            let n = random.int(Quantile.radixThreshold...40_000)
            let values: [Double] = (0..<n).map { _ in
                switch round % 5 {
                case 0: return Double(random.int(0...50_000)) / Double(random.int(1...40_000))   // rates
                case 1: return Double(random.int(-1_000_000...1_000_000)) / 7
                case 2: return [0, -0.0, 1e300, -1e300, .infinity, -.infinity, 1, 2][random.int(0...7)]
                case 3: return 0.5 + Double(random.int(0...1_000)) * 1e-9                      // one narrow range
                default: return 3                                                               // all alike
                }
            }
            var pieces: [[Double]] = []
            var start = 0
            while start < n {
                let end = min(n, start + random.int(0...n / 2 + 1))
                pieces.append(Array(values[start..<end]))
                start = end
            }
            let before = pieces
            let sorted = values.sorted()
            for q in [0.0, 0.1, 0.5, 0.9, 1.0, 0.37] {
                let p = Double(n - 1) * q
                let k = Int(p)
                let expected = k + 1 < n && p != Double(k) ? sorted[k] + (p - Double(k)) * (sorted[k + 1] - sorted[k]) : sorted[k]
                let found = Quantile.of(pieces: pieces, q)
                #expect(found == expected || (found?.isNaN == true && expected.isNaN), "round \(round), q \(q)")
            }
            #expect(pieces == before)
        }
    }

    /// Samples taken over from another are moved whole, and walked in ascending order they
    /// merge their sorted pieces, one, two or more.
    @Test func samplesMergeTheirPiecesInOrder() {
        var random = SeededRandom(seed: 5)
        for pieces in 1...4 {
            var all = Samples()
            var expected: [Double] = []
            for _ in 0..<pieces {
                let values = (0..<random.int(0...3_000)).map { _ in Double(random.int(0...500)) }
                expected += values
                var other = Samples(values)
                all.append(&other)
                #expect(other.isEmpty)
            }
            all.append(Double(7))
            expected.append(7)
            #expect(all.count == expected.count)
            all.sortEachPiece()
            var walked: [Double] = []
            all.forEachAscending { walked.append($0) }
            #expect(walked == expected.sorted(), "\(pieces) pieces")
        }
    }

    @Test func readerNeverCrashesOnRandomBytes() throws {
        var rng = SeededRandom(seed: 42)
        let alphabet: [UInt8] = Array("ab,;\t\"\r\n 1.".utf8) + [0xEF, 0xBB, 0xBF, 0x00, 0xFF]
        for _ in 0..<500 {
            let n = Int.random(in: 0...200, using: &rng)
            let bytes = (0..<n).map { _ in
                Bool.random(using: &rng) ? alphabet.randomElement(using: &rng)! : UInt8.random(in: 0...255, using: &rng)
            }
            let size = Int.random(in: 1...16, using: &rng)
            // Either a result or an emptyFile error; never a crash or a hang.
            let whole = try? CSVReader(bytes: bytes).readAll()
            let chunked = try? CSVReader(bytes: bytes, chunkSize: size).readAll()
            #expect(whole?.records == chunked?.records)
            #expect(whole?.header == chunked?.header)
        }
    }

    /// Unquoted rows, as most exports write them, are read in place from the chunk (eight bytes
    /// at a time) when a whole line is in it, and through the state machine when a chunk
    /// boundary cuts it: both give the fields a plain split would, whatever the chunk size.
    @Test func unquotedRowsReadAsAPlainSplitAtEveryChunkSize() throws {
        var rng = SeededRandom(seed: 31)
        let pieces = ["a", "bb", "1", "12345678", " ", "é", ";", "\t", "x\ry", ""]
        for round in 0..<200 {
            let delimiter: UInt8 = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t")][round % 3]
            let d = String(UnicodeScalar(delimiter))
            // Now and then wider than the 64 fields the parser starts with room for.
            let columns = round % 10 == 9 ? Int.random(in: 60...140, using: &rng) : Int.random(in: 2...12, using: &rng)
            let header = (0..<columns).map { "c\($0)" }
            var text = header.joined(separator: d) + "\n"
            var rows: [[String]] = []
            for _ in 0..<Int.random(in: 1...20, using: &rng) {
                if Int.random(in: 0..<8, using: &rng) == 0 { text += "\n"; continue }   // a blank line, not a record
                let row = (0..<columns).map { _ in
                    (0..<Int.random(in: 0...4, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }
                        .joined().filter { String($0) != d && $0 != "\r\n" }
                }
                rows.append(row)
                text += row.joined(separator: d) + (Bool.random(using: &rng) ? "\n" : "\r\n")
            }
            for chunkSize in [1 << 20, Int.random(in: 1...40, using: &rng)] {
                let read = try CSVReader(bytes: Array(text.utf8), delimiter: delimiter, chunkSize: chunkSize).readAll()
                #expect(read.header == header, "round \(round)")
                #expect(read.records.map(\.fields) == rows, "round \(round), chunk \(chunkSize)")
                #expect(read.problems.isEmpty, "round \(round)")
            }
        }
    }

    @Test func writingThenReadingGivesBackTheFields() throws {
        var rng = SeededRandom(seed: 2024)
        let pieces = ["a", "b", ",", ";", "\"", "\r", "\n", "\r\n", " ", "é", "12,345", "3.0", "\t"]
        for round in 0..<300 {
            let delimiter: UInt8 = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t")][round % 3]
            let columns = Int.random(in: 1...5, using: &rng)
            let rows = (0...Int.random(in: 1...6, using: &rng)).map { _ in
                (0..<columns).map { _ in
                    (0..<Int.random(in: 0...4, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
                }
            }
            // Header names must be non-empty and unquoted-safe, as real headers are.
            let header = (0..<columns).map { "c\($0)" }
            var text = header.joined(separator: String(UnicodeScalar(delimiter))) + "\r\n"
            for row in rows {
                text += row.map { field in
                    // Always quote: an all-empty row must not read as a blank line.
                    "\"" + field.replacingQuotes() + "\""
                }.joined(separator: String(UnicodeScalar(delimiter))) + (Bool.random(using: &rng) ? "\n" : "\r\n")
            }
            // Every third round as Excel for Mac writes it: each line ends with a bare CR.
            if round % 3 == 2 {
                var mac = header.joined(separator: String(UnicodeScalar(delimiter))) + "\r"
                for row in rows {
                    mac += row.map { "\"" + $0.replacingQuotes() + "\"" }.joined(separator: String(UnicodeScalar(delimiter))) + "\r"
                }
                text = mac
            }
            let read = try CSVReader(bytes: Array(text.utf8), delimiter: delimiter,
                                     chunkSize: Int.random(in: 1...32, using: &rng)).readAll()
            #expect(read.header == header)
            #expect(read.records.map(\.fields) == rows, "round \(round)")
            #expect(read.problems.isEmpty)
        }
    }
}

private extension String {
    func replacingQuotes() -> String {
        var out = ""
        for c in self { out += c == "\"" ? "\"\"" : String(c) }
        return out
    }
}
