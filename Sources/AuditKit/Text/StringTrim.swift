extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and line breaks. Pure Swift: the
    /// Foundation version bridges through NSString, which dominated loading large checklists.
    func trimmed() -> String {
        let scalars = unicodeScalars
        func isSpace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" || c == "\n" || c == "\r" }
        guard let first = scalars.firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isSpace($0) })!
        // One copy of the UTF-8 bytes, not a scalar-by-scalar rebuild.
        return String(Substring(self)[first...last])
    }
}
