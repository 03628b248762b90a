import Threads

extension ChecklistLoader.Builder {
    /// The fields a checklist may have, in the order "known fields are" lists them.
    enum ChecklistField: String, NodeField { case id, title, version, description, sources, themes, sections, targets, rules, examples }

    mutating func checklist(_ root: YNode) -> Checklist? {
        guard let f = src.fields(root, ChecklistField.self, what: "the checklist", required: [.id, .title, .version, .sections]) else { return nil }
        let id = src.string(f[.id]?.value, field: "id") ?? ""
        let idLocation = f[.id].map { src.location($0.value) } ?? src.location(root)
        if !id.isEmpty && !ChecklistLoader.isValidChecklistID(id) {
            src.error("checklist id `\(id)` must use lowercase letters, digits and `-`, starting with a letter", idLocation)
        }
        let title = src.string(f[.title]?.value, field: "title") ?? ""
        let version = src.string(f[.version]?.value, field: "version") ?? ""
        let description = src.string(f[.description]?.value, field: "description")
        let sourceList = self.sourceList(f[.sources]?.value)
        sources = Set(sourceList.map(\.file))
        let themes = self.themes(f[.themes]?.value)

        var sections: [Section] = []
        var sectionSeen: [String: SourceLocation] = [:]
        let questions = Self.questionCount(f[.sections]?.value)
        var questionsRead = QuestionsRead(expecting: questions)
        var targets: [Question] = []
        // Reads the sections and targets, and gives what a rule needs of them to find its section.
        func readSectionsAndTargets() -> SectionPlaces {
            if let node = f[.sections]?.value, !YAMLSource.isNull(node) {
                if let seq = node.sequence {
                    if seq.isEmpty { src.error("`sections` is empty; a checklist needs at least one section", src.location(node)) }
                    for item in seq {
                        if let s = section(item, read: &questionsRead, kept: sections) {
                            if let first = sectionSeen[s.id] {
                                src.error("duplicate section id `\(s.id)`; first defined at line \(first.line)", s.location)
                                questionsRead.leaveOut(s)
                            } else {
                                sectionSeen[s.id] = s.location
                                sections.append(s)
                            }
                        }
                    }
                } else {
                    src.error("`sections` must be a list of sections", src.location(node))
                }
            }
            targets = self.targets(f[.targets]?.value, read: questionsRead, sections: sections)
            return SectionPlaces(questions: questionsRead.index, sectionIDs: sections.map(\.id))
        }

        // The rules of a big checklist are read on the other core while its sections are: until
        // each is given its section, which is done below in file order, a rule needs only the
        // sources read above. Their problems are reported below too, in the same order.
        let ruleItems = f[.rules].flatMap { YAMLSource.isNull($0.value) ? nil : $0.value.sequence }
        var early: EarlyRules?
        // Rules from this one on have their sections (those that name none) already.
        var sectionedFrom = Int.max
        let placed = Handoff<SectionPlaces>()
        let places: SectionPlaces
        // This core reads the first rules after the sections, the other the rest, so that
        // both finish together. The other core then gives its rules their sections, once this
        // one has read the sections and while it reads its own rules. By the profile at
        // 100,000, reading a rule takes about 1.6 times reading a question, and giving it its
        // section 0.3 times: balanced, this core takes (19 R - 10 Q) / 35 of R rules.
        let split = ruleItems.map { min($0.count, max(0, (19 * $0.count - 10 * questions) / 35)) } ?? 0
        if let ruleItems, ruleItems.count >= parallelRulesFrom,
           let reading = BackgroundJob.onItsOwnThread({ [self, id] in
               var other = ChecklistLoader.Builder(apart: self)
               var read = other.readRules(ruleItems, from: split)
               read.setSections(checklistID: id, places: placed.take())
               return read
           }) {
            places = readSectionsAndTargets()
            placed.put(places)
            var mine = self
            mine.src.diagnostics = []
            // The job throws nothing.
            early = try? mine.readRules(ruleItems, upTo: split).followed(by: reading.result().get())
            sectionedFrom = split
        } else {
            places = readSectionsAndTargets()
        }

        // The file's hash (five milliseconds for 3.7 MB, a byte at a time) on the core the rules
        // have just left, while this one puts the rules in their sections.
        let hashing = early == nil ? nil : BackgroundJob { [text] in fnv1a64Hex(text) }
        var rules: [Rule] = []
        // Each rule id's place in `rules`: finds repeated ids, then is the checklist's index.
        var ruleIndex: [String: Int] = [:]
        ruleIndex.reserveCapacity(ruleItems?.count ?? 0)
        if let node = f[.rules]?.value, !YAMLSource.isNull(node) {
            if let seq = ruleItems {
                for (k, item) in seq.enumerated() {
                    let read: Rule?
                    if early != nil {
                        src.diagnostics += early!.diagnostics[early!.ends[k]..<early!.ends[k + 1]]
                        read = early!.rules[k]
                        // Taken out, not copied, so that setting its section below changes the
                        // rule in place rather than copying all its fields for a second owner.
                        early!.rules[k] = nil
                    } else {
                        read = rule(item)
                    }
                    guard var r = read else { continue }
                    // One lookup: an id is new far more often than not.
                    if let first = ruleIndex.updateValue(rules.count, forKey: r.id) {
                        ruleIndex[r.id] = first
                        src.error("duplicate rule id `\(r.id)`; first defined at line \(rules[first].idLocation.line)", r.idLocation)
                        continue
                    }
                    if k < sectionedFrom || r.explicitSection != nil {
                        r.sectionID = defaultSection(for: r, checklistID: id, sectionIDs: sectionSeen, places: places)
                    }
                    rules.append(r)
                }
            } else {
                src.error("`rules` must be a list of rules", src.location(node))
            }
        }

        var examples: [Example] = []
        if let node = f[.examples]?.value, !YAMLSource.isNull(node) {
            if let seq = node.sequence {
                examples = seq.compactMap { example($0) }
            } else {
                src.error("`examples` must be a list of examples", src.location(node))
            }
        }
        var checklist = Checklist(id: id, title: title, version: version, description: description,
                                  sources: sourceList.map(\.file), sections: sections, rules: rules, examples: examples,
                                  file: src.file, contentHash: (try? hashing?.result().get()) ?? fnv1a64Hex(text),
                                  idLocation: idLocation, questionIndex: questionsRead.index, ruleIndex: ruleIndex)
        checklist.sourceDetails = Dictionary(sourceList.map { ($0.file, $0) }, uniquingKeysWith: { first, _ in first })
        checklist.themes = themes
        checklist.targets = targets
        return checklist
    }
}

extension ChecklistLoader.Builder {
    /// Rules read apart from the rest of their checklist, with the problems each one had:
    /// rule k's are `diagnostics[ends[k]..<ends[k + 1]]`.
    struct EarlyRules {
        var rules: [Rule?] = []
        var diagnostics: [Diagnostic] = []
        var ends: [Int] = [0]
    }

    /// A builder for reading part of the same file on another thread. It changes no reference
    /// count the other thread changes: it reads the text and lines in place (`YAMLSource(sharing:)`)
    /// and nodes through a document object of its own (`readRules`). Reference counts two cores
    /// change at once pass a cache line to and fro, and a shared document made reading the
    /// rules apart no faster at all.
    init(apart other: Self) {
        self.init(src: YAMLSource(sharing: other.src), text: other.text)
        sources = other.sources
        parallelRulesFrom = other.parallelRulesFrom
    }

    /// The rules of `items` from `start` up to `end`, read as `rule(_:)` reads them, with their
    /// problems (the builder's own problems must be none yet).
    mutating func readRules(_ items: YNode.Items, from start: Int = 0, upTo end: Int? = nil) -> EarlyRules {
        let end = end ?? items.count
        // Read through a document object of this thread's own when on another core.
        let document = start > 0 ? items.document.sharingNodes() : items.document
        var read = EarlyRules()
        read.rules.reserveCapacity(end - start)
        read.ends.reserveCapacity(end - start + 1)
        for k in start..<end {
            read.rules.append(rule(YNode(document: document, index: items[k].index)))
            read.ends.append(src.diagnostics.count)
        }
        read.diagnostics = src.diagnostics
        return read
    }

    /// How many questions the sections list: what reading them costs, roughly.
    static func questionCount(_ sections: YNode?) -> Int {
        guard let items = sections?.sequence else { return 0 }
        var count = 0
        for section in items {
            guard let pairs = section.mapping else { continue }
            for (key, value) in pairs where key.scalar?.string == "questions" { count += value.sequence?.count ?? 0 }
        }
        return count
    }
}

extension ChecklistLoader.Builder.EarlyRules {
    /// Gives each rule that names no section the one it takes from the questions it reads.
    mutating func setSections(checklistID: String, places: SectionPlaces) {
        for k in rules.indices where rules[k]?.explicitSection == nil {
            // Worked out before the rule is changed, with no copy of it held: a rule held twice
            // would copy all its fields to change one.
            guard let section = rules[k].map({ ChecklistLoader.Builder.implicitSection(of: $0, checklistID: checklistID, places: places) })
            else { continue }
            rules[k]?.sectionID = section
        }
    }

    /// These rules, then `later`'s.
    func followed(by later: Self) -> Self {
        var all = self
        all.rules += later.rules
        all.ends += later.ends.dropFirst().map { $0 + diagnostics.count }
        all.diagnostics += later.diagnostics
        return all
    }
}
