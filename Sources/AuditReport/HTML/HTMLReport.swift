import AuditKit

/// Renders an audit as one self-contained HTML page a manager opens from an e-mail: the same
/// document as the Markdown report, in the same order, with inline CSS (system fonts and a print
/// stylesheet for A4 and Letter) and inline SVG charts. No script, no external request: the only
/// links are the web addresses the team gave as evidence.
///
/// Every piece of text, in content and in attributes alike, passes through `HTMLEscaper`.
public enum HTMLReport {
    /// The page for `input`, with the comparison when `baseline` is given.
    public static func render(_ input: ReportInput, baseline: ReportInput? = nil, settings: ReportSettings = ReportSettings()) -> String {
        let document = DocumentBuilder(ReportModel(input), baseline: baseline.map(ReportModel.init), settings: settings).build()
        return render(document, paper: settings.paper)
    }

    static func render(_ document: ReportDocument, paper: ReportSettings.Paper = .a4) -> String {
        var writer = HTMLWriter()
        let title = HTMLEscaper.escape(document.title)
        writer.out += """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="color-scheme" content="light">
        <title>\(title)</title>
        <style>
        \(ReportStyle.css(paper: paper))</style>
        </head>
        <body>
        <main>
        <header>
        <h1>\(title)</h1>

        """
        writer.blocks(document.header)
        writer.out += "</header>\n"
        for section in document.sections {
            writer.out += "<section id=\"\(HTMLEscaper.escape(section.id))\"\(section.startsPage ? " class=\"page\"" : "")>\n"
            writer.out += "<h2>\(HTMLEscaper.escape(section.title))</h2>\n"
            writer.blocks(section.blocks)
            writer.out += "</section>\n"
        }
        writer.out += "</main>\n</body>\n</html>\n"
        return writer.out
    }
}

/// The HTML being built; appends only.
private struct HTMLWriter {
    var out = ""
    var charts = SVGCharts()

    init() { out.reserveCapacity(32_768) }

    mutating func blocks(_ blocks: [Block]) {
        for block in blocks { self.block(block) }
    }

    mutating func block(_ block: Block) {
        switch block {
        case .heading(let level, let content):
            out += "<h\(level)>\(inline(content))</h\(level)>\n"
        case .paragraph(let content):
            out += "<p>\(inline(content))</p>\n"
        case .list(let ordered, let start, let items):
            let tag = ordered ? "ol" : "ul"
            out += ordered && start != 1 ? "<ol start=\"\(start)\">\n" : "<\(tag)>\n"
            for item in items { out += "<li>\(inline(item))</li>\n" }
            out += "</\(tag)>\n"
        case .table(let table):
            out += "<table class=\"\(table.kind.rawValue)\">\n<thead><tr>"
            for (i, cell) in table.header.enumerated() {
                out += "<th\(cellClass(table, i))>\(HTMLEscaper.escape(cell))</th>"
            }
            out += "</tr></thead>\n<tbody>\n"
            for row in table.rows {
                out += "<tr>"
                for (i, cell) in row.enumerated() { out += "<td\(cellClass(table, i))>\(inline(cell))</td>" }
                out += "</tr>\n"
            }
            out += "</tbody>\n</table>\n"
        case .quote(let text, let attribution):
            out += "<blockquote><p>\(inline(text))</p><footer>\(inline(attribution))</footer></blockquote>\n"
        case .chart(let chart):
            out += charts.render(chart)
        }
    }

    private func cellClass(_ table: Table, _ column: Int) -> String {
        column < table.alignment.count && table.alignment[column] == .right ? " class=\"num\"" : ""
    }

    func inline(_ parts: [Inline]) -> String {
        var text = ""
        for part in parts {
            switch part {
            case .text(let s), .literal(let s):
                // The escaper trims; the space that joins a fragment to its neighbour is the report's own.
                let escaped = HTMLEscaper.escape(s)
                text += (s.hasPrefix(" ") && !escaped.isEmpty ? " " : "") + escaped + (s.hasSuffix(" ") ? " " : "")
            case .strong(let inner): text += "<strong>" + inline(inner) + "</strong>"
            case .emphasis(let inner): text += "<em>" + inline(inner) + "</em>"
            case .code(let s): text += "<code>" + HTMLEscaper.escape(s) + "</code>"
            case .link(let url):
                let escaped = HTMLEscaper.escape(url)
                text += "<a href=\"\(escaped)\" rel=\"noopener noreferrer\">\(escaped)</a>"
            case .bar(let score):
                let width = score.map { DecimalFormat.trimmed(Swift.min(Swift.max($0, 0), 100), decimals: 1) } ?? "0"
                text += "<span class=\"bar\" aria-hidden=\"true\"><span style=\"width:\(width)%\"></span></span>"
            }
        }
        return text
    }
}
