import Testing
@testable import PresenceData
import TestSupport

/// The interner against a plain dictionary of names: the same index for the same name, new
/// exactly when the name is new, through table growth, trimming and texts that read alike.
@Suite struct TextInternerTests {
    @Test func givesTheIndicesADictionaryOfNamesWould() {
        var random = SeededRandom(seed: 7)
        let pool = (0..<300).map { "acct_\($0)" } + ["", "  padded  ", "padded", "Photo", "e\u{301}", "\u{e9}", "(none)"]
        var interner = TextInterner(empty: "(none)")
        var model: [String: Int] = [:]
        for _ in 0..<5_000 {
            let text = pool[random.int(0...(pool.count - 1))]
            var trimmed = text
            while trimmed.first == " " { trimmed.removeFirst() }
            while trimmed.last == " " { trimmed.removeLast() }
            let name = trimmed.isEmpty ? "(none)" : trimmed
            let bytes = Array(text.utf8)
            let (index, isNew) = bytes.withUnsafeBufferPointer { interner.intern($0) }
            if let known = model[name] {
                #expect(index == known && !isNew, "\(text)")
            } else {
                #expect(index == model.count && isNew, "\(text)")
                model[name] = index
            }
            #expect(interner.names[index] == name)
        }
        // A composed and a decomposed é are one name, as Swift strings compare them.
        #expect(model["\u{e9}"] == model["e\u{301}"])
        #expect(interner.names.count == model.count)
    }
}

/// The radix sort orders as the standard sort does: negative and positive numbers, fractions,
/// whole seconds sharing their low bits, repeated values, above and below its threshold.
@Suite struct RadixSortTests {
    @Test func ordersAsTheStandardSort() {
        var random = SeededRandom(seed: 9)
        for round in 0..<40 {
            let n = round % 4 == 0 ? random.int(0...RadixSort.threshold) : random.int(RadixSort.threshold...30_000)
            var values: [Double] = (0..<n).map { _ in
                switch random.int(0...3) {
                case 0: return Double(1_700_000_000 + random.int(0...31_536_000))       // whole seconds of a year
                case 1: return Double(random.int(-1_000_000...1_000_000)) / 7           // fractions, both signs
                case 2: return [0, -0.0, 1e300, -1e300, .infinity, -.infinity][random.int(0...5)]
                default: return Double(random.int(0...9))                               // many repeats
                }
            }
            let expected = values.sorted()
            RadixSort.sort(&values)
            #expect(values == expected, "round \(round), \(n) values")
        }
    }
}
