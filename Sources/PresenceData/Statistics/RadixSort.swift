/// Sorts many doubles in linear time: the post times of a million-row export, which the
/// standard library's comparison sort took a fifth of a measurement to order.
enum RadixSort {
    /// Below this many values the standard sort is as quick.
    static let threshold = 2_048

    /// Sorts `values` ascending (they must not be NaN). Least significant digit first, 16 bits
    /// at a time, over bit patterns that order as the numbers do; a digit every value shares
    /// (the low bits of whole seconds, the high bits of dates of one decade) is passed over.
    static func sort(_ values: inout [Double]) {
        let n = values.count
        if n < threshold { values.sort(); return }
        var keys = [UInt64](unsafeUninitializedCapacity: n) { keys, count in
            for i in 0..<n {
                let bits = values[i].bitPattern
                // Positive numbers: the sign bit set above every negative; negative ones inverted.
                keys[i] = bits >> 63 == 0 ? bits | (1 << 63) : ~bits
            }
            count = n
        }
        var other = [UInt64](repeating: 0, count: n)
        var counts = [Int](repeating: 0, count: 1 << 16)
        for shift in stride(from: UInt64(0), to: 64, by: 16) {
            let spread: Bool = keys.withUnsafeBufferPointer { keys in
                counts.withUnsafeMutableBufferPointer { counts in
                    counts.update(repeating: 0)
                    for k in keys { counts[Int(truncatingIfNeeded: (k >> shift) & 0xFFFF)] += 1 }
                    if counts[Int(truncatingIfNeeded: (keys[0] >> shift) & 0xFFFF)] == n { return false }
                    var total = 0
                    for d in 0..<counts.count {
                        let c = counts[d]
                        counts[d] = total
                        total += c
                    }
                    return true
                }
            }
            guard spread else { continue }
            keys.withUnsafeBufferPointer { keys in
                other.withUnsafeMutableBufferPointer { other in
                    counts.withUnsafeMutableBufferPointer { counts in
                        for k in keys {
                            let d = Int(truncatingIfNeeded: (k >> shift) & 0xFFFF)
                            other[counts[d]] = k
                            counts[d] += 1
                        }
                    }
                }
            }
            swap(&keys, &other)
        }
        for i in 0..<n {
            let k = keys[i]
            values[i] = Double(bitPattern: k >> 63 == 1 ? k & ~(1 << 63) : ~k)
        }
    }
}
