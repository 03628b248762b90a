/// How the report treats each character of text it did not write, the same in Markdown and
/// HTML: line breaks become one separator, controls and bidirectional overrides a space.
enum UserText {
    /// What replaces a line break inside user text.
    static let lineBreakSeparator = " / "

    /// What a character of user text becomes.
    enum Kind: Equatable {
        /// `\n`, `\r`, U+0085, U+2028, U+2029: a run of them (and spaces around) is one separator.
        case lineBreak
        /// A space, a tab, another C0 control, DEL, a C1 control (U+009B reads as ESC [ on a
        /// terminal) or a bidirectional override or isolate (U+202A–U+202E, U+2066–U+2069, which
        /// reorder the text around them): shown as a space, trimmed at either end.
        case blank
        /// Everything else, shown as is (after the format's own escaping).
        case shown
    }

    /// The kind of one scalar.
    static func kind(of scalar: Unicode.Scalar) -> Kind {
        switch scalar.value {
        case 0x0A, 0x0D, 0x85, 0x2028, 0x2029: .lineBreak
        case 0x00...0x20, 0x7F...0x84, 0x86...0x9F, 0x202A...0x202E, 0x2066...0x2069: .blank
        default: .shown
        }
    }
}
