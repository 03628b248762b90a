/// Hand-written recursive-descent parser for rule expressions.
///
/// Grammar, loosest first:
/// ```
/// or      := and ("or" and)*
/// and     := not ("and" not)*
/// not     := "not" not | compare
/// compare := sum (("=="|"!="|"<"|"<="|">"|">="|"in"|"contains") sum)?   // no chaining
/// sum     := product (("+"|"-") product)*
/// product := unary (("*"|"/") unary)*
/// unary   := "-" unary | primary
/// primary := number | percent | duration | string | true | false | "[" list "]"
///          | "(" or ")" | function "(" args ")" | reference
/// ```
/// Nesting is capped (`maxDepth`) so hostile input cannot overflow the stack; a run of one
/// operator (`a and b and …`) is one flat `chain` node, so its length costs no depth at all.
public struct Parser {
    /// Deepest nesting accepted; far beyond any real rule, far below the stack limit.
    public static let maxDepth = 100

    private var tokens: [Token]
    private var position = 0
    private var depth = 0

    private init(tokens: [Token]) {
        self.tokens = tokens
    }

    /// Parses a whole expression, or returns the first error with its offset.
    public static func parse(_ text: String) -> Result<Expr, ExpressionError> {
        switch Lexer.tokenize(text) {
        case .failure(let error): return .failure(error)
        case .success(let tokens):
            var parser = Parser(tokens: tokens)
            do {
                if case .end = parser.current.kind {
                    throw ExpressionError("empty expression", at: 0)
                }
                let expr = try parser.parseOr()
                guard case .end = parser.current.kind else {
                    throw ExpressionError("unexpected \(parser.describe(parser.current)) after the end of the expression",
                                          at: parser.current.offset)
                }
                return .success(expr)
            } catch let error as ExpressionError {
                return .failure(error)
            } catch {
                return .failure(ExpressionError("\(error)", at: 0))
            }
        }
    }

    private var current: Token { tokens[position] }

    private mutating func advance() -> Token {
        let token = tokens[position]
        if position < tokens.count - 1 { position += 1 }
        return token
    }

    private func isSymbol(_ s: String) -> Bool {
        if case .symbol(let t) = current.kind { return t == s }
        return false
    }

    private func describe(_ token: Token) -> String {
        switch token.kind {
        case .end: return "end of expression"
        case .symbol(let s): return "`\(s)`"
        case .identifier(let c, let n): return "`\(c.map { $0 + "." } ?? "")\(n)`"
        case .string(let s): return "string \"\(s)\""
        case .number, .percent, .duration: return "number"
        }
    }

    private mutating func expect(_ s: String, _ what: String) throws {
        guard isSymbol(s) else {
            throw ExpressionError("expected \(what), found \(describe(current))", at: current.offset)
        }
        _ = advance()
    }

    private mutating func nest() throws {
        depth += 1
        if depth > Self.maxDepth {
            throw ExpressionError("expression nests too deeply (more than \(Self.maxDepth) levels)", at: current.offset)
        }
    }

    /// `first op x op y …` as one node: a binary node for one operator, a flat chain for more.
    private static func chain(_ first: Expr, _ links: [Expr.Link]) -> Expr {
        guard let head = links.first else { return first }
        if links.count == 1 { return Expr(.binary(head.op, first, head.operand), at: head.offset) }
        return Expr(.chain(first, links), at: head.offset)
    }

    private mutating func parseOr() throws -> Expr {
        try nest()
        defer { depth -= 1 }
        let first = try parseAnd()
        var links: [Expr.Link] = []
        while isSymbol("or") {
            let op = advance()
            links.append(Expr.Link(op: .or, operand: try parseAnd(), offset: op.offset))
        }
        return Self.chain(first, links)
    }

    private mutating func parseAnd() throws -> Expr {
        let first = try parseNot()
        var links: [Expr.Link] = []
        while isSymbol("and") {
            let op = advance()
            links.append(Expr.Link(op: .and, operand: try parseNot(), offset: op.offset))
        }
        return Self.chain(first, links)
    }

    private mutating func parseNot() throws -> Expr {
        if isSymbol("not") {
            let op = advance()
            try nest()
            defer { depth -= 1 }
            return Expr(.unary(.not, try parseNot()), at: op.offset)
        }
        return try parseComparison()
    }

    /// The comparison the current token is, if any. A switch rather than a dictionary: it is
    /// asked after every operand, and hashing the symbol cost more than comparing it.
    private func comparisonOp() -> Expr.BinaryOp? {
        guard case .symbol(let s) = current.kind else { return nil }
        switch s {
        case "==": return .equal
        case "!=": return .notEqual
        case "<": return .less
        case "<=": return .lessEqual
        case ">": return .greater
        case ">=": return .greaterEqual
        case "in": return .in
        case "contains": return .contains
        default: return nil
        }
    }

    private mutating func parseComparison() throws -> Expr {
        let lhs = try parseSum()
        guard let op = comparisonOp() else { return lhs }
        let opToken = advance()
        let rhs = try parseSum()
        if comparisonOp() != nil {
            throw ExpressionError("comparisons do not chain; combine them with `and`", at: current.offset)
        }
        return Expr(.binary(op, lhs, rhs), at: opToken.offset)
    }

    private mutating func parseSum() throws -> Expr {
        let first = try parseProduct()
        var links: [Expr.Link] = []
        while isSymbol("+") || isSymbol("-") {
            let op = advance()
            links.append(Expr.Link(op: isSymbolToken(op, "+") ? .add : .subtract, operand: try parseProduct(), offset: op.offset))
        }
        return Self.chain(first, links)
    }

    private func isSymbolToken(_ token: Token, _ s: String) -> Bool {
        if case .symbol(let t) = token.kind { return t == s }
        return false
    }

    private mutating func parseProduct() throws -> Expr {
        let first = try parseUnary()
        var links: [Expr.Link] = []
        while isSymbol("*") || isSymbol("/") {
            let op = advance()
            links.append(Expr.Link(op: isSymbolToken(op, "*") ? .multiply : .divide, operand: try parseUnary(), offset: op.offset))
        }
        return Self.chain(first, links)
    }

    private mutating func parseUnary() throws -> Expr {
        if isSymbol("-") {
            let op = advance()
            try nest()
            defer { depth -= 1 }
            return Expr(.unary(.negate, try parseUnary()), at: op.offset)
        }
        return try parsePrimary()
    }

    private mutating func parsePrimary() throws -> Expr {
        let token = current
        switch token.kind {
        case .number(let v):
            _ = advance()
            return Expr(.number(v), at: token.offset)
        case .percent(let v):
            _ = advance()
            return Expr(.percent(v), at: token.offset)
        case .duration(let v):
            _ = advance()
            return Expr(.duration(v), at: token.offset)
        case .string(let s):
            _ = advance()
            return Expr(.string(s), at: token.offset)
        case .identifier(let checklist, let name):
            _ = advance()
            if checklist == nil, let function = Expr.Function(rawValue: name), isSymbol("(") {
                _ = advance()
                let args = try parseArguments(closing: ")", what: "`)` to close the call of \(name)")
                return Expr(.call(function, args), at: token.offset)
            }
            if isSymbol("(") {
                let known = Expr.Function.allCases.map(\.rawValue).joined(separator: ", ")
                throw ExpressionError("`\(name)` is not a function; functions are \(known)", at: token.offset)
            }
            return Expr(.reference(checklist: checklist, question: name), at: token.offset)
        case .symbol("true"), .symbol("false"):
            _ = advance()
            return Expr(.bool(isSymbolToken(token, "true")), at: token.offset)
        case .symbol("("):
            _ = advance()
            let inner = try parseOr()
            try expect(")", "`)`")
            return inner
        case .symbol("["):
            _ = advance()
            try nest()
            defer { depth -= 1 }
            let items = try parseArguments(closing: "]", what: "`]` to close the list")
            return Expr(.list(items), at: token.offset)
        default:
            throw ExpressionError("expected a value, found \(describe(token))", at: token.offset)
        }
    }

    private mutating func parseArguments(closing: String, what: String) throws -> [Expr] {
        var items: [Expr] = []
        if isSymbol(closing) {
            _ = advance()
            return items
        }
        while true {
            items.append(try parseOr())
            if isSymbol(",") {
                _ = advance()
                continue
            }
            try expect(closing, what)
            return items
        }
    }
}
