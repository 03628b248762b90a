/// Breaks lines longer than a terminal's width at spaces, so prose is never split inside a
/// word. A continuation line is indented to where the line's text starts: after the last gap of
/// two or more spaces that leaves room for text (a table's last column, a help line's
/// description, `overall        Score …`), else as far as the line's own indent. SGR colour
/// sequences take no columns.
enum TextWrapping {
    /// `text` (one or several lines) with each line wrapped to `width` columns.
    static func wrap(_ text: String, width: Int) -> String {
        guard width > 0, text.unicodeScalars.count > width else { return text }
        // Plain loops rather than `split`/`joined`: the banner is wrapped before the first
        // prompt, and the generic `joined` makes the runtime scan every protocol conformance
        // in the binary on its first call.
        var out = ""
        var start = text.startIndex
        while true {
            let end = lineEnd(in: text, from: start)
            out += wrapLine(text[start..<end], width: width)
            guard end < text.endIndex else { break }
            out += "\n"
            start = text.utf8.index(after: end)
        }
        return out
    }

    /// Where the line from `start` ends: its line feed, or the text's end. A line feed byte
    /// ends a line exactly where it is a character of its own, which is everywhere but after a
    /// carriage return (`\r\n` is one character, drawn within the line); found by bytes, as
    /// comparing characters cost more than the wrapping.
    private static func lineEnd(in text: String, from start: String.Index) -> String.Index {
        let bytes = text.utf8
        var index = start
        var previous: UInt8 = 0
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") && previous != UInt8(ascii: "\r") { return index }
            previous = byte
            index = bytes.index(after: index)
        }
        return bytes.endIndex
    }

    /// A character as it is drawn: where it is in the line, and how many columns it takes (0
    /// for a colour). A place rather than a `String` of its own: every line that is wrapped
    /// is cut into glyphs (the banner before the first prompt, tables, help), and a
    /// string per character made wrapping the banner nearly a tenth of smaudit's start-up.
    private struct Glyph {
        var start: String.Index
        var end: String.Index
        var columns: Int
        var isSpace: Bool
    }

    private static func glyphs(_ line: Substring) -> [Glyph] {
        var glyphs: [Glyph] = []
        glyphs.reserveCapacity(line.utf8.count)
        var escape: String.Index?  // where the colour sequence being read began
        var index = line.startIndex
        while index < line.endIndex {
            let next = line.index(after: index)
            let byte = line.utf8[index]
            // One byte is a whole ASCII character; anything longer is asked of `Character`.
            let ascii = line.utf8.index(after: index) == next
            if let start = escape {
                let isLetter = ascii ? (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") : line[index].isLetter
                if isLetter {
                    glyphs.append(Glyph(start: start, end: next, columns: 0, isSpace: false))
                    escape = nil
                }
            } else if byte == 0x1B && ascii {
                escape = index
            } else {
                glyphs.append(Glyph(start: index, end: next, columns: 1, isSpace: byte == UInt8(ascii: " ") && ascii))
            }
            index = next
        }
        if let start = escape { glyphs.append(Glyph(start: start, end: line.endIndex, columns: 0, isSpace: false)) }
        return glyphs
    }

    /// Breaks at the last space that fits, as a person would. A line being built is `pad`
    /// spaces (a continuation's indent) followed by `glyphs[from..<to]`, which stand together
    /// in `line`: each line out is its indent and one slice of the line in.
    private static func wrapLine(_ line: Substring, width: Int) -> String {
        let glyphs = glyphs(line)
        var total = 0
        for glyph in glyphs { total += glyph.columns }
        guard total > width else { return String(line) }
        let indent = hangingIndent(glyphs, width: width)
        var out = ""
        out.reserveCapacity(line.utf8.count + 16)
        var first = true
        func emit(pad: Int, _ from: Int, _ to: Int) {
            if !first { out += "\n" }
            first = false
            if pad > 0 { out += String(repeating: " ", count: pad) }
            // `append(contentsOf:)` of a `Substring`: `+=` took the generic path, whose first
            // call has the runtime look its types up by name.
            if from < to { out.append(contentsOf: line[glyphs[from].start..<glyphs[to - 1].end]) }
        }
        var pad = 0, from = 0
        var columns = 0
        var lastSpace: Int?       // the glyph a break may replace: the last space after text
        var minimumBreak = 0      // no break inside the indent of a continuation line
        for to in glyphs.indices {
            let glyph = glyphs[to]
            if glyph.isSpace && columns > minimumBreak && !(to > from && glyphs[to - 1].isSpace) { lastSpace = to }
            columns += glyph.columns
            guard columns > width, !glyph.isSpace, let space = lastSpace else { continue }
            // The line ends before the space (the first of its run, so no space is left at
            // its end), and the next starts at the indent with the words after the run.
            // Every space after `space` follows another, so none is carried over to break at.
            emit(pad: pad, from, space)
            from = space + 1
            while glyphs[from].isSpace { from += 1 }  // stops at `glyph` at the latest
            pad = indent
            columns = indent
            for index in from...to { columns += glyphs[index].columns }
            minimumBreak = indent
            lastSpace = nil
        }
        emit(pad: pad, from, glyphs.count)
        return out
    }

    /// The column continuation lines start at.
    private static func hangingIndent(_ glyphs: [Glyph], width: Int) -> Int {
        var column = 0, leading = 0, run = 0, seenText = false
        var gapEnd: Int?
        for glyph in glyphs where glyph.columns > 0 {
            if glyph.isSpace {
                run += 1
                if !seenText { leading += 1 }
            } else {
                if seenText && run >= 2 && column <= width - 20 { gapEnd = column }
                seenText = true
                run = 0
            }
            column += 1
        }
        let indent = gapEnd ?? leading
        return indent < width - 10 ? indent : 0
    }
}
