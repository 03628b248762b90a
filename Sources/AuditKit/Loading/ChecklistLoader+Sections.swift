extension ChecklistLoader.Builder {
    /// The fields a section may have, in the order "known fields are" lists them.
    enum SectionField: String, NodeField { case id, title, help, questions }

    /// Reads a section, recording its questions in `read` at the place it takes if it is kept,
    /// after the sections `kept`.
    mutating func section(_ node: YNode, read: inout QuestionsRead, kept: [Section]) -> Section? {
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
                    let place = Checklist.QuestionPosition(section: kept.count, question: questions.count)
                    if let first = read.claim(q.id, for: place, kept: kept, reading: questions) {
                        src.error("duplicate question id `\(q.id)`; first defined at line \(first.line)", q.idLocation)
                        continue
                    }
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

/// Every question id of a file read so far and where it is, in one table: it finds repeated
/// ids, gives each rule its default section, and becomes the checklist's index, so each id
/// of a 100,000-question file is hashed into one table rather than three.
struct QuestionsRead {
    /// Each id's place among the sections kept, or in the section being read (the place it
    /// takes if kept).
    var index: [String: Checklist.QuestionPosition] = [:]
    /// The ids of sections left out for repeating an earlier section's id: still taken, so a
    /// later question with one of them is reported, but no longer in the index.
    var leftOut: [String: SourceLocation] = [:]

    init(expecting count: Int) { index.reserveCapacity(count) }

    /// Where the question with id `id` was first read, if one was: among the sections `kept`,
    /// the section being read (its questions so far, `reading`), or the sections left out.
    func location(of id: String, kept: [Section], reading: [Question]) -> SourceLocation? {
        if let p = index[id] {
            return (p.section == kept.count ? reading[p.question] : kept[p.section].questions[p.question]).idLocation
        }
        // Almost always empty: only a repeated section id fills it.
        return leftOut.isEmpty ? nil : leftOut[id]
    }

    /// Records `id` at `place` unless it is taken, in one lookup (an id is new far more often
    /// than not); when taken, returns where it was first read and records nothing.
    mutating func claim(_ id: String, for place: Checklist.QuestionPosition, kept: [Section],
                        reading: [Question]) -> SourceLocation? {
        if let first = index.updateValue(place, forKey: id) {
            index[id] = first
            return location(of: id, kept: kept, reading: reading)
        }
        guard !leftOut.isEmpty, let first = leftOut[id] else { return nil }
        index[id] = nil
        return first
    }

    /// Takes `section`'s questions out of the index: the section is left out.
    mutating func leaveOut(_ section: Section) {
        for q in section.questions {
            index[q.id] = nil
            leftOut[q.id] = q.idLocation
        }
    }
}
