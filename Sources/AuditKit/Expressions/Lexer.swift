/// Splits expression text into tokens. Identifiers may contain `-` (as in HCL), so
/// `four-mistakes.followers` is one token and subtraction needs spaces: `a - b`.
struct Lexer {
    /// Whether `word` is a keyword of the language (`and`, `or`, `not`, `in`, `contains`,
    /// `true`, `false`), so it cannot name a question; compared without hashing, as every
    /// identifier asks.
    static func isKeyword(_ word: String) -> Bool {
        switch word {
        case "and", "or", "not", "in", "contains", "true", "false": true
        default: false
        }
    }
    private static let durationUnits: [Character: Double] = ["s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604_800]

    fileprivate let scalars: [Unicode.Scalar]
    private var index = 0

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    /// All tokens, ending with `.end`, or the first lexical error.
    static func tokenize(_ text: String) -> Result<[Token], ExpressionError> {
        var lexer = Lexer(text)
        var tokens: [Token] = []
        // A token is at least one character, and most are several with a space between.
        tokens.reserveCapacity(lexer.scalars.count / 3 + 2)
        while true {
            switch lexer.next() {
            case .failure(let error): return .failure(error)
            case .success(let token):
                tokens.append(token)
                if token.kind == .end { return .success(tokens) }
            }
        }
    }

    private func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
        index + ahead < scalars.count ? scalars[index + ahead] : nil
    }

    static func isIdentStart(_ c: Unicode.Scalar) -> Bool {
        (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c == "_"
    }

    static func isIdentPart(_ c: Unicode.Scalar) -> Bool {
        isIdentStart(c) || isDigit(c)
    }

    static func isDigit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }

    private mutating func next() -> Result<Token, ExpressionError> {
        while let c = peek(), c == " " || c == "\t" || c == "\n" || c == "\r" { index += 1 }
        let start = index
        guard let c = peek() else { return .success(Token(kind: .end, offset: index)) }
        if Self.isDigit(c) || (c == "." && peek(1).map(Self.isDigit) == true) { return lexNumber() }
        if Self.isIdentStart(c) { return .success(lexIdentifier()) }
        if c == "\"" { return lexString() }
        if peek(1) == "=", let symbol = Self.comparison(c) {
            index += 2
            return .success(Token(kind: .symbol(symbol), offset: start))
        }
        if let symbol = Self.punctuation(c) {
            index += 1
            return .success(Token(kind: .symbol(symbol), offset: start))
        }
        if c == "=" { return .failure(ExpressionError("use `==` to compare, `=` alone is not an operator", at: start)) }
        if c == "'" { return .failure(ExpressionError("strings are written in double quotes: \"…\"", at: start)) }
        if c == "&" || c == "|" || c == "!" {
            return .failure(ExpressionError("unexpected `\(c)`; write `and`, `or`, `not`", at: start))
        }
        return .failure(ExpressionError("unexpected character `\(c)`", at: start))
    }

    /// `==`, `!=`, `<=`, `>=` from their first character (the second is `=`). The symbols are
    /// literals: every rule has several, and building each from its characters was most of
    /// the lexer's time on large checklists.
    private static func comparison(_ c: Unicode.Scalar) -> String? {
        switch c {
        case "=": "=="
        case "!": "!="
        case "<": "<="
        case ">": ">="
        default: nil
        }
    }

    /// A one-character symbol.
    private static func punctuation(_ c: Unicode.Scalar) -> String? {
        switch c {
        case "(": "("
        case ")": ")"
        case "[": "["
        case "]": "]"
        case ",": ","
        case "<": "<"
        case ">": ">"
        case "+": "+"
        case "-": "-"
        case "*": "*"
        case "/": "/"
        default: nil
        }
    }

    private mutating func digits() -> String {
        var s = ""
        while let c = peek(), Self.isDigit(c) {
            s.unicodeScalars.append(c)
            index += 1
        }
        return s
    }

    private mutating func lexNumber() -> Result<Token, ExpressionError> {
        let start = index
        // A whole number of up to 15 digits (nearly every number in a rule) is exact as a
        // Double, so it is added up digit by digit; anything else is read by `Double(_:)`.
        var whole = 0.0, count = 0
        while let c = peek(), Self.isDigit(c), count < 15 {
            whole = whole * 10 + Double(c.value - 0x30)
            count += 1
            index += 1
        }
        let value: Double
        if count > 0, !(peek().map { Self.isDigit($0) || $0 == "." } ?? false) {
            value = whole
        } else {
            index = start
            var text = digits()
            if peek() == ".", peek(1).map(Self.isDigit) == true {
                index += 1
                text += "." + digits()
            }
            guard let parsed = Double(text.hasPrefix(".") ? "0" + text : text) else {
                return .failure(ExpressionError("`\(text)` is not a number", at: start))
            }
            value = parsed
        }
        if peek() == "%" {
            index += 1
            return .success(Token(kind: .percent(value), offset: start))
        }
        guard let c = peek(), Self.isIdentStart(c) else {
            return .success(Token(kind: .number(value), offset: start))
        }
        // A letter right after a number: a duration such as 1h30m; anything else is an error.
        var seconds = 0.0
        var amount = value
        while true {
            guard let unitChar = peek(), let factor = Self.durationUnits[Character(unitChar)] else {
                let bad = peek().map { String($0) } ?? ""
                return .failure(ExpressionError(
                    "`\(bad)` is not a duration unit; use s, m, h, d or w as in 90s, 30m, 2h, 1d, 2w", at: index))
            }
            index += 1
            seconds += amount * factor
            guard let c = peek(), Self.isDigit(c) else { break }
            let more = digits()
            amount = Double(more) ?? 0
            if peek() == nil || !Self.isIdentStart(peek()!) {
                return .failure(ExpressionError("a duration part needs a unit, as in 1h30m", at: index))
            }
        }
        if let c = peek(), Self.isIdentPart(c) || c == "." {
            return .failure(ExpressionError("unexpected `\(c)` after duration", at: index))
        }
        return .success(Token(kind: .duration(seconds), offset: start))
    }

    /// One identifier part: letters, digits, `_`, and `-` when another identifier character follows.
    private mutating func identifierPart() -> String {
        let start = index
        while let c = peek() {
            if Self.isIdentPart(c) || (c == "-" && peek(1).map(Self.isIdentPart) == true) {
                index += 1
            } else {
                break
            }
        }
        // Every identifier character is ASCII, so the text is made from its bytes at once
        // rather than a character at a time.
        return String(unsafeUninitializedCapacity: index - start) { buffer in
            for i in start..<index { buffer[i - start] = UInt8(truncatingIfNeeded: scalars[i].value) }
            return index - start
        }
    }

    private mutating func lexIdentifier() -> Token {
        let start = index
        let first = identifierPart()
        if peek() == ".", let n = peek(1), Self.isIdentStart(n) {
            index += 1
            let second = identifierPart()
            return Token(kind: .identifier(checklist: first, name: second), offset: start)
        }
        if Self.isKeyword(first) { return Token(kind: .symbol(first), offset: start) }
        return Token(kind: .identifier(checklist: nil, name: first), offset: start)
    }

    private mutating func lexString() -> Result<Token, ExpressionError> {
        let start = index
        index += 1
        var value = ""
        while let c = peek() {
            index += 1
            if c == "\"" { return .success(Token(kind: .string(value), offset: start)) }
            if c == "\\" {
                guard let e = peek() else { break }
                index += 1
                switch e {
                case "\"", "\\": value.unicodeScalars.append(e)
                case "n": value += "\n"
                case "t": value += "\t"
                default:
                    return .failure(ExpressionError("unknown escape `\\\(e)` in string; use \\\" or \\\\", at: index - 2))
                }
                continue
            }
            value.unicodeScalars.append(c)
        }
        return .failure(ExpressionError("unterminated string: a closing `\"` is missing", at: start))
    }
}
