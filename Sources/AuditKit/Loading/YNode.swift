/// One node of a YAML document as the loaders read it: a scalar's text, a mapping's pairs in
/// file order, or a sequence, each with the line and column where it starts.
///
/// A small class tree of its own rather than `Yams.Node`: the loaders read each node several
/// times (null check, text, position), and `YAMLComposer` fills it straight from libyaml's
/// events.
final class YNode {
    /// A 1-based line and column (columns count Unicode scalars, as libyaml does).
    struct Mark: Hashable {
        let line: Int
        let column: Int
    }

    /// How a scalar was written; expression columns are mapped back to the file from it.
    enum Style {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    /// A scalar's text, quoting style and position.
    struct Scalar {
        let string: String
        let style: Style
        let mark: Mark
    }

    let mark: Mark
    let scalar: Scalar?
    let mapping: [(key: YNode, value: YNode)]?
    let sequence: [YNode]?

    init(scalar: String, style: Style, mark: Mark) {
        self.mark = mark
        self.scalar = Scalar(string: scalar, style: style, mark: mark)
        mapping = nil
        sequence = nil
    }

    init(mapping: [(key: YNode, value: YNode)], mark: Mark) {
        self.mark = mark
        scalar = nil
        self.mapping = mapping
        sequence = nil
    }

    init(sequence: [YNode], mark: Mark) {
        self.mark = mark
        scalar = nil
        mapping = nil
        self.sequence = sequence
    }
}
