import CLibYAML
import Threads
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
        try compose(text, pipelineFrom: pipelineFrom)
    }

    /// From this many bytes, libyaml parses on another core while this one composes (`EventPipe`).
    static let pipelineFrom = 256 << 10

    /// `compose(_:)`, parsing on another core from `pipelineFrom` bytes, in batches of
    /// `batchSize` events (the tests make both small).
    static func compose(_ text: String, pipelineFrom: Int, batchSize: Int = EventPipe.batchSize)
        throws(SyntaxError) -> (root: YNode?, duplicates: [SyntaxError]) {
        var text = text
        // A document's records keep positions in 32 bits (`YDocument.Record`).
        guard text.utf8.count < Int(UInt32.max) else {
            throw SyntaxError(message: "the file is 4 GiB or larger; smaudit reads YAML files smaller than that", line: 1, column: 1)
        }
        let result = text.withUTF8 { bytes -> Result<(YNode?, [SyntaxError]), SyntaxError> in
            var reader = EventReader(bytes: bytes, piped: bytes.count >= pipelineFrom ? batchSize : nil)
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
    /// The events parsed on another core, when the document is big; else `parser` is read here.
    private let pipe: EventPipe?
    /// The batch the current event is in, and its place there.
    private var batch = EventPipe.Batch()
    private var position = 0
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

    /// A reader of `bytes`, which must stay valid until it ends; with `piped`, libyaml parses
    /// them on another core in batches of that many events.
    init(bytes: UnsafeBufferPointer<UInt8>, piped batchSize: Int?) {
        self.bytes = bytes
        // Sized from the text, so a big file's tables are not copied at each doubling into
        // fresh pages (at 38 MB that was a tenth of the load). A checklist has a node per 13
        // to 32 bytes; pages reserved and never written cost nothing.
        let nodes = bytes.count / 10 + 16
        records.reserveCapacity(nodes)
        strings.reserveCapacity(nodes)
        children.reserveCapacity(nodes)
        parser.initialize(to: yaml_parser_t())
        event.initialize(to: yaml_event_t())
        // Read here when no thread is to be had.
        pipe = batchSize.flatMap { EventPipe(bytes: bytes, batchSize: $0) }
        if pipe == nil { Self.start(parser, bytes) }
    }

    deinit {
        if let pipe {
            pipe.finish()
        } else {
            if hasEvent { yaml_event_delete(event) }
            yaml_parser_delete(parser)
        }
        parser.deallocate()
        event.deallocate()
    }

    /// Sets `parser` up to read `bytes` as UTF-8.
    static func start(_ parser: UnsafeMutablePointer<yaml_parser_t>, _ bytes: UnsafeBufferPointer<UInt8>) {
        yaml_parser_initialize(parser)
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(parser, bytes.baseAddress, bytes.count)
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
        guard type == YAML_DOCUMENT_START_EVENT else { return nil }
        try next()
        let root = try node()
        try next()  // document end
        try next()
        if type == YAML_DOCUMENT_START_EVENT {
            throw YAMLComposer.SyntaxError(
                message: "YAML syntax error: a second document (`---`) in one file; a file holds one document",
                line: mark.line, column: mark.column)
        }
        return root
    }

    /// Replaces the current event with the next one from libyaml, or from the other core.
    private mutating func next() throws(YAMLComposer.SyntaxError) {
        if let pipe {
            position += 1
            while position >= batch.events.count {
                // The batch's events are read: its error, if the stream ended with one, comes next.
                if let error = batch.error { throw error }
                // Past the stream's end, as after libyaml's last event: no event.
                if batch.isLast { position = batch.events.count; return }
                batch = pipe.take(returning: batch)
                position = 0
            }
            return
        }
        if hasEvent { yaml_event_delete(event) }
        hasEvent = false
        guard yaml_parser_parse(parser, event) == 1 else { throw Self.parserError(parser, bytes) }
        hasEvent = true
    }

    /// The current event's kind.
    private var type: yaml_event_type_t {
        pipe == nil ? event.pointee.type : position < batch.events.count ? batch.events[position].type : YAML_NO_EVENT
    }

    private var mark: YNode.Mark {
        if pipe != nil {
            guard position < batch.events.count else { return YNode.Mark(line: 1, column: 1) }
            let e = batch.events[position]
            return YNode.Mark(line: e.line, column: e.column)
        }
        return YNode.Mark(line: event.pointee.start_mark.line + 1, column: event.pointee.start_mark.column + 1)
    }

    /// The current scalar's text and style.
    private func scalar() -> (String, yaml_scalar_style_t) {
        if pipe != nil {
            let e = batch.events[position]
            return (batch.text(e.value), e.style)
        }
        let scalar = event.pointee.data.scalar
        return (String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self), scalar.style)
    }

    /// The anchor the current node is given, or the alias names.
    private func anchor() -> String? {
        if pipe != nil { return batch.events[position].anchor.map { batch.text($0) } }
        return Self.string(EventPipe.anchor(of: event))
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
        switch type {
        case YAML_SCALAR_EVENT:
            let (text, style) = scalar()
            strings.append(text)
            let index = record(.scalar, Self.style(style), start, first: strings.count - 1, count: 0)
            if let anchor = anchor() { anchors[anchor] = index }
            return index
        case YAML_SEQUENCE_START_EVENT:
            let anchor = anchor()
            let base = pending.count
            try next()
            while type != YAML_SEQUENCE_END_EVENT {
                pending.append(try node())
                try next()
            }
            let index = close(.sequence, start, from: base, count: pending.count - base)
            if let anchor { anchors[anchor] = index }
            return index
        case YAML_MAPPING_START_EVENT:
            let anchor = anchor()
            let base = pending.count
            try next()
            while type != YAML_MAPPING_END_EVENT {
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
            let name = anchor() ?? ""
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

    static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }

    /// libyaml's error in the loader's words, at libyaml's position. Reader errors (such as a
    /// control character) carry a byte offset instead of a mark, turned into line and column.
    static func parserError(_ parser: UnsafeMutablePointer<yaml_parser_t>, _ bytes: UnsafeBufferPointer<UInt8>) -> YAMLComposer.SyntaxError {
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

/// libyaml's events for a big document, parsed on another core while this one composes them:
/// parsing and composing take about as long as each other, so the read then takes about as
/// long as the longer. The other core copies what the composer reads of each event (kind,
/// style, position, text, anchor) into batches and frees the event itself, so every block
/// libyaml allocates is freed by the thread that allocated it.
final class EventPipe: @unchecked Sendable {
    /// Events a batch holds: enough that handing one over costs little next to reading it.
    static let batchSize = 4_096
    /// Batches parsed ahead of the composer at most.
    private static let depth = 4

    /// What the composer reads of one event; text is kept in its batch's bytes.
    struct Event {
        var type: yaml_event_type_t
        var style: yaml_scalar_style_t
        var line: Int
        var column: Int
        var value: Range<Int>
        var anchor: Range<Int>?
    }

    /// Consecutive events, and the error that ended the stream, if one did. One thread at a
    /// time has a batch (the pipe hands it over under its lock), so its fields are not checked
    /// for exclusive access at run time, which the composer would pay at every event.
    final class Batch {
        @exclusivity(unchecked) var events: [Event] = []
        @exclusivity(unchecked) var bytes: [UInt8] = []
        @exclusivity(unchecked) var error: YAMLComposer.SyntaxError?
        /// The stream ends with this batch (its end event, or an error).
        @exclusivity(unchecked) var isLast = false

        /// Empty again, its room kept for the next events.
        fileprivate func reset() {
            events.removeAll(keepingCapacity: true)
            bytes.removeAll(keepingCapacity: true)
            error = nil
            isLast = false
        }

        func text(_ range: Range<Int>) -> String {
            bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
        }

        fileprivate func keep(_ pointer: UnsafePointer<UInt8>, count: Int) -> Range<Int> {
            let start = bytes.count
            bytes.append(contentsOf: UnsafeBufferPointer(start: pointer, count: count))
            return start..<bytes.count
        }
    }

    /// The text, valid until `finish` returns (the caller's `withUTF8`).
    private struct Input: @unchecked Sendable { let bytes: UnsafeBufferPointer<UInt8> }

    private let lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let changed = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var ready: [Batch] = []
    /// Batches the composer is done with, for the other core to fill again: a batch is a few
    /// hundred kilobytes, which `malloc` maps and unmaps afresh each time.
    private var spare: [Batch] = []
    private var stopped = false
    private var parsing: BackgroundJob<Void>?

    /// Starts parsing `bytes` on a thread of its own; nil when no thread is to be had.
    init?(bytes: UnsafeBufferPointer<UInt8>, batchSize: Int) {
        pthread_mutex_init(lock, nil)
        pthread_cond_init(changed, nil)
        let input = Input(bytes: bytes)
        // The job holds the pipe until `finish` has waited for it and let it go.
        parsing = BackgroundJob.onItsOwnThread { [self] in self.parse(input.bytes, batchSize: max(1, batchSize)) }
        if parsing == nil { return nil }
    }

    deinit {
        pthread_cond_destroy(changed)
        pthread_mutex_destroy(lock)
        changed.deallocate()
        lock.deallocate()
    }

    /// The next batch, waiting for the other core to fill it; `done` goes back to be filled again.
    func take(returning done: Batch?) -> Batch {
        pthread_mutex_lock(lock)
        if let done { spare.append(done) }
        while ready.isEmpty { pthread_cond_wait(changed, lock) }
        let batch = ready.removeFirst()
        pthread_cond_broadcast(changed)
        pthread_mutex_unlock(lock)
        return batch
    }

    /// Stops the other core (the composer may stop early, at an error of its own) and waits
    /// for it: the text it reads is the caller's only until then.
    func finish() {
        pthread_mutex_lock(lock)
        stopped = true
        pthread_cond_broadcast(changed)
        pthread_mutex_unlock(lock)
        _ = parsing?.result()
        parsing = nil
    }

    /// A batch to fill: one the composer is done with, or a new one.
    private func emptyBatch(_ size: Int) -> Batch {
        pthread_mutex_lock(lock)
        let reused = spare.popLast()
        pthread_mutex_unlock(lock)
        guard let reused else {
            let batch = Batch()
            batch.events.reserveCapacity(size)
            return batch
        }
        reused.reset()
        return reused
    }

    /// Hands a batch over, waiting while the composer is `depth` batches behind; false once stopped.
    private func put(_ batch: Batch) -> Bool {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        while ready.count >= Self.depth && !stopped { pthread_cond_wait(changed, lock) }
        if stopped { return false }
        ready.append(batch)
        pthread_cond_broadcast(changed)
        return true
    }

    /// The other core's part: libyaml's events to the stream's end or its first error.
    private func parse(_ bytes: UnsafeBufferPointer<UInt8>, batchSize: Int) {
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        let event = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
        parser.initialize(to: yaml_parser_t())
        event.initialize(to: yaml_event_t())
        defer {
            yaml_parser_delete(parser)
            parser.deallocate()
            event.deallocate()
        }
        EventReader.start(parser, bytes)
        while true {
            let batch = emptyBatch(batchSize)
            while batch.events.count < batchSize {
                guard yaml_parser_parse(parser, event) == 1 else {
                    batch.error = EventReader.parserError(parser, bytes)
                    batch.isLast = true
                    break
                }
                let e = event.pointee
                var kept = Event(type: e.type, style: YAML_ANY_SCALAR_STYLE, line: e.start_mark.line + 1,
                                 column: e.start_mark.column + 1, value: 0..<0, anchor: nil)
                if e.type == YAML_SCALAR_EVENT {
                    kept.style = e.data.scalar.style
                    if let value = e.data.scalar.value { kept.value = batch.keep(value, count: e.data.scalar.length) }
                }
                if let anchor = Self.anchor(of: event) {
                    kept.anchor = batch.keep(anchor, count: strlen(UnsafeRawPointer(anchor).assumingMemoryBound(to: CChar.self)))
                }
                batch.events.append(kept)
                yaml_event_delete(event)
                if kept.type == YAML_STREAM_END_EVENT {
                    batch.isLast = true
                    break
                }
            }
            guard put(batch), !batch.isLast else { return }
        }
    }

    /// The anchor a node event gives its node, or the one an alias names.
    static func anchor(of event: UnsafeMutablePointer<yaml_event_t>) -> UnsafeMutablePointer<yaml_char_t>? {
        switch event.pointee.type {
        case YAML_SCALAR_EVENT: event.pointee.data.scalar.anchor
        case YAML_SEQUENCE_START_EVENT: event.pointee.data.sequence_start.anchor
        case YAML_MAPPING_START_EVENT: event.pointee.data.mapping_start.anchor
        case YAML_ALIAS_EVENT: event.pointee.data.alias.anchor
        default: nil
        }
    }
}
