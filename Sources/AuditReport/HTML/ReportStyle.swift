/// The HTML report's one stylesheet, inline: system fonts, readable on screen, and for print the
/// paper asked for (A4 or Letter), the findings and the annex each on a new page, a heading kept
/// with what follows it, no table or chart cut across pages, and page numbers in the footer
/// where the browser supports page margin boxes (Chromium does).
enum ReportStyle {
    /// The stylesheet for `paper`.
    static func css(paper: ReportSettings.Paper) -> String {
        // The one `@page` rule of `css` gains the size; everything else is the same for both.
        let parts = css.split(separator: "@page { ", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2 else { return css }
        return parts[0] + "@page { size: \(paper.css); " + parts[1]
    }

    static let css = """
    :root { color-scheme: light; --ink: #1f2933; --muted: #52606d; --rule: #d9dee3; --accent: #1f3a5f; }
    * { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; }
    body { margin: 0; color: var(--ink); background: #fff;
      font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", "DejaVu Sans", Helvetica, Arial, sans-serif;
      -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    main { max-width: 52rem; margin: 0 auto; padding: 2rem 1.25rem 3rem; }
    h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 .75rem; color: var(--accent); }
    h2 { font-size: 1.45rem; margin: 2.5rem 0 .75rem; padding-bottom: .25rem; border-bottom: 2px solid var(--accent); color: var(--accent); }
    h3 { font-size: 1.15rem; margin: 1.75rem 0 .5rem; }
    h4 { font-size: 1.05rem; margin: 1.5rem 0 .5rem; }
    h5 { font-size: .95rem; margin: 1.25rem 0 .4rem; color: var(--muted); }
    p, ul, ol { margin: .5rem 0; }
    ul, ol { padding-left: 1.5rem; }
    li { margin: .2rem 0; }
    header ul { list-style: none; padding: 0; color: var(--muted); }
    code { font: .85em/1.3 ui-monospace, "DejaVu Sans Mono", "Liberation Mono", Menlo, Consolas, monospace; color: var(--muted); }
    a { color: var(--accent); overflow-wrap: anywhere; }
    blockquote { margin: .5rem 0 .75rem; padding: .4rem .9rem; border-left: 4px solid var(--rule); background: #f7f9fa; }
    blockquote p { margin: 0; font-style: italic; }
    blockquote footer { margin-top: .25rem; color: var(--muted); font-size: .9em; }
    table { width: 100%; border-collapse: collapse; margin: .5rem 0 1rem; font-size: .9rem; }
    th, td { padding: .3rem .45rem; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; overflow-wrap: break-word; }
    th { border-bottom: 2px solid var(--muted); font-weight: 600; white-space: nowrap; }
    .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    table.answers td:first-child { width: 45%; }
    .bar { display: inline-block; width: 6rem; height: .7rem; background: #e4e7eb; vertical-align: middle; }
    .bar span { display: block; height: 100%; background: var(--accent); }
    figure.chart { margin: .75rem 0 1.25rem; }
    figure.chart svg { display: block; width: 100%; height: auto; max-width: 640px; }
    svg text { font-family: inherit; font-size: 12px; fill: var(--ink); }
    svg .band { fill: var(--muted); }
    svg .tick { fill: var(--muted); font-size: 11px; }
    svg .value { font-weight: 600; }
    svg .label { font-size: 12.5px; }
    svg .track { fill: #eef1f4; }
    svg .threshold { stroke: #7b8794; stroke-width: 1; stroke-dasharray: 3 3; }
    svg .ring { fill: none; stroke: #cbd2d9; }
    svg .spoke { stroke: #cbd2d9; }
    @page { margin: 16mm 14mm 18mm;
      @bottom-center { content: "Page " counter(page) " of " counter(pages); font: 8pt system-ui, sans-serif; color: #52606d; } }
    @media print {
      body { font-size: 10.5pt; }
      main { max-width: none; padding: 0; }
      h1 { font-size: 20pt; }
      h2 { margin-top: 0; }
      section.page { break-before: page; }
      h2, h3, h4, h5 { break-after: avoid; page-break-after: avoid; break-inside: avoid; }
      h3 + p { break-after: avoid; page-break-after: avoid; }
      p, li { orphans: 3; widows: 3; }
      table, figure, blockquote, li, tr { break-inside: avoid; }
      thead { display: table-header-group; }
      a { color: inherit; text-decoration: none; }
    }

    """
}
