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
        var questionSeen: [String: SourceLocation] = [:]
        if let node = f[.sections]?.value, !YAMLSource.isNull(node) {
            if let seq = node.sequence {
                if seq.isEmpty { src.error("`sections` is empty; a checklist needs at least one section", src.location(node)) }
                for item in seq {
                    if let s = section(item, questionSeen: &questionSeen) {
                        if let first = sectionSeen[s.id] {
                            src.error("duplicate section id `\(s.id)`; first defined at line \(first.line)", s.location)
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

        let targets = self.targets(f[.targets]?.value, questionSeen: &questionSeen)

        var questionSection: [String: String] = [:]
        for section in sections {
            for question in section.questions { questionSection[question.id] = section.id }
        }
        var rules: [Rule] = []
        var ruleSeen: [String: SourceLocation] = [:]
        if let node = f[.rules]?.value, !YAMLSource.isNull(node) {
            if let seq = node.sequence {
                for item in seq {
                    guard var r = rule(item) else { continue }
                    if let first = ruleSeen[r.id] {
                        src.error("duplicate rule id `\(r.id)`; first defined at line \(first.line)", r.idLocation)
                        continue
                    }
                    ruleSeen[r.id] = r.idLocation
                    r.sectionID = defaultSection(for: r, checklistID: id, sectionIDs: sectionSeen,
                                                 questionSection: questionSection)
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
                                  file: src.file, contentHash: fnv1a64Hex(text), idLocation: idLocation)
        checklist.sourceDetails = Dictionary(sourceList.map { ($0.file, $0) }, uniquingKeysWith: { first, _ in first })
        checklist.themes = themes
        checklist.targets = targets
        return checklist
    }
}
