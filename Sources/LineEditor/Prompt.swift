import CLibEditShims

/// A prompt made of text segments, each optionally styled (`SGR.boldGreen`).
public struct Prompt: Sendable, Equatable {
    /// One piece of the prompt and its style.
    public struct Segment: Sendable, Equatable {
        public var text: String
        public var style: SGR?
        public init(_ text: String, style: SGR? = nil) {
            self.text = text
            self.style = style
        }
    }

    public var segments: [Segment]

    public init(_ segments: [Segment]) { self.segments = segments }

    public init(_ text: String) { self.segments = [Segment(text)] }

    /// The prompt without any styling; text a terminal would act on is shown visibly
    /// (`TerminalSafe`), since prompts carry answers and names from files. (Not `joined()`: the
    /// prompt is built before the first one is shown, and the standard library's generic
    /// `joined` makes the runtime scan every protocol conformance in the binary on its first call.)
    public var plainText: String { segments.reduce(into: "") { $0 += TerminalSafe.escape($1.text) } }

    /// The columns the prompt takes on a terminal (wide characters count two).
    var columns: Int { Int(sm_text_columns(plainText)) }

    /// The prompt for libedit: escape sequences are wrapped in `marker` characters so the
    /// editor does not count them as printed columns (otherwise the cursor is wrong after a wrap).
    func editorText(colored: Bool, marker: Character) -> String {
        guard colored else { return plainText }
        var text = ""
        for segment in segments {
            let safe = TerminalSafe.escape(segment.text)
            if let style = segment.style {
                text += "\(marker)\(style.on)\(marker)\(safe)\(marker)\(SGR.reset)\(marker)"
            } else {
                text += safe
            }
        }
        return text
    }
}
