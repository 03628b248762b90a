extension ChecklistLoader.Builder {
    /// The fields a question may have, in the order "known fields are" lists them.
    enum QuestionField: String, NodeField {
        case id, prompt, type, choices, `default`, allowNA = "allow_na", help, source, when, min, max, unit, integer, measure, measurePeriod = "measure_period"
    }

    /// The fields a choice written as a mapping may have, in the order "known fields are" lists them.
    enum ChoiceField: String, NodeField { case label, exclusive }

    mutating func question(_ node: YNode, sectionID: String) -> Question? {
        guard let f = src.fields(node, QuestionField.self, what: "a question", required: [.id, .prompt, .type]) else { return nil }
        guard let id = src.string(f[.id]?.value, field: "id") else { return nil }
        let idLocation = src.location(f[.id]!.value)
        var ok = true
        if !ChecklistLoader.isValidQuestionID(id) {
            src.error("question id `\(id)` must start with a letter and use only letters, digits and `_` (and not be a keyword or function name)", idLocation)
            ok = false
        }
        let prompt = src.string(f[.prompt]?.value, field: "prompt") ?? ""
        var type = QuestionType.text
        if let typeNode = f[.type]?.value, let typeText = src.string(typeNode, field: "type") {
            if let t = QuestionType(rawValue: typeText) {
                type = t
            } else {
                let hint = Suggest.hint(Suggest.closest(to: typeText, in: QuestionType.allCases.map(\.rawValue))).map { $0 + " " } ?? "; "
                src.error("unknown type `\(typeText)`\(hint)accepted types: \(QuestionType.acceptedList)", src.location(typeNode))
                ok = false
            }
        } else {
            ok = false
        }
        var q = Question(id: id, prompt: prompt, type: type, sectionID: sectionID,
                         location: src.location(node), idLocation: idLocation)
        q.allowNA = src.bool(f[.allowNA]?.value, field: "allow_na") ?? false
        q.help = src.string(f[.help]?.value, field: "help")
        q.unit = src.string(f[.unit]?.value, field: "unit")
        if let entry = f[.integer], let integer = src.bool(entry.value, field: "integer") {
            if type == .number { q.integer = integer } else {
                src.error("`integer` applies only to number questions", src.location(entry.key))
            }
        }
        q.measure = src.string(f[.measure]?.value, field: "measure")
        q.measureLocation = f[.measure].map { src.location($0.value) }
        if let periodNode = f[.measurePeriod]?.value, let text = src.string(periodNode, field: "measure_period") {
            if let period = MeasurePeriod(rawValue: text) {
                q.measurePeriod = period
            } else {
                src.error("unknown measure_period `\(text)`; accepted: \(MeasurePeriod.allCases.map(\.rawValue).joined(separator: ", "))", src.location(periodNode))
            }
            if q.measure == nil { src.warning("`measure_period` matters only with `measure:`", src.location(periodNode)) }
        }
        q.source = checkSource(f[.source]?.value)
        if let whenNode = f[.when]?.value, !YAMLSource.isNull(whenNode) {
            q.when = src.expression(whenNode, field: "when")
            if q.when == nil { ok = false }
        }

        let needsChoices = type == .choice || type == .multi
        if let entry = f[.choices], !YAMLSource.isNull(entry.value) {
            if needsChoices {
                var seen = Set<String>()
                for (label, labelNode, exclusive) in choiceItems(entry.value) {
                    if exclusive {
                        if type == .multi { q.exclusiveChoices.insert(label) } else {
                            src.warning("`exclusive` matters only for multi questions; `\(id)` takes one choice anyway", src.location(labelNode))
                        }
                    }
                    if label.trimmed().isEmpty {
                        src.error("a choice must not be empty", src.location(labelNode))
                    } else if !seen.insert(label.lowercased()).inserted {
                        src.error("duplicate choice `\(label)`", src.location(labelNode))
                    } else {
                        if type == .multi && (label.contains(",") || label.lowercased() == "none") {
                            // Multi answers are typed as a comma list, with `none` for no selection.
                            src.warning("choice `\(label)` of a multi question cannot be typed in a comma list; avoid commas and `none` in its labels", src.location(labelNode))
                        }
                        q.choices.append(label)
                    }
                }
                if q.choices.isEmpty {
                    src.error("`choices` of question `\(id)` is empty", src.location(entry.value))
                    ok = false
                }
            } else if f[.type] != nil && QuestionType(rawValue: f[.type]!.value.scalar?.string ?? "") != nil {
                src.error("`choices` is only for choice and multi questions; `\(id)` is of type \(type.rawValue)", src.location(entry.key))
            }
        } else if needsChoices {
            src.error("question `\(id)` of type \(type.rawValue) needs `choices`", src.location(node))
            ok = false
        }

        for field in [QuestionField.min, .max] {
            let key = field.rawValue
            guard let entry = f[field], !YAMLSource.isNull(entry.value) else { continue }
            guard Self.boundedTypes.contains(type) else {
                src.error("`\(key)` applies only to number, percent, scale and duration questions", src.location(entry.key))
                continue
            }
            guard let text = src.string(entry.value, field: key) else { continue }
            let value: Double?
            switch type {
            case .percent: value = AnswerParser.parsePercent(text)
            case .duration: value = AnswerParser.parseDuration(text)  // `0` or with a unit
            default: value = AnswerParser.parseNumber(text)
            }
            guard let value else {
                src.error("`\(key)` must be \(type == .duration ? "a duration such as 2h" : "a number"), not `\(text)`", src.location(entry.value))
                continue
            }
            if field == .min { q.min = value } else { q.max = value }
        }
        if let lo = q.min, let hi = q.max, lo > hi, let maxNode = f[.max]?.value {
            src.error("`min` (\(f[.min]!.value.scalar?.string ?? "")) is greater than `max` (\(maxNode.scalar?.string ?? ""))", src.location(maxNode))
            ok = false
        }

        if let defaultNode = f[.default]?.value, let text = src.string(defaultNode, field: "default"), ok {
            switch q.parse(text) {
            case .success:
                q.defaultText = text
            case .failure(let e):
                if type == .choice || type == .multi {
                    let hint = Suggest.hint(Suggest.closest(to: text, in: q.choices)).map { $0 + " " } ?? "; "
                    src.error("default `\(text)` is not a choice of \(id)\(hint)choices are: \(q.choices.joined(separator: ", "))", src.location(defaultNode))
                } else {
                    src.error("default `\(text)` is not a valid answer: \(e.reason)", src.location(defaultNode))
                }
            }
        }
        return id.isEmpty ? nil : q
    }

    static let boundedTypes: Set<QuestionType> = [.number, .percent, .scale, .duration]

    /// The items of `choices:`: a label, or `{label: …, exclusive: true}` for a choice that
    /// cannot be combined with others.
    mutating func choiceItems(_ node: YNode) -> [(String, YNode, Bool)] {
        guard let sequence = node.sequence else {
            return (src.strings(node, field: "choices") ?? []).map { ($0.0, $0.1, false) }
        }
        var out: [(String, YNode, Bool)] = []
        for item in sequence {
            if item.mapping != nil {
                guard let f = src.fields(item, ChoiceField.self, what: "a choice", required: [.label]),
                      let labelNode = f[.label]?.value, let label = src.string(labelNode, field: "label") else { continue }
                out.append((label, labelNode, src.bool(f[.exclusive]?.value, field: "exclusive") ?? false))
            } else if let label = item.scalar?.string {
                out.append((label, item, false))
            } else {
                src.error("items of `choices` must be labels or {label, exclusive} mappings", src.location(item))
            }
        }
        return out
    }
}
