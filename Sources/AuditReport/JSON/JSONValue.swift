import AuditKit

/// A JSON document with object keys in the order they were written, so the output is
/// deterministic and reads in the same order as the Markdown report.
enum JSONValue {
    case object([(String, JSONValue)])
    case array([JSONValue])
    case string(String)
    case number(Double)
    case int(Int)
    case bool(Bool)
    case null

    /// A string, or null.
    static func string(_ s: String?) -> JSONValue { s.map { .string($0) } ?? .null }

    /// A number, or null (also for NaN and infinities, which JSON cannot carry).
    static func number(_ v: Double?) -> JSONValue {
        guard let v, v.isFinite else { return .null }
        return .number(v)
    }

    /// A score-like value rounded to two decimals, or null.
    static func rounded(_ v: Double?) -> JSONValue { number(v.map { ($0 * 100).rounded() / 100 }) }

    /// Pretty-printed text with two-space indentation and a final newline.
    func serialized() -> String {
        var out = ""
        write(to: &out, indent: 0)
        out += "\n"
        return out
    }

    private func write(to out: inout String, indent: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .number(let v): out += v.isFinite ? ExpressionPrinter.formatNumber(v) : "null"
        case .string(let s): Self.quote(s, into: &out)
        case .array(let items):
            guard !items.isEmpty else { out += "[]"; return }
            out += "[\n"
            for (i, item) in items.enumerated() {
                Self.pad(&out, indent + 1)
                item.write(to: &out, indent: indent + 1)
                out += i + 1 < items.count ? ",\n" : "\n"
            }
            Self.pad(&out, indent)
            out += "]"
        case .object(let members):
            guard !members.isEmpty else { out += "{}"; return }
            out += "{\n"
            for (i, (key, value)) in members.enumerated() {
                Self.pad(&out, indent + 1)
                Self.quote(key, into: &out)
                out += ": "
                value.write(to: &out, indent: indent + 1)
                out += i + 1 < members.count ? ",\n" : "\n"
            }
            Self.pad(&out, indent)
            out += "}"
        }
    }

    private static func pad(_ out: inout String, _ level: Int) {
        for _ in 0..<level { out += "  " }
    }

    private static let hex: [Character] = Array("0123456789abcdef")

    /// A JSON string literal: quotes, backslashes and control characters escaped (and U+2028,
    /// U+2029, which some JavaScript parsers reject); everything else as UTF-8.
    private static func quote(_ s: String, into out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    out += "\\u"
                    for shift in stride(from: 12, through: 0, by: -4) {
                        out.append(hex[Int((scalar.value >> UInt32(shift)) & 0xF)])
                    }
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
