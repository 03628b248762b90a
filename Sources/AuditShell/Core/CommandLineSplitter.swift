import AuditServices
/// Splits a command line into words: white space separates, and single or double quotes group
/// words with spaces (`note "call back on Monday"`). A backslash escapes the next character.
enum CommandLineSplitter {
    static func split(_ line: String) throws -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        var escaped = false
        for character in line {
            if escaped {
                current.append(character)
                escaped = false
                continue
            }
            if character == "\\" && quote != "'" {
                escaped = true
                inWord = true
                continue
            }
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
                continue
            }
            if character == "\"" || character == "'" {
                quote = character
                inWord = true
            } else if character.isWhitespace {
                if inWord { words.append(current) }
                current = ""
                inWord = false
            } else {
                current.append(character)
                inWord = true
            }
        }
        if let open = quote { throw AuditError.unclosedQuote(open) }
        if escaped { current.append("\\") }
        if inWord { words.append(current) }
        return words
    }
}
