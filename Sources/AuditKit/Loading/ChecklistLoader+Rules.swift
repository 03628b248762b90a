extension ChecklistLoader.Builder {
    /// The fields a rule may have, in the order "known fields are" lists them.
    enum RuleField: String, NodeField {
        case id, title, problem, applies, check, severity, points, caps, theme, finding, recommendation, source, section, untested, bar
    }

    mutating func rule(_ node: YNode) -> Rule? {
        guard let f = src.fields(node, RuleField.self, what: "a rule", required: [.id, .title, .check, .severity]) else { return nil }
        guard let id = src.string(f[.id]?.value, field: "id") else { return nil }
        let idLocation = src.location(f[.id]!.value)
        if !ChecklistLoader.isValidRuleID(id) {
            src.error("rule id `\(id)` must start with a letter and use letters, digits, `_` and `-`", idLocation)
        }
        var severity: Severity?
        if let sevNode = f[.severity]?.value, let text = src.string(sevNode, field: "severity") {
            severity = Severity(rawValue: text)
            if severity == nil {
                let hint = Suggest.hint(Suggest.closest(to: text, in: Severity.allCases.map(\.rawValue))).map { $0 + " " } ?? "; "
                src.error("unknown severity `\(text)`\(hint)accepted: \(Severity.acceptedList)", src.location(sevNode))
            }
        }
        var points: Double?
        if let pNode = f[.points]?.value, let p = src.number(pNode, field: "points") {
            if p < 0 { src.error("`points` must not be negative", src.location(pNode)) } else { points = p }
        }
        let applies = f[.applies].flatMap { YAMLSource.isNull($0.value) ? nil : src.expression($0.value, field: "applies") }
        let check = f[.check].flatMap { src.expression($0.value, field: "check") }
        let title = src.string(f[.title]?.value, field: "title") ?? ""
        let finding = src.string(f[.finding]?.value, field: "finding")
        let recommendation = src.string(f[.recommendation]?.value, field: "recommendation")
        let source = checkSource(f[.source]?.value)
        let section = src.string(f[.section]?.value, field: "section")
        var capSetting = CapSetting.byDefault
        if let capNode = f[.caps]?.value, let text = src.string(capNode, field: "caps") {
            if text.lowercased() == "none" {
                capSetting = .none
            } else if let band = Band(label: text), band != .leading {
                capSetting = .band(band)
            } else {
                src.error("unknown cap `\(text)`; a rule may cap at at risk, developing or strong, or say none", src.location(capNode))
            }
        }
        guard let check, let severity else { return nil }
        if f[.applies] != nil && !YAMLSource.isNull(f[.applies]!.value) && applies == nil { return nil }
        var rule = Rule(id: id, title: title, applies: applies, check: check, severity: severity,
                        explicitPoints: points, finding: finding, recommendation: recommendation, source: source,
                        explicitSection: section, location: src.location(node), idLocation: idLocation)
        rule.problem = src.string(f[.problem]?.value, field: "problem")
        rule.theme = src.string(f[.theme]?.value, field: "theme").map(ThemeRef.init)
        rule.themeLocation = f[.theme].map { src.location($0.value) }
        rule.capSetting = capSetting
        rule.untested = src.string(f[.untested]?.value, field: "untested")
        rule.bar = src.string(f[.bar]?.value, field: "bar")
        return rule
    }

    /// `section:` if given (must exist), else the section of the first own question that
    /// `check` names, else that `applies` names, else the General bucket.
    mutating func defaultSection(for rule: Rule, checklistID: String, sectionIDs: [String: SourceLocation],
                                 places: SectionPlaces) -> String {
        if let explicit = rule.explicitSection {
            if sectionIDs[explicit] == nil && explicit != Section.generalID {
                let hint = Suggest.hint(Suggest.closest(to: explicit, in: sectionIDs.keys)) ?? ""
                src.error("rule `\(rule.id)` names unknown section `\(explicit)`\(hint)", rule.location)
            }
            return explicit
        }
        return Self.implicitSection(of: rule, checklistID: checklistID, places: places)
    }

    /// The section of a rule that names none: that of the first own question its `check`
    /// names, else its `applies`, else the General bucket.
    static func implicitSection(of rule: Rule, checklistID: String, places: SectionPlaces) -> String {
        // `check`, then `applies`, each read without gathering the two into an array first:
        // this runs for every rule of the file.
        func firstOwnSection(_ root: Expr?) -> String? {
            var found: String?
            root?.forEachReference { c, q, _ in
                guard found == nil, c == nil || c == checklistID else { return }
                found = places.questions[q].map { places.sectionIDs[$0.section] }
            }
            return found
        }
        return firstOwnSection(rule.check.root) ?? firstOwnSection(rule.applies?.root) ?? Section.generalID
    }
}

/// What a rule needs to find its section when it names none: where each question id of the
/// checklist is, and the id of each section kept.
struct SectionPlaces: Sendable {
    let questions: [String: Checklist.QuestionPosition]
    let sectionIDs: [String]
}
