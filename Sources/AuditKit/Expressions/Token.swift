/// A lexical token of the expression language.
struct Token: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        case number(Double)
        case percent(Double)
        case duration(Double)
        case string(String)
        /// An identifier, possibly qualified: `four-mistakes.followers`.
        case identifier(checklist: String?, name: String)
        /// Keywords and punctuation, spelled as in the source.
        case symbol(String)
        case end
    }

    var kind: Kind
    var offset: Int
}
