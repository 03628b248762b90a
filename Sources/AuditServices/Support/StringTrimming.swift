extension String {
    /// The string without leading and trailing white space.
    public func trimmingWhitespace() -> String {
        // By Unicode scalar: every line passes through here, and walking Characters (grapheme
        // breaking) showed up in replay profiles.
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        if first == scalars.startIndex && last == scalars.index(before: scalars.endIndex) { return self }
        return String(scalars[first...last])
    }

    /// The string without `suffix` at its end, when it has it.
    public func replacingSuffix(_ suffix: String) -> String { hasSuffix(suffix) ? String(dropLast(suffix.count)) : self }
}
