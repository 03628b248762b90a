/// A titled group of questions; rules score under a section too.
public struct Section: Sendable, Hashable {
    /// Unique within the checklist.
    public var id: String
    /// Heading shown in the shell and report.
    public var title: String
    /// Optional explanation of the section.
    public var help: String?
    /// The questions in asking order.
    public var questions: [Question]
    /// Where the section's mapping starts.
    public var location: SourceLocation

    /// Creates a section.
    public init(id: String, title: String, help: String? = nil, questions: [Question],
                location: SourceLocation = SourceLocation(file: "", line: 1, column: 1)) {
        self.id = id
        self.title = title
        self.help = help
        self.questions = questions
        self.location = location
    }

    /// The id of the bucket for rules that belong to no section.
    public static let generalID = "general"
    /// The title of that bucket.
    public static let generalTitle = "General"
}
