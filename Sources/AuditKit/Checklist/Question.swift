/// One question of a checklist, as written in the file plus its compiled `when` expression.
///
/// A value, as any other, but its fields are kept in one shared object until a copy is changed
/// (as a `Rule`'s are): questions are copied through every pass over a checklist.
public struct Question: Sendable, Hashable {
    /// The fields, shared by copies of a question until one of them is changed.
    final class Stored: @unchecked Sendable {
        // Unchecked: a `Stored` is changed only through `Question`'s setters, which first make it
        // the changing question's own (`fields`), so no other question or thread sees it change.
        var id: String
        var prompt: String
        var type: QuestionType
        var choices: [String]
        var exclusiveChoices: Set<String>
        var defaultText: String?
        var allowNA: Bool
        var help: String?
        var source: String?
        var when: RuleExpression?
        var min: Double?
        var max: Double?
        var unit: String?
        var integer: Bool
        var measure: String?
        var measureLocation: SourceLocation?
        var measurePeriod: MeasurePeriod?
        var sectionID: String
        var location: SourceLocation
        var idLocation: SourceLocation

        init(id: String, prompt: String, type: QuestionType, choices: [String],
             exclusiveChoices: Set<String>, defaultText: String?, allowNA: Bool, help: String?,
             source: String?, when: RuleExpression?, min: Double?, max: Double?, unit: String?,
             integer: Bool, measure: String?, measureLocation: SourceLocation?,
             measurePeriod: MeasurePeriod?, sectionID: String, location: SourceLocation,
             idLocation: SourceLocation) {
            self.id = id
            self.prompt = prompt
            self.type = type
            self.choices = choices
            self.exclusiveChoices = exclusiveChoices
            self.defaultText = defaultText
            self.allowNA = allowNA
            self.help = help
            self.source = source
            self.when = when
            self.min = min
            self.max = max
            self.unit = unit
            self.integer = integer
            self.measure = measure
            self.measureLocation = measureLocation
            self.measurePeriod = measurePeriod
            self.sectionID = sectionID
            self.location = location
            self.idLocation = idLocation
        }

        /// A copy for a question about to change.
        func copy() -> Stored {
            Stored(id: id, prompt: prompt, type: type, choices: choices, exclusiveChoices: exclusiveChoices,
                   defaultText: defaultText, allowNA: allowNA, help: help, source: source, when: when,
                   min: min, max: max, unit: unit, integer: integer, measure: measure,
                   measureLocation: measureLocation, measurePeriod: measurePeriod, sectionID: sectionID,
                   location: location, idLocation: idLocation)
        }
    }

    private(set) var stored: Stored

    /// The fields, made this question's own first if another question shares them.
    private var fields: Stored {
        mutating get {
            if !isKnownUniquelyReferenced(&stored) { stored = stored.copy() }
            return stored
        }
    }

    /// Unique within the checklist; letters, digits and `_`.
    public var id: String {
        get { stored.id }
        set { fields.id = newValue }
    }
    /// What is asked.
    public var prompt: String {
        get { stored.prompt }
        set { fields.prompt = newValue }
    }
    /// The answer type.
    public var type: QuestionType {
        get { stored.type }
        set { fields.type = newValue }
    }
    /// Labels for `choice` and `multi`; empty for other types.
    public var choices: [String] {
        get { stored.choices }
        set { fields.choices = newValue }
    }
    /// Choices of a `multi` question that cannot be combined with others (`none of these`).
    public var exclusiveChoices: Set<String> {
        get { stored.exclusiveChoices }
        set { fields.exclusiveChoices = newValue }
    }
    /// The suggested answer shown at the prompt, as typed in the file; never scored by itself.
    public var defaultText: String? {
        get { stored.defaultText }
        set { fields.defaultText = newValue }
    }
    /// Whether "not applicable" is an accepted answer.
    public var allowNA: Bool {
        get { stored.allowNA }
        set { fields.allowNA = newValue }
    }
    /// Why the question matters, shown by `why`.
    public var help: String? {
        get { stored.help }
        set { fields.help = newValue }
    }
    /// `<seed file>#<quote>` citation.
    public var source: String? {
        get { stored.source }
        set { fields.source = newValue }
    }
    /// Ask only when this is true; nil means always asked.
    public var when: RuleExpression? {
        get { stored.when }
        set { fields.when = newValue }
    }
    /// Lower bound for number, percent (as a fraction), scale; nil when open.
    public var min: Double? {
        get { stored.min }
        set { fields.min = newValue }
    }
    /// Upper bound for number, percent (as a fraction), scale; nil when open.
    public var max: Double? {
        get { stored.max }
        set { fields.max = newValue }
    }
    /// Unit shown after numbers, e.g. `followers`.
    public var unit: String? {
        get { stored.unit }
        set { fields.unit = newValue }
    }
    /// For a number question that counts something (`integer: true`): only whole numbers are
    /// read, so "2.5 segments" is refused instead of scored.
    public var integer: Bool {
        get { stored.integer }
        set { fields.integer = newValue }
    }
    /// A metric path such as `inbox.first_response_minutes.median`, kept for presence data.
    public var measure: String? {
        get { stored.measure }
        set { fields.measure = newValue }
    }
    /// Where the `measure:` value is, for `check` to point at an unknown metric.
    public var measureLocation: SourceLocation? {
        get { stored.measureLocation }
        set { fields.measureLocation = newValue }
    }
    /// The window of an export the measured answer is taken from (`measure_period:`); nil is
    /// the whole export.
    public var measurePeriod: MeasurePeriod? {
        get { stored.measurePeriod }
        set { fields.measurePeriod = newValue }
    }
    /// The id of the section holding this question.
    public var sectionID: String {
        get { stored.sectionID }
        set { fields.sectionID = newValue }
    }
    /// Where the question's mapping starts.
    public var location: SourceLocation {
        get { stored.location }
        set { fields.location = newValue }
    }
    /// Where the question's `id` value is.
    public var idLocation: SourceLocation {
        get { stored.idLocation }
        set { fields.idLocation = newValue }
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
        stored = Stored(id: id, prompt: prompt, type: type, choices: choices, exclusiveChoices: [],
                        defaultText: defaultText, allowNA: allowNA, help: help, source: source, when: when,
                        min: min, max: max, unit: unit, integer: false, measure: measure,
                        measureLocation: nil, measurePeriod: nil, sectionID: sectionID, location: location,
                        idLocation: idLocation ?? location)
    }

    public static func == (lhs: Question, rhs: Question) -> Bool {
        let a = lhs.stored, b = rhs.stored
        if a === b { return true }
        return a.id == b.id
            && a.prompt == b.prompt
            && a.type == b.type
            && a.choices == b.choices
            && a.exclusiveChoices == b.exclusiveChoices
            && a.defaultText == b.defaultText
            && a.allowNA == b.allowNA
            && a.help == b.help
            && a.source == b.source
            && a.when == b.when
            && a.min == b.min
            && a.max == b.max
            && a.unit == b.unit
            && a.integer == b.integer
            && a.measure == b.measure
            && a.measureLocation == b.measureLocation
            && a.measurePeriod == b.measurePeriod
            && a.sectionID == b.sectionID
            && a.location == b.location
            && a.idLocation == b.idLocation
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(stored.id)
        hasher.combine(stored.prompt)
        hasher.combine(stored.type)
        hasher.combine(stored.choices)
        hasher.combine(stored.exclusiveChoices)
        hasher.combine(stored.defaultText)
        hasher.combine(stored.allowNA)
        hasher.combine(stored.help)
        hasher.combine(stored.source)
        hasher.combine(stored.when)
        hasher.combine(stored.min)
        hasher.combine(stored.max)
        hasher.combine(stored.unit)
        hasher.combine(stored.integer)
        hasher.combine(stored.measure)
        hasher.combine(stored.measureLocation)
        hasher.combine(stored.measurePeriod)
        hasher.combine(stored.sectionID)
        hasher.combine(stored.location)
        hasher.combine(stored.idLocation)
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
