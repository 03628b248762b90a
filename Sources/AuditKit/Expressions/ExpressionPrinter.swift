/// Prints an expression tree back to source text, with the fewest parentheses that keep the
/// tree: parsing the printed text gives the same tree (compare with `Expr.shape`).
public enum ExpressionPrinter {
    /// The source text of `expr`.
    public static func print(_ expr: Expr) -> String {
        render(expr, parentPrecedence: 0)
    }

    /// A number as the lexer reads it: integers without `.0`, no exponent notation.
    public static func formatNumber(_ v: Double) -> String {
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        let text = "\(v)"
        if !text.contains("e") { return text }
        var fixed = DecimalFormat.fixed(v, decimals: 20)
        while fixed.hasSuffix("0") { fixed.removeLast() }
        return fixed
    }

    /// A duration in seconds as the shortest unit sum, e.g. 5400 → `1h30m`.
    public static func formatDuration(_ seconds: Double) -> String {
        guard seconds == seconds.rounded(), seconds > 0, seconds < 1e15 else {
            return formatNumber(seconds) + "s"
        }
        var rest = Int64(seconds)
        var out = ""
        for (unit, size) in [("w", Int64(604_800)), ("d", 86400), ("h", 3600), ("m", 60), ("s", 1)] where rest >= size {
            out += "\(rest / size)\(unit)"
            rest %= size
        }
        return out
    }

    /// A string literal with `"` and `\` escaped.
    public static func quote(_ s: String) -> String {
        var out = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(c)
            }
        }
        return out + "\""
    }

    // Precedence levels: or 1, and 2, not 3, comparison 4, sum 5, product 6, unary minus 7.
    private static func render(_ expr: Expr, parentPrecedence: Int) -> String {
        switch expr.kind {
        case .number(let v):
            // The parser never makes a negative literal (it makes unary minus), so a negative
            // literal built by hand prints as `-5` and comes back as `-(5)`: same value, other tree.
            return formatNumber(v)
        case .percent(let v): return formatNumber(v) + "%"
        case .duration(let s): return formatDuration(s)
        case .string(let s): return quote(s)
        case .bool(let b): return b ? "true" : "false"
        case .list(let items): return "[" + items.map { print($0) }.joined(separator: ", ") + "]"
        case .reference(let c, let q): return (c.map { $0 + "." } ?? "") + q
        case .call(let f, let args): return f.rawValue + "(" + args.map { print($0) }.joined(separator: ", ") + ")"
        case .unary(.not, let e):
            return wrap("not " + render(e, parentPrecedence: 3), own: 3, parent: parentPrecedence)
        case .unary(.negate, let e):
            return wrap("-" + render(e, parentPrecedence: 7), own: 7, parent: parentPrecedence)
        case .binary(let op, let l, let r):
            let p = op.precedence
            // Left-associative: the left side may share the level, the right side must bind tighter.
            // Comparisons do not chain, so both sides must bind tighter.
            let left = render(l, parentPrecedence: op.isComparison ? p + 1 : p)
            let right = render(r, parentPrecedence: p + 1)
            return wrap("\(left) \(op.rawValue) \(right)", own: p, parent: parentPrecedence)
        case .chain(let first, let links):
            let p = links[0].op.precedence
            var text = render(first, parentPrecedence: p)
            for link in links { text += " \(link.op.rawValue) " + render(link.operand, parentPrecedence: p + 1) }
            return wrap(text, own: p, parent: parentPrecedence)
        }
    }

    private static func wrap(_ s: String, own: Int, parent: Int) -> String {
        own < parent ? "(" + s + ")" : s
    }
}
