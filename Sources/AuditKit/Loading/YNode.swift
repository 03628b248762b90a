/// One node of a YAML document as the loaders read it: a scalar's text, a mapping's pairs in
/// file order, or a sequence, each with the line and column where it starts.
///
/// A view into a `YDocument`, which `YAMLComposer` fills straight from libyaml's events; not
/// `Yams.Node`, because the loaders read each node several times (null check, text, position).
struct YNode {
    /// A 1-based line and column (columns count Unicode scalars, as libyaml does).
    struct Mark: Hashable {
        let line: Int
        let column: Int
    }

    /// How a scalar was written; expression columns are mapped back to the file from it.
    enum Style: UInt8 {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    /// A scalar's text, quoting style and position.
    struct Scalar {
        let string: String
        let style: Style
        let mark: Mark
    }

    let document: YDocument
    let index: Int

    private var record: YDocument.Record { document.records[index] }

    var mark: Mark { record.mark }

    /// The scalar, when this node is one.
    var scalar: Scalar? {
        let r = record
        guard r.kind == .scalar else { return nil }
        return Scalar(string: document.strings[r.first], style: r.style, mark: r.mark)
    }

    /// The key–value pairs in file order, when this node is a mapping.
    var mapping: Pairs? {
        let r = record
        guard r.kind == .mapping else { return nil }
        return Pairs(document: document, start: r.first, count: r.count)
    }

    /// The items, when this node is a sequence.
    var sequence: Items? {
        let r = record
        guard r.kind == .sequence else { return nil }
        return Items(document: document, start: r.first, count: r.count)
    }

    /// A mapping's pairs, read from the document's child list (key and value side by side).
    struct Pairs: RandomAccessCollection {
        let document: YDocument
        /// Where the children start in `document.children` (not `Collection.first`).
        let start: Int
        let count: Int
        var startIndex: Int { 0 }
        var endIndex: Int { count }
        subscript(i: Int) -> (key: YNode, value: YNode) {
            let at = start + 2 * i
            return (YNode(document: document, index: document.children[at]),
                    YNode(document: document, index: document.children[at + 1]))
        }
    }

    /// A sequence's items, read from the document's child list.
    struct Items: RandomAccessCollection {
        let document: YDocument
        /// Where the children start in `document.children` (not `Collection.first`).
        let start: Int
        let count: Int
        var startIndex: Int { 0 }
        var endIndex: Int { count }
        subscript(i: Int) -> YNode { YNode(document: document, index: document.children[start + i]) }
    }
}

/// A whole YAML document stored flat: one record per node and one list of child indices, so a
/// document of 200,000 nodes is a few arrays (plus the scalars' own text, where it is longer
/// than a small string holds) rather than 200,000 objects and their child arrays to allocate
/// and free one by one.
final class YDocument: Sendable {
    enum Kind: UInt8 { case scalar, sequence, mapping }

    /// A scalar's `first` indexes `strings`; a sequence's `count` items, or a mapping's `count`
    /// key–value pairs (two entries each), start at `children[first]`.
    ///
    /// Positions and indices are kept in 32 bits (the composer refuses a text of 4 GiB or
    /// more, so none can exceed them): 20 bytes a node instead of 40, which at 2.9 million
    /// nodes is 57 MB less to write into fresh pages and read back through the cache.
    struct Record {
        let kind: Kind
        let style: YNode.Style
        private let line: UInt32
        private let column: UInt32
        private let start: UInt32
        private let size: UInt32

        init(kind: Kind, style: YNode.Style, mark: YNode.Mark, first: Int, count: Int) {
            self.kind = kind
            self.style = style
            line = UInt32(truncatingIfNeeded: mark.line)
            column = UInt32(truncatingIfNeeded: mark.column)
            start = UInt32(truncatingIfNeeded: first)
            size = UInt32(truncatingIfNeeded: count)
        }

        var mark: YNode.Mark { YNode.Mark(line: Int(line), column: Int(column)) }
        var first: Int { Int(start) }
        var count: Int { Int(size) }
    }

    let records: [Record]
    let strings: [String]
    let children: [Int]

    init(records: [Record], strings: [String], children: [Int]) {
        self.records = records
        self.strings = strings
        self.children = children
    }

    /// Another document object over the same nodes, for another thread to read through: every
    /// node view retains its document, and one count changed by two cores is slow on both.
    func sharingNodes() -> YDocument {
        YDocument(records: records, strings: strings, children: children)
    }
}
