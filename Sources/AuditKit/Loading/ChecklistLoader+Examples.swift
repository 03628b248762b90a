extension ChecklistLoader.Builder {
    /// The fields an example may have, in the order "known fields are" lists them.
    enum ExampleField: String, NodeField { case name, answers, expect }

    /// The fields an example's `expect` may have, in the order "known fields are" lists them.
    enum ExpectField: String, NodeField {
        case fails, passes, open, notApplicable = "not_applicable", provisional, band, score, scoreBetween = "score_between"
    }

    mutating func example(_ node: YNode) -> Example? {
        guard let f = src.fields(node, ExampleField.self, what: "an example", required: [.name]) else { return nil }
        let name = src.string(f[.name]?.value, field: "name") ?? ""
        var answers: [Example.Answer] = []
        if let aNode = f[.answers]?.value, !YAMLSource.isNull(aNode),
           let pairs = src.pairs(aNode, what: "`answers`") {
            for (key, keyNode, value) in pairs {
                let parts = key.split(separator: ".", maxSplits: 1).map(String.init)
                let (checklist, question) = parts.count == 2 ? (parts[0], parts[1]) : (nil, key)
                var text: String
                if let seq = value.sequence {
                    text = seq.compactMap { $0.scalar?.string }.joined(separator: ", ")
                    if seq.isEmpty { text = "none" }
                } else if let s = value.scalar?.string {
                    text = s
                } else {
                    src.error("the answer to `\(key)` must be a value or a list", src.location(value))
                    continue
                }
                answers.append(Example.Answer(checklistID: checklist, questionID: question, text: text,
                                              keyLocation: src.location(keyNode), valueLocation: src.location(value)))
            }
        }
        var expect = Example.Expectation()
        if let eNode = f[.expect]?.value, !YAMLSource.isNull(eNode),
           let e = src.fields(eNode, ExpectField.self, what: "`expect`", required: []) {
            func ids(_ field: ExpectField) -> [String]? {
                guard let items = src.strings(e[field]?.value, field: field.rawValue) else {
                    return e[field] != nil && YAMLSource.isNull(e[field]!.value) ? [] : nil
                }
                for (id, n) in items where expect.ruleLocations[id] == nil { expect.ruleLocations[id] = src.location(n) }
                return items.map(\.0)
            }
            expect.fails = ids(.fails)
            expect.passes = ids(.passes)
            expect.open = ids(.open)
            expect.notApplicable = ids(.notApplicable)
            expect.provisional = src.bool(e[.provisional]?.value, field: "provisional")
            if let bNode = e[.band]?.value, let b = src.string(bNode, field: "band") {
                expect.band = Band(label: b)
                if expect.band == nil {
                    src.error("unknown band `\(b)`; bands are: \(Band.allCases.map(\.label).joined(separator: ", "))", src.location(bNode))
                }
            }
            expect.score = src.number(e[.score]?.value, field: "score")
            if let rNode = e[.scoreBetween]?.value, let items = src.strings(rNode, field: "score_between") {
                let values = items.compactMap { AnswerParser.parseNumber($0.0) }
                if values.count == 2, values[0] <= values[1] {
                    expect.scoreBetween = values[0]...values[1]
                } else {
                    src.error("`score_between` must be two numbers, low then high, such as [30, 50]", src.location(rNode))
                }
            }
        }
        return Example(name: name, answers: answers, expect: expect, location: src.location(node),
                       expectLocation: f[.expect].map { src.location($0.key) })
    }
}
