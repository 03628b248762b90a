import AuditKit

/// Draws the report's charts as inline SVG: the overall gauge with the band thresholds, bars
/// per checklist and section, shares of the client's measured data, and before/after bars. Each
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
        case .shares(let title, let rows): return shares(title: title, rows: rows, id: id)
        case .values(let title, let rows): return values(title: title, rows: rows, id: id)
        case .beforeAfter(let title, let rows): return beforeAfter(title: title, rows: rows, id: id)
        case .trend(let title, let dates, let series): return trend(title: title, dates: dates, series: series, id: id)
        case .line(let title, let points): return line(title: title, points: points, id: id)
        }
    }

    /// One figure over time, on an axis from a round number below its lowest value to one above
    /// its highest (followers change by a few percent a month: from zero the line would be flat).
    private func line(title: String, points: [(label: String, value: Double)], id: String) -> String {
        let width = 640, height = 236, left = 70.0, right = 610.0, top = 36.0, bottom = 196.0
        let values = points.map(\.value)
        let (low, high) = Self.niceRange(values.min() ?? 0, values.max() ?? 1)
        let x: (Int) -> Double = { points.count < 2 ? left : left + Double($0) * (right - left) / Double(points.count - 1) }
        let y: (Double) -> Double = { bottom - ($0 - low) / (high - low) * (bottom - top) }
        let words = points.map { "\($0.label) \(DecimalFormat.trimmed($0.value, decimals: 0))" }.joined(separator: ", ")
        var out = Self.open(id, "\(title): \(words)", width: width, height: height)
        out += "<text x=\"20\" y=\"14\" class=\"label\">\(Self.e(title))</text>\n"
        for t in [low, (low + high) / 2, high] {
            out += "<line x1=\"\(Self.n(left))\" y1=\"\(Self.n(y(t)))\" x2=\"\(Self.n(right))\" y2=\"\(Self.n(y(t)))\" class=\"threshold\"/>\n"
            out += "<text x=\"\(Self.n(left - 6))\" y=\"\(Self.n(y(t) + 4))\" text-anchor=\"end\" class=\"tick\">\(DecimalFormat.trimmed(t, decimals: 0))</text>\n"
        }
        for (i, point) in points.enumerated() where points.count <= 12 || i % 2 == (points.count - 1) % 2 {
            out += "<text x=\"\(Self.n(x(i)))\" y=\"\(Self.n(bottom + 18))\" text-anchor=\"middle\" class=\"tick\">\(Self.e(point.label))</text>\n"
        }
        out += "<polyline points=\"\(points.indices.map { "\(Self.n(x($0))),\(Self.n(y(points[$0].value)))" }.joined(separator: " "))\" fill=\"none\" stroke=\"\(Self.ink)\" stroke-width=\"3\"/>\n"
        for i in points.indices {
            out += "<circle cx=\"\(Self.n(x(i)))\" cy=\"\(Self.n(y(points[i].value)))\" r=\"3\" fill=\"\(Self.ink)\"/>\n"
        }
        return out + Self.close
    }

    /// A range with round ends around `low…high`: steps of 1, 2 or 5 times a power of ten.
    static func niceRange(_ low: Double, _ high: Double) -> (Double, Double) {
        let span = max(high - low, max(abs(high) * 0.02, 1))
        var step = 1.0
        while step * 10 <= span { step *= 10 }
        for factor in [0.2, 0.5] where step * factor * 5 >= span { step *= factor; break }
        let bottom = (low / step).rounded(.down) * step, top = (high / step).rounded(.up) * step
        return (bottom, top > bottom ? top : bottom + step)
    }

    /// Lines of scores over the audits' dates, evenly spaced (audits are not evenly dated, and
    /// the dates label each point), 0–100 upwards with the band thresholds; the overall line
    /// in ink, the checklists' in greys with dashes, each named at its last point.
    private func trend(title: String, dates: [String], series: [(label: String, scores: [Double?])], id: String) -> String {
        let width = 640, height = 260, left = 40.0, right = 500.0, top = 16.0, bottom = 220.0
        let x: (Int) -> Double = { dates.count < 2 ? left : left + Double($0) * (right - left) / Double(dates.count - 1) }
        let y: (Double) -> Double = { bottom - $0 / 100 * (bottom - top) }
        let words = series.map { s in
            "\(s.label): " + zip(dates, s.scores).map { "\($0) \(Self.score($1))" }.joined(separator: ", ")
        }.joined(separator: "; ")
        var out = Self.open(id, "\(title): \(words)", width: width, height: height)
        for t in [0.0, 50, 80, 90, 100] {
            out += "<line x1=\"\(Self.n(left))\" y1=\"\(Self.n(y(t)))\" x2=\"\(Self.n(right))\" y2=\"\(Self.n(y(t)))\" class=\"threshold\"/>\n"
            out += "<text x=\"\(Self.n(left - 6))\" y=\"\(Self.n(y(t) + 4))\" text-anchor=\"end\" class=\"tick\">\(Self.n(t))</text>\n"
        }
        for (i, date) in dates.enumerated() {
            out += "<text x=\"\(Self.n(x(i)))\" y=\"\(Self.n(bottom + 18))\" text-anchor=\"middle\" class=\"tick\">\(Self.e(date))</text>\n"
        }
        for (k, s) in series.enumerated() {
            let colour = k == 0 ? Self.ink : "#7b8794"
            let dash = k == 0 ? "" : " stroke-dasharray=\"\(2 + 2 * k) 3\""
            let points = s.scores.enumerated().compactMap { i, v in v.map { "\(Self.n(x(i))),\(Self.n(y($0)))" } }
            out += "<polyline points=\"\(points.joined(separator: " "))\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"\(k == 0 ? 3 : 1.5)\"\(dash)/>\n"
            for (i, v) in s.scores.enumerated() {
                if let v { out += "<circle cx=\"\(Self.n(x(i)))\" cy=\"\(Self.n(y(v)))\" r=\"3\" fill=\"\(colour)\"/>\n" }
            }
            if let last = s.scores.indices.last(where: { s.scores[$0] != nil }), let v = s.scores[last] {
                out += "<text x=\"\(Self.n(x(last) + 8))\" y=\"\(Self.n(y(v) + 4))\" class=\"label\">\(Self.e(s.label))</text>\n"
            }
        }
        return out + Self.close
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
            out += Self.rowHead(row.label, Self.score(row.score), top: top)
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

    /// Shares of a whole (0–100 %), one bar each, the one that matters to the finding (social
    /// media) in the accent colour and the others grey.
    private func shares(title: String, rows: [Chart.ShareRow], id: String) -> String {
        let height = rows.count * 40 + 8
        let words = rows.map { "\($0.label) \(Self.n($0.percent))%" }.joined(separator: "; ")
        var out = Self.open(id, "\(title): \(words)", width: 640, height: height)
        for (i, row) in rows.enumerated() {
            let top = i * 40
            out += Self.rowHead(row.label, Self.n(row.percent) + "%", top: top)
            let width = min(max(row.percent, 0), 100) * 6
            if width > 0 {
                out += "<rect x=\"20\" y=\"\(top + 20)\" width=\"\(Self.n(width))\" height=\"14\" fill=\"\(row.highlight ? Self.ink : "#9aa5b1")\"/>\n"
            }
        }
        return out + Self.close
    }

    /// A bar row's label on the left, its value on the right and the empty track under both.
    private static func rowHead(_ label: String, _ value: String, top: Int) -> String {
        "<text x=\"20\" y=\"\(top + 14)\" class=\"label\">\(e(label))</text>\n"
            + "<text x=\"620\" y=\"\(top + 14)\" text-anchor=\"end\" class=\"value\">\(value)</text>\n"
            + "<rect x=\"20\" y=\"\(top + 20)\" width=\"600\" height=\"14\" class=\"track\"/>\n"
    }

    /// Figures side by side, scaled to the largest.
    private func values(title: String, rows: [Chart.ValueRow], id: String) -> String {
        let height = rows.count * 40 + 8
        let largest = max(rows.map(\.value).max() ?? 0, 1e-9)
        let words = rows.map { "\($0.label) \(Self.n($0.value))" }.joined(separator: "; ")
        var out = Self.open(id, "\(title): \(words)", width: 640, height: height)
        for (i, row) in rows.enumerated() {
            let top = i * 40
            out += Self.rowHead(row.label, Self.n(row.value), top: top)
            let width = max(row.value, 0) / largest * 600
            if width > 0 { out += "<rect x=\"20\" y=\"\(top + 20)\" width=\"\(Self.n(width))\" height=\"14\" fill=\"\(Self.ink)\"/>\n" }
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
