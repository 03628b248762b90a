/// Exact quantiles of a sample, in O(n) time without a full sort.
///
/// The q-quantile of n values sorted ascending `x[0] ≤ … ≤ x[n-1]` is taken at
/// position `p = (n − 1) × q`; with `k = ⌊p⌋`, it is `x[k] + (p − k) × (x[k+1] − x[k])`
/// (linear interpolation between the closest ranks — NumPy's and pandas' default, so
/// the median of an even count is the mean of the two middle values, and the p90 of
/// `[1, 2, … 10]` is 9.1). Empty samples have no quantile. Values must not be NaN.
enum Quantile {
    /// From this many values a quantile is found by their leading bits (`radixSelect`), which
    /// reads them twice and moves none; below it, by selection over a copy.
    static let radixThreshold = 4_096

    /// The q-quantile of `values` (small samples are reordered in place).
    static func of(_ values: inout [Double], _ q: Double) -> Double? {
        if values.count >= radixThreshold { return of(pieces: [values], q) }
        guard let (k, fraction) = rank(values.count, q) else { return nil }
        return values.withUnsafeMutableBufferPointer { interpolated($0, k, fraction) }
    }

    /// The q-quantile of the values of all `pieces` together, which are left as they are.
    static func of(pieces: [[Double]], _ q: Double) -> Double? {
        let n = pieces.reduce(0) { $0 + $1.count }
        guard let (k, fraction) = rank(n, q) else { return nil }
        if n < radixThreshold || n > Int(UInt32.max) {
            var all = Array(pieces.joined())
            return all.withUnsafeMutableBufferPointer { interpolated($0, k, fraction) }
        }
        let (low, high) = radixSelect(pieces, k, next: fraction != 0 && k + 1 < n)
        guard let high else { return low }
        return low + fraction * (high - low)
    }

    /// The rank below position `(n − 1) × q`, and how far the position lies past it.
    private static func rank(_ n: Int, _ q: Double) -> (Int, Double)? {
        if n == 0 { return nil }
        let position = Double(n - 1) * q
        let k = Int(position.rounded(.down))
        return (k, position - Double(k))
    }

    /// The value of rank k, interpolated towards rank k + 1 by `fraction` (reorders `buffer`).
    private static func interpolated(_ buffer: UnsafeMutableBufferPointer<Double>, _ k: Int, _ fraction: Double) -> Double {
        let (low, high) = ranked(buffer, k, next: fraction != 0 && k + 1 < buffer.count)
        guard let high else { return low }
        return low + fraction * (high - low)
    }

    /// The values of rank k and, when `next`, k + 1 (reorders `buffer`).
    private static func ranked(_ buffer: UnsafeMutableBufferPointer<Double>, _ k: Int, next: Bool) -> (Double, Double?) {
        select(buffer, k)
        guard next else { return (buffer[k], nil) }
        // After selection everything right of k is ≥ x[k]; the next rank is their minimum.
        var high = buffer[k + 1]
        for i in (k + 2)..<max(k + 2, buffer.count) where buffer[i] < high { high = buffer[i] }
        return (buffer[k], high)
    }

    /// A bit pattern that orders as the number does (zero's two signs as one).
    @inline(__always)
    private static func key(_ value: Double) -> UInt64 {
        let bits = (value + 0).bitPattern
        // Positive numbers: the sign bit set, above every negative; negative ones inverted.
        return bits ^ (UInt64(bitPattern: Int64(bitPattern: bits) >> 63) | (1 << 63))
    }

    /// The values of rank k and, when `next`, k + 1, among all `pieces`: one pass counts the
    /// values by their key's leading 16 bits (sign, exponent and 4 bits of the fraction, so the
    /// rates of a million posts spread over a few hundred counters), the next copies out only
    /// the values that share rank k's leading bits (and finds the least value of the next
    /// bucket, when rank k + 1 is there), and a selection over those few finishes.
    private static func radixSelect(_ pieces: [[Double]], _ k: Int, next: Bool) -> (Double, Double?) {
        let buckets = 1 << 16
        var counts = [UInt32](repeating: 0, count: buckets)
        counts.withUnsafeMutableBufferPointer { counts in
            for piece in pieces {
                piece.withUnsafeBufferPointer { values in
                    for value in values { counts[Int(truncatingIfNeeded: key(value) >> 48)] &+= 1 }
                }
            }
        }
        var below = 0
        var bucket = 0
        while below + Int(counts[bucket]) <= k {
            below += Int(counts[bucket])
            bucket += 1
        }
        let rankInBucket = k - below
        var nextBucket = -1
        if next && rankInBucket + 1 == Int(counts[bucket]) {
            nextBucket = bucket + 1
            while counts[nextBucket] == 0 { nextBucket += 1 }
        }
        var inBucket: [Double] = []
        inBucket.reserveCapacity(Int(counts[bucket]))
        var nextLeast = UInt64.max
        var nextValue = 0.0
        for piece in pieces {
            piece.withUnsafeBufferPointer { values in
                for value in values {
                    let key = key(value)
                    let top = Int(truncatingIfNeeded: key >> 48)
                    if top == bucket {
                        inBucket.append(value)
                    } else if top == nextBucket && key < nextLeast {
                        nextLeast = key
                        nextValue = value
                    }
                }
            }
        }
        let (low, high) = inBucket.withUnsafeMutableBufferPointer {
            ranked($0, rankInBucket, next: next && nextBucket < 0)
        }
        return (low, nextBucket < 0 ? high : nextValue)
    }

    /// Median (the 0.5-quantile).
    static func median(_ values: inout [Double]) -> Double? { of(&values, 0.5) }

    /// Rearranges `a` so that `a[k]` is the k-th smallest, smaller values left of it and
    /// larger ones right (Hoare partitioning with median-of-three pivots; insertion sort for
    /// short ranges).
    private static func select(_ a: UnsafeMutableBufferPointer<Double>, _ k: Int) {
        var lo = 0
        var hi = a.count - 1
        while hi - lo > 16 {
            let mid = lo + (hi - lo) / 2
            if a[mid] < a[lo] { a.swapAt(mid, lo) }
            if a[hi] < a[lo] { a.swapAt(hi, lo) }
            if a[hi] < a[mid] { a.swapAt(hi, mid) }
            let pivot = a[mid]
            var i = lo
            var j = hi
            while i <= j {
                while a[i] < pivot { i += 1 }
                while pivot < a[j] { j -= 1 }
                if i <= j {
                    a.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            if k <= j {
                hi = j
            } else if k >= i {
                lo = i
            } else {
                return
            }
        }
        if lo < hi {
            for i in (lo + 1)...hi {
                let v = a[i]
                var j = i - 1
                while j >= lo && a[j] > v {
                    a[j + 1] = a[j]
                    j -= 1
                }
                a[j + 1] = v
            }
        }
    }
}
