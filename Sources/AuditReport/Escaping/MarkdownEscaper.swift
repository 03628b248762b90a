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
/// - other control characters (C0, DEL and C1, such as U+009B, which a terminal reads as the start
///   of an escape sequence) and the bidirectional overrides and isolates (U+202A–U+202E,
///   U+2066–U+2069, which reorder the text around them) become a space; everything else (emoji,
///   accents, right-to-left letters) is kept as is.
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

    /// The full pass over every scalar, as the rules above describe. Written into a byte
    /// buffer: appending to a `String.UnicodeScalarView` copies it on every `append(contentsOf:)`,
    /// which made a 1 MB note with spaces in it take seconds (quadratic).
    static func escapeEachScalar(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        func put(_ scalar: Unicode.Scalar) { UTF8.encode(scalar) { out.append($0) } }
        func put(text literal: StaticString) {
            literal.withUTF8Buffer { out.append(contentsOf: $0) }
        }
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
            case 0x20, 0x09, 0x00...0x08, 0x0B, 0x0C, 0x0E...0x1F, 0x7F...0x84, 0x86...0x9F,
                 0x202A...0x202E, 0x2066...0x2069:
                // Controls (C0, DEL, C1 such as U+009B, which terminals read as an escape) and the
                // bidirectional overrides and isolates (which reorder how text around them
                // displays) become a space.
                if !atStart && !pendingBreak { pendingSpaces += 1 }
                previous = nil
                continue
            default:
                break
            }
            if pendingBreak {
                out.append(contentsOf: lineBreakSeparator.utf8)
                pendingBreak = false
                pendingSpaces = 0
            } else if pendingSpaces > 0 {
                out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: pendingSpaces))
                pendingSpaces = 0
            }
            if atStart {
                atStart = false
                if blockStarters.contains(scalar) {
                    put(text: "\\")
                    put(scalar)
                    previous = scalar
                    continue
                }
                if ("0"..."9").contains(scalar) {
                    // "1. text" or "1) text" would open an ordered list: escape its delimiter.
                    put(scalar)
                    var last = scalar
                    while index != scalars.endIndex, ("0"..."9").contains(scalars[index]) {
                        last = scalars[index]
                        put(last)
                        scalars.formIndex(after: &index)
                    }
                    if index != scalars.endIndex, scalars[index] == "." || scalars[index] == ")" {
                        let delimiter = scalars[index]
                        let next = scalars.index(after: index)
                        if next == scalars.endIndex || isSpaceOrBreak(scalars[next]) { put(text: "\\") }
                        put(delimiter)
                        scalars.formIndex(after: &index)
                        previous = delimiter
                        continue
                    }
                    previous = last
                    continue
                }
            }
            switch scalar {
            case "&": put(text: "&amp;")
            case "<": put(text: "&lt;")
            case ">": put(text: "&gt;")
            case "_" where isWordScalar(previous) && index != scalars.endIndex && isWordScalar(scalars[index]):
                put(scalar)
            case "\\", "`", "*", "_", "[", "]", "|", "~":
                put(text: "\\")
                put(scalar)
            default:
                put(scalar)
            }
            previous = scalar
        }
        return String(decoding: out, as: UTF8.self)
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
