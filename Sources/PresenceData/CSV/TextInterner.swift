/// Gives each distinct cell text (post types, accounts, responders) a small index, without
/// building a `String` per row: the cell's bytes are hashed and looked up in an open-addressing
/// table of the byte strings seen, kept end to end in one buffer (no array per text, so a
/// lookup retains nothing). Texts whose bytes differ but read as the same `String` (a repaired
/// invalid byte, a composed and a decomposed accent) share one index, as their names would.
struct TextInterner {
    /// The names, by index.
    private(set) var names: [String] = []
    /// Every distinct byte string seen, end to end: string `k` spans `starts[k] ..< starts[k + 1]`.
    private var storage: [UInt8] = []
    private var starts: [Int] = [0]
    /// The name index of each byte string.
    private var nameOf: [Int] = []
    /// Open addressing by hash: 0 is empty, else 1 + the byte string's number.
    private var slots = [Int32](repeating: 0, count: 64)
    private var byName: [String: Int] = [:]
    /// The name given to an empty cell; a cell that reads as this name is the empty cell.
    let empty: String

    init(empty: String) { self.empty = empty }

    /// The index of the (trimmed) text, and whether it is new.
    @inline(__always)
    mutating func intern(_ raw: UnsafeBufferPointer<UInt8>) -> (index: Int, isNew: Bool) {
        let bytes = FieldParser.trimmed(raw)
        let mask = slots.count - 1
        var slot = Self.hash(bytes) & mask
        while slots[slot] != 0 {
            let k = Int(slots[slot]) - 1
            if matches(k, bytes) { return (nameOf[k], false) }
            slot = (slot + 1) & mask
        }
        return add(bytes, at: slot)
    }

    /// FNV-1a, folded: a few instructions a byte, and cells are short.
    @inline(__always)
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return Int(truncatingIfNeeded: hash ^ (hash >> 29))
    }

    /// Whether byte string `k` is `bytes`.
    @inline(__always)
    private func matches(_ k: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = starts[k]
        let count = bytes.count
        guard starts[k + 1] - start == count else { return false }
        return storage.withUnsafeBufferPointer { all in
            for i in 0..<count where all[start + i] != bytes[i] { return false }
            return true
        }
    }

    /// Records bytes not seen before in `slot`: under a new name, or an existing one they read as.
    private mutating func add(_ bytes: UnsafeBufferPointer<UInt8>, at slot: Int) -> (index: Int, isNew: Bool) {
        let name = bytes.isEmpty ? empty : String(decoding: bytes, as: UTF8.self)
        let known = byName[name]
        let index = known ?? names.count
        if known == nil {
            names.append(name)
            byName[name] = index
        }
        storage.append(contentsOf: bytes)
        starts.append(storage.count)
        nameOf.append(index)
        slots[slot] = Int32(nameOf.count)
        if nameOf.count * 2 > slots.count { rehash() }
        return (index, known == nil)
    }

    /// Doubles the table, placing every byte string again.
    private mutating func rehash() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        storage.withUnsafeBufferPointer { all in
            for k in nameOf.indices {
                var slot = Self.hash(UnsafeBufferPointer(rebasing: all[starts[k]..<starts[k + 1]])) & mask
                while slots[slot] != 0 { slot = (slot + 1) & mask }
                slots[slot] = Int32(k + 1)
            }
        }
    }

    /// The index of a name given as text (when merging what two interners saw).
    mutating func intern(name: String) -> (index: Int, isNew: Bool) {
        var name = name
        return name == empty ? intern(UnsafeBufferPointer(start: nil, count: 0)) : name.withUTF8 { intern($0) }
    }
}
