import Yams

/// A YAML node copied once out of Yams' `Node`: the loader reads each node several times
/// (null check, text, position), and every read of a Yams node copies its payload (tag,
/// weak anchor, arrays). Copying once into this small class tree keeps loading cheap.
final class YNode {
    /// A scalar's text, quoting style and position.
    struct Scalar {
        let string: String
        let style: Node.Scalar.Style
        let mark: Mark?
    }

    let mark: Mark?
    let scalar: Scalar?
    let mapping: [(key: YNode, value: YNode)]?
    let sequence: [YNode]?

    init(_ node: Node) {
        switch node {
        case .scalar(let s):
            mark = s.mark
            scalar = Scalar(string: s.string, style: s.style, mark: s.mark)
            mapping = nil
            sequence = nil
        case .mapping(let m):
            mark = m.mark
            scalar = nil
            mapping = m.map { (key: YNode($0.key), value: YNode($0.value)) }
            sequence = nil
        case .sequence(let s):
            mark = s.mark
            scalar = nil
            mapping = nil
            sequence = s.map(YNode.init)
        case .alias(let a):
            // Aliases are resolved by Yams when composing; one left over reads as an empty value.
            mark = a.mark
            scalar = Scalar(string: "", style: .plain, mark: a.mark)
            mapping = nil
            sequence = nil
        }
    }
}
