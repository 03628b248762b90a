/// A loaded, validated checklist: questions in sections, rules, and embedded examples.
public struct Checklist: Sendable {
    /// Unique among loaded checklists; lowercase letters, digits and `-`.
    public var id: String
    /// Human title.
    public var title: String
    /// The author's version string, e.g. `1.0.0`.
    public var version: String
    /// What the checklist audits.
    public var description: String?
    /// Seed file names that `source:` citations may name.
    public var sources: [String]
    /// What the checklist says of each source (title, author, date), by file name.
    public var sourceDetails: [String: Source] = [:]
    /// The problems its rules judge, in file order.
    public var themes: [Theme] = []
    /// Sections in asking order.
    public var sections: [Section]
    /// Rules in file order.
    public var rules: [Rule]
    /// The bars a team may set for itself (`targets:`): each a number, percent or duration
    /// with its default and bounds, read by rules by name like a question and never asked.
    public var targets: [Question] = [] {
        didSet { targetDefaults = Dictionary(targets.compactMap { t in t.defaultText.flatMap { try? t.parse($0).get() }.map { (t.id, $0) } },
                                             uniquingKeysWith: { first, _ in first }) }
    }
    /// Each target's default, parsed once.
    public private(set) var targetDefaults: [String: AnswerValue] = [:]
    /// Embedded examples.
    public var examples: [Example]
    /// The file it was loaded from.
    public var file: String
    /// FNV-1a 64 of the file text, hex; detects a checklist that changed since a session began.
    public var contentHash: String
    /// Where the `id` value is.
    public var idLocation: SourceLocation

    private var questionIndex: [String: QuestionPosition] = [:]
    private var ruleIndex: [String: Int] = [:]
    private var sectionIndex: [String: Int] = [:]
    /// The number (in asking order) of each section's first question.
    private(set) var questionStarts: [Int] = []
    /// How many questions the sections hold; targets are numbered after them.
    private(set) var questionCount = 0
    /// The questions and targets of this checklist each rule reads, by number, found when its
    /// references were resolved at load time (`SetValidator`); empty for a checklist that was
    /// not checked here (one read from a snapshot, or made in code).
    var ruleReads = RuleReads()

    /// The numbers (`number(of:)`) of the questions and targets of their own checklist that
    /// rules read, rule after rule: scoring finds what is known of them in arrays by number
    /// rather than in tables by name, which at 100,000 questions missed the cache at every
    /// reference.
    struct RuleReads: Sendable, Equatable {
        var numbers: [Int32] = []
        /// Rule k's numbers are `numbers[ends[k]..<ends[k + 1]]`.
        var ends: [Int32] = [0]

        /// The numbers rule `k` reads, or nil when they were not found.
        func of(rule k: Int) -> ArraySlice<Int32>? {
            k + 1 < ends.count ? numbers[Int(ends[k])..<Int(ends[k + 1])] : nil
        }
    }

    /// Where a question sits: section index and index within the section.
    public struct QuestionPosition: Sendable, Hashable {
        /// Index into `sections`.
        public var section: Int
        /// Index into that section's `questions`.
        public var question: Int
    }

    /// Creates a checklist and its lookup indexes (first definition wins on duplicate ids).
    public init(id: String, title: String, version: String, description: String? = nil, sources: [String] = [],
                sections: [Section], rules: [Rule], examples: [Example] = [], file: String,
                contentHash: String, idLocation: SourceLocation) {
        self.init(id: id, title: title, version: version, description: description, sources: sources,
                  sections: sections, rules: rules, examples: examples, file: file, contentHash: contentHash,
                  idLocation: idLocation, questionIndex: nil, ruleIndex: nil)
    }

    /// Creates a checklist with the question and rule indexes its loader built while reading
    /// it (each id of a large file is then hashed into one table, not two), or builds them.
    init(id: String, title: String, version: String, description: String?, sources: [String],
         sections: [Section], rules: [Rule], examples: [Example], file: String, contentHash: String,
         idLocation: SourceLocation, questionIndex: [String: QuestionPosition]?, ruleIndex: [String: Int]?) {
        self.id = id
        self.title = title
        self.version = version
        self.description = description
        self.sources = sources
        self.sections = sections
        self.rules = rules
        self.examples = examples
        self.file = file
        self.contentHash = contentHash
        self.idLocation = idLocation
        // Sized once: growing tables of 10,000 entries rehashes each several times.
        sectionIndex.reserveCapacity(sections.count)
        questionStarts.reserveCapacity(sections.count)
        for (s, section) in sections.enumerated() {
            if sectionIndex[section.id] == nil { sectionIndex[section.id] = s }
            questionStarts.append(questionCount)
            questionCount += section.questions.count
        }
        if let questionIndex {
            self.questionIndex = questionIndex
        } else {
            self.questionIndex.reserveCapacity(sections.reduce(0) { $0 + $1.questions.count })
            for (s, section) in sections.enumerated() {
                for (q, question) in section.questions.enumerated() where self.questionIndex[question.id] == nil {
                    self.questionIndex[question.id] = QuestionPosition(section: s, question: q)
                }
            }
        }
        if let ruleIndex {
            self.ruleIndex = ruleIndex
        } else {
            self.ruleIndex.reserveCapacity(rules.count)
            for (r, rule) in rules.enumerated() where self.ruleIndex[rule.id] == nil { self.ruleIndex[rule.id] = r }
        }
    }

    /// The question with this id.
    public func question(_ id: String) -> Question? {
        questionIndex[id].map { sections[$0.section].questions[$0.question] } ?? target(id)
    }

    /// The target with this id.
    public func target(_ id: String) -> Question? { targets.first { $0.id == id } }

    /// Where the question with this id sits.
    public func position(of id: String) -> QuestionPosition? { questionIndex[id] }

    /// A question's number: its place in asking order over all sections.
    func number(of position: QuestionPosition) -> Int { questionStarts[position.section] + position.question }

    /// `numbered(_:)`, looking first at `near` and at the question after it, where the next
    /// name a checklist's rules read often is (ids are unique within a loaded checklist), then
    /// by name; `near` becomes where a question was found. At 100,000 questions a lookup by
    /// name misses the cache, while the question itself is read next anyway.
    func numbered(_ id: String, near: inout QuestionPosition?) -> (question: Question, number: Int)? {
        if let p = near, p.section < sections.count {
            var candidate = p
            for _ in 0..<2 {
                if candidate.question >= sections[candidate.section].questions.count {
                    // The first question of the next section that has any.
                    candidate = QuestionPosition(section: candidate.section + 1, question: 0)
                    while candidate.section < sections.count && sections[candidate.section].questions.isEmpty {
                        candidate.section += 1
                    }
                    if candidate.section >= sections.count { break }
                }
                let question = sections[candidate.section].questions[candidate.question]
                if question.id == id {
                    near = candidate
                    return (question, number(of: candidate))
                }
                candidate.question += 1
            }
        }
        if let p = questionIndex[id] {
            near = p
            return (sections[p.section].questions[p.question], number(of: p))
        }
        return numberedTarget(id)
    }

    /// The question or target with this id and its number (targets numbered after the
    /// questions), read in place.
    func numbered(_ id: String) -> (question: Question, number: Int)? {
        if let p = questionIndex[id] { return (sections[p.section].questions[p.question], number(of: p)) }
        return numberedTarget(id)
    }

    /// The target with this id and its number, after the questions'.
    private func numberedTarget(_ id: String) -> (question: Question, number: Int)? {
        guard let t = targets.firstIndex(where: { $0.id == id }) else { return nil }
        return (targets[t], questionCount + t)
    }

    /// The rule with this id.
    public func rule(_ id: String) -> Rule? { ruleIndex[id].map { rules[$0] } }

    /// The section with this id.
    public func section(_ id: String) -> Section? { sectionIndex[id].map { sections[$0] } }

    /// The theme with this id.
    public func theme(_ id: String) -> Theme? { themes.first { $0.id == id } }

    /// The source a `file#quote` citation names, with its details when the checklist gives them.
    public func source(cited citation: String?) -> Source? {
        guard let file = Citation(citation)?.file else { return nil }
        return sourceDetails[file] ?? Source(file: file)
    }

    /// Every question in asking order, each with its section: what the guided flow walks.
    public var allQuestions: [(section: Section, question: Question)] {
        sections.flatMap { section in section.questions.map { (section, $0) } }
    }

    /// Every question id, in order.
    public var questionIDs: [String] { sections.flatMap { $0.questions.map(\.id) } }

    /// Whether the question is asked: true only when its `when` is absent or true. Answers of
    /// other checklists are not visible here; use `ChecklistSet.isAsked` for cross-checklist `when`s.
    public func isAsked(_ question: Question, in answers: AnswerSheet) -> Bool {
        ChecklistSet(unchecked: [self]).isAsked(QuestionRef(checklist: id, question: question.id), in: answers)
    }

    /// The title of a section id, including the "General" bucket for rules without a section.
    public func sectionTitle(_ id: String) -> String {
        section(id)?.title ?? Section.generalTitle
    }
}

/// FNV-1a 64-bit hash, hex; cheap, stable across platforms, enough to notice an edited file.
public func fnv1a64Hex(_ text: String) -> String {
    // Over the contiguous bytes: several times faster than iterating the UTF-8 view of a
    // multi-megabyte checklist.
    var text = text
    let hash = text.withUTF8 { bytes in
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }
    let hex = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
}
