/// Names one question across checklists: `four-mistakes.followers`.
public struct QuestionRef: Sendable, Hashable, Codable, CustomStringConvertible, Comparable {
    /// The checklist id.
    public var checklist: String
    /// The question id within it.
    public var question: String

    /// Creates a reference.
    public init(checklist: String, question: String) {
        self.checklist = checklist
        self.question = question
    }

    /// `checklist.question`.
    public var description: String { "\(checklist).\(question)" }

    /// The question id alone: question ids are unique within a checklist and seldom shared
    /// across the few checklists of an audit, and scoring hashes a reference at every lookup
    /// of an answer or a `when`, where hashing both strings took a fifth of its time.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(question)
    }

    /// Orders by checklist, then question.
    public static func < (lhs: QuestionRef, rhs: QuestionRef) -> Bool {
        (lhs.checklist, lhs.question) < (rhs.checklist, rhs.question)
    }
}

/// The answers of one session across all its checklists. Unanswered questions are absent.
public struct AnswerSheet: Sendable, Hashable, Codable {
    /// Every answer by question.
    public private(set) var values: [QuestionRef: AnswerValue]

    /// An empty sheet, or one with the given answers.
    public init(_ values: [QuestionRef: AnswerValue] = [:]) {
        self.values = values
    }

    /// The answer to a question, or nil when unanswered.
    public subscript(ref: QuestionRef) -> AnswerValue? {
        get { values[ref] }
        set { values[ref] = newValue }
    }

    /// The answer to `question` of `checklist`.
    public func answer(_ checklist: String, _ question: String) -> AnswerValue? {
        values[QuestionRef(checklist: checklist, question: question)]
    }

    /// Records (or with nil removes) an answer.
    public mutating func set(_ checklist: String, _ question: String, _ value: AnswerValue?) {
        values[QuestionRef(checklist: checklist, question: question)] = value
    }

    /// Number of answers held.
    public var count: Int { values.count }
}
