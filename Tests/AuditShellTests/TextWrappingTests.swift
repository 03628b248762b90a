@testable import AuditShell
import Testing

/// The wrapping of lines that are too wide keeps its output while it no longer makes a string
/// per character (it wraps the banner before the first prompt): random lines of words, runs of
/// spaces, colours and characters of several bytes, at every width, are wrapped as the
/// string-per-character version below wrapped them.
@Suite struct TextWrappingTests {
    @Test func wrapsAsTheStringPerCharacterVersionDid() {
        var random = SplitMix(seed: 0x5EED_0017)
        let pieces = ["a", "word", "longerword", "x", " ", " ", "  ", "   ", "\u{1B}[1m", "\u{1B}[0m", "\u{1B}[38;5;2m",
                      "é", "e\u{301}", "日本", "👍🏽", "\r\n", " \u{301}", "\u{1B}", "\n", "-", "|", "\t"]
        var compared = 0
        for _ in 0..<3000 {
            let count = Int(random.next() % 40)
            var line = ""
            for _ in 0..<count { line += pieces[Int(random.next() % UInt64(pieces.count))] }
            for width in [1, 2, 5, 9, 12, 20, 30, 50, 80] {
                #expect(TextWrapping.wrap(line, width: width) == ReferenceWrapping.wrap(line, width: width),
                        "width \(width): \(line.debugDescription)")
                compared += 1
            }
        }
        #expect(compared == 27000)
        // The cases the layout tests name, against the reference too.
        for (line, width) in [("mini.top_priority       growing followers and more words here  1", 50),
                              ("see https://example.com/a/very/long/path/that/goes/on ok", 20),
                              ("\u{1B}[1mbold\u{1B}[0m word", 9), ("    indented words that run on and on and on", 16)] {
            #expect(TextWrapping.wrap(line, width: width) == ReferenceWrapping.wrap(line, width: width))
        }
    }
}

/// A small deterministic generator, so a failure names an input that can be run again.
private struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE5_E4B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The wrapping as it was before glyphs became places in the line (a `String` per character):
/// the reference the new one is compared with.
private enum ReferenceWrapping {
    static func wrap(_ text: String, width: Int) -> String {
        guard width > 0, text.unicodeScalars.count > width else { return text }
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
    struct Glyph {
        var text: String
        var columns: Int
        var isSpace: Bool { text == " " }
    }

    static func glyphs(_ line: Substring) -> [Glyph] {
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

    static func wrapLine(_ line: Substring, width: Int) -> String {
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

    /// The column continuation lines start at: after the last gap of two spaces or more that
    /// follows text and leaves 20 columns, else the leading spaces (written apart from the
    /// shipped one, which counts the same in one pass).
    static func hangingIndent(_ glyphs: [Glyph], width: Int) -> Int {
        let spaces = glyphs.filter { $0.columns > 0 }.map(\.isSpace)
        let leading = spaces.prefix { $0 }.count
        var gapEnd: Int?
        for column in spaces.indices where column >= 2 && !spaces[column] && spaces[column - 1] && spaces[column - 2]
            && spaces[..<column].contains(false) && column <= width - 20 {
            gapEnd = column
        }
        let indent = gapEnd ?? leading
        return indent < width - 10 ? indent : 0
    }
}
