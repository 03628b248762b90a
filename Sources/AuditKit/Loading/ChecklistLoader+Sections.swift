extension ChecklistLoader.Builder {
    /// The fields a section may have, in the order "known fields are" lists them.
    enum SectionField: String, NodeField { case id, title, help, questions }

    mutating func section(_ node: YNode, questionSeen: inout [String: SourceLocation]) -> Section? {
        guard let f = src.fields(node, SectionField.self, what: "a section", required: [.id, .title, .questions]) else { return nil }
        guard let id = src.string(f[.id]?.value, field: "id") else { return nil }
        let location = src.location(f[.id]!.value)
        if !ChecklistLoader.isValidRuleID(id) {
            src.error("section id `\(id)` must use letters, digits, `_` and `-`", location)
        }
        var questions: [Question] = []
        if let qs = f[.questions]?.value, !YAMLSource.isNull(qs) {
            if let seq = qs.sequence {
                for item in seq {
                    guard let q = question(item, sectionID: id) else { continue }
                    if let first = questionSeen[q.id] {
                        src.error("duplicate question id `\(q.id)`; first defined at line \(first.line)", q.idLocation)
                        continue
                    }
                    questionSeen[q.id] = q.idLocation
                    questions.append(q)
                }
            } else {
                src.error("`questions` must be a list of questions", src.location(qs))
            }
        }
        return Section(id: id, title: src.string(f[.title]?.value, field: "title") ?? "",
                       help: src.string(f[.help]?.value, field: "help"), questions: questions,
                       location: location)
    }
}
