#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One YAML file being read: its lines (for mapping expression offsets) and the diagnostics
/// found so far. Every helper records problems and carries on, so one pass reports them all.
struct YAMLSource {
    let file: String
    let text: String
    /// UTF-8 offsets where each line starts; found with a byte scan, not a Character split,
    /// because grapheme breaking a multi-megabyte file costs more than parsing it.
    let lineStarts: [Int]
    var diagnostics: [Diagnostic] = []

    init(file: String, text: String) {
        self.file = file
        // A byte order mark (Notepad's UTF-8) is not content: libyaml takes it for part of the
        // first key. Columns on line 1 are counted from after it.
        self.text = text.unicodeScalars.first == "\u{FEFF}" ? String(text.unicodeScalars.dropFirst()) : text
        self.lineStarts = Self.lineStarts(of: self.text)
    }

    /// A source over the same text and lines, with no diagnostics yet, for reading part of the
    /// file on another thread. The two share the text's storage, which neither copies while
    /// reading (`asciiRun`), so no reference count passes between the cores; a copy of a 38 MB
    /// text cost more than the rules read beside it gained.
    init(sharing other: YAMLSource) {
        file = other.file
        text = other.text
        lineStarts = other.lineStarts
    }

    private static func lineStarts(of text: String) -> [Int] {
        var text = text
        return text.withUTF8(lineStarts(in:))
    }

    private static func lineStarts(in bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        var starts = [0]
        // Checklists average 30 to 60 bytes a line: sized so a big file's list is not copied as it grows.
        starts.reserveCapacity(bytes.count / 24 + 1)
        guard let base = bytes.baseAddress else { return starts }
        // memchr jumps from one newline to the next many bytes at a time.
        var offset = 0
        while offset < bytes.count, let hit = memchr(base + offset, 0x0A, bytes.count - offset) {
            offset = UnsafeRawPointer(hit) - UnsafeRawPointer(base) + 1
            starts.append(offset)
        }
        return starts
    }

    /// The Unicode scalars of line `n` (1-based), without the line break.
    func lineScalars(_ n: Int) -> [Unicode.Scalar]? {
        guard n >= 1, n <= lineStarts.count else { return nil }
        let start = lineStarts[n - 1]
        let lineEnd = n < lineStarts.count ? lineStarts[n] - 1 : text.utf8.count
        func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> [Unicode.Scalar] {
            var end = lineEnd
            if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            return Array(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self).unicodeScalars)
        }
        var text = text
        return text.withUTF8(decode)
    }

    func location(_ mark: YNode.Mark) -> SourceLocation {
        SourceLocation(file: file, line: mark.line, column: mark.column)
    }

    /// The document's root node; a YAML error or an empty file is recorded (the latter with
    /// `ifEmpty`) and gives nil.
    mutating func root(ifEmpty: String) -> YNode? {
        do {
            let (root, duplicates) = try YAMLComposer.compose(text)
            for d in duplicates { self.error(d.message, SourceLocation(file: file, line: d.line, column: d.column)) }
            if let root { return root }
            error(ifEmpty, SourceLocation(file: file, line: 1, column: 1))
        } catch {
            self.error(error.message, SourceLocation(file: file, line: error.line, column: error.column))
        }
        return nil
    }

    func location(_ node: YNode) -> SourceLocation { location(node.mark) }

    mutating func error(_ message: String, _ location: SourceLocation) {
        diagnostics.append(.error(message, at: location))
    }

    mutating func warning(_ message: String, _ location: SourceLocation) {
        diagnostics.append(.warning(message, at: location))
    }

    /// True for an empty or null scalar (`key:`, `~`, `null`), which counts as absent.
    static func isNull(_ node: YNode) -> Bool {
        guard let s = node.scalar, s.style == .plain else { return false }
        // Almost every scalar is longer than four bytes: one length check settles it.
        guard s.string.utf8.count <= 4 else { return false }
        return s.string.isEmpty || s.string == "~" || s.string == "null" || s.string == "Null" || s.string == "NULL"
    }

    /// The mapping's pairs with scalar keys; reports a non-mapping node.
    mutating func pairs(_ node: YNode, what: String) -> [(key: String, keyNode: YNode, value: YNode)]? {
        guard let mapping = mapping(node, what: what) else { return nil }
        var out: [(key: String, keyNode: YNode, value: YNode)] = []
        out.reserveCapacity(mapping.count)
        for (k, v) in mapping {
            guard let key = key(k, what: what) else { continue }
            out.append((key, k, v))
        }
        return out
    }

    /// The node's pairs; reports a node that is not a mapping.
    mutating func mapping(_ node: YNode, what: String) -> YNode.Pairs? {
        guard let mapping = node.mapping else {
            error("\(what) must be a mapping of `key: value` lines", location(node))
            return nil
        }
        return mapping
    }

    /// A key's text; reports a key that is a list or a mapping.
    mutating func key(_ node: YNode, what: String) -> String? {
        guard let key = node.scalar?.string else {
            error("keys in \(what) must be plain names", location(node))
            return nil
        }
        return key
    }

    /// Reports a key that is not one of `allowed`, with the closest one or the whole list.
    mutating func unknownField(_ key: String, _ keyNode: YNode, what: String, allowed: [String]) {
        let hint = Suggest.hint(Suggest.closest(to: key, in: allowed)) ?? "; known fields are " + allowed.joined(separator: ", ")
        error("unknown field `\(key)` in \(what)\(hint)", location(keyNode))
    }

    /// Reports a required field the mapping at `node` lacks (or leaves empty).
    mutating func missingField(_ key: String, _ node: YNode, what: String) {
        error("missing required field `\(key)` in \(what)", location(node))
    }

    /// The known fields of one mapping. A linear list, not a dictionary: mappings have a dozen
    /// keys at most, and comparing short strings beats hashing them on large files.
    struct Fields {
        var entries: [(name: String, key: YNode, value: YNode)] = []

        subscript(name: String) -> (key: YNode, value: YNode)? {
            // Lengths first: a node asks for each of its fields by name, and most names differ
            // in length, which a String holds without reading its bytes.
            let length = name.utf8.count
            for entry in entries where entry.name.utf8.count == length && entry.name == name { return (entry.key, entry.value) }
            return nil
        }
    }

    /// Reports unknown keys (with a suggestion) and missing required ones; returns the known fields.
    mutating func fields(_ node: YNode, what: String, allowed: [String], required: [String]) -> Fields? {
        guard let pairs = pairs(node, what: what) else { return nil }
        var result = Fields()
        result.entries.reserveCapacity(pairs.count)
        for (key, keyNode, value) in pairs {
            if allowed.contains(key) {
                result.entries.append((key, keyNode, value))
            } else {
                unknownField(key, keyNode, what: what, allowed: allowed)
            }
        }
        for key in required {
            if let entry = result[key], !Self.isNull(entry.value) { continue }
            missingField(key, node, what: what)
        }
        return result
    }

    /// A scalar's text; reports lists and mappings where text is expected.
    mutating func string(_ node: YNode?, field: String) -> String? {
        guard let node, !Self.isNull(node) else { return nil }
        guard let scalar = node.scalar else {
            error("`\(field)` must be a single value, not a list or mapping", location(node))
            return nil
        }
        return scalar.string
    }

    /// A list of scalars (a single scalar counts as a one-item list).
    mutating func strings(_ node: YNode?, field: String) -> [(String, YNode)]? {
        guard let node, !Self.isNull(node) else { return nil }
        if let scalar = node.scalar { return [(scalar.string, node)] }
        guard let sequence = node.sequence else {
            error("`\(field)` must be a list such as [a, b]", location(node))
            return nil
        }
        var out: [(String, YNode)] = []
        for item in sequence {
            guard let s = item.scalar?.string else {
                error("items of `\(field)` must be single values", location(item))
                continue
            }
            out.append((s, item))
        }
        return out
    }

    mutating func bool(_ node: YNode?, field: String) -> Bool? {
        guard let s = string(node, field: field) else { return nil }
        switch s.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            error("`\(field)` must be true or false, not `\(s)`", location(node!))
            return nil
        }
    }

    mutating func number(_ node: YNode?, field: String) -> Double? {
        guard let s = string(node, field: field) else { return nil }
        guard let v = AnswerParser.parseNumber(s) else {
            error("`\(field)` must be a number, not `\(s)`", location(node!))
            return nil
        }
        return v
    }

    /// Parses an expression scalar, mapping its offsets to file positions (see `segments`).
    mutating func expression(_ node: YNode?, field: String) -> RuleExpression? {
        guard let text = string(node, field: field), let node else { return nil }
        let start = location(node)
        let segments = self.segments(for: node, text: text)
        switch Parser.parse(text) {
        case .success(let root):
            return RuleExpression(text: text, root: root, location: start, segments: segments)
        case .failure(let e):
            let mapped = RuleExpression(text: text, root: Expr(.bool(true), at: 0), location: start, segments: segments)
            error("in `\(field)`: \(e.message)", mapped.location(ofOffset: e.offset))
            return nil
        }
    }

    /// The segment of a one-line expression in ASCII that starts on `line` at `column`, found by
    /// comparing bytes (a scalar is a byte in ASCII): what `segments` finds for it scalar by
    /// scalar, without decoding the line. Nil when the text or the line before `column` is not
    /// ASCII, or for a folded block (`line` nil), so `segments` decides.
    private func asciiRun(text: String, line: Int?, column: Int) -> RuleExpression.Segment? {
        guard let line, line >= 1, line <= lineStarts.count, column >= 1 else { return nil }
        // Read in place: a copy of the file's text into a variable would retain and release it
        // at every expression, from both cores when the rules are read on two.
        let run = text.utf8.withContiguousStorageIfAvailable { t -> RuleExpression.Segment? in
            guard t.allSatisfy({ $0 < 0x80 }) else { return nil }
            return self.text.utf8.withContiguousStorageIfAvailable { all -> RuleExpression.Segment? in
                let start = lineStarts[line - 1]
                var end = line < lineStarts.count ? lineStarts[line] - 1 : all.count
                if end > start, all[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                let from = start + column - 1
                guard from <= end, all[start..<from].allSatisfy({ $0 < 0x80 }) else { return nil }
                var n = 0
                while n < t.count, from + n < end, t[n] == all[from + n], t[n] != UInt8(ascii: "\n") { n += 1 }
                return RuleExpression.Segment(start: 0, length: n + 1, location: SourceLocation(file: file, line: line, column: column))
            } ?? nil
        }
        return run ?? nil
    }

    /// How expression offsets map onto the file, found by comparing the text with the source:
    /// - plain scalars: offset k is at the node's column + k on its first line;
    /// - quoted scalars: the same, one column further for the opening quote, up to the first
    ///   escape sequence (after that, offsets fall back to the node's start);
    /// - literal blocks (`|`): every line is mapped (line after the indicator, past the indent);
    /// - folded blocks (`>`): the first line only.
    /// Anything that cannot be verified falls back to the node's start.
    func segments(for node: YNode, text: String) -> [RuleExpression.Segment] {
        guard let scalar = node.scalar else { return [] }
        let mark = scalar.mark
        if scalar.style != .literal, let run = asciiRun(text: text, line: scalar.style == .folded ? nil : mark.line,
                                                        column: mark.column + (scalar.style == .plain ? 0 : 1)) {
            return [run]
        }
        let textScalars = Array(text.unicodeScalars)
        func sourceLine(_ n: Int) -> [Unicode.Scalar]? { lineScalars(n) }
        func matchRun(textFrom: Int, line: Int, column: Int, stopAtNewline: Bool) -> RuleExpression.Segment? {
            guard let src = sourceLine(line), column >= 1 else { return nil }
            var n = 0
            while textFrom + n < textScalars.count, column - 1 + n < src.count,
                  textScalars[textFrom + n] == src[column - 1 + n] {
                if stopAtNewline && textScalars[textFrom + n] == "\n" { break }
                n += 1
            }
            // One past the matched run still maps (the end of the expression, or the newline).
            return RuleExpression.Segment(start: textFrom, length: n + 1,
                                          location: SourceLocation(file: file, line: line, column: column))
        }
        switch scalar.style {
        case .plain:
            return matchRun(textFrom: 0, line: mark.line, column: mark.column, stopAtNewline: true).map { [$0] } ?? []
        case .singleQuoted, .doubleQuoted:
            return matchRun(textFrom: 0, line: mark.line, column: mark.column + 1, stopAtNewline: true).map { [$0] } ?? []
        case .literal, .folded:
            // Content starts on the first non-blank line after the indicator.
            var line = mark.line + 1
            while let src = sourceLine(line), src.allSatisfy({ $0 == " " }) { line += 1 }
            guard let first = sourceLine(line) else { return [] }
            let indent = first.prefix { $0 == " " }.count
            if scalar.style == .folded {
                return matchRun(textFrom: 0, line: line, column: indent + 1, stopAtNewline: true).map { [$0] } ?? []
            }
            var segments: [RuleExpression.Segment] = []
            var offset = 0
            for textLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
                let count = textLine.unicodeScalars.count
                if count > 0, let seg = matchRun(textFrom: offset, line: line, column: indent + 1, stopAtNewline: true) {
                    segments.append(seg)
                }
                offset += count + 1
                line += 1
                if offset >= textScalars.count { break }
            }
            return segments
        }
    }
}
