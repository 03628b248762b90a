/// One question of a checklist, as written in the file plus its compiled `when` expression.
public struct Question: Sendable, Hashable {
    /// Unique within the checklist; letters, digits and `_`.
    public var id: String
    /// What is asked.
    public var prompt: String
    /// The answer type.
    public var type: QuestionType
    /// Labels for `choice` and `multi`; empty for other types.
    public var choices: [String]
    /// Choices of a `multi` question that cannot be combined with others (`none of these`).
    public var exclusiveChoices: Set<String> = []

    /// The one exclusive choice of a `multi` question, which a typed `none` means; nil when it
    /// has none or several.
    public var nothingChoice: String? {
        let nothing = choices.filter { exclusiveChoices.contains($0) }
        return nothing.count == 1 ? nothing[0] : nil
    }

    /// What to type for "nothing" in a `multi` answer, for the hints at the prompt.
    public var multiHint: String {
        if let nothing = nothingChoice { return "type numbers or choices separated by commas (none means \(nothing))" }
        return exclusiveChoices.isEmpty ? "type numbers or choices separated by commas, or none" : "type numbers or choices separated by commas"
    }
    /// The suggested answer shown at the prompt, as typed in the file; never scored by itself.
    public var defaultText: String?
    /// Whether "not applicable" is an accepted answer.
    public var allowNA: Bool
    /// Why the question matters, shown by `why`.
    public var help: String?
    /// `<seed file>#<quote>` citation.
    public var source: String?
    /// Ask only when this is true; nil means always asked.
    public var when: RuleExpression?
    /// Lower bound for number, percent (as a fraction), scale; nil when open.
    public var min: Double?
    /// Upper bound for number, percent (as a fraction), scale; nil when open.
    public var max: Double?
    /// Unit shown after numbers, e.g. `followers`.
    public var unit: String?
    /// For a number question that counts something (`integer: true`): only whole numbers are
    /// read, so "2.5 segments" is refused instead of scored.
    public var integer = false
    /// A metric path such as `inbox.first_response_minutes.median`, kept for presence data.
    public var measure: String?
    /// Where the `measure:` value is, for `check` to point at an unknown metric.
    public var measureLocation: SourceLocation?
    /// The window of an export the measured answer is taken from (`measure_period:`); nil is
    /// the whole export.
    public var measurePeriod: MeasurePeriod?
    /// The id of the section holding this question.
    public var sectionID: String
    /// Where the question's mapping starts.
    public var location: SourceLocation
    /// Where the question's `id` value is.
    public var idLocation: SourceLocation

    /// Creates a question; the loader is the usual way, this is for tests and generators.
    public init(id: String, prompt: String, type: QuestionType, choices: [String] = [],
                defaultText: String? = nil, allowNA: Bool = false, help: String? = nil,
                source: String? = nil, when: RuleExpression? = nil, min: Double? = nil,
                max: Double? = nil, unit: String? = nil, measure: String? = nil,
                sectionID: String = "", location: SourceLocation = SourceLocation(file: "", line: 1, column: 1),
                idLocation: SourceLocation? = nil) {
        self.id = id
        self.prompt = prompt
        self.type = type
        self.choices = choices
        self.defaultText = defaultText
        self.allowNA = allowNA
        self.help = help
        self.source = source
        self.when = when
        self.min = min
        self.max = max
        self.unit = unit
        self.measure = measure
        self.sectionID = sectionID
        self.location = location
        self.idLocation = idLocation ?? location
    }
}

/// The part of an export a measured answer is taken from.
public enum MeasurePeriod: String, Sendable, Hashable, CaseIterable {
    /// The last full calendar month in the data.
    case lastMonth = "last_month"
    /// The 90 days up to the last day in the data.
    case last90Days = "last_90_days"
    /// The whole export.
    case all
}
