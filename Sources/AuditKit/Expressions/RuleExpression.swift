/// An expression as it appears in a checklist: its text, its parsed tree, and how offsets in
/// the text map back to lines and columns of the file (for errors that point inside it).
public struct RuleExpression: Sendable, Hashable {
    /// Maps a run of expression offsets onto one source line.
    public struct Segment: Sendable, Hashable {
        /// First expression offset of the run.
        public var start: Int
        /// Number of offsets in the run.
        public var length: Int
        /// Where `start` sits in the file.
        public var location: SourceLocation

        /// Creates a segment.
        public init(start: Int, length: Int, location: SourceLocation) {
            self.start = start
            self.length = length
            self.location = location
        }
    }

    /// The expression text as YAML delivered it.
    public var text: String
    /// The parsed tree.
    public var root: Expr
    /// Where the YAML scalar holding the text starts; the fallback for unmapped offsets.
    public var location: SourceLocation
    /// Runs of offsets whose position in the file is known exactly.
    public var segments: [Segment]

    /// Creates an expression.
    public init(text: String, root: Expr, location: SourceLocation, segments: [Segment] = []) {
        self.text = text
        self.root = root
        self.location = location
        self.segments = segments
    }

    /// Parses `text` standing at `location` (offsets map one to one onto that line).
    public static func parse(_ text: String, at location: SourceLocation) -> Result<RuleExpression, ExpressionError> {
        Parser.parse(text).map {
            RuleExpression(text: text, root: $0, location: location,
                           segments: [Segment(start: 0, length: text.unicodeScalars.count + 1, location: location)])
        }
    }

    /// The file position of an offset in the text, or the scalar's start when it cannot be known
    /// (escapes or folded lines before it).
    public func location(ofOffset offset: Int) -> SourceLocation {
        for segment in segments where offset >= segment.start && offset < segment.start + segment.length {
            return segment.location.advanced(by: offset - segment.start)
        }
        return location
    }

    /// The printed form of the tree.
    public var normalizedText: String { ExpressionPrinter.print(root) }
}
