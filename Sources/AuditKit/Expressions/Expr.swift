/// A node of a parsed rule expression. Every node keeps its offset (in Unicode scalars) in the
/// expression text, so errors can point inside the YAML scalar the text came from.
public struct Expr: Sendable, Hashable {
    /// Unary operators.
    public enum UnaryOp: String, Sendable, Hashable, CaseIterable {
        /// Logical negation (Kleene: not unknown is unknown).
        case not
        /// Arithmetic negation, written `-x`.
        case negate = "-"
    }

    /// Binary operators, spelled as in the source.
    public enum BinaryOp: String, Sendable, Hashable, CaseIterable {
        /// Kleene disjunction.
        case or
        /// Kleene conjunction.
        case and
        /// Equality.
        case equal = "=="
        /// Inequality.
        case notEqual = "!="
        /// Less than.
        case less = "<"
        /// Less than or equal.
        case lessEqual = "<="
        /// Greater than.
        case greater = ">"
        /// Greater than or equal.
        case greaterEqual = ">="
        /// Membership: `x in [..]` or `choice in multi`.
        case `in`
        /// Membership seen from the collection: `multi contains "x"`.
        case contains
        /// Addition.
        case add = "+"
        /// Subtraction (written with spaces: `a - b`, since `a-b` is one identifier).
        case subtract = "-"
        /// Multiplication.
        case multiply = "*"
        /// Division; by zero gives unknown.
        case divide = "/"

        /// Binding strength, higher binds tighter; used by the parser and the printer.
        public var precedence: Int {
            switch self {
            case .or: 1
            case .and: 2
            case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual, .in, .contains: 4
            case .add, .subtract: 5
            case .multiply, .divide: 6
            }
        }

        /// Comparisons do not chain (`a < b < c` is an error), so they are non-associative.
        public var isComparison: Bool { precedence == 4 }
    }

    /// The built-in functions.
    public enum Function: String, Sendable, Hashable, CaseIterable {
        /// True when the question has a real answer (not n/a) and is asked; never unknown.
        case answered
        /// True when the question is asked and answered n/a ("does not apply to us"); never unknown.
        case na
        /// Number of selected items of a multi or elements of a list.
        case count
        /// Smallest of its arguments.
        case min
        /// Largest of its arguments.
        case max
    }

    /// What the node is.
    public indirect enum Kind: Sendable, Hashable {
        /// A plain number such as `12000` or `0.05`.
        case number(Double)
        /// A percentage as written, `5%` is `percent(5)` and means 0.05.
        case percent(Double)
        /// A duration in seconds, written `2h`, `30m`, `1h30m`, `1d`, `90s`, `2w`.
        case duration(Double)
        /// A double-quoted string.
        case string(String)
        /// `true` or `false`.
        case bool(Bool)
        /// `[a, b, ...]`.
        case list([Expr])
        /// `question_id` or `checklist-id.question_id`.
        case reference(checklist: String?, question: String)
        /// `not x`, `-x`.
        case unary(UnaryOp, Expr)
        /// `a op b`.
        case binary(BinaryOp, Expr, Expr)
        /// `a op b op c …` of one binding level (`or`, `and`, `+ -`, `* /`), left-associative,
        /// kept flat: a rule of thousands of terms costs no recursion per term anywhere (parser,
        /// type checker, evaluator, printer), so it cannot overflow the stack.
        case chain(Expr, [Link])
        /// `f(args)`.
        case call(Function, [Expr])
    }

    /// One operator of a chain and the operand to its right.
    public struct Link: Sendable, Hashable {
        /// The operator.
        public var op: BinaryOp
        /// What it applies to, on its right.
        public var operand: Expr
        /// Where the operator is.
        public var offset: Int

        /// Creates a link.
        public init(op: BinaryOp, operand: Expr, offset: Int) {
            self.op = op
            self.operand = operand
            self.offset = offset
        }
    }

    /// The node's kind.
    public var kind: Kind
    /// Offset in Unicode scalars: the operator's position for unary and binary nodes, otherwise
    /// the node's first character. Errors about an operator point at the operator this way.
    public var offset: Int

    /// Creates a node.
    public init(_ kind: Kind, at offset: Int) {
        self.kind = kind
        self.offset = offset
    }

    /// A position-free rendering (`(and (ref a) 1)`), for comparing trees whose offsets differ,
    /// such as a tree and the re-parse of its printed form.
    public var shape: String {
        switch kind {
        case .number(let v): return "\(v)"
        case .percent(let v): return "\(v)%"
        case .duration(let s): return "\(s)s"
        case .string(let s): return "\"\(s)\""
        case .bool(let b): return "\(b)"
        case .list(let items): return "[" + items.map(\.shape).joined(separator: " ") + "]"
        case .reference(let c, let q): return "(ref \(c.map { $0 + "." } ?? "")\(q))"
        case .unary(let op, let e): return "(\(op.rawValue) \(e.shape))"
        case .binary(let op, let l, let r): return "(\(op.rawValue) \(l.shape) \(r.shape))"
        case .call(let f, let args): return "(\(f.rawValue)" + args.map { " " + $0.shape }.joined() + ")"
        case .chain(let first, let links):
            // The same text as the nested binary tree it stands for: `(- (- a b) c)`.
            var out = ""
            for link in links.reversed() { out += "(\(link.op.rawValue) " }
            out += first.shape
            for link in links { out += " \(link.operand.shape))" }
            return out
        }
    }

    /// The same tree with every reference naming its checklist (`followers` in `four-mistakes`
    /// becomes `four-mistakes.followers`), so rules of different checklists compare as written.
    public func qualified(in checklistID: String) -> Expr {
        var copy = self
        switch kind {
        case .reference(let c, let q): copy.kind = .reference(checklist: c ?? checklistID, question: q)
        case .list(let items): copy.kind = .list(items.map { $0.qualified(in: checklistID) })
        case .call(let f, let args): copy.kind = .call(f, args.map { $0.qualified(in: checklistID) })
        case .unary(let op, let e): copy.kind = .unary(op, e.qualified(in: checklistID))
        case .binary(let op, let l, let r): copy.kind = .binary(op, l.qualified(in: checklistID), r.qualified(in: checklistID))
        case .chain(let first, let links):
            copy.kind = .chain(first.qualified(in: checklistID), links.map {
                Link(op: $0.op, operand: $0.operand.qualified(in: checklistID), offset: $0.offset)
            })
        default: break
        }
        return copy
    }

    /// Feeds the tree's structure to `hasher` without its offsets, with every reference naming
    /// its checklist (as `qualified(in:)` does) and a chain fed as the nested binary tree it
    /// stands for (as `shape` does): trees that print alike hash alike, and hashing builds no
    /// strings, so it can pick the few trees worth printing out of thousands.
    public func hashShape(into hasher: inout Hasher, in checklistID: String) {
        switch kind {
        case .number(let v): hasher.combine(0); hasher.combine(v)
        case .percent(let v): hasher.combine(1); hasher.combine(v)
        case .duration(let s): hasher.combine(2); hasher.combine(s)
        case .string(let s): hasher.combine(3); hasher.combine(s)
        case .bool(let b): hasher.combine(4); hasher.combine(b)
        case .list(let items):
            hasher.combine(5); hasher.combine(items.count)
            for item in items { item.hashShape(into: &hasher, in: checklistID) }
        case .reference(let c, let q):
            hasher.combine(6); hasher.combine(c ?? checklistID); hasher.combine(q)
        case .unary(let op, let e):
            hasher.combine(7); hasher.combine(op); e.hashShape(into: &hasher, in: checklistID)
        case .binary(let op, let l, let r):
            hasher.combine(8); hasher.combine(op)
            l.hashShape(into: &hasher, in: checklistID)
            r.hashShape(into: &hasher, in: checklistID)
        case .chain(let first, let links):
            for link in links.reversed() { hasher.combine(8); hasher.combine(link.op) }
            first.hashShape(into: &hasher, in: checklistID)
            for link in links { link.operand.hashShape(into: &hasher, in: checklistID) }
        case .call(let f, let args):
            hasher.combine(9); hasher.combine(f); hasher.combine(args.count)
            for arg in args { arg.hashShape(into: &hasher, in: checklistID) }
        }
    }

    /// Calls `body` for every reference in the tree, in source order.
    public func forEachReference(_ body: (_ checklist: String?, _ question: String, _ offset: Int) -> Void) {
        switch kind {
        case .reference(let c, let q): body(c, q, offset)
        case .list(let items), .call(_, let items): items.forEach { $0.forEachReference(body) }
        case .unary(_, let e): e.forEachReference(body)
        case .binary(_, let l, let r):
            l.forEachReference(body)
            r.forEachReference(body)
        case .chain(let first, let links):
            first.forEachReference(body)
            for link in links { link.operand.forEachReference(body) }
        default: break
        }
    }
}
