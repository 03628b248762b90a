/// The report as a tree of blocks, built once from the model and rendered by both the Markdown
/// and the HTML writer, so the two carry the same content in the same order. Text in the tree
/// is raw: each writer escapes it with its one escaping function.
struct ReportDocument {
    /// The title (`Social media audit: Acme`).
    var title: String
    /// What follows the title before the first section: date, auditors, checklists.
    var header: [Block]
    /// The major sections: summary, action plan, scores, findings, comparison, appendix.
    var sections: [DocumentSection]
}

/// A major section of the report; in print the findings, the comparison and the appendix start a page.
struct DocumentSection {
    /// Its anchor in the HTML (`summary`, `findings`).
    var id: String
    /// Its heading.
    var title: String
    /// Whether print starts it on a new page.
    var startsPage: Bool
    /// Its content.
    var blocks: [Block]
}

/// Inline content: text and its emphasis.
indirect enum Inline: Hashable {
    /// Plain text (escaped by the writer).
    case text(String)
    /// Text the report writes itself that Markdown needs no escape for where it stands (the
    /// `1. ` of a numbered heading, which the Markdown escaper would take for a list); HTML
    /// escapes it as any text.
    case literal(String)
    /// Strong emphasis.
    case strong([Inline])
    /// Emphasis.
    case emphasis([Inline])
    /// Code (identifiers in the appendix).
    case code(String)
    /// A web address the team gave as evidence, shown as itself and linked.
    case link(String)
    /// A score drawn as a bar (Unicode blocks in Markdown, a CSS bar in HTML).
    case bar(Double?)
}

/// A block of the report.
enum Block {
    /// A heading below the section's own (3 to 6).
    case heading(Int, [Inline])
    /// A paragraph.
    case paragraph([Inline])
    /// A list; ordered lists number from `start`.
    case list(ordered: Bool, start: Int, items: [[Inline]])
    /// A table.
    case table(Table)
    /// A quotation with its attribution.
    case quote(text: [Inline], attribution: [Inline])
    /// A chart (HTML only: the table beside it carries the same numbers in Markdown).
    case chart(Chart)
}

extension Block {
    /// The words a reader reads in `blocks` (text split at spaces; charts and bars count none).
    static func wordCount(_ blocks: [Block]) -> Int {
        func words(_ inlines: [Inline]) -> Int {
            inlines.reduce(0) { total, inline in
                switch inline {
                case .text(let s), .literal(let s), .code(let s), .link(let s):
                    total + s.split(whereSeparator: { $0 == " " || $0 == "\n" }).count
                case .strong(let inner), .emphasis(let inner): total + words(inner)
                case .bar: total
                }
            }
        }
        return blocks.reduce(0) { total, block in
            switch block {
            case .heading(_, let content), .paragraph(let content): total + words(content)
            case .list(_, _, let items): total + items.reduce(0) { $0 + words($1) }
            case .table(let table): total + table.header.count + table.rows.reduce(0) { $0 + $1.reduce(0) { $0 + words($1) } }
            case .quote(let text, let attribution): total + words(text) + words(attribution)
            case .chart: total
            }
        }
    }
}

/// A table: header, column alignment, rows of cells.
struct Table {
    /// Column alignment.
    enum Alignment { case left, right }

    /// Header cells.
    var header: [String]
    /// One per column.
    var alignment: [Alignment]
    /// Rows of cells.
    var rows: [[[Inline]]]
    /// What the table holds: its class in the HTML, so print can size it.
    var kind: Kind

    /// The tables a report has, each styled by the HTML's stylesheet.
    enum Kind: String {
        case scores, answers, method, change, trend
    }
}

/// A chart drawn from the scorecard or from the client's measured data.
enum Chart {
    /// The overall score on a 0–100 scale with the band thresholds, the range shaded.
    case gauge(Gauge)
    /// Horizontal bars, one per row of the table beside it.
    case bars(title: String, rows: [BarRow])
    /// Shares of a whole from the client's measured data (website sessions by source).
    case shares(title: String, rows: [ShareRow])
    /// Figures of the client's measured data side by side (interactions per post by platform).
    case values(title: String, rows: [ValueRow])
    /// A figure over time (followers at each month's end), scaled to its own range.
    case line(title: String, points: [(label: String, value: Double)])
    /// Before and after bars per checklist.
    case beforeAfter(title: String, rows: [(label: String, previous: Double?, current: Double?)])
    /// Scores by date, one line per series (overall, then each checklist): the trend over
    /// three or more audits.
    case trend(title: String, dates: [String], series: [(label: String, scores: [Double?])])

    /// The gauge's numbers.
    struct Gauge {
        var title: String
        var score: Double?
        var low: Double?
        var high: Double?
        var band: String?
    }

    /// One figure: its label and value.
    struct ValueRow {
        var label: String
        var value: Double
    }

    /// One share: its label, its percentage and whether it is the one the chart is about.
    struct ShareRow {
        var label: String
        var percent: Double
        var highlight: Bool
    }

    /// One bar: a label, the score (nil when there is none) and its range.
    struct BarRow {
        var label: String
        var score: Double?
        var low: Double?
        var high: Double?
    }
}
