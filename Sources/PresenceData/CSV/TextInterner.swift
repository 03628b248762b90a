#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Gives each distinct cell text (post types, accounts, responders) a small index, without
/// building a `String` per row: the first 64 distinct texts are found by comparing bytes,
/// later ones through a dictionary.
struct TextInterner {
    private(set) var names: [String] = []
    private var known: [[UInt8]] = []
    private var index: [String: Int] = [:]
    /// The name given to an empty cell.
    let empty: String

    init(empty: String) { self.empty = empty }

    /// The index of the (trimmed) text, and whether it is new.
    @inline(__always)
    mutating func intern(_ raw: UnsafeBufferPointer<UInt8>) -> (index: Int, isNew: Bool) {
        let bytes = FieldParser.trimmed(raw)
        for i in known.indices where known[i].count == bytes.count {
            let equal = known[i].withUnsafeBufferPointer { k in
                bytes.count == 0 || memcmp(k.baseAddress!, bytes.baseAddress!, bytes.count) == 0
            }
            if equal { return (i, false) }
        }
        let name = bytes.isEmpty ? empty : String(decoding: bytes, as: UTF8.self)
        if let i = index[name] { return (i, false) }
        let i = names.count
        names.append(name)
        index[name] = i
        if known.count < 64 && known.count == i { known.append(Array(bytes)) }
        return (i, true)
    }

    /// The index of a name given as text (when merging what two interners saw).
    mutating func intern(name: String) -> (index: Int, isNew: Bool) {
        var name = name
        return name == empty ? intern(UnsafeBufferPointer(start: nil, count: 0)) : name.withUTF8 { intern($0) }
    }
}
