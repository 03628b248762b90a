/// Turns diagnostics into the compiler format: `FILE:LINE:COL: error: MESSAGE`, the source line,
/// and a caret under the column. The one place where diagnostics become text.
public enum DiagnosticRenderer {
    /// Renders one diagnostic; `source` is the text of the file it points into, when known.
    public static func render(_ diagnostic: Diagnostic, source: String?) -> String {
        var out = "\(diagnostic.location): \(diagnostic.severity.rawValue): \(diagnostic.message)"
        if let source, let line = sourceLine(diagnostic.location.line, in: source) {
            out += "\n" + line + "\n" + caretLine(for: line, column: diagnostic.location.column)
        }
        return out
    }

    /// Renders diagnostics in order, sources looked up by file name, one per block.
    public static func render(_ diagnostics: [Diagnostic], sources: [String: String]) -> String {
        // Each file is split into lines once, so many diagnostics in a big file stay linear.
        var lines: [String: [Substring]] = [:]
        return diagnostics.map { d in
            var out = "\(d.location): \(d.severity.rawValue): \(d.message)"
            let file = d.location.file
            if lines[file] == nil, let source = sources[file] {
                lines[file] = source.split(separator: "\n", omittingEmptySubsequences: false)
                    .map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
            }
            if let all = lines[file], d.location.line >= 1, d.location.line <= all.count {
                let line = String(all[d.location.line - 1])
                out += "\n" + line + "\n" + caretLine(for: line, column: d.location.column)
            }
            return out
        }.joined(separator: "\n")
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
