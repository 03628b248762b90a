extension JSONValue {
    /// The value on one line: `{"key": 1, "list": [1, 2]}`.
    public func rendered() -> String {
        var out = ""
        write(to: &out, indent: nil)
        return out
    }

    /// The value indented by two spaces per level, one member or item per line, ending in a
    /// newline: the layout a person reads and a diff compares line by line.
    public func prettyPrinted() -> String {
        var out = ""
        write(to: &out, indent: 0)
        out += "\n"
        return out
    }

    /// Writes the value; `indent` is the current level when pretty-printing, nil on one line.
    private func write(to out: inout String, indent: Int?) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .integer(let i): out += String(i)
        case .number(let d): out += Self.numberText(d)
        case .string(let s): Self.quote(s, into: &out)
        case .array(let items):
            Self.writeContainer(items, open: "[", close: "]", to: &out, indent: indent) { item, out, level in
                item.write(to: &out, indent: level)
            }
        case .object(let members):
            Self.writeContainer(members, open: "{", close: "}", to: &out, indent: indent) { member, out, level in
                Self.quote(member.key, into: &out)
                out += ": "
                member.value.write(to: &out, indent: level)
            }
        }
    }

    /// Brackets, separators and line breaks shared by arrays and objects.
    private static func writeContainer<Element>(
        _ elements: [Element], open: String, close: String, to out: inout String, indent: Int?,
        element: (Element, inout String, Int?) -> Void
    ) {
        out += open
        defer { out += close }
        guard !elements.isEmpty else { return }
        guard let indent else {
            for (i, e) in elements.enumerated() {
                if i > 0 { out += ", " }
                element(e, &out, nil)
            }
            return
        }
        out += "\n"
        for (i, e) in elements.enumerated() {
            out += String(repeating: "  ", count: indent + 1)
            element(e, &out, indent + 1)
            out += i + 1 < elements.count ? ",\n" : "\n"
        }
        out += String(repeating: "  ", count: indent)
    }

    /// Whole numbers below 1e15 without a fraction (`12`, not `12.0`; `-0.0` as `0`); others in
    /// Swift's shortest form that reads back to the same double (`0.1`, `1e-05`, `1e+16`), which
    /// is valid JSON; non-finite values as `null`.
    static func numberText(_ d: Double) -> String {
        guard d.isFinite else { return "null" }
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        return "\(d)"
    }

    private static let hexDigits: [Character] = Array("0123456789abcdef")

    /// A JSON string literal: quotes, backslashes and control characters escaped, and U+2028
    /// and U+2029 too, which JavaScript before ES2019 rejects in string literals; also DEL, the
    /// C1 controls and the bidirectional overrides and isolates, so JSON printed to a terminal
    /// cannot act on it (a raw U+009B starts an escape sequence); everything else as UTF-8.
    static func quote(_ s: String, into out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                let v = scalar.value
                if v < 0x20 || (0x7F...0x9F).contains(v) || v == 0x2028 || v == 0x2029
                    || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) {
                    out += "\\u"
                    for shift in stride(from: 12, through: 0, by: -4) {
                        out.append(hexDigits[Int((scalar.value >> UInt32(shift)) & 0xF)])
                    }
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
