/// Checks expression types at load time, so a rule comparing a number with a string, or naming
/// a choice that does not exist, is an error at `file:line:col` instead of a silent `false`.
public struct TypeChecker {
    /// What a reference names.
    public enum Resolution: Sendable {
        /// A question, with the id of its checklist.
        case question(Question, checklistID: String)
        /// No such question; `suggestion` is the closest id, if any is close.
        case unknownQuestion(suggestion: String?)
        /// The checklist part names no loaded checklist.
        case unknownChecklist
    }

    private let resolve: (_ checklist: String?, _ question: String) -> Resolution
    private var errors: [ExpressionError] = []

    /// Type-checks `expr`, returning its type (nil when it has errors) and every error found.
    public static func check(_ expr: Expr,
                             resolve: @escaping (_ checklist: String?, _ question: String) -> Resolution)
        -> (type: ExprType?, errors: [ExpressionError]) {
        var checker = TypeChecker(resolve: resolve)
        let type = checker.infer(expr)
        return (type, checker.errors)
    }

    /// Checks that `expr` is a condition (true/false), as `check`, `applies` and `when` must be.
    public static func checkCondition(_ expr: Expr, field: String,
                                      resolve: @escaping (_ checklist: String?, _ question: String) -> Resolution)
        -> [ExpressionError] {
        var (type, errors) = check(expr, resolve: resolve)
        if let type, type != .bool {
            errors.append(ExpressionError("`\(field)` must be true or false, but this expression is \(type)", at: expr.offset))
        }
        return errors
    }

    private init(resolve: @escaping (String?, String) -> Resolution) {
        self.resolve = resolve
    }

    private mutating func error(_ message: String, _ offset: Int) -> ExprType? {
        errors.append(ExpressionError(message, at: offset))
        return nil
    }

    private mutating func infer(_ e: Expr) -> ExprType? {
        switch e.kind {
        case .number, .percent: return .number
        case .duration: return .duration
        case .string: return .string(choices: nil, question: nil)
        case .bool: return .bool
        case .list(let items): return inferList(items)
        case .reference(let c, let q):
            switch resolve(c, q) {
            case .question(let question, let checklistID):
                return .of(question, qualified: c == nil ? q : "\(checklistID).\(q)")
            case .unknownQuestion(let suggestion):
                let name = c.map { "\($0).\(q)" } ?? q
                return error("unknown question `\(name)`" + (Suggest.hint(suggestion) ?? ""), e.offset)
            case .unknownChecklist:
                return error("unknown checklist `\(c ?? "")` in `\(c ?? "").\(q)`: no checklist with that id is loaded", e.offset)
            }
        case .unary(.not, let x):
            guard let t = infer(x) else { return nil }
            return t == .bool ? .bool : error("`not` needs true/false, but this is \(t)", e.offset)
        case .unary(.negate, let x):
            guard let t = infer(x) else { return nil }
            return t == .number || t == .duration ? t : error("`-` needs a number or a duration, but this is \(t)", e.offset)
        case .binary(let op, let l, let r):
            return inferBinary(op, l, r, e.offset)
        case .chain(let first, let links):
            // Every operand is checked (so all errors are reported), then the types are folded
            // left to right as the nested binary tree would be.
            let firstType = infer(first)
            let types = links.map { infer($0.operand) }
            guard var acc = firstType else { return nil }
            for (link, type) in zip(links, types) {
                guard let type, let next = combine(link.op, acc, type, first, link.operand, link.offset) else { return nil }
                acc = next
            }
            return acc
        case .call(let f, let args):
            return inferCall(f, args, e.offset)
        }
    }

    private mutating func inferList(_ items: [Expr]) -> ExprType? {
        var element: ExprType?
        for item in items {
            guard let t = infer(item) else { return nil }
            switch t {
            case .set, .list, .bool:
                return error("list elements must be strings, numbers, durations or dates, not \(t)", item.offset)
            default: break
            }
            if let known = element, known.base != t.base {
                return error("list elements must all be of one kind: \(t) after \(known)", item.offset)
            }
            if element == nil { element = t.base == 4 ? .string(choices: nil, question: nil) : t }
        }
        return .list(element: element)
    }

    /// The string literals of an expression that is a literal or a list of literals.
    private func literalStrings(_ e: Expr) -> [(String, Int)] {
        switch e.kind {
        case .string(let s): return [(s, e.offset)]
        case .list(let items): return items.flatMap { literalStrings($0) }
        default: return []
        }
    }

    private mutating func checkChoices(of t: ExprType, against literals: Expr) {
        let (choices, question): ([String]?, String?)
        switch t {
        case .string(let c, let q): (choices, question) = (c, q)
        case .set(let c, let q): (choices, question) = (c, q)
        default: return
        }
        guard let choices, let question else { return }
        for (s, offset) in literalStrings(literals) where !choices.contains(s) {
            let hint = choices.first { $0.lowercased() == s.lowercased() }
                ?? Suggest.closest(to: s, in: choices)
            // As for an unknown type: the suggestion, else a semicolon, before the list.
            _ = error("`\(s)` is not a choice of \(question)" + (Suggest.hint(hint).map { $0 + " " } ?? "; ")
                      + "choices are: " + choices.joined(separator: ", "), offset)
        }
    }

    private func isDateLiteral(_ e: Expr) -> Bool {
        if case .string(let s) = e.kind { return CalendarDate(iso: s) != nil }
        return false
    }

    private mutating func inferBinary(_ op: Expr.BinaryOp, _ l: Expr, _ r: Expr, _ offset: Int) -> ExprType? {
        let lt = infer(l), rt = infer(r)
        guard let lt, let rt else { return nil }
        return combine(op, lt, rt, l, r, offset)
    }

    /// The type of `l op r` given both sides' types; `l` and `r` place errors (for a chain, `l`
    /// is its first operand, where the left side starts).
    private mutating func combine(_ op: Expr.BinaryOp, _ lt: ExprType, _ rt: ExprType, _ l: Expr, _ r: Expr,
                                  _ offset: Int) -> ExprType? {
        switch op {
        case .and, .or:
            if lt != .bool { return error("`\(op.rawValue)` needs true/false on the left, but this is \(lt)", l.offset) }
            if rt != .bool { return error("`\(op.rawValue)` needs true/false on the right, but this is \(rt)", r.offset) }
            return .bool
        case .equal, .notEqual:
            if lt.base == rt.base {
                checkChoices(of: lt, against: r)
                checkChoices(of: rt, against: l)
                return .bool
            }
            if (lt == .date && isDateLiteral(r)) || (rt == .date && isDateLiteral(l)) { return .bool }
            return error("cannot compare \(lt) with \(rt)", offset)
        case .less, .lessEqual, .greater, .greaterEqual:
            let orderable: Set<Int> = [1, 2, 3]
            if (lt == .date && isDateLiteral(r)) || (rt == .date && isDateLiteral(l)) { return .bool }
            guard orderable.contains(lt.base) else {
                return error("`\(op.rawValue)` compares numbers, durations or dates, not \(lt)", offset)
            }
            guard lt.base == rt.base else { return error("cannot compare \(lt) with \(rt)", offset) }
            return .bool
        case .in, .contains:
            let (element, collection, elementExpr, collectionExpr) = op == .in ? (lt, rt, l, r) : (rt, lt, r, l)
            switch collection {
            case .set:
                guard element.base == 4 else { return error("cannot look for \(element) in \(collection)", offset) }
                checkChoices(of: collection, against: elementExpr)
            case .list(let inner):
                if let inner, inner.base != element.base {
                    return error("cannot look for \(element) in \(collection)", offset)
                }
                checkChoices(of: element, against: collectionExpr)
            default:
                let side = op == .in ? "right" : "left"
                return error("`\(op.rawValue)` needs a multiple choice or a list on the \(side), but this is \(collection)", collectionExpr.offset)
            }
            return .bool
        case .add, .subtract:
            switch (lt, rt) {
            case (.number, .number): return .number
            case (.duration, .duration): return .duration
            case (.date, .duration): return .date
            case (.duration, .date) where op == .add: return .date
            case (.date, .date) where op == .subtract: return .duration
            default: return error("cannot \(op == .add ? "add" : "subtract") \(rt) \(op == .add ? "to" : "from") \(lt)", offset)
            }
        case .multiply:
            switch (lt, rt) {
            case (.number, .number): return .number
            case (.duration, .number), (.number, .duration): return .duration
            default: return error("cannot multiply \(lt) by \(rt)", offset)
            }
        case .divide:
            switch (lt, rt) {
            case (.number, .number), (.duration, .duration): return .number
            case (.duration, .number): return .duration
            default: return error("cannot divide \(lt) by \(rt)", offset)
            }
        }
    }

    private mutating func inferCall(_ f: Expr.Function, _ args: [Expr], _ offset: Int) -> ExprType? {
        switch f {
        case .answered, .na:
            let name = f.rawValue
            guard args.count == 1 else { return error("`\(name)` takes one question", offset) }
            guard case .reference = args[0].kind else {
                return error("`\(name)` takes a question id, such as \(name)(followers)", args[0].offset)
            }
            return infer(args[0]) == nil ? nil : .bool
        case .count:
            guard args.count == 1 else { return error("`count` takes one multiple choice or list", offset) }
            guard let t = infer(args[0]) else { return nil }
            switch t {
            case .set, .list: return .number
            default: return error("`count` needs a multiple choice or a list, but this is \(t)", args[0].offset)
            }
        case .min, .max:
            guard !args.isEmpty else { return error("`\(f.rawValue)` needs at least one value", offset) }
            var result: ExprType?
            for arg in args {
                guard let t = infer(arg) else { return nil }
                guard [1, 2, 3].contains(t.base) else {
                    return error("`\(f.rawValue)` takes numbers, durations or dates, not \(t)", arg.offset)
                }
                if let r = result, r != t { return error("`\(f.rawValue)` cannot mix \(r) and \(t)", arg.offset) }
                result = t
            }
            return result
        }
    }
}
