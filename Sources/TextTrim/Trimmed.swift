/// Which characters `trimmed(_:)` takes off the ends of a text.
public enum TrimmedSpace: Sendable {
    /// Spaces and tabs: the padding around a CSV header's cells and the values typed on a
    /// command line about exports (a line break in a quoted cell is the cell's own).
    case spacesAndTabs
    /// Spaces, tabs and line breaks (`\n`, `\r`): the white space of the files smaudit reads.
    case spacesAndLineBreaks
    /// Every Unicode white space, no-break spaces included: what a person may type or paste.
    case unicodeWhitespace

    /// Whether `scalar` is one of these characters.
    @inlinable
    func contains(_ scalar: Unicode.Scalar) -> Bool {
        switch self {
        case .spacesAndTabs: return scalar == " " || scalar == "\t"
        case .spacesAndLineBreaks: return scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r"
        case .unicodeWhitespace: return scalar.properties.isWhitespace
        }
    }
}

extension StringProtocol {
    /// The text without `space` at either end (spaces, tabs and line breaks unless told).
    /// The one trim of smaudit's modules, in a module of its own so that PresenceData, which
    /// knows nothing of audits, shares it with AuditKit and what is built on it. Pure Swift, by Unicode scalar:
    /// Foundation's version bridges through NSString, which dominated loading large
    /// checklists, and walking Characters (grapheme breaking) showed up in replay profiles.
    /// Inlinable so that other modules get it specialised for String (the shell trims every line).
    @inlinable
    public func trimmed(_ space: TrimmedSpace = .spacesAndLineBreaks) -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !space.contains($0) }),
              let last = scalars.lastIndex(where: { !space.contains($0) }) else { return "" }
        // Nothing to take off: the text itself, without a copy when it is a String.
        if first == scalars.startIndex && last == scalars.index(before: scalars.endIndex), let whole = self as? String {
            return whole
        }
        // One copy of the UTF-8 bytes, not a scalar-by-scalar rebuild.
        return String(Substring(self)[first...last])
    }
}
