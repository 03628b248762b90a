import LineEditor
import AuditServices

/// Text on its way to the terminal: smaudit's own words and colours, with every piece of user
/// or file text made safe (`TerminalSafe`) as it is put in. String literals are the program's
/// own and are kept; interpolated values are escaped; `Console.styled` adds colour.
///
/// Because `Console.print` takes only this type, the compiler finds any place that would hand
/// the terminal an unchecked string.
public struct TerminalText: ExpressibleByStringInterpolation, CustomStringConvertible, Sendable, Equatable {
    /// The characters to write, escape sequences included.
    public private(set) var raw: String

    /// Text from a user or a file, made safe.
    public init(_ untrusted: String) { raw = TerminalSafe.escape(untrusted) }

    /// Text already safe to write as it is (a colour sequence, or text made of safe pieces).
    init(trusted: String) { raw = trusted }

    public init(stringLiteral value: String) { raw = value }

    public init(stringInterpolation: StringInterpolation) { raw = stringInterpolation.raw }

    public var description: String { raw }

    /// Builds a `TerminalText` from a literal with interpolations: literals kept, values escaped.
    public struct StringInterpolation: StringInterpolationProtocol {
        var raw = ""

        public init(literalCapacity: Int, interpolationCount: Int) {
            raw.reserveCapacity(literalCapacity + interpolationCount * 8)
        }

        public mutating func appendLiteral(_ literal: String) { raw += literal }

        /// Text already made safe (styled, or built from `TerminalText`): kept.
        public mutating func appendInterpolation(_ text: TerminalText) { raw += text.raw }

        /// A string from a user or a file: escaped.
        public mutating func appendInterpolation(_ text: String) { raw += TerminalSafe.escape(text) }

        /// A number. (Strings and numbers have their own overloads: the generic one's
        /// `String(describing:)` makes the runtime scan every conformance on its first use,
        /// which the banner would pay before the first prompt.)
        public mutating func appendInterpolation(_ number: Int) { raw += String(number) }

        /// Anything else: its description, escaped.
        public mutating func appendInterpolation<T>(_ value: T) { raw += TerminalSafe.escape(String(describing: value)) }
    }

    /// Joins pieces with a separator.
    public static func joined(_ pieces: [TerminalText], separator: TerminalText = "") -> TerminalText {
        TerminalText(trusted: pieces.map(\.raw).joined(separator: separator.raw))
    }

    public static func + (lhs: TerminalText, rhs: TerminalText) -> TerminalText { TerminalText(trusted: lhs.raw + rhs.raw) }
    public static func + (lhs: TerminalText, rhs: String) -> TerminalText { lhs + TerminalText(rhs) }
    public static func + (lhs: String, rhs: TerminalText) -> TerminalText { TerminalText(lhs) + rhs }
    public static func += (lhs: inout TerminalText, rhs: TerminalText) { lhs = lhs + rhs }
}
