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
            let end = text[start...].firstIndex(of: "\n") ?? text.endIndex
            out += wrapLine(text[start..<end], width: width)
            guard end < text.endIndex else { break }
            out += "\n"
            start = text.index(after: end)
        }
        return out
    }

    /// A character as it is drawn: its text, and how many columns it takes (0 for a colour).
    private struct Glyph {
        var text: String
        var columns: Int
        var isSpace: Bool { text == " " }
    }

    private static func glyphs(_ line: Substring) -> [Glyph] {
        var glyphs: [Glyph] = []
        var escape: String?
        for character in line {
            if var sequence = escape {
                sequence.append(character)
                if character.isLetter { glyphs.append(Glyph(text: sequence, columns: 0)); escape = nil } else { escape = sequence }
            } else if character == "\u{1B}" {
                escape = String(character)
            } else {
                glyphs.append(Glyph(text: String(character), columns: 1))
            }
        }
        if let escape { glyphs.append(Glyph(text: escape, columns: 0)) }
        return glyphs
    }

    private static func wrapLine(_ line: Substring, width: Int) -> String {
        let glyphs = glyphs(line)
        guard glyphs.reduce(0, { $0 + $1.columns }) > width else { return String(line) }
        let indent = hangingIndent(glyphs, width: width)
        var lines: [[Glyph]] = []
        var current: [Glyph] = []
        var columns = 0
        var lastSpace: Int?       // index in `current` of the last space a break may replace
        var minimumBreak = 0      // no break inside the indent of a continuation line
        for glyph in glyphs {
            if glyph.isSpace && columns > minimumBreak && !(current.last?.isSpace ?? false) { lastSpace = current.count }
            current.append(glyph)
            columns += glyph.columns
            guard columns > width, !glyph.isSpace, let space = lastSpace else { continue }
            var head = Array(current[..<space])
            while head.last?.isSpace == true { head.removeLast() }
            lines.append(head)
            var tail = Array(current[(space + 1)...])
            while tail.first?.isSpace == true { tail.removeFirst() }
            current = Array(repeating: Glyph(text: " ", columns: 1), count: indent) + tail
            columns = current.reduce(0) { $0 + $1.columns }
            minimumBreak = indent
            lastSpace = nil
            // A space already in the carried-over tail can still take the next break.
            for index in current.indices.dropFirst(indent) where current[index].isSpace && !current[index - 1].isSpace {
                lastSpace = index
            }
        }
        lines.append(current)
        var out = ""
        for (index, line) in lines.enumerated() {
            if index > 0 { out += "\n" }
            for glyph in line { out += glyph.text }
        }
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
