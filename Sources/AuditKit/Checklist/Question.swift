/// One question of a checklist, as written in the file plus its compiled `when` expression.
///
/// A value: its copies share their fields (`Shared`) until one of them is changed.
public struct Question: Sendable, Hashable {
    /// What the question holds, kept in one `Shared` object for all its copies.
    struct Fields: Sendable, Hashable {
        var id: String
        var prompt: String
        var type: QuestionType
        var choices: [String]
        var exclusiveChoices: Set<String> = []
        var defaultText: String?
        var allowNA: Bool
        var help: String?
        var source: String?
        var when: RuleExpression?
        var min: Double?
        var max: Double?
        var unit: String?
        var integer: Bool = false
        var measure: String?
        var measureLocation: SourceLocation?
        var measurePeriod: MeasurePeriod?
        var sectionID: String
        var location: SourceLocation
        var idLocation: SourceLocation
    }

    private(set) var shared: Shared<Fields>

    /// Unique within the checklist; letters, digits and `_`.
    public var id: String {
        get { shared.value.id }
        set { Shared.own(&shared).value.id = newValue }
    }
    /// What is asked.
    public var prompt: String {
        get { shared.value.prompt }
        set { Shared.own(&shared).value.prompt = newValue }
    }
    /// The answer type.
    public var type: QuestionType {
        get { shared.value.type }
        set { Shared.own(&shared).value.type = newValue }
    }
    /// Labels for `choice` and `multi`; empty for other types.
    public var choices: [String] {
        get { shared.value.choices }
        set { Shared.own(&shared).value.choices = newValue }
    }
    /// Choices of a `multi` question that cannot be combined with others (`none of these`).
    public var exclusiveChoices: Set<String> {
        get { shared.value.exclusiveChoices }
        set { Shared.own(&shared).value.exclusiveChoices = newValue }
    }
    /// The suggested answer shown at the prompt, as typed in the file; never scored by itself.
    public var defaultText: String? {
        get { shared.value.defaultText }
        set { Shared.own(&shared).value.defaultText = newValue }
    }
    /// Whether "not applicable" is an accepted answer.
    public var allowNA: Bool {
        get { shared.value.allowNA }
        set { Shared.own(&shared).value.allowNA = newValue }
    }
    /// Why the question matters, shown by `why`.
    public var help: String? {
        get { shared.value.help }
        set { Shared.own(&shared).value.help = newValue }
    }
    /// `<seed file>#<quote>` citation.
    public var source: String? {
        get { shared.value.source }
        set { Shared.own(&shared).value.source = newValue }
    }
    /// Ask only when this is true; nil means always asked.
    public var when: RuleExpression? {
        get { shared.value.when }
        set { Shared.own(&shared).value.when = newValue }
    }
    /// Lower bound for number, percent (as a fraction), scale; nil when open.
    public var min: Double? {
        get { shared.value.min }
        set { Shared.own(&shared).value.min = newValue }
    }
    /// Upper bound for number, percent (as a fraction), scale; nil when open.
    public var max: Double? {
        get { shared.value.max }
        set { Shared.own(&shared).value.max = newValue }
    }
    /// Unit shown after numbers, e.g. `followers`.
    public var unit: String? {
        get { shared.value.unit }
        set { Shared.own(&shared).value.unit = newValue }
    }
    /// For a number question that counts something (`integer: true`): only whole numbers are
    /// read, so "2.5 segments" is refused instead of scored.
    public var integer: Bool {
        get { shared.value.integer }
        set { Shared.own(&shared).value.integer = newValue }
    }
    /// A metric path such as `inbox.first_response_minutes.median`, kept for presence data.
    public var measure: String? {
        get { shared.value.measure }
        set { Shared.own(&shared).value.measure = newValue }
    }
    /// Where the `measure:` value is, for `check` to point at an unknown metric.
    public var measureLocation: SourceLocation? {
        get { shared.value.measureLocation }
        set { Shared.own(&shared).value.measureLocation = newValue }
    }
    /// The window of an export the measured answer is taken from (`measure_period:`); nil is
    /// the whole export.
    public var measurePeriod: MeasurePeriod? {
        get { shared.value.measurePeriod }
        set { Shared.own(&shared).value.measurePeriod = newValue }
    }
    /// The id of the section holding this question.
    public var sectionID: String {
        get { shared.value.sectionID }
        set { Shared.own(&shared).value.sectionID = newValue }
    }
    /// Where the question's mapping starts.
    public var location: SourceLocation {
        get { shared.value.location }
        set { Shared.own(&shared).value.location = newValue }
    }
    /// Where the question's `id` value is.
    public var idLocation: SourceLocation {
        get { shared.value.idLocation }
        set { Shared.own(&shared).value.idLocation = newValue }
    }

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

    /// Creates a question; the loader is the usual way, this is for tests and generators.
    public init(id: String, prompt: String, type: QuestionType, choices: [String] = [],
                defaultText: String? = nil, allowNA: Bool = false, help: String? = nil,
                source: String? = nil, when: RuleExpression? = nil, min: Double? = nil,
                max: Double? = nil, unit: String? = nil, measure: String? = nil,
                sectionID: String = "", location: SourceLocation = SourceLocation(file: "", line: 1, column: 1),
                idLocation: SourceLocation? = nil) {
        shared = Shared(Fields(id: id, prompt: prompt, type: type, choices: choices, defaultText: defaultText,
                               allowNA: allowNA, help: help, source: source, when: when, min: min, max: max,
                               unit: unit, measure: measure, sectionID: sectionID, location: location,
                               idLocation: idLocation ?? location))
    }

    public static func == (lhs: Question, rhs: Question) -> Bool {
        lhs.shared === rhs.shared || lhs.shared.value == rhs.shared.value
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(shared.value) }
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
