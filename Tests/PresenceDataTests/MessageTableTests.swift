import Testing
@testable import PresenceData
import TestSupport

/// The message table against a dictionary: one entry per id whatever its kind, through many
/// doublings, in first-met order, and entries written through an index are read back.
@Suite struct MessageTableTests {
    @Test func keepsOneEntryPerIdAsADictionaryWould() {
        var random = SeededRandom(seed: 5)
        var table = MessageTable(blank: 0)
        var model: [MessageID: Int] = [:]
        var order: [MessageID] = []
        for step in 0..<60_000 {
            let id: MessageID
            switch random.int(0...9) {
            case 0: id = .text("t\(random.int(0...500))")
            case 1: id = .anonymous(-random.int(1...300))
            case 2: id = .number(UInt64.max - UInt64(random.int(0...50)))     // large ids, near the top bits
            default: id = .number(UInt64(random.int(0...40_000)) << UInt64(random.int(0...3) * 8))
            }
            let i = table.index(of: id)
            if let known = model[id] {
                #expect(i == known, "step \(step): \(id)")
            } else {
                #expect(i == order.count, "step \(step): \(id)")
                model[id] = i
                order.append(id)
            }
            table.entries[i] += 1
        }
        #expect(table.entries.count == order.count)
        #expect(table.entries.reduce(0, +) == 60_000)
    }
}
