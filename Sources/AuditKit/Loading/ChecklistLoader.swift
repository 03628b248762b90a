/// Reads one checklist file: YAML through libyaml (`YAMLComposer`; every node has a line and column),
/// then a hand-written walk that checks every field and reports every problem, never only the
/// first. Cross-checklist checks (references, types, examples) run in `ChecklistSet.load`.
public enum ChecklistLoader {
    static let checklistFields = ["id", "title", "version", "description", "sources", "themes", "sections", "targets", "rules", "examples"]
    static let sourceFields = ["file", "title", "author", "date", "description"]
    static let themeFields = ["id", "title", "problem", "help", "recommendation", "source", "owner", "success"]
    static let sectionFields = ["id", "title", "help", "questions"]
    static let questionFields = ["id", "prompt", "type", "choices", "default", "allow_na", "help", "source",
                                 "when", "min", "max", "unit", "integer", "measure", "measure_period"]
    static let ruleFields = ["id", "title", "problem", "applies", "check", "severity", "points", "caps", "theme",
                             "finding", "recommendation", "source", "section", "untested", "bar"]
    static let exampleFields = ["name", "answers", "expect"]
    static let expectFields = ["fails", "passes", "open", "not_applicable", "provisional", "band", "score", "score_between"]

    /// Loads and fully validates one file on its own (references to other checklists are errors).
    /// Returns the checklist when it has no errors, and all diagnostics.
    public static func load(text: String, file: String) -> (Checklist?, [Diagnostic]) {
        let (set, diagnostics) = ChecklistSet.load([(file: file, text: text)])
        return (set.checklists.first, diagnostics)
    }

    /// The structural pass over one file: YAML syntax, fields, kinds, ids, duplicates within the
    /// file, choices, bounds, expression syntax and `source` files. The checklist returned may
    /// be partial (items with errors left out) so later passes can still check the rest.
    public static func parse(text: String, file: String) -> (Checklist?, [Diagnostic]) {
        var src = YAMLSource(file: file, text: text)
        guard let root = src.root(ifEmpty: "the file is empty; a checklist needs at least `id`, `title`, `version` and `sections`") else {
            return (nil, src.diagnostics)
        }
        var builder = Builder(src: src, text: text)
        let checklist = builder.checklist(root)
        return (checklist, builder.src.diagnostics)
    }

    private static let idCharacters = Set("abcdefghijklmnopqrstuvwxyz0123456789-".unicodeScalars)

    static func isValidChecklistID(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, first >= "a" && first <= "z" else { return false }
        return s.unicodeScalars.allSatisfy { idCharacters.contains($0) } && !s.hasSuffix("-")
    }

    static func isValidQuestionID(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, Lexer.isIdentStart(first) else { return false }
        return s.unicodeScalars.allSatisfy(Lexer.isIdentPart) && !Lexer.keywords.contains(s)
            && Expr.Function(rawValue: s) == nil
    }

    static func isValidRuleID(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, Lexer.isIdentStart(first) else { return false }
        return s.unicodeScalars.allSatisfy { Lexer.isIdentPart($0) || $0 == "-" }
    }

    /// The walk over one file's nodes.
    struct Builder {
        var src: YAMLSource
        let text: String
        var sources: Set<String> = []

        init(src: YAMLSource, text: String) {
            self.src = src
            self.text = text
        }

        mutating func checklist(_ root: YNode) -> Checklist? {
            guard let f = src.fields(root, what: "the checklist", allowed: checklistFields,
                                     required: ["id", "title", "version", "sections"]) else { return nil }
            let id = src.string(f["id"]?.value, field: "id") ?? ""
            let idLocation = f["id"].map { src.location($0.value) } ?? src.location(root)
            if !id.isEmpty && !isValidChecklistID(id) {
                src.error("checklist id `\(id)` must use lowercase letters, digits and `-`, starting with a letter", idLocation)
            }
            let title = src.string(f["title"]?.value, field: "title") ?? ""
            let version = src.string(f["version"]?.value, field: "version") ?? ""
            let description = src.string(f["description"]?.value, field: "description")
            let sourceList = self.sourceList(f["sources"]?.value)
            sources = Set(sourceList.map(\.file))
            let themes = self.themes(f["themes"]?.value)

            var sections: [Section] = []
            var sectionSeen: [String: SourceLocation] = [:]
            var questionSeen: [String: SourceLocation] = [:]
            if let node = f["sections"]?.value, !YAMLSource.isNull(node) {
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

            let targets = self.targets(f["targets"]?.value, questionSeen: &questionSeen)

            var questionSection: [String: String] = [:]
            for section in sections {
                for question in section.questions { questionSection[question.id] = section.id }
            }
            var rules: [Rule] = []
            var ruleSeen: [String: SourceLocation] = [:]
            if let node = f["rules"]?.value, !YAMLSource.isNull(node) {
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
            if let node = f["examples"]?.value, !YAMLSource.isNull(node) {
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

        /// `targets:`: bars a team may set, each `{id, prompt, type: number|percent|duration,
        /// default, min, max, help}`; the prompt names the bar ("First reply target"). Ids share
        /// the questions' namespace, since rules read both by name.
        mutating func targets(_ node: YNode?, questionSeen: inout [String: SourceLocation]) -> [Question] {
            guard let node, !YAMLSource.isNull(node) else { return [] }
            guard let seq = node.sequence else {
                src.error("`targets` must be a list of targets", src.location(node))
                return []
            }
            var targets: [Question] = []
            for item in seq {
                guard let q = question(item, sectionID: "targets") else { continue }
                if let first = questionSeen[q.id] {
                    src.error("duplicate question id `\(q.id)`; first defined at line \(first.line)", q.idLocation)
                    continue
                }
                guard [.number, .percent, .duration].contains(q.type) else {
                    src.error("target `\(q.id)` must be a number, percent or duration, not \(q.type.rawValue)", q.idLocation)
                    continue
                }
                guard q.defaultText != nil else {
                    src.error("target `\(q.id)` needs a `default`: the bar that holds until a team sets its own", q.idLocation)
                    continue
                }
                if q.when != nil || q.measure != nil {
                    src.error("target `\(q.id)` is a bar, not a question: it takes no `when` or `measure`", q.idLocation)
                    continue
                }
                questionSeen[q.id] = q.idLocation
                targets.append(q)
            }
            return targets
        }

        /// `sources:`: file names, or mappings `{file, title, author, date, description}`.
        mutating func sourceList(_ node: YNode?) -> [Source] {
            guard let node, !YAMLSource.isNull(node) else { return [] }
            guard let items = node.sequence else {
                return (src.strings(node, field: "sources") ?? []).map { Source(file: $0.0) }
            }
            var out: [Source] = []
            for item in items {
                if let scalar = item.scalar {
                    out.append(Source(file: scalar.string))
                } else if let f = src.fields(item, what: "a source", allowed: Self.sourceFieldsList, required: ["file"]),
                          let file = src.string(f["file"]?.value, field: "file") {
                    let source = Source(file: file, title: src.string(f["title"]?.value, field: "title"),
                                        author: src.string(f["author"]?.value, field: "author"),
                                        date: src.string(f["date"]?.value, field: "date"),
                                        description: src.string(f["description"]?.value, field: "description"))
                    if source.title == nil && source.description == nil && (source.author != nil || source.date != nil) {
                        src.warning("source `\(file)` has no `title` (or `description` when the article has none) for the report to cite", src.location(item))
                    }
                    out.append(source)
                }
            }
            return out
        }

        static let sourceFieldsList = ChecklistLoader.sourceFields

        /// `themes:`: `{id, title, problem, help, recommendation, source}` each.
        mutating func themes(_ node: YNode?) -> [Theme] {
            guard let node, !YAMLSource.isNull(node) else { return [] }
            guard let items = node.sequence else {
                src.error("`themes` must be a list of themes, each with `id`, `title` and `problem`", src.location(node))
                return []
            }
            var out: [Theme] = []
            var seen: [String: SourceLocation] = [:]
            for item in items {
                guard let f = src.fields(item, what: "a theme", allowed: ChecklistLoader.themeFields,
                                         required: ["id", "title", "problem"]),
                      let idNode = f["id"]?.value, let id = src.string(idNode, field: "id") else { continue }
                let location = src.location(idNode)
                if !isValidRuleID(id) {
                    src.error("theme id `\(id)` must start with a letter and use letters, digits, `_` and `-`", location)
                }
                if let first = seen[id] {
                    src.error("duplicate theme id `\(id)`; first defined at line \(first.line)", location)
                    continue
                }
                seen[id] = location
                var theme = Theme(id: id, title: src.string(f["title"]?.value, field: "title") ?? "",
                                  problem: src.string(f["problem"]?.value, field: "problem") ?? "",
                                  help: src.string(f["help"]?.value, field: "help"), location: location)
                theme.recommendation = src.string(f["recommendation"]?.value, field: "recommendation")
                theme.source = checkSource(f["source"]?.value)
                theme.owner = src.string(f["owner"]?.value, field: "owner")
                theme.success = src.string(f["success"]?.value, field: "success")
                out.append(theme)
            }
            return out
        }

        /// `section:` if given (must exist), else the section of the first own question that
        /// `check` names, else that `applies` names, else the General bucket.
        mutating func defaultSection(for rule: Rule, checklistID: String, sectionIDs: [String: SourceLocation],
                                     questionSection: [String: String]) -> String {
            if let explicit = rule.explicitSection {
                if sectionIDs[explicit] == nil && explicit != Section.generalID {
                    let hint = Suggest.hint(Suggest.closest(to: explicit, in: sectionIDs.keys)) ?? ""
                    src.error("rule `\(rule.id)` names unknown section `\(explicit)`\(hint)", rule.location)
                }
                return explicit
            }
            for expr in [rule.check, rule.applies].compactMap({ $0 }) {
                var found: String?
                expr.root.forEachReference { c, q, _ in
                    guard found == nil, c == nil || c == checklistID else { return }
                    found = questionSection[q]
                }
                if let found { return found }
            }
            return Section.generalID
        }

        mutating func section(_ node: YNode, questionSeen: inout [String: SourceLocation]) -> Section? {
            guard let f = src.fields(node, what: "a section", allowed: sectionFields,
                                     required: ["id", "title", "questions"]) else { return nil }
            guard let id = src.string(f["id"]?.value, field: "id") else { return nil }
            let location = src.location(f["id"]!.value)
            if !isValidRuleID(id) {
                src.error("section id `\(id)` must use letters, digits, `_` and `-`", location)
            }
            var questions: [Question] = []
            if let qs = f["questions"]?.value, !YAMLSource.isNull(qs) {
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
            return Section(id: id, title: src.string(f["title"]?.value, field: "title") ?? "",
                           help: src.string(f["help"]?.value, field: "help"), questions: questions,
                           location: location)
        }

        mutating func checkSource(_ node: YNode?) -> String? {
            guard let s = src.string(node, field: "source"), let node else { return nil }
            let filePart = Citation(s)?.file ?? s
            if !sources.contains(filePart) {
                let listed = sources.isEmpty ? "the checklist lists no `sources`" : "listed: " + sources.sorted().joined(separator: ", ")
                src.error("source file `\(filePart)` is not listed in the checklist's `sources` (\(listed))", src.location(node))
            }
            return s
        }

        mutating func question(_ node: YNode, sectionID: String) -> Question? {
            guard let f = src.fields(node, what: "a question", allowed: questionFields,
                                     required: ["id", "prompt", "type"]) else { return nil }
            guard let id = src.string(f["id"]?.value, field: "id") else { return nil }
            let idLocation = src.location(f["id"]!.value)
            var ok = true
            if !isValidQuestionID(id) {
                src.error("question id `\(id)` must start with a letter and use only letters, digits and `_` (and not be a keyword or function name)", idLocation)
                ok = false
            }
            let prompt = src.string(f["prompt"]?.value, field: "prompt") ?? ""
            var type = QuestionType.text
            if let typeNode = f["type"]?.value, let typeText = src.string(typeNode, field: "type") {
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
            q.allowNA = src.bool(f["allow_na"]?.value, field: "allow_na") ?? false
            q.help = src.string(f["help"]?.value, field: "help")
            q.unit = src.string(f["unit"]?.value, field: "unit")
            if let entry = f["integer"], let integer = src.bool(entry.value, field: "integer") {
                if type == .number { q.integer = integer } else {
                    src.error("`integer` applies only to number questions", src.location(entry.key))
                }
            }
            q.measure = src.string(f["measure"]?.value, field: "measure")
            q.measureLocation = f["measure"].map { src.location($0.value) }
            if let periodNode = f["measure_period"]?.value, let text = src.string(periodNode, field: "measure_period") {
                if let period = MeasurePeriod(rawValue: text) {
                    q.measurePeriod = period
                } else {
                    src.error("unknown measure_period `\(text)`; accepted: \(MeasurePeriod.allCases.map(\.rawValue).joined(separator: ", "))", src.location(periodNode))
                }
                if q.measure == nil { src.warning("`measure_period` matters only with `measure:`", src.location(periodNode)) }
            }
            q.source = checkSource(f["source"]?.value)
            if let whenNode = f["when"]?.value, !YAMLSource.isNull(whenNode) {
                q.when = src.expression(whenNode, field: "when")
                if q.when == nil { ok = false }
            }

            let needsChoices = type == .choice || type == .multi
            if let entry = f["choices"], !YAMLSource.isNull(entry.value) {
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
                } else if f["type"] != nil && QuestionType(rawValue: f["type"]!.value.scalar?.string ?? "") != nil {
                    src.error("`choices` is only for choice and multi questions; `\(id)` is of type \(type.rawValue)", src.location(entry.key))
                }
            } else if needsChoices {
                src.error("question `\(id)` of type \(type.rawValue) needs `choices`", src.location(node))
                ok = false
            }

            for key in ["min", "max"] {
                guard let entry = f[key], !YAMLSource.isNull(entry.value) else { continue }
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
                if key == "min" { q.min = value } else { q.max = value }
            }
            if let lo = q.min, let hi = q.max, lo > hi, let maxNode = f["max"]?.value {
                src.error("`min` (\(f["min"]!.value.scalar?.string ?? "")) is greater than `max` (\(maxNode.scalar?.string ?? ""))", src.location(maxNode))
                ok = false
            }

            if let defaultNode = f["default"]?.value, let text = src.string(defaultNode, field: "default"), ok {
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
                    guard let f = src.fields(item, what: "a choice", allowed: ["label", "exclusive"], required: ["label"]),
                          let labelNode = f["label"]?.value, let label = src.string(labelNode, field: "label") else { continue }
                    out.append((label, labelNode, src.bool(f["exclusive"]?.value, field: "exclusive") ?? false))
                } else if let label = item.scalar?.string {
                    out.append((label, item, false))
                } else {
                    src.error("items of `choices` must be labels or {label, exclusive} mappings", src.location(item))
                }
            }
            return out
        }

        mutating func rule(_ node: YNode) -> Rule? {
            guard let f = src.fields(node, what: "a rule", allowed: ruleFields,
                                     required: ["id", "title", "check", "severity"]) else { return nil }
            guard let id = src.string(f["id"]?.value, field: "id") else { return nil }
            let idLocation = src.location(f["id"]!.value)
            if !isValidRuleID(id) {
                src.error("rule id `\(id)` must start with a letter and use letters, digits, `_` and `-`", idLocation)
            }
            var severity: Severity?
            if let sevNode = f["severity"]?.value, let text = src.string(sevNode, field: "severity") {
                severity = Severity(rawValue: text)
                if severity == nil {
                    let hint = Suggest.hint(Suggest.closest(to: text, in: Severity.allCases.map(\.rawValue))).map { $0 + " " } ?? "; "
                    src.error("unknown severity `\(text)`\(hint)accepted: \(Severity.acceptedList)", src.location(sevNode))
                }
            }
            var points: Double?
            if let pNode = f["points"]?.value, let p = src.number(pNode, field: "points") {
                if p < 0 { src.error("`points` must not be negative", src.location(pNode)) } else { points = p }
            }
            let applies = f["applies"].flatMap { YAMLSource.isNull($0.value) ? nil : src.expression($0.value, field: "applies") }
            let check = f["check"].flatMap { src.expression($0.value, field: "check") }
            let title = src.string(f["title"]?.value, field: "title") ?? ""
            let finding = src.string(f["finding"]?.value, field: "finding")
            let recommendation = src.string(f["recommendation"]?.value, field: "recommendation")
            let source = checkSource(f["source"]?.value)
            let section = src.string(f["section"]?.value, field: "section")
            var capSetting = CapSetting.byDefault
            if let capNode = f["caps"]?.value, let text = src.string(capNode, field: "caps") {
                if text.lowercased() == "none" {
                    capSetting = .none
                } else if let band = Band(label: text), band != .leading {
                    capSetting = .band(band)
                } else {
                    src.error("unknown cap `\(text)`; a rule may cap at at risk, developing or strong, or say none", src.location(capNode))
                }
            }
            guard let check, let severity else { return nil }
            if f["applies"] != nil && !YAMLSource.isNull(f["applies"]!.value) && applies == nil { return nil }
            var rule = Rule(id: id, title: title, applies: applies, check: check, severity: severity,
                            explicitPoints: points, finding: finding, recommendation: recommendation, source: source,
                            explicitSection: section, location: src.location(node), idLocation: idLocation)
            rule.problem = src.string(f["problem"]?.value, field: "problem")
            rule.theme = src.string(f["theme"]?.value, field: "theme").map(ThemeRef.init)
            rule.themeLocation = f["theme"].map { src.location($0.value) }
            rule.capSetting = capSetting
            rule.untested = src.string(f["untested"]?.value, field: "untested")
            rule.bar = src.string(f["bar"]?.value, field: "bar")
            return rule
        }

        mutating func example(_ node: YNode) -> Example? {
            guard let f = src.fields(node, what: "an example", allowed: exampleFields,
                                     required: ["name"]) else { return nil }
            let name = src.string(f["name"]?.value, field: "name") ?? ""
            var answers: [Example.Answer] = []
            if let aNode = f["answers"]?.value, !YAMLSource.isNull(aNode),
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
            if let eNode = f["expect"]?.value, !YAMLSource.isNull(eNode),
               let e = src.fields(eNode, what: "`expect`", allowed: expectFields, required: []) {
                func ids(_ key: String) -> [String]? {
                    guard let items = src.strings(e[key]?.value, field: key) else {
                        return e[key] != nil && YAMLSource.isNull(e[key]!.value) ? [] : nil
                    }
                    for (id, n) in items where expect.ruleLocations[id] == nil { expect.ruleLocations[id] = src.location(n) }
                    return items.map(\.0)
                }
                expect.fails = ids("fails")
                expect.passes = ids("passes")
                expect.open = ids("open")
                expect.notApplicable = ids("not_applicable")
                expect.provisional = src.bool(e["provisional"]?.value, field: "provisional")
                if let bNode = e["band"]?.value, let b = src.string(bNode, field: "band") {
                    expect.band = Band(label: b)
                    if expect.band == nil {
                        src.error("unknown band `\(b)`; bands are: \(Band.allCases.map(\.label).joined(separator: ", "))", src.location(bNode))
                    }
                }
                expect.score = src.number(e["score"]?.value, field: "score")
                if let rNode = e["score_between"]?.value, let items = src.strings(rNode, field: "score_between") {
                    let values = items.compactMap { AnswerParser.parseNumber($0.0) }
                    if values.count == 2, values[0] <= values[1] {
                        expect.scoreBetween = values[0]...values[1]
                    } else {
                        src.error("`score_between` must be two numbers, low then high, such as [30, 50]", src.location(rNode))
                    }
                }
            }
            return Example(name: name, answers: answers, expect: expect, location: src.location(node),
                           expectLocation: f["expect"].map { src.location($0.key) })
        }
    }
}
