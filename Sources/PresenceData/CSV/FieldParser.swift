/// Parses cells straight from their bytes: numbers, booleans and message ids.
enum FieldParser {
    /// The outcome of reading a cell that should hold a value.
    enum Parsed<Value> {
        /// The cell is empty (or only spaces).
        case missing
        /// The cell holds a value.
        case value(Value)
        /// The cell holds something else.
        case invalid
    }

    /// Powers of ten exactly representable as `Double`.
    private static let exactPowersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    @inline(__always)
    static func trimmed(_ b: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var start = 0, end = b.count
        while start < end, b[start] == 0x20 || b[start] == 0x09 || b[start] == 0x0D { start += 1 }
        while end > start, b[end - 1] == 0x20 || b[end - 1] == 0x09 || b[end - 1] == 0x0D { end -= 1 }
        if start == 0 && end == b.count { return b }
        return UnsafeBufferPointer(rebasing: b[start..<end])
    }

    /// Reads a decimal number: optional sign, digits, optional fraction and exponent.
    ///
    /// With `thousands` (the delimiter is not `,`, or the cell was quoted) commas between digit
    /// groups of three are thousands separators (`12,345` = 12345); a single comma followed by
    /// other than three digits, with no point, is a decimal comma (`12,5` = 12.5), as
    /// European-locale exports write. Up to 15 significant digits and exponents within ±22
    /// are converted exactly here; anything longer goes through the standard library.
    @inline(__always)
    static func number(_ raw: UnsafeBufferPointer<UInt8>, thousands: Bool) -> Parsed<Double> {
        // The usual cell, a count of 1 to 15 digits, in one tight loop inlined at the caller
        // (exact in a Double); anything else (spaces, signs, separators) goes the long way.
        let n = raw.count
        if n > 0 && n <= 15 {
            var whole: UInt64 = 0
            var k = 0
            while k < n {
                let digit = raw[k] &- 0x30
                if digit > 9 { break }
                whole = whole &* 10 &+ UInt64(digit)
                k += 1
            }
            if k == n { return .value(Double(whole)) }
        }
        return anyNumber(raw, thousands: thousands)
    }

    /// `number` for every other cell.
    private static func anyNumber(_ raw: UnsafeBufferPointer<UInt8>, thousands: Bool) -> Parsed<Double> {
        let b = trimmed(raw)
        let n = b.count
        if n == 0 { return .missing }
        var i = 0
        var negative = false
        if b[0] == UInt8(ascii: "-") { negative = true; i = 1 } else if b[0] == UInt8(ascii: "+") { i = 1 }
        var mantissa: UInt64 = 0
        var digits = 0          // significant digits accumulated into mantissa
        var dropped = 0         // integer digits beyond 19 (scale up)
        var fractionDigits = 0
        var sawDigit = false
        var sawPoint = false
        var commas = 0
        var groupLength = -1    // digits since the last comma; -1 before any comma
        var decimalComma = false
        while i < n {
            let c = b[i]
            if c >= 0x30 && c <= 0x39 {
                sawDigit = true
                if digits < 19 {
                    mantissa = mantissa &* 10 &+ UInt64(c &- 0x30)
                    if mantissa != 0 { digits += 1 }
                    if sawPoint || decimalComma { fractionDigits += 1 }
                } else if !(sawPoint || decimalComma) {
                    dropped += 1
                }
                if groupLength >= 0 { groupLength += 1 }
                i += 1
            } else if c == UInt8(ascii: ",") && thousands && !sawPoint && !decimalComma && sawDigit {
                if groupLength >= 0 && groupLength != 3 { return .invalid }
                commas += 1
                groupLength = 0
                i += 1
            } else if c == UInt8(ascii: ".") && !sawPoint && !decimalComma {
                if groupLength >= 0 && groupLength != 3 { return .invalid }
                groupLength = -1
                sawPoint = true
                i += 1
            } else {
                break
            }
        }
        if groupLength >= 0 && groupLength != 3 {
            // `12,5`: one comma, not a group of three → decimal comma.
            guard commas == 1 && !sawPoint && groupLength > 0 else { return .invalid }
            decimalComma = true
            fractionDigits = groupLength
        }
        if !sawDigit { return .invalid }
        var exponent = 0
        if i < n && (b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E")) {
            i += 1
            var expNegative = false
            if i < n && (b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+")) {
                expNegative = b[i] == UInt8(ascii: "-")
                i += 1
            }
            var expDigits = 0
            while i < n, b[i] >= 0x30 && b[i] <= 0x39 {
                if exponent < 10000 { exponent = exponent * 10 + Int(b[i] - 0x30) }
                expDigits += 1
                i += 1
            }
            if expDigits == 0 { return .invalid }
            if expNegative { exponent = -exponent }
        }
        if i != n { return .invalid }
        let scale = exponent + dropped - fractionDigits
        if digits <= 15 && scale >= -22 && scale <= 22 && mantissa < (1 << 53) {
            var value = Double(mantissa)
            if scale < 0 { value /= exactPowersOfTen[-scale] } else if scale > 0 { value *= exactPowersOfTen[scale] }
            return .value(negative ? -value : value)
        }
        // Slow path: rebuild a plain literal without separators.
        var text = ""
        text.reserveCapacity(n)
        for c in b where c != UInt8(ascii: ",") { text.unicodeScalars.append(Unicode.Scalar(c)) }
        if decimalComma, let last = b.lastIndex(of: UInt8(ascii: ",")) {
            var bytes = Array(b)
            bytes[last] = UInt8(ascii: ".")
            text = String(decoding: bytes, as: UTF8.self)
        }
        guard let value = Double(text) else { return .invalid }
        return .value(value)
    }

    /// Reads a yes/no cell: `true`/`false`, `t`/`f`, `yes`/`no`, `y`/`n`, `1`/`0` (also `1.0`),
    /// case-insensitively. Compared as bytes packed into a word: it runs once a row.
    static func bool(_ raw: UnsafeBufferPointer<UInt8>) -> Parsed<Bool> {
        let b = trimmed(raw)
        if b.isEmpty { return .missing }
        if b.count > 5 { return .invalid }
        var word: UInt64 = 0
        for c in b { word = word << 8 | UInt64(c >= 0x41 && c <= 0x5A ? c | 0x20 : c) }
        // The words' bytes as hexadecimal: "true" is 74 72 75 65.
        switch word {
        case 0x7472_7565, 0x74, 0x79_6573, 0x79, 0x31, 0x31_2E30: return .value(true)            // true t yes y 1 1.0
        case 0x66_616C_7365, 0x66, 0x6E6F, 0x6E, 0x30, 0x30_2E30: return .value(false)         // false f no n 0 0.0
        default: return .invalid
        }
    }

    /// Reads a message id: `3`, `3.0` and `003` are the same id (exports written through a
    /// spreadsheet turn integer ids into floats); anything else is kept as text.
    static func messageID(_ raw: UnsafeBufferPointer<UInt8>) -> Parsed<MessageID> {
        let b = trimmed(raw)
        if b.isEmpty { return .missing }
        var value: UInt64 = 0
        var i = 0
        var numeric = true
        var digitCount = 0
        while i < b.count, b[i] >= 0x30 && b[i] <= 0x39 {
            let (times, o1) = value.multipliedReportingOverflow(by: 10)
            let (plus, o2) = times.addingReportingOverflow(UInt64(b[i] - 0x30))
            if o1 || o2 { numeric = false; break }
            value = plus
            digitCount += 1
            i += 1
        }
        if numeric && digitCount > 0 {
            if i < b.count && b[i] == UInt8(ascii: ".") {
                i += 1
                while i < b.count && b[i] == UInt8(ascii: "0") { i += 1 }
            }
            if i == b.count { return .value(.number(value)) }
        }
        return .value(.text(String(decoding: b, as: UTF8.self)))
    }
}

/// A normalised message id: numeric ids compare as numbers (`3.0` == `3`).
enum MessageID: Hashable {
    case number(UInt64)
    case text(String)
    /// A ticket without an id of its own, numbered in the order it was read.
    case anonymous(Int)
}

extension FieldParser {
    /// An id for a row that has none.
    static func anonymousID(_ n: Int) -> MessageID { .anonymous(n) }

    /// Minutes written as a number (`18`, `18.5`) or as a duration `HH:MM:SS` / `HH:MM`
    /// (Freshdesk's "First response time (in hrs)"); nil when empty or neither.
    static func minutes(_ raw: UnsafeBufferPointer<UInt8>) -> Double? {
        let b = trimmed(raw)
        if b.isEmpty { return nil }
        if !b.contains(UInt8(ascii: ":")) {
            if case .value(let v) = number(b, thousands: true) { return v }
            return nil
        }
        var parts: [Double] = []
        var current: Double = 0
        var digits = 0
        for byte in b {
            if byte == UInt8(ascii: ":") {
                guard digits > 0 else { return nil }
                parts.append(current)
                current = 0
                digits = 0
            } else if byte >= 0x30 && byte <= 0x39 {
                current = current * 10 + Double(byte - 0x30)
                digits += 1
            } else {
                return nil
            }
        }
        guard digits > 0 else { return nil }
        parts.append(current)
        switch parts.count {
        case 2: return parts[0] * 60 + parts[1]
        case 3: return parts[0] * 60 + parts[1] + parts[2] / 60
        default: return nil
        }
    }
}
