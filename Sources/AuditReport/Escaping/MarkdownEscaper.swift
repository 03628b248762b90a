/// Makes untrusted text (organisation names, answers, notes, evidence, checklist prose) safe to
/// place anywhere in the Markdown report: in a paragraph, a list item, a heading or a table cell.
///
/// The rules, applied in one pass over the text:
/// - `&`, `<`, `>` become `&amp;`, `&lt;`, `&gt;`, so no HTML element or entity can be injected;
/// - the characters that start Markdown syntax inside a line, `\` `` ` `` `*` `_` `[` `]` `|` `~`,
///   get a backslash, so nothing turns bold, into code, a link, strikethrough, or a new table
///   column (an `_` between two letters or digits is left alone: it cannot open or close
///   emphasis there, and file names such as `first_response` stay readable);
/// - a line break (`\n`, `\r\n`, `\r`, U+0085, U+2028, U+2029) becomes the separator ` / `,
///   since a raw line break would end a table row or start a new block;
/// - leading and trailing white space is trimmed (four leading spaces would make code), and what
///   could open a block at the start (`#`, `-`, `+`, `=`, and `1.` or `1)` before a space) is
///   backslash-escaped;
/// - other control characters become a space; everything else (emoji, accents) is kept as is.
public enum MarkdownEscaper {
    /// What replaces a line break inside user text.
    public static let lineBreakSeparator = " / "

    /// The escaped form of `text`, safe inline and in table cells. Linear in the text's length.
    public static func escape(_ text: String) -> String {
        needsNoEscaping(text) ? text : escapeEachScalar(text)
    }

    /// True for printable ASCII with nothing to escape, trim or replace: most of a report's
    /// prose, which then needs no rebuilding (rebuilding it scalar by scalar was a tenth of a
    /// replay's time). Anything else takes the full pass.
    static func needsNoEscaping(_ text: String) -> Bool {
        let bytes = text.utf8
        guard let first = bytes.first, let last = bytes.last else { return true }
        if first == UInt8(ascii: " ") || last == UInt8(ascii: " ") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first)
            || blockStarterBytes.contains(first) { return false }
        return bytes.allSatisfy { $0 >= 0x20 && $0 < 0x7F && !inlineSpecialBytes.contains($0) }
    }

    private static let blockStarterBytes: [UInt8] = Array("#-+=".utf8)
    private static let inlineSpecialBytes: [UInt8] = Array("&<>\\`*_[]|~".utf8)

    /// The full pass over every scalar, as the rules above describe.
    static func escapeEachScalar(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingBreak = false
        var atStart = true
        var pendingSpaces = 0
        var previous: Unicode.Scalar?
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        while index != scalars.endIndex {
            let scalar = scalars[index]
            scalars.formIndex(after: &index)
            switch scalar.value {
            case 0x0A, 0x0D, 0x85, 0x2028, 0x2029:
                // A run of breaks (blank lines, \r\n) is one separator; spaces around it are dropped.
                if !atStart { pendingBreak = true }
                pendingSpaces = 0
                previous = nil
                continue
            case 0x20, 0x09, 0x00...0x08, 0x0B, 0x0C, 0x0E...0x1F, 0x7F:
                if !atStart && !pendingBreak { pendingSpaces += 1 }
                previous = nil
                continue
            default:
                break
            }
            if pendingBreak {
                out.append(contentsOf: lineBreakSeparator.unicodeScalars)
                pendingBreak = false
                pendingSpaces = 0
            } else if pendingSpaces > 0 {
                out.append(contentsOf: String(repeating: " ", count: pendingSpaces).unicodeScalars)
                pendingSpaces = 0
            }
            if atStart {
                atStart = false
                if blockStarters.contains(scalar) {
                    out.append("\\")
                    out.append(scalar)
                    previous = scalar
                    continue
                }
                if ("0"..."9").contains(scalar) {
                    // "1. text" or "1) text" would open an ordered list: escape its delimiter.
                    var digits = String.UnicodeScalarView([scalar])
                    while index != scalars.endIndex, ("0"..."9").contains(scalars[index]) {
                        digits.append(scalars[index])
                        scalars.formIndex(after: &index)
                    }
                    out.append(contentsOf: digits)
                    if index != scalars.endIndex, scalars[index] == "." || scalars[index] == ")" {
                        let delimiter = scalars[index]
                        let next = scalars.index(after: index)
                        if next == scalars.endIndex || isSpaceOrBreak(scalars[next]) { out.append("\\") }
                        out.append(delimiter)
                        scalars.formIndex(after: &index)
                        previous = delimiter
                        continue
                    }
                    previous = digits.last
                    continue
                }
            }
            switch scalar {
            case "&": out.append(contentsOf: "&amp;".unicodeScalars)
            case "<": out.append(contentsOf: "&lt;".unicodeScalars)
            case ">": out.append(contentsOf: "&gt;".unicodeScalars)
            case "_" where isWordScalar(previous) && index != scalars.endIndex && isWordScalar(scalars[index]):
                out.append(scalar)
            case "\\", "`", "*", "_", "[", "]", "|", "~":
                out.append("\\")
                out.append(scalar)
            default:
                out.append(scalar)
            }
            previous = scalar
        }
        return String(out)
    }

    /// Letters and digits: an `_` between two of them is intraword and never emphasis.
    private static func isWordScalar(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return false }
        return scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
    }

    private static func isSpaceOrBreak(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value <= 0x20 || [0x85, 0x2028, 0x2029].contains(scalar.value)
    }

    /// Characters that open a block (heading, list, setext underline) when a line starts with them.
    private static let blockStarters: Set<Unicode.Scalar> = ["#", "-", "+", "="]
}
