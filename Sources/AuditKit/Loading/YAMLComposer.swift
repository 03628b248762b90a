import CLibYAML

/// Builds the loaders' `YDocument` (read through `YNode`) straight from libyaml's events (the
/// system's libyaml, module `CLibYAML`), so the YAML grammar, error messages and positions are
/// exactly libyaml's. Yams, built on the same libyaml, is the reference the tests compare with.
///
/// Why not `Yams.compose`: its composer allocates a class per event, decodes every scalar
/// through Foundation, and groups each mapping's keys into a dictionary of `Node`s to find
/// duplicates. On a 3.7 MB checklist that was five times the cost of libyaml itself. Here a
/// scalar is one `String(decoding:as:)` appended to a flat document, and duplicate keys are
/// found by comparing the keys' text, which is also the only duplicate the loaders care about.
enum YAMLComposer {
    /// A problem libyaml reported, or a duplicate key, with the position to show.
    struct SyntaxError: Error, Equatable {
        /// Complete message, e.g. "YAML syntax error: mapping values are not allowed in this context".
        let message: String
        let line: Int
        let column: Int
    }

    /// The first document of `text`, or nil for an empty stream, and the duplicate keys found.
    /// A duplicate key is reported but does not stop the read (the later pair is left out), so
    /// the loaders still report every other problem of the file at once.
    static func compose(_ text: String) throws(SyntaxError) -> (root: YNode?, duplicates: [SyntaxError]) {
        var text = text
        let result = text.withUTF8 { bytes -> Result<(YNode?, [SyntaxError]), SyntaxError> in
            var reader = EventReader(bytes: bytes)
            do throws(YAMLComposer.SyntaxError) {
                guard let root = try reader.document() else { return .success((nil, reader.duplicates)) }
                let duplicates = reader.duplicates
                return .success((YNode(document: reader.finish(), index: root), duplicates))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// 1-based line and column (in Unicode scalars) of a byte offset.
    static func position(ofByte offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (Int, Int) {
        var line = 1, column = 1
        for byte in bytes.prefix(offset) {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }

    /// Nesting deeper than this (`[[[[…`) is refused: composing recurses once per level, and
    /// no checklist or session nests more than a dozen.
    static let maxDepth = 500
}

/// Reads one event at a time and composes nodes recursively, as a recursive-descent parser
/// over the event stream (sequence and mapping start/end events nest like brackets).
///
/// A noncopyable struct rather than a class: its arrays grow on every node, and a class's
/// stored properties are checked for exclusive access at run time on each change. libyaml's
/// parser and event live on the heap, because libyaml must see them at one fixed address.
private struct EventReader: ~Copyable {
    private let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
    private let event = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
    private var hasEvent = false
    private var anchors: [String: Int] = [:]
    /// The document being built (see `YDocument`).
    private var records: [YDocument.Record] = []
    private var strings: [String] = []
    private var children: [Int] = []
    /// Children of the collections still open, innermost last.
    private var pending: [Int] = []
    /// Duplicate keys found so far (the later pair of each is left out of its mapping).
    private(set) var duplicates: [YAMLComposer.SyntaxError] = []
    /// Collections open around the current node.
    private var depth = 0
    private let bytes: UnsafeBufferPointer<UInt8>

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        parser.initialize(to: yaml_parser_t())
        event.initialize(to: yaml_event_t())
        yaml_parser_initialize(parser)
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(parser, bytes.baseAddress, bytes.count)
    }

    deinit {
        if hasEvent { yaml_event_delete(event) }
        yaml_parser_delete(parser)
        parser.deallocate()
        event.deallocate()
    }

    /// The document built so far, handed over as the reader ends.
    consuming func finish() -> YDocument {
        YDocument(records: records, strings: strings, children: children)
    }

    /// The root of the stream's only document (nil when the stream has no document). Reading on
    /// to the stream's end is what finds syntax errors after the root and a second document.
    mutating func document() throws(YAMLComposer.SyntaxError) -> Int? {
        try next()  // stream start
        try next()
        guard event.pointee.type == YAML_DOCUMENT_START_EVENT else { return nil }
        try next()
        let root = try node()
        try next()  // document end
        try next()
        if event.pointee.type == YAML_DOCUMENT_START_EVENT {
            throw YAMLComposer.SyntaxError(
                message: "YAML syntax error: a second document (`---`) in one file; a file holds one document",
                line: mark.line, column: mark.column)
        }
        return root
    }

    /// Replaces the current event with the next one from libyaml.
    private mutating func next() throws(YAMLComposer.SyntaxError) {
        if hasEvent { yaml_event_delete(event) }
        hasEvent = false
        guard yaml_parser_parse(parser, event) == 1 else { throw parserError() }
        hasEvent = true
    }

    private var mark: YNode.Mark {
        YNode.Mark(line: event.pointee.start_mark.line + 1, column: event.pointee.start_mark.column + 1)
    }

    /// The node that starts at the current event, recorded in the document; its index.
    private mutating func node() throws(YAMLComposer.SyntaxError) -> Int {
        let start = mark
        depth += 1
        defer { depth -= 1 }
        if depth > YAMLComposer.maxDepth {
            throw YAMLComposer.SyntaxError(message: "YAML nests too deeply (more than \(YAMLComposer.maxDepth) levels)",
                                           line: start.line, column: start.column)
        }
        switch event.pointee.type {
        case YAML_SCALAR_EVENT:
            let scalar = event.pointee.data.scalar
            strings.append(String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self))
            let index = record(.scalar, Self.style(scalar.style), start, first: strings.count - 1, count: 0)
            if let anchor = Self.string(scalar.anchor) { anchors[anchor] = index }
            return index
        case YAML_SEQUENCE_START_EVENT:
            let anchor = Self.string(event.pointee.data.sequence_start.anchor)
            let base = pending.count
            try next()
            while event.pointee.type != YAML_SEQUENCE_END_EVENT {
                pending.append(try node())
                try next()
            }
            let index = close(.sequence, start, from: base, count: pending.count - base)
            if let anchor { anchors[anchor] = index }
            return index
        case YAML_MAPPING_START_EVENT:
            let anchor = Self.string(event.pointee.data.mapping_start.anchor)
            let base = pending.count
            try next()
            while event.pointee.type != YAML_MAPPING_END_EVENT {
                pending.append(try node())
                try next()
                pending.append(try node())
                try next()
            }
            dropDuplicateKeys(from: base)
            let index = close(.mapping, start, from: base, count: (pending.count - base) / 2)
            if let anchor { anchors[anchor] = index }
            return index
        case YAML_ALIAS_EVENT:
            let name = Self.string(event.pointee.data.alias.anchor) ?? ""
            guard let index = anchors[name] else {
                throw YAMLComposer.SyntaxError(message: "YAML syntax error: found undefined alias `*\(name)`",
                                               line: start.line, column: start.column)
            }
            return index
        default:
            // libyaml only yields node events here; anything else means a truncated stream.
            throw YAMLComposer.SyntaxError(message: "YAML syntax error: unexpected end of the document",
                                           line: start.line, column: start.column)
        }
    }

    private mutating func record(_ kind: YDocument.Kind, _ style: YNode.Style, _ mark: YNode.Mark, first: Int, count: Int) -> Int {
        records.append(YDocument.Record(kind: kind, style: style, mark: mark, first: first, count: count))
        return records.count - 1
    }

    /// Moves a finished collection's children from the pending stack to the document's child
    /// list, where they sit together, and records the collection.
    private mutating func close(_ kind: YDocument.Kind, _ mark: YNode.Mark, from base: Int, count: Int) -> Int {
        let first = children.count
        children.append(contentsOf: pending[base...])
        pending.removeSubrange(base...)
        return record(kind, .plain, mark, first: first, count: count)
    }

    /// The second occurrence of a scalar key in one mapping is recorded as an error at that key
    /// and its pair left out. Mappings in checklists have a dozen keys, so pairwise comparison
    /// beats hashing; long ones hash. `pending[base...]` alternates keys and values.
    private mutating func dropDuplicateKeys(from base: Int) {
        func key(_ i: Int) -> (text: String, mark: YNode.Mark)? {
            let r = records[pending[i]]
            return r.kind == .scalar ? (strings[r.first], r.mark) : nil
        }
        var keep: [Bool] = []
        let count = (pending.count - base) / 2
        keep.reserveCapacity(count)
        var seen = Set<String>()
        for n in 0..<count {
            let i = base + 2 * n
            guard let k = key(i) else { keep.append(true); continue }
            let repeated: Bool
            if count <= 32 {
                // Lengths first: keys of one mapping mostly differ in length already.
                let length = k.text.utf8.count
                repeated = (0..<n).contains { j in
                    guard keep[j], let other = key(base + 2 * j) else { return false }
                    return other.text.utf8.count == length && other.text == k.text
                }
            } else {
                repeated = !seen.insert(k.text).inserted
            }
            if repeated {
                duplicates.append(YAMLComposer.SyntaxError(message: "duplicate key `\(k.text)` in one mapping; the first one is used",
                                                           line: k.mark.line, column: k.mark.column))
            }
            keep.append(!repeated)
        }
        guard keep.contains(false) else { return }
        var kept: [Int] = []
        for n in 0..<count where keep[n] { kept += [pending[base + 2 * n], pending[base + 2 * n + 1]] }
        pending.replaceSubrange(base..., with: kept)
    }

    private static func style(_ style: yaml_scalar_style_t) -> YNode.Style {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }

    /// libyaml's error in the loader's words, at libyaml's position. Reader errors (such as a
    /// control character) carry a byte offset instead of a mark, turned into line and column.
    private func parserError() -> YAMLComposer.SyntaxError {
        let problem = parser.pointee.problem.map { String(cString: $0) } ?? "unknown error"
        if parser.pointee.error == YAML_READER_ERROR {
            let (line, column) = YAMLComposer.position(ofByte: parser.pointee.problem_offset, in: bytes)
            return YAMLComposer.SyntaxError(message: "cannot read the file: \(problem)", line: line, column: column)
        }
        if parser.pointee.error == YAML_MEMORY_ERROR {
            return YAMLComposer.SyntaxError(message: "YAML error: out of memory", line: 1, column: 1)
        }
        var context = ""
        let contextMark = parser.pointee.context_mark
        // A context at the very end of the input says nothing the position does not.
        if let text = parser.pointee.context, contextMark.index < bytes.count {
            context = " (\(String(cString: text)) at line \(contextMark.line + 1), column \(contextMark.column + 1))"
        }
        let mark = parser.pointee.problem_mark
        if mark.index >= bytes.count {
            // libyaml places a problem found at the end of the input (a `[` or quote never
            // closed) after the last line break, where the source line shown would be empty;
            // point just past the last character written instead.
            var end = bytes.count
            while end > 0, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[end - 1]) { end -= 1 }
            let (line, column) = YAMLComposer.position(ofByte: end, in: bytes)
            let whereText = problem.contains("end of stream") ? "" : " at the end of the file"
            return YAMLComposer.SyntaxError(message: "YAML syntax error: \(problem)\(whereText)\(context)",
                                            line: line, column: column)
        }
        return YAMLComposer.SyntaxError(message: "YAML syntax error: \(problem)\(context)",
                                        line: mark.line + 1, column: mark.column + 1)
    }
}
