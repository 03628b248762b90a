/// Exact quantiles of a sample, in O(n) expected time by selection (no full sort).
///
/// The q-quantile of n values sorted ascending `x[0] ≤ … ≤ x[n-1]` is taken at
/// position `p = (n − 1) × q`; with `k = ⌊p⌋`, it is `x[k] + (p − k) × (x[k+1] − x[k])`
/// (linear interpolation between the closest ranks — NumPy's and pandas' default, so
/// the median of an even count is the mean of the two middle values, and the p90 of
/// `[1, 2, … 10]` is 9.1). Empty samples have no quantile.
enum Quantile {
    /// The q-quantile of `values` (reordered in place).
    static func of(_ values: inout [Double], _ q: Double) -> Double? {
        let n = values.count
        if n == 0 { return nil }
        let position = Double(n - 1) * q
        let k = Int(position.rounded(.down))
        let fraction = position - Double(k)
        return values.withUnsafeMutableBufferPointer { buffer -> Double in
            select(buffer, k)
            let low = buffer[k]
            if fraction == 0 || k + 1 >= n { return low }
            // After selection everything right of k is ≥ x[k]; the next rank is their minimum.
            var high = buffer[k + 1]
            for i in (k + 2)..<max(k + 2, n) where buffer[i] < high { high = buffer[i] }
            return low + fraction * (high - low)
        }
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
