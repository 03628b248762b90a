/// Makes text from files and users safe to show on a terminal: every character that a terminal
/// would act on instead of showing is written out visibly, so a session, checklist or export
/// cannot clear the screen (`ESC[2J`), write the clipboard (OSC 52), retitle the window, ring the
/// bell, move the cursor back over what was printed, or reorder a line with bidirectional
/// overrides.
///
/// Shown as: ESC `\e`, BEL `\a`, backspace `\b`, carriage return `\r`, other C0 controls and
/// DEL `\x1F`-style, C1 controls (U+0080–U+009F, which many terminals read like ESC + a letter)
/// and the bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069)
/// `\u{202E}`-style. Line feeds and tabs stay as they are.
public enum TerminalSafe {
    /// `text` with every character a terminal would act on written out visibly.
    public static func escape(_ text: String) -> String {
        // Printable ASCII, line feeds and tabs (nearly every line the shell prints) are known
        // safe from their bytes alone, without decoding a scalar. Read from the string's own
        // buffer: walking its UTF-8 view took ten times the instructions a byte.
        func shown(_ byte: UInt8) -> Bool { (byte >= 0x20 && byte < 0x7F) || byte == 0x0A || byte == 0x09 }
        if text.utf8.withContiguousStorageIfAvailable({ $0.allSatisfy(shown) }) ?? text.utf8.allSatisfy(shown) { return text }
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard needsEscape(scalar) else {
                out.append(scalar)
                continue
            }
            out.append(contentsOf: visible(scalar).unicodeScalars)
        }
        return String(out)
    }

    /// Whether a terminal would act on `scalar` rather than show it.
    public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: return false
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    private static func visible(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x1B: return "\\e"
        case 0x07: return "\\a"
        case 0x08: return "\\b"
        case 0x0D: return "\\r"
        case 0x00...0x1F, 0x7F: return "\\x" + hex(scalar.value, width: 2)
        default: return "\\u{" + hex(scalar.value, width: 4) + "}"
        }
    }

    private static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
