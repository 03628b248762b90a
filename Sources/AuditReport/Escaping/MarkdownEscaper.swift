/// Makes untrusted text (organisation names, answers, notes, evidence, checklist prose) safe to
/// place anywhere in the Markdown report: in a paragraph, a list item, a heading or a table cell,
/// while escaping only what would otherwise act, so that `Hearth & Crumb` and `a < b` read as
/// typed in the raw file.
///
/// The rules, applied in one pass over the text:
/// - `&` becomes `&amp;` only where it would start an entity (`&amp;`, `&#38;`, `&#x26;`) or
///   ends the text; `<` becomes `&lt;` only before a letter, `/`, `!` or `?` (where an HTML tag,
///   comment or autolink could start) or at the end; so no element or entity can be injected;
/// - the characters that start Markdown syntax inside a line, `` ` `` `*` `_` `[` `|` `~`, get a
///   backslash, so nothing turns bold, into code, a link, strikethrough, or a new table column
///   (an `_` between two letters or digits is left alone: it cannot open or close emphasis
///   there, and file names such as `first_response` stay readable); a `\` gets one only before
///   ASCII punctuation or at the end, where it would escape what follows;
/// - a line break (`\n`, `\r\n`, `\r`, U+0085, U+2028, U+2029) becomes the separator ` / `,
///   since a raw line break would end a table row or start a new block;
/// - leading and trailing white space is trimmed (four leading spaces would make code), and what
///   could open a block at the start (`#`, `=`, `>`, a `-` or `+` before a space or another of
///   itself, and `1.` or `1)` before a space) is backslash-escaped;
/// - other control characters (C0, DEL and C1, such as U+009B, which a terminal reads as the start
///   of an escape sequence) and the bidirectional overrides and isolates (U+202A–U+202E,
///   U+2066–U+2069, which reorder the text around them) become a space; everything else (emoji,
///   accents, right-to-left letters, quotes) is kept as is.
public enum MarkdownEscaper {
    /// What replaces a line break inside user text.
    public static let lineBreakSeparator = UserText.lineBreakSeparator

    /// The escaped form of `text`, safe inline and in table cells. Linear in the text's length.
    /// With `midLine`, the text follows other text on its line (in a heading, a table cell, or
    /// after the report's own words), where nothing can open a block, so a leading `#`, `-` or
    /// `1.` needs no backslash.
    public static func escape(_ text: String, midLine: Bool = false) -> String {
        if needsNoEscaping(text, midLine: midLine) { return text }
        // The full pass drops spaces and line breaks at either end: a fragment joined to its
        // neighbours by a space (` (medium, 3 points)`) or a checklist's folded scalar, which
        // ends with a break, often needs nothing else.
        let scalars = text.unicodeScalars
        var start = scalars.startIndex, end = scalars.endIndex
        while start != end, scalars[start] == " " || scalars[start] == "\n" { scalars.formIndex(after: &start) }
        while start != end, scalars[scalars.index(before: end)] == " " || scalars[scalars.index(before: end)] == "\n" {
            scalars.formIndex(before: &end)
        }
        if start != end, start != scalars.startIndex || end != scalars.endIndex {
            let body = String(scalars[start..<end])
            if needsNoEscaping(body, midLine: midLine) { return body }
        }
        return escapeEachScalar(text, midLine: midLine)
    }

    /// True for text with nothing to escape, trim or replace: most of a report's prose, which
    /// then needs no rebuilding (rebuilding it scalar by scalar was a tenth of a replay's time).
    /// That is printable ASCII other than the special characters, and any non-ASCII scalar the
    /// full pass keeps as is (dashes, curly quotes, accents: the built-in checklists' prose is
    /// full of them). Anything else takes the full pass.
    static func needsNoEscaping(_ text: String, midLine: Bool = false) -> Bool {
        let bytes = text.utf8
        guard let first = bytes.first, let last = bytes.last else { return true }
        if first == UInt8(ascii: " ") || last == UInt8(ascii: " ") { return false }
        if !midLine && ((UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) || blockStarterBytes.contains(first)) { return false }
        // Printable ASCII without the special characters, as a bit per byte: every fragment
        // of a report is checked here, byte by byte.
        let plainBytes = plainASCII
        func plain(_ byte: UInt8) -> Bool {
            byte < 0x80 && (byte < 0x40 ? plainBytes.low >> byte : plainBytes.high >> (byte &- 0x40)) & 1 == 1
        }
        // From the string's own buffer: walking its UTF-8 view took several times as long.
        if bytes.withContiguousStorageIfAvailable({ $0.allSatisfy(plain) }) ?? bytes.allSatisfy(plain) { return true }
        return text.unicodeScalars.allSatisfy { $0.isASCII ? plain(UInt8($0.value)) : UserText.kind(of: $0) == .shown }
    }

    private static let blockStarterBytes: [UInt8] = Array("#-+=>".utf8)
    private static let inlineSpecialBytes: [UInt8] = Array("&<\\`*_[|~".utf8)
    /// Bit `b` is set for each printable ASCII byte `b` (0x20 to 0x7E) that is not special.
    private static let plainASCII: (low: UInt64, high: UInt64) = {
        var mask: (low: UInt64, high: UInt64) = (0, 0)
        for byte in UInt8(0x20)..<0x7F where !inlineSpecialBytes.contains(byte) {
            if byte < 0x40 { mask.low |= 1 << byte } else { mask.high |= 1 << (byte - 0x40) }
        }
        return mask
    }()

    /// The full pass over every scalar, as the rules above describe. Written into a byte
    /// buffer: appending to a `String.UnicodeScalarView` copies it on every `append(contentsOf:)`,
    /// which made a 1 MB note with spaces in it take seconds (quadratic).
    static func escapeEachScalar(_ text: String, midLine: Bool = false) -> String {
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
        /// The next scalar that is not blank or a break, which is what will follow in the output.
        func nextShown(from i: String.UnicodeScalarView.Index) -> Unicode.Scalar? {
            var j = i
            while j != scalars.endIndex {
                if UserText.kind(of: scalars[j]) == .shown { return scalars[j] }
                scalars.formIndex(after: &j)
            }
            return nil
        }
        while index != scalars.endIndex {
            let scalar = scalars[index]
            scalars.formIndex(after: &index)
            switch UserText.kind(of: scalar) {
            case .lineBreak:
                // A run of breaks (blank lines, \r\n) is one separator; spaces around it are dropped.
                if !atStart { pendingBreak = true }
                pendingSpaces = 0
                previous = nil
                continue
            case .blank:
                if !atStart && !pendingBreak { pendingSpaces += 1 }
                previous = nil
                continue
            case .shown:
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
            }
            if !midLine && out.isEmpty {
                if opensBlock(scalar, followedBy: index == scalars.endIndex ? nil : scalars[index]) {
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
            case "&":
                if startsEntity(scalars[index...]) || nextShown(from: index) == nil { put(text: "&amp;") } else { put(scalar) }
            case "<":
                let next = nextShown(from: index)
                if next == nil || index == scalars.endIndex || opensTag(scalars[index]) { put(text: "&lt;") } else { put(scalar) }
            case "\\":
                // A backslash escapes only the ASCII punctuation after it (or, at the end, what
                // the report puts after the text); elsewhere it is a plain character.
                let next = nextShown(from: index)
                if next == nil || (index != scalars.endIndex && isASCIIPunctuation(scalars[index])) { put(text: "\\") }
                put(scalar)
            case "_" where isWordScalar(previous) && index != scalars.endIndex && isWordScalar(scalars[index]):
                put(scalar)
            case "`", "*", "_", "[", "|", "~":
                put(text: "\\")
                put(scalar)
            default:
                put(scalar)
            }
            previous = scalar
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether the first character of a text would open a block: a heading (`#`), a setext
    /// underline (`=`), a block quote (`>`), a list item or thematic break (`-` or `+` before a
    /// space, the end, or another of itself).
    private static func opensBlock(_ scalar: Unicode.Scalar, followedBy next: Unicode.Scalar?) -> Bool {
        switch scalar {
        case "#", "=", ">": return true
        case "-", "+":
            guard let next else { return true }
            return next == scalar || isSpaceOrBreak(next)
        default: return false
        }
    }

    /// `name;`, `#123;` or `#x1F;` right after an `&`: what an HTML entity needs (at most 32
    /// characters are looked at, so the pass stays linear).
    private static func startsEntity(_ rest: Substring.UnicodeScalarView) -> Bool {
        var i = rest.startIndex
        var isNumeric = false
        if i != rest.endIndex, rest[i] == "#" {
            isNumeric = true
            rest.formIndex(after: &i)
            if i != rest.endIndex, rest[i] == "x" || rest[i] == "X" { rest.formIndex(after: &i) }
        }
        var count = 0
        while i != rest.endIndex, count <= 32 {
            let s = rest[i]
            if s == ";" { return count > 0 }
            let ok = isNumeric ? s.properties.isASCIIHexDigit : (s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s)))
            guard ok else { return false }
            count += 1
            rest.formIndex(after: &i)
        }
        return false
    }

    /// After `<`: a letter (a tag or an autolink's scheme), `/` (a closing tag), `!` (a comment
    /// or declaration) or `?` (a processing instruction).
    private static func opensTag(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.isASCII && scalar.properties.isAlphabetic) || scalar == "/" || scalar == "!" || scalar == "?"
    }

    private static func isASCIIPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        (0x21...0x2F).contains(scalar.value) || (0x3A...0x40).contains(scalar.value)
            || (0x5B...0x60).contains(scalar.value) || (0x7B...0x7E).contains(scalar.value)
    }

    /// Letters and digits: an `_` between two of them is intraword and never emphasis.
    private static func isWordScalar(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return false }
        return scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
    }

    private static func isSpaceOrBreak(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value <= 0x20 || [0x85, 0x2028, 0x2029].contains(scalar.value)
    }
}
