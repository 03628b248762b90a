/// A `source:` citation, `004_414b4cef5ac34fae.txt#the quoted words`, split once: the seed file
/// it names and the quote, if any, that must occur in it.
public struct Citation: Sendable, Hashable {
    /// The seed file.
    public var file: String
    /// The quoted words; nil when the citation names the file alone.
    public var quote: String?

    /// The parts of `text`; nil for an empty citation. A citation without `#` is a file alone,
    /// and an empty quote is none.
    public init?(_ text: String?) {
        guard let text, !text.isEmpty else { return nil }
        // Searched as bytes: `#` is ASCII, and a Character search misses a `#` that a combining
        // mark follows (one grapheme).
        guard let hash = text.utf8.firstIndex(of: UInt8(ascii: "#")) else {
            file = text
            quote = nil
            return
        }
        file = String(text[..<hash])
        let words = String(text[text.utf8.index(after: hash)...])
        quote = words.isEmpty ? nil : words
    }
}
