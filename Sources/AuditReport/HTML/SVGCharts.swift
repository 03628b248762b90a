import AuditKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Draws the report's charts as inline SVG: the overall gauge with the band thresholds, bars
/// per checklist and section, a radar of a checklist's sections, and before/after bars. Each
/// chart is an image with a `<title>` and an `aria-label` saying what it shows in words; the
/// table beside it carries the same numbers. Ids are numbered in order, so output is stable.
struct SVGCharts {
    private var count = 0

    /// Band colours, light (background) and dark (text), from at risk to leading.
    static let bandFill = ["#f6d5d1", "#fbe7c2", "#d8eed3", "#b9e0b1"]
    static let ink = "#1f3a5f"

    mutating func render(_ chart: Chart) -> String {
        count += 1
        let id = "chart-\(count)"
        switch chart {
        case .gauge(let g): return gauge(g, id: id)
        case .bars(let title, let rows): return bars(title: title, rows: rows, id: id)
        case .radar(let title, let axes): return radar(title: title, axes: axes, id: id)
        case .beforeAfter(let title, let rows): return beforeAfter(title: title, rows: rows, id: id)
        }
    }

    private static func n(_ v: Double) -> String { DecimalFormat.trimmed(v, decimals: 1) }
    private static func e(_ text: String) -> String { HTMLEscaper.escape(text) }
    private static func score(_ v: Double?) -> String { v.map { DecimalFormat.fixed($0, decimals: 1) } ?? "no score" }

    /// `<figure><svg …><title>…</title>` with the text alternative in both places.
    private static func open(_ id: String, _ label: String, width: Int, height: Int) -> String {
        let text = e(label)
        return "<figure class=\"chart\">\n<svg viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" role=\"img\" aria-labelledby=\"\(id)\" aria-label=\"\(text)\">\n<title id=\"\(id)\">\(text)</title>\n"
    }

    private static let close = "</svg>\n</figure>\n"

    /// A band threshold or scale label along the bottom.
    private static func axis(x: (Double) -> Double, y: Int, top: Int) -> String {
        var out = ""
        for t in [0.0, 50, 80, 90, 100] {
            if t > 0 && t < 100 {
                out += "<line x1=\"\(n(x(t)))\" y1=\"\(top)\" x2=\"\(n(x(t)))\" y2=\"\(y - 12)\" class=\"threshold\"/>\n"
            }
            out += "<text x=\"\(n(x(t)))\" y=\"\(y)\" text-anchor=\"middle\" class=\"tick\">\(n(t))</text>\n"
        }
        return out
    }

    private static var bandWords: String {
        "bands: at risk below 50, developing 50 to 79.9, strong 80 to 89.9, leading 90 and above"
    }

    private static func rangeWords(_ low: Double?, _ high: Double?) -> String {
        guard let low, let high, low != high else { return "" }
        return ", could still be \(score(low)) to \(score(high))"
    }

    private func gauge(_ g: Chart.Gauge, id: String) -> String {
        let x: (Double) -> Double = { 20 + $0 * 6 }
        let label = g.score == nil ? "Overall score: not enough answers to score yet; \(Self.bandWords)"
            : "\(g.title)\(Self.rangeWords(g.low, g.high)); \(Self.bandWords)"
        var out = Self.open(id, label, width: 640, height: 120)
        let bands: [(Double, Double, String)] = [(0, 50, "at risk"), (50, 80, "developing"), (80, 90, "strong"), (90, 100, "leading")]
        for (i, band) in bands.enumerated() {
            out += "<rect x=\"\(Self.n(x(band.0)))\" y=\"30\" width=\"\(Self.n((band.1 - band.0) * 6))\" height=\"40\" fill=\"\(Self.bandFill[i])\"/>\n"
            out += "<text x=\"\(Self.n(x((band.0 + band.1) / 2)))\" y=\"22\" text-anchor=\"middle\" class=\"band\">\(band.2)</text>\n"
        }
        if let low = g.low, let high = g.high, high > low {
            out += "<rect x=\"\(Self.n(x(low)))\" y=\"36\" width=\"\(Self.n((high - low) * 6))\" height=\"28\" fill=\"\(Self.ink)\" fill-opacity=\"0.22\"/>\n"
        }
        if let s = g.score {
            out += "<rect x=\"20\" y=\"44\" width=\"\(Self.n(s * 6))\" height=\"12\" fill=\"\(Self.ink)\"/>\n"
            out += "<line x1=\"\(Self.n(x(s)))\" y1=\"28\" x2=\"\(Self.n(x(s)))\" y2=\"72\" stroke=\"\(Self.ink)\" stroke-width=\"3\"/>\n"
            out += "<text x=\"\(Self.n(min(max(x(s), 40), 600)))\" y=\"112\" text-anchor=\"middle\" class=\"value\">\(Self.score(s))</text>\n"
        } else {
            out += "<text x=\"320\" y=\"56\" text-anchor=\"middle\" class=\"value\">no score yet</text>\n"
        }
        for t in [0.0, 50, 80, 90, 100] {
            out += "<text x=\"\(Self.n(x(t)))\" y=\"88\" text-anchor=\"middle\" class=\"tick\">\(Self.n(t))</text>\n"
        }
        return out + Self.close
    }

    private func bars(title: String, rows: [Chart.BarRow], id: String) -> String {
        let x: (Double) -> Double = { 20 + $0 * 6 }
        let height = rows.count * 40 + 30
        let words = rows.map { "\($0.label) \(Self.score($0.score))\(Self.rangeWords($0.low, $0.high))" }.joined(separator: "; ")
        var out = Self.open(id, "\(title): \(words)", width: 640, height: height)
        for (i, row) in rows.enumerated() {
            let top = i * 40
            out += "<text x=\"20\" y=\"\(top + 14)\" class=\"label\">\(Self.e(row.label))</text>\n"
            out += "<text x=\"620\" y=\"\(top + 14)\" text-anchor=\"end\" class=\"value\">\(Self.score(row.score))</text>\n"
            out += "<rect x=\"20\" y=\"\(top + 20)\" width=\"600\" height=\"14\" class=\"track\"/>\n"
            if let low = row.low, let high = row.high, high > low {
                out += "<rect x=\"\(Self.n(x(low)))\" y=\"\(top + 20)\" width=\"\(Self.n((high - low) * 6))\" height=\"14\" fill=\"\(Self.ink)\" fill-opacity=\"0.22\"/>\n"
            }
            if let s = row.score, s > 0 {
                out += "<rect x=\"20\" y=\"\(top + 20)\" width=\"\(Self.n(s * 6))\" height=\"14\" fill=\"\(Self.ink)\"/>\n"
            }
        }
        out += Self.axis(x: x, y: height - 4, top: 16)
        return out + Self.close
    }

    private func radar(title: String, axes: [Chart.BarRow], id: String) -> String {
        let cx = 320.0, cy = 220.0, radius = 140.0
        let words = axes.map { "\($0.label) \(Self.score($0.score))" }.joined(separator: "; ")
        var out = Self.open(id, "\(title) (radar, centre 0, edge 100): \(words)", width: 640, height: 440)
        func point(_ i: Int, _ r: Double) -> (Double, Double) {
            let angle = Double(i) / Double(axes.count) * 2 * Double.pi - Double.pi / 2
            return (cx + r * cos(angle), cy + r * sin(angle))
        }
        for ring in [25.0, 50, 75, 100] {
            let points = axes.indices.map { i -> String in
                let p = point(i, radius * ring / 100)
                return "\(Self.n(p.0)),\(Self.n(p.1))"
            }.joined(separator: " ")
            out += "<polygon points=\"\(points)\" class=\"ring\"/>\n"
            let label = point(0, radius * ring / 100)
            out += "<text x=\"\(Self.n(label.0 + 4))\" y=\"\(Self.n(label.1 + 4))\" class=\"tick\">\(Self.n(ring))</text>\n"
        }
        for i in axes.indices {
            let end = point(i, radius)
            out += "<line x1=\"\(Self.n(cx))\" y1=\"\(Self.n(cy))\" x2=\"\(Self.n(end.0))\" y2=\"\(Self.n(end.1))\" class=\"spoke\"/>\n"
        }
        let shape = axes.indices.map { i -> String in
            let p = point(i, radius * min(max(axes[i].score ?? 0, 0), 100) / 100)
            return "\(Self.n(p.0)),\(Self.n(p.1))"
        }.joined(separator: " ")
        out += "<polygon points=\"\(shape)\" fill=\"\(Self.ink)\" fill-opacity=\"0.2\" stroke=\"\(Self.ink)\" stroke-width=\"2\"/>\n"
        for (i, axis) in axes.enumerated() {
            let p = point(i, radius * min(max(axis.score ?? 0, 0), 100) / 100)
            out += "<circle cx=\"\(Self.n(p.0))\" cy=\"\(Self.n(p.1))\" r=\"4\" \(axis.score == nil ? "fill=\"#fff\" stroke=\"\(Self.ink)\"" : "fill=\"\(Self.ink)\"")/>\n"
            let at = point(i, radius + 16)
            let anchor = at.0 > cx + 8 ? "start" : at.0 < cx - 8 ? "end" : "middle"
            let lines = Self.wrap(axis.label, width: 24) + [Self.score(axis.score)]
            let firstY = at.1 < cy - 8 ? at.1 - Double(lines.count - 1) * 14 : at.1 > cy + 8 ? at.1 + 8 : at.1 - Double(lines.count - 1) * 7
            out += "<text x=\"\(Self.n(at.0))\" y=\"\(Self.n(firstY))\" text-anchor=\"\(anchor)\" class=\"label\">"
            for (j, line) in lines.enumerated() {
                out += "<tspan x=\"\(Self.n(at.0))\" dy=\"\(j == 0 ? "0" : "14")\"\(j == lines.count - 1 ? " class=\"value\"" : "")>\(Self.e(line))</tspan>"
            }
            out += "</text>\n"
        }
        return out + Self.close
    }

    private func beforeAfter(title: String, rows: [(label: String, previous: Double?, current: Double?)], id: String) -> String {
        let x: (Double) -> Double = { 20 + $0 * 6 }
        let height = rows.count * 52 + 56
        let words = rows.map { "\($0.label) \(Self.score($0.previous)) before, \(Self.score($0.current)) now" }.joined(separator: "; ")
        var out = Self.open(id, "\(title): \(words)", width: 640, height: height)
        out += "<rect x=\"20\" y=\"4\" width=\"12\" height=\"12\" fill=\"#9aa5b1\"/><text x=\"38\" y=\"14\" class=\"tick\">previous audit</text>\n"
        out += "<rect x=\"150\" y=\"4\" width=\"12\" height=\"12\" fill=\"\(Self.ink)\"/><text x=\"168\" y=\"14\" class=\"tick\">this audit</text>\n"
        for (i, row) in rows.enumerated() {
            let top = 28 + i * 52
            out += "<text x=\"20\" y=\"\(top + 12)\" class=\"label\">\(Self.e(row.label))</text>\n"
            for (j, value) in [row.previous, row.current].enumerated() {
                let y = top + 18 + j * 14
                out += "<rect x=\"20\" y=\"\(y)\" width=\"600\" height=\"11\" class=\"track\"/>\n"
                if let v = value, v > 0 {
                    out += "<rect x=\"20\" y=\"\(y)\" width=\"\(Self.n(v * 6))\" height=\"11\" fill=\"\(j == 0 ? "#9aa5b1" : Self.ink)\"/>\n"
                }
            }
            out += "<text x=\"620\" y=\"\(top + 12)\" text-anchor=\"end\" class=\"value\">\(Self.score(row.previous)) → \(Self.score(row.current))</text>\n"
        }
        out += Self.axis(x: x, y: height - 4, top: 28)
        return out + Self.close
    }

    /// Splits a label into lines of at most `width` characters at spaces (a longer word stays whole).
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if !current.isEmpty && current.count + 1 + word.count > width {
                lines.append(current)
                current = ""
            }
            current += (current.isEmpty ? "" : " ") + word
        }
        if !current.isEmpty { lines.append(current) }
        return lines.isEmpty ? [""] : lines
    }
}
