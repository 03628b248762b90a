import AuditKit
import Threads

/// Renders an audit as GitHub-flavoured Markdown, summary first: title and identity, summary,
/// action plan, scores, findings by theme, the comparison with an earlier audit (when given)
/// and an appendix with every answer and the scoring method.
///
/// The content is the report document (`DocumentBuilder`), which the HTML report renders too.
/// All text passes through `MarkdownEscaper`, so no answer can break a table or inject HTML.
/// The output depends only on the input: the same session always gives the same bytes.
public enum MarkdownReport {
    /// The report for `input`, with a comparison section when `baseline` is given.
    public static func render(_ input: ReportInput, baseline: ReportInput? = nil, settings: ReportSettings = ReportSettings()) -> String {
        let model = ReportModel(input)
        let builder = DocumentBuilder(model, baseline: baseline.map(ReportModel.init), settings: settings)
        // The annex, most of the text, is built and written on the other core while this one
        // does the body: a section's Markdown does not depend on the sections before it. That
        // core reads its own copy of the model's evaluator, which records what it works out.
        var annex: BackgroundJob<String>?
        if !settings.brief {
            let annexBuilder = builder.forAnotherThread()
            annex = BackgroundJob { render(annexBuilder.annex()) }
        }
        var writer = MarkdownWriter()
        writer.document(builder.body())
        switch annex?.result() {
        case .success(let text): writer.out += text
        case .failure: writer.section(builder.annex())  // not reached: writing Markdown does not throw
        case nil: break
        }
        return writer.finished()
    }

    /// One section's Markdown, as it reads in the report.
    private static func render(_ section: DocumentSection) -> String {
        var writer = MarkdownWriter()
        writer.section(section)
        return writer.out
    }
}

/// The Markdown being built; appends only, so building is linear.
private struct MarkdownWriter {
    var out = ""

    init() { out.reserveCapacity(8192) }

    mutating func document(_ document: ReportDocument) {
        line("# " + MarkdownEscaper.escape(document.title))
        line()
        blocks(document.header)
        for section in document.sections { self.section(section) }
    }

    mutating func section(_ section: DocumentSection) {
        line("## " + MarkdownEscaper.escape(section.title))
        line()
        blocks(section.blocks)
    }

    /// The text, ending in one newline, not a blank line.
    mutating func finished() -> String {
        while out.hasSuffix("\n\n") { out.removeLast() }
        return out
    }

    mutating func line(_ text: String = "") {
        out += text
        out += "\n"
    }

    mutating func blocks(_ blocks: [Block]) {
        for block in blocks { self.block(block) }
    }

    mutating func block(_ block: Block) {
        switch block {
        case .heading(let level, let content):
            line(String(repeating: "#", count: level) + " " + inline(content, lineStart: false))
            line()
        case .paragraph(let content):
            line(inline(content))
            line()
        case .list(let ordered, let start, let items):
            for (i, item) in items.enumerated() {
                line((ordered ? "\(start + i). " : "- ") + inline(item))
            }
            line()
        case .table(let table):
            line("| " + table.header.map { $0.isEmpty ? "" : MarkdownEscaper.escape($0) }.joined(separator: " | ") + " |")
            line("|" + table.alignment.map { $0 == .right ? "--:" : ":--" }.joined(separator: "|") + "|")
            for row in table.rows {
                line("| " + row.map { inline($0, lineStart: false) }.joined(separator: " | ") + " |")
            }
            line()
        case .quote(let text, let attribution):
            line("> " + inline(text))
            line("> " + inline(attribution))
            line()
        case .chart:
            // The table beside every chart carries its numbers; Markdown has nothing to draw with.
            break
        }
    }

    /// The inlines as Markdown. `lineStart`: the first text begins a line (of a paragraph, a list
    /// item or a quote), where it could open a block; elsewhere it follows other text.
    func inline(_ parts: [Inline], lineStart: Bool = true) -> String {
        var text = ""
        for part in parts {
            switch part {
            case .text(let s):
                // The escaper trims; the space that joins a fragment to its neighbour is the report's own.
                let escaped = MarkdownEscaper.escape(s, midLine: !(lineStart && text.isEmpty))
                text += (s.hasPrefix(" ") && !escaped.isEmpty ? " " : "") + escaped + (s.hasSuffix(" ") ? " " : "")
            case .literal(let s): text += s
            case .strong(let inner): text += "**" + inline(inner, lineStart: false) + "**"
            case .emphasis(let inner): text += "*" + inline(inner, lineStart: false) + "*"
            case .code(let s): text += "`" + s + "`"
            case .link(let url): text += "<" + url + ">"
            case .bar(let score): text += "`" + ScoreBar.render(score) + "`"
            }
        }
        return text
    }
}
