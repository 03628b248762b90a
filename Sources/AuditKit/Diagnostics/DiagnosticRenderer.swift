/// Turns diagnostics into the compiler format: `FILE:LINE:COL: error: MESSAGE`, the source line,
/// and a caret under the column. The one place where diagnostics become text.
///
/// Output stays small and linear whatever the input: at most `limit` errors and `limit`
/// warnings are shown per file (then a count, as clang's `-ferror-limit` does with its default
/// of 20), and a long source line is shown as a window around the caret.
public enum DiagnosticRenderer {
    /// Errors (and, separately, warnings) shown per file before the rest are only counted.
    public static let limit = 20
    /// Source lines longer than this (in Unicode scalars) are shown as a window around the caret.
    public static let longLine = 120
    /// Scalars shown either side of the caret in such a window.
    static let windowRadius = 50

    /// Renders one diagnostic; `source` is the text of the file it points into, when known.
    public static func render(_ diagnostic: Diagnostic, source: String?) -> String {
        var out = "\(diagnostic.location): \(diagnostic.severity.rawValue): \(diagnostic.message)"
        if let source, let line = sourceLine(diagnostic.location.line, in: source) {
            out += "\n" + excerpt(of: line, column: diagnostic.location.column)
        }
        return out
    }

    /// Renders diagnostics in order, sources looked up by file name, one per block; beyond
    /// `limit` errors or warnings in one file, one line says how many more there are.
    public static func render(_ diagnostics: [Diagnostic], sources: [String: String], limit: Int = limit) -> String {
        // Each file is split into lines once, so many diagnostics in a big file stay linear.
        var lines: [String: [Substring]] = [:]
        var shown: [String: (errors: Int, warnings: Int)] = [:]
        var hidden: [(file: String, errors: Int, warnings: Int)] = []
        var hiddenIndex: [String: Int] = [:]
        var blocks: [String] = []
        for d in diagnostics {
            let file = d.location.file
            var count = shown[file] ?? (0, 0)
            let isError = d.severity == .error
            if (isError ? count.errors : count.warnings) >= limit {
                if hiddenIndex[file] == nil {
                    hiddenIndex[file] = hidden.count
                    hidden.append((file, 0, 0))
                }
                if isError { hidden[hiddenIndex[file]!].errors += 1 } else { hidden[hiddenIndex[file]!].warnings += 1 }
                continue
            }
            if isError { count.errors += 1 } else { count.warnings += 1 }
            shown[file] = count
            var out = "\(d.location): \(d.severity.rawValue): \(d.message)"
            if lines[file] == nil, let source = sources[file] {
                lines[file] = source.split(separator: "\n", omittingEmptySubsequences: false)
                    .map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
            }
            if let all = lines[file], d.location.line >= 1, d.location.line <= all.count {
                out += "\n" + excerpt(of: String(all[d.location.line - 1]), column: d.location.column)
            }
            blocks.append(out)
        }
        for h in hidden {
            var parts: [String] = []
            if h.errors > 0 { parts.append(h.errors.counted("more error")) }
            if h.warnings > 0 { parts.append(h.warnings.counted("more warning")) }
            blocks.append("\(h.file): \(parts.joined(separator: " and ")) not shown (the first \(limit) of each are above; fix those and check again)")
        }
        return blocks.joined(separator: "\n")
    }

    /// The one-line summary, e.g. `2 errors, 1 warning in four-mistakes.yaml`.
    public static func summary(_ diagnostics: [Diagnostic], file: String) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        if errors == 0 && warnings == 0 { return "no problems in \(file)" }
        var parts: [String] = []
        if errors > 0 { parts.append(errors.counted("error")) }
        if warnings > 0 { parts.append(warnings.counted("warning")) }
        return parts.joined(separator: ", ") + " in \(file)"
    }

    /// The source line and its caret line. A line longer than `longLine` is cut to a window of
    /// `windowRadius` scalars either side of the column, with `…` where it was cut, so one
    /// diagnostic in a 150 KB line prints a hundred characters, not the whole line. A byte
    /// order mark at the start of the file is not shown (columns are counted after it).
    static func excerpt(of fullLine: String, column: Int) -> String {
        var scalars = Array(fullLine.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        var caretColumn = column
        var prefix = "", suffix = ""
        if scalars.count > longLine {
            let center = min(max(column - 1, 0), scalars.count)
            let start = max(0, center - windowRadius)
            let end = min(scalars.count, center + windowRadius)
            if start > 0 { prefix = "…" }
            if end < scalars.count { suffix = "…" }
            scalars = Array(scalars[start..<end])
            caretColumn = column - start + (prefix.isEmpty ? 0 : 1)
        }
        let line = prefix + String(String.UnicodeScalarView(scalars)) + suffix
        return line + "\n" + caretLine(for: line, column: caretColumn)
    }

    /// The `n`th line (1-based) of `source`, without its line break.
    static func sourceLine(_ n: Int, in source: String) -> String? {
        guard n >= 1 else { return nil }
        var current = 1
        var start = source.startIndex
        var index = source.startIndex
        while index < source.endIndex {
            if source[index] == "\n" || source[index] == "\r\n" {
                if current == n { return String(source[start..<index]) }
                current += 1
                start = source.index(after: index)
            }
            index = source.index(after: index)
        }
        return current == n && start < source.endIndex ? String(source[start...]) : (current == n ? "" : nil)
    }

    /// Spaces up to the column (tabs kept as tabs so the caret lines up in a terminal), then `^`.
    static func caretLine(for line: String, column: Int) -> String {
        var pad = ""
        for (i, scalar) in line.unicodeScalars.enumerated() where i < column - 1 {
            pad.unicodeScalars.append(scalar == "\t" ? "\t" : " ")
        }
        let missing = max(0, column - 1 - line.unicodeScalars.count)
        return pad + String(repeating: " ", count: missing) + "^"
    }
}
