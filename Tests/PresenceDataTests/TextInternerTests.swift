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
