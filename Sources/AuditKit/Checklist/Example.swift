/// An embedded example case: a persona's answers and what they must produce. `smaudit check`
/// runs every example, so a checklist cannot ship rules its own examples contradict.
public struct Example: Sendable, Hashable {
    /// One answer as written: the key (`question` or `other-checklist.question`) and raw text.
    public struct Answer: Sendable, Hashable {
        /// The checklist the key names; the example's own checklist when unqualified.
        public var checklistID: String?
        /// The question id.
        public var questionID: String
        /// The answer exactly as typed, parsed by the same parser as the shell.
        public var text: String
        /// Where the key is.
        public var keyLocation: SourceLocation
        /// Where the value is.
        public var valueLocation: SourceLocation

        /// Creates an answer entry.
        public init(checklistID: String?, questionID: String, text: String,
                    keyLocation: SourceLocation, valueLocation: SourceLocation) {
            self.checklistID = checklistID
            self.questionID = questionID
            self.text = text
            self.keyLocation = keyLocation
            self.valueLocation = valueLocation
        }
    }

    /// What the example expects. Each list, when present, must equal the actual set exactly
    /// (order ignored), so `passes: []` means "no rule passes"; an absent key is not checked.
    public struct Expectation: Sendable, Hashable {
        /// Rule ids that must fail, exactly.
        public var fails: [String]?
        /// Rule ids that must pass, exactly.
        public var passes: [String]?
        /// Rule ids that must be open (unknown), exactly.
        public var open: [String]?
        /// Rule ids that must be not applicable.
        public var notApplicable: [String]?
        /// Whether the checklist's band must be provisional (or must not be).
        public var provisional: Bool?
        /// The checklist's band.
        public var band: Band?
        /// The checklist's score, matched within ±0.5.
        public var score: Double?
        /// The checklist's score, inclusive bounds.
        public var scoreBetween: ClosedRange<Double>?
        /// Locations of the rule ids named in the lists, for diagnostics.
        public var ruleLocations: [String: SourceLocation]

        /// Creates an expectation.
        public init(fails: [String]? = nil, passes: [String]? = nil, open: [String]? = nil,
                    band: Band? = nil, score: Double? = nil, scoreBetween: ClosedRange<Double>? = nil,
                    ruleLocations: [String: SourceLocation] = [:]) {
            self.fails = fails
            self.passes = passes
            self.open = open
            self.band = band
            self.score = score
            self.scoreBetween = scoreBetween
            self.ruleLocations = ruleLocations
        }
    }

    /// The persona, e.g. "John from the article".
    public var name: String
    /// Answers in file order.
    public var answers: [Answer]
    /// What must come out.
    public var expect: Expectation
    /// Where the example's mapping starts.
    public var location: SourceLocation
    /// Where its `expect:` key is (failures are reported there); the example's start if absent.
    public var expectLocation: SourceLocation

    /// Creates an example.
    public init(name: String, answers: [Answer], expect: Expectation, location: SourceLocation,
                expectLocation: SourceLocation? = nil) {
        self.name = name
        self.answers = answers
        self.expect = expect
        self.location = location
        self.expectLocation = expectLocation ?? location
    }
}
