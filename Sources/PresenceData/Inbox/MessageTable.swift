/// The inbox's entries by message id. Numeric ids, nearly all of them in real exports, live in
/// an open-addressing table of plain integers (one multiply to place, no `Hasher`, 8 bytes a
/// key); text ids and numbered tickets in a dictionary beside it. Entries are kept in the
/// order their ids were first met, so reading them is the same on every run.
struct MessageTable<Entry> {
    /// The entries, in the order their ids were first met.
    var entries: [Entry] = []
    /// The numeric id of each entry (unused for the others).
    private var keys: [UInt64] = []
    /// 0 is empty, else 1 + the entry's index; a power of two long, at most half full.
    private var slots = [Int32](repeating: 0, count: 1 << 10)
    private var shift = 64 - 10
    private var others: [MessageID: Int] = [:]
    private let blank: Entry

    init(blank: Entry) { self.blank = blank }

    /// The index of `id`'s entry, a blank one made when the id is new.
    @inline(__always)
    mutating func index(of id: MessageID) -> Int {
        guard case .number(let n) = id else { return otherIndex(id) }
        var slot = Self.place(n, shift)
        let mask = slots.count - 1
        while slots[slot] != 0 {
            let i = Int(slots[slot]) - 1
            if keys[i] == n { return i }
            slot = (slot + 1) & mask
        }
        let i = append(n)
        slots[slot] = Int32(i + 1)
        if entries.count * 2 > slots.count { grow() }
        return i
    }

    /// Fibonacci hashing: the top bits of the id times 2⁶⁴/φ.
    @inline(__always)
    private static func place(_ n: UInt64, _ shift: Int) -> Int {
        Int(truncatingIfNeeded: (n &* 0x9E37_79B9_7F4A_7C15) >> UInt64(shift))
    }

    private mutating func append(_ key: UInt64) -> Int {
        entries.append(blank)
        keys.append(key)
        return entries.count - 1
    }

    private mutating func otherIndex(_ id: MessageID) -> Int {
        if let i = others[id] { return i }
        let i = append(0)
        others[id] = i
        return i
    }

    /// Doubles the table and places every numeric id again.
    private mutating func grow() {
        let old = slots
        slots = [Int32](repeating: 0, count: old.count * 2)
        shift -= 1
        let mask = slots.count - 1
        for entry in old where entry != 0 {
            var slot = Self.place(keys[Int(entry) - 1], shift)
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = entry
        }
    }
}
