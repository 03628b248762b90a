import Testing
@testable import PresenceData
import TestSupport

/// The fixed-place reading of `YYYY-MM-DD HH:MM:SS` gives what the general ISO reader gives,
/// on valid timestamps and on the same ones with a byte changed (a letter for a digit, another
/// separator, a month 13, a 61st second).
@Suite struct TimestampFastPathTests {
    @Test func agreesWithTheGeneralReader() {
        var random = SeededRandom(seed: 11)
        let replacements: [UInt8] = Array("0123456789 -:TtZzx/".utf8)
        var fast = 0
        for _ in 0..<20_000 {
            var text = String(format4: random.int(1...2999)) + "-" + two(random.int(0...13)) + "-" + two(random.int(0...32))
                + [" ", "T"][random.int(0...1)] + two(random.int(0...25)) + ":" + two(random.int(0...60)) + ":" + two(random.int(0...61))
            if random.int(0...3) == 0 { text += ["Z", "z", "+01:00", ".5"][random.int(0...3)] }
            var bytes = Array(text.utf8)
            if random.int(0...2) == 0 { bytes[random.int(0...(bytes.count - 1))] = replacements[random.int(0...(replacements.count - 1))] }
            bytes.withUnsafeBufferPointer { b in
                let general = TimestampParser.iso(b)
                if let quick = TimestampParser.wholeSeconds(b) {
                    fast += 1
                    #expect(quick == general, "\(String(decoding: bytes, as: UTF8.self))")
                }
                // What `parse` sends to the ISO readers: four digits and a dash first.
                if b.prefix(4).allSatisfy(TimestampParser.isDigit) && b[4] == UInt8(ascii: "-") {
                    #expect(TimestampParser.parse(b) == general, "\(String(decoding: bytes, as: UTF8.self))")
                }
            }
        }
        // Most of the generated timestamps take the fixed-place path.
        #expect(fast > 10_000)
    }

    private func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}

private extension String {
    init(format4 n: Int) { self = String(repeating: "0", count: 4 - String(n).count) + String(n) }
}
