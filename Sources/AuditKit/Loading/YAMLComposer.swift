import CYaml

/// Builds the loaders' `YNode` tree straight from libyaml's events, using the libyaml that Yams
/// ships (its `CYaml` module), so the YAML grammar, error messages and positions are exactly
/// libyaml's.
///
/// Why not `Yams.compose`: its composer allocates a class per event, decodes every scalar
/// through Foundation, and groups each mapping's keys into a dictionary of `Node`s to find
/// duplicates. On a 3.7 MB checklist that was five times the cost of libyaml itself. Here a
/// scalar is one `String(decoding:as:)`, and duplicate keys are found by comparing the keys'
/// text, which is also the only duplicate the loaders care about.
enum YAMLComposer {
    /// A problem libyaml reported, or a duplicate key, with the position to show.
    struct SyntaxError: Error, Equatable {
        /// Complete message, e.g. "YAML syntax error: mapping values are not allowed in this context".
        let message: String
        let line: Int
        let column: Int
    }

    /// The first document of `text`, or nil for an empty stream.
    static func compose(_ text: String) throws(SyntaxError) -> YNode? {
        var text = text
        // Native Swift strings are contiguous UTF-8; `makeContiguousUTF8` covers bridged ones.
        text.makeContiguousUTF8()
        let result: Result<YNode?, SyntaxError> = text.utf8.withContiguousStorageIfAvailable { bytes in
            let reader = EventReader(bytes: bytes)
            do throws(YAMLComposer.SyntaxError) {
                return .success(try reader.document())
            } catch {
                return .failure(error)
            }
        } ?? .success(nil)
        return try result.get()
    }
}

/// Reads one event at a time and composes nodes recursively, as a recursive-descent parser
/// over the event stream (sequence and mapping start/end events nest like brackets). A class,
/// because libyaml keeps working state in `parser` and must see it at one fixed address.
private final class EventReader {
    private var parser = yaml_parser_t()
    private var event = yaml_event_t()
    private var hasEvent = false
    private var anchors: [String: YNode] = [:]
    private let bytes: UnsafeBufferPointer<UInt8>

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        yaml_parser_initialize(&parser)
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
    }

    deinit {
        if hasEvent { yaml_event_delete(&event) }
        yaml_parser_delete(&parser)
    }

    /// The root of the stream's only document (nil when the stream has no document). Reading on
    /// to the stream's end is what finds syntax errors after the root and a second document.
    func document() throws(YAMLComposer.SyntaxError) -> YNode? {
        try next()  // stream start
        try next()
        guard event.type == YAML_DOCUMENT_START_EVENT else { return nil }
        try next()
        let root = try node()
        try next()  // document end
        try next()
        if event.type == YAML_DOCUMENT_START_EVENT {
            throw YAMLComposer.SyntaxError(
                message: "YAML syntax error: a second document (`---`) in one file; a file holds one document",
                line: mark.line, column: mark.column)
        }
        return root
    }

    /// Replaces the current event with the next one from libyaml.
    private func next() throws(YAMLComposer.SyntaxError) {
        if hasEvent { yaml_event_delete(&event) }
        hasEvent = false
        guard yaml_parser_parse(&parser, &event) == 1 else { throw parserError() }
        hasEvent = true
    }

    private var mark: YNode.Mark {
        YNode.Mark(line: event.start_mark.line + 1, column: event.start_mark.column + 1)
    }

    /// The node that starts at the current event.
    private func node() throws(YAMLComposer.SyntaxError) -> YNode {
        let start = mark
        switch event.type {
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let value = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
            let node = YNode(scalar: value, style: Self.style(scalar.style), mark: start)
            register(scalar.anchor, node)
            return node
        case YAML_SEQUENCE_START_EVENT:
            let anchor = Self.string(event.data.sequence_start.anchor)
            var items: [YNode] = []
            try next()
            while event.type != YAML_SEQUENCE_END_EVENT {
                items.append(try node())
                try next()
            }
            let node = YNode(sequence: items, mark: start)
            if let anchor { anchors[anchor] = node }
            return node
        case YAML_MAPPING_START_EVENT:
            let anchor = Self.string(event.data.mapping_start.anchor)
            var pairs: [(key: YNode, value: YNode)] = []
            try next()
            while event.type != YAML_MAPPING_END_EVENT {
                let key = try node()
                try next()
                let value = try node()
                pairs.append((key, value))
                try next()
            }
            try Self.checkDuplicateKeys(pairs)
            let node = YNode(mapping: pairs, mark: start)
            if let anchor { anchors[anchor] = node }
            return node
        case YAML_ALIAS_EVENT:
            let name = Self.string(event.data.alias.anchor) ?? ""
            guard let node = anchors[name] else {
                throw YAMLComposer.SyntaxError(message: "YAML syntax error: found undefined alias `*\(name)`",
                                               line: start.line, column: start.column)
            }
            return node
        default:
            // libyaml only yields node events here; anything else means a truncated stream.
            throw YAMLComposer.SyntaxError(message: "YAML syntax error: unexpected end of the document",
                                           line: start.line, column: start.column)
        }
    }

    private func register(_ anchor: UnsafeMutablePointer<yaml_char_t>?, _ node: YNode) {
        if let name = Self.string(anchor) { anchors[name] = node }
    }

    /// The second occurrence of a scalar key in one mapping is an error at that key. Mappings
    /// in checklists have a dozen keys, so pairwise comparison beats hashing; long ones hash.
    private static func checkDuplicateKeys(_ pairs: [(key: YNode, value: YNode)]) throws(YAMLComposer.SyntaxError) {
        func duplicate(_ key: YNode) -> YAMLComposer.SyntaxError {
            YAMLComposer.SyntaxError(message: "duplicate key `\(key.scalar?.string ?? "")` in one mapping",
                                     line: key.mark.line, column: key.mark.column)
        }
        if pairs.count <= 16 {
            for i in pairs.indices {
                guard let text = pairs[i].key.scalar?.string else { continue }
                for j in pairs.startIndex..<i where pairs[j].key.scalar?.string == text {
                    throw duplicate(pairs[i].key)
                }
            }
        } else {
            var seen = Set<String>(minimumCapacity: pairs.count)
            for pair in pairs {
                guard let text = pair.key.scalar?.string else { continue }
                if !seen.insert(text).inserted { throw duplicate(pair.key) }
            }
        }
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
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown error"
        if parser.error == YAML_READER_ERROR {
            let (line, column) = Self.position(ofByte: parser.problem_offset, in: bytes)
            return YAMLComposer.SyntaxError(message: "cannot read the file: \(problem)", line: line, column: column)
        }
        if parser.error == YAML_MEMORY_ERROR {
            return YAMLComposer.SyntaxError(message: "YAML error: out of memory", line: 1, column: 1)
        }
        var context = ""
        if let text = parser.context {
            context = " (\(String(cString: text)) at line \(parser.context_mark.line + 1), column \(parser.context_mark.column + 1))"
        }
        return YAMLComposer.SyntaxError(message: "YAML syntax error: \(problem)\(context)",
                                        line: parser.problem_mark.line + 1, column: parser.problem_mark.column + 1)
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
}
