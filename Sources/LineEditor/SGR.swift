/// The text styles the shell uses, as ANSI SGR (Select Graphic Rendition) parameters: a style
/// is one of these, never a free string, so a typo cannot reach the terminal.
public enum SGR: String, Sendable, CaseIterable {
    case bold = "1", dim = "2", red = "31", green = "32", yellow = "33", blue = "34", cyan = "36"
    case boldRed = "1;31", boldGreen = "1;32", boldYellow = "1;33"

    /// The sequence that turns the style on.
    public var on: String { "\u{1B}[\(rawValue)m" }
    /// The sequence that turns every style off.
    public static let reset = "\u{1B}[0m"
}
