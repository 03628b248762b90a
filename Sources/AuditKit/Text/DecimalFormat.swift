/// Fixed-point text of a `Double` without Foundation: the one number formatter behind the
/// report, `explain`, the expression printer and the shell's scores.
///
/// `fixed` prints what C's `printf("%.*f")` prints (and so `String(format:)`): the exact binary
/// value, rounded to the nearest multiple of 10^-decimals, ties to even. `0.15` is stored as
/// 0.1499999…, so it prints `0.1` with one decimal; `0.125` is exact and prints `0.12` with two.
public enum DecimalFormat {
    /// `value` with exactly `decimals` digits after the point (none, and no point, for 0), as
    /// `String(format: "%.Nf", value)`: `-0.0` keeps its sign; `nan`, `inf` and `-inf` as C prints them.
    public static func fixed(_ value: Double, decimals: Int) -> String {
        precondition(decimals >= 0, "a negative number of decimals")
        let sign = value.sign == .minus ? "-" : ""
        guard value.isFinite else { return sign + (value.isNaN ? "nan" : "inf") }
        var digits = Array(scaledDigits(value.magnitude, decimals).utf8)
        if digits.count <= decimals {
            digits.insert(contentsOf: repeatElement(UInt8(ascii: "0"), count: decimals + 1 - digits.count), at: 0)
        }
        if decimals > 0 { digits.insert(UInt8(ascii: "."), at: digits.count - decimals) }
        return sign + String(decoding: digits, as: UTF8.self)
    }

    /// `value` with at most `decimals` digits after the point, trailing zeros (and a bare point)
    /// dropped: `69.2`, `80`. A result of zero has no minus sign (`-0.04` → `0`).
    public static func trimmed(_ value: Double, decimals: Int) -> String {
        var text = fixed(value, decimals: decimals)
        guard value.isFinite else { return text }
        if decimals > 0 {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }

    /// The decimal digits of round(magnitude × 10^decimals), ties to even, for a finite
    /// non-negative `magnitude`. The value is m × 2^e exactly; scaled by 10^decimals it is an
    /// integer shifted right by -e bits, and the bits shifted out decide the rounding.
    private static func scaledDigits(_ magnitude: Double, _ decimals: Int) -> String {
        let isNormal = magnitude.exponentBitPattern != 0
        let m = magnitude.significandBitPattern | (isNormal ? 1 << 52 : 0)
        let e = (isNormal ? Int(magnitude.exponentBitPattern) : 1) - 1075
        if m == 0 { return "0" }

        // Scores, percentages and counts: everything fits in 64 bits.
        if decimals < powersOfTen.count {
            let scale = powersOfTen[decimals]
            if e >= 0, e < 11 {
                let (product, overflow) = (m << UInt64(e)).multipliedReportingOverflow(by: scale)
                if !overflow { return String(product) }
            } else if e < 0, e > -64 {
                let (high, low) = m.multipliedFullWidth(by: scale)
                if high == 0 {
                    let shift = UInt64(-e)
                    let quotient = low >> shift, rest = low & ((1 << shift) - 1), half: UInt64 = 1 << (shift - 1)
                    let up = rest > half || (rest == half && quotient & 1 == 1)
                    return String(quotient + (up ? 1 : 0))
                }
            }
        }

        var number = BigDigits(m)
        var left = decimals
        while left > 0 {
            let step = min(left, 9)
            number.multiply(by: UInt32(powersOfTen[step]))
            left -= step
        }
        if e >= 0 {
            number.shiftLeft(e)
        } else {
            let (half, below) = number.bitAndAnyBelow(-e - 1)
            number.shiftRight(-e)
            if half && (below || number.isOdd) { number.addOne() }
        }
        return number.decimal()
    }

    private static let powersOfTen: [UInt64] = (0...19).map { n in (0..<n).reduce(1) { power, _ in power * 10 } }
}

/// An unsigned integer of any size, as little-endian 32-bit limbs: just what `fixed` needs for
/// the numbers that do not fit in 64 bits (very large or very small values, many decimals).
private struct BigDigits {
    private var limbs: [UInt32]

    init(_ value: UInt64) {
        limbs = [UInt32(truncatingIfNeeded: value), UInt32(truncatingIfNeeded: value >> 32)]
        trim()
    }

    var isOdd: Bool { limbs.first.map { $0 & 1 == 1 } ?? false }

    mutating func multiply(by factor: UInt32) {
        var carry: UInt64 = 0
        for i in limbs.indices {
            let product = UInt64(limbs[i]) * UInt64(factor) + carry
            limbs[i] = UInt32(truncatingIfNeeded: product)
            carry = product >> 32
        }
        if carry > 0 { limbs.append(UInt32(carry)) }
    }

    mutating func shiftLeft(_ bits: Int) {
        let whole = bits / 32, part = bits % 32
        if part > 0 {
            var carry: UInt32 = 0
            for i in limbs.indices {
                let limb = limbs[i]
                limbs[i] = limb << UInt32(part) | carry
                carry = limb >> UInt32(32 - part)
            }
            if carry > 0 { limbs.append(carry) }
        }
        limbs.insert(contentsOf: repeatElement(0, count: whole), at: 0)
    }

    mutating func shiftRight(_ bits: Int) {
        let whole = bits / 32, part = bits % 32
        limbs.removeFirst(min(whole, limbs.count))
        if part > 0 {
            for i in limbs.indices {
                let next = i + 1 < limbs.count ? limbs[i + 1] : 0
                limbs[i] = limbs[i] >> UInt32(part) | next << UInt32(32 - part)
            }
        }
        trim()
    }

    /// Whether bit `index` is set, and whether any bit below it is.
    func bitAndAnyBelow(_ index: Int) -> (bit: Bool, below: Bool) {
        let limb = index / 32, offset = UInt32(index % 32)
        guard limb < limbs.count else { return (false, limbs.contains { $0 != 0 }) }
        let bit = limbs[limb] >> offset & 1 == 1
        let mask: UInt32 = offset == 0 ? 0 : UInt32.max >> (32 - offset)
        return (bit, limbs[limb] & mask != 0 || limbs[..<limb].contains { $0 != 0 })
    }

    mutating func addOne() {
        for i in limbs.indices {
            limbs[i] &+= 1
            if limbs[i] != 0 { return }
        }
        limbs.append(1)
    }

    /// The number in decimal, by repeated division by 10^9.
    func decimal() -> String {
        var rest = limbs
        var chunks: [UInt32] = []
        while !rest.isEmpty {
            var remainder: UInt64 = 0
            for i in rest.indices.reversed() {
                let current = remainder << 32 | UInt64(rest[i])
                rest[i] = UInt32(current / 1_000_000_000)
                remainder = current % 1_000_000_000
            }
            chunks.append(UInt32(remainder))
            while rest.last == 0 { rest.removeLast() }
        }
        guard let top = chunks.popLast() else { return "0" }
        var text = String(top)
        for chunk in chunks.reversed() {
            let part = String(chunk)
            text += String(repeating: "0", count: 9 - part.count) + part
        }
        return text
    }

    private mutating func trim() {
        while limbs.last == 0 { limbs.removeLast() }
    }
}
