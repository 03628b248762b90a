/// Checks of the problem catalogue that need the whole set and its examples: one business
/// problem found twice, and "nothing" that can be said two ways.
enum ProblemChecks {
    /// Two rules in different problems that read exactly the same questions and come to the same
    /// outcome in every example of the set judge one problem twice: the report would show it
    /// as two findings and the score would charge it twice. A warning at the later rule's
    /// `check`, an error with `strict`; only for rules of `files`.
    static func sameAnswersInTwoProblems(in set: ChecklistSet, files: Set<String>, strict: Bool) -> [Diagnostic] {
        struct Entry { let checklist: Checklist; let rule: Rule; let problem: String }
        var groups: [[QuestionRef]: [Entry]] = [:]
        var order: [[QuestionRef]] = []
        for checklist in set.checklists {
            for rule in checklist.rules where rule.points > 0 {
                let refs = Scorer.references(of: rule, in: checklist.id).sorted { "\($0)" < "\($1)" }
                let problem = rule.theme?.key(in: checklist.id) ?? "\(checklist.id).\(rule.id)"
                if groups[refs] == nil { order.append(refs) }
                groups[refs, default: []].append(Entry(checklist: checklist, rule: rule, problem: problem))
            }
        }
        let candidates = order.compactMap { groups[$0] }.filter { Set($0.map(\.problem)).count > 1 }
        guard !candidates.isEmpty else { return [] }
        // Every example of the set, scored once each.
        var sheets: [AnswerSheet] = []
        for checklist in set.checklists {
            for example in checklist.examples { sheets.append(ExampleRunner.answers(of: example, of: checklist, in: set).0) }
        }
        let evaluators = sheets.map { Evaluator(set: set, answers: $0) }
        var out: [Diagnostic] = []
        for entries in candidates {
            let outcomes = entries.map { e in evaluators.map { Scorer.status(of: e.rule, in: e.checklist.id, evaluator: $0) } }
            for (i, later) in entries.enumerated() where files.contains(later.checklist.file) {
                guard let j = entries.indices.first(where: { $0 < i && entries[$0].problem != later.problem && outcomes[$0] == outcomes[i] })
                else { continue }
                let earlier = entries[j]
                let name = earlier.checklist.id == later.checklist.id ? earlier.rule.id : "\(earlier.checklist.id).\(earlier.rule.id)"
                let message = "rule `\(later.rule.id)` reads the same answers as `\(name)` (\(earlier.rule.check.location)) and comes to the same outcome in every example, but they are in different problems (`\(later.problem)`, `\(earlier.problem)`): one business problem found twice; put both in one problem (`theme:`)"
                out.append(strict ? .error(message, at: later.rule.check.location) : .warning(message, at: later.rule.check.location))
            }
        }
        return out
    }

    /// A rule that tests for a "nothing" choice (`none yet`, `no …`) of a multi question that
    /// does not declare it exclusive: `none` typed at the prompt is then no choice at all, and
    /// scores differently from choosing it. A warning at the rule's `check`, an error with `strict`.
    static func nothingChoicesNotExclusive(in checklist: Checklist, set: ChecklistSet, strict: Bool) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for rule in checklist.rules {
            for expression in [rule.check, rule.applies].compactMap({ $0 }) {
                expression.root.forEachChoiceTest { c, q, label in
                    let ref = QuestionRef(checklist: c ?? checklist.id, question: q)
                    guard let question = set.question(ref), question.type == .multi,
                          question.choices.contains(label), !question.exclusiveChoices.contains(label) else { return }
                    let lower = label.lowercased()
                    guard lower.hasPrefix("none") || lower.hasPrefix("no ") || lower == "nothing" else { return }
                    let message = "rule `\(rule.id)` tests `\(label)` of `\(ref)`, which is not exclusive, so a typed `none` scores differently from choosing it; write the choice as `{label: \(label), exclusive: true}`"
                    out.append(strict ? .error(message, at: expression.location) : .warning(message, at: expression.location))
                }
            }
        }
        return out
    }
}

extension Expr {
    /// Calls `body` for every `question contains "label"` and `"label" in question` in the tree.
    func forEachChoiceTest(_ body: (_ checklist: String?, _ question: String, _ label: String) -> Void) {
        switch kind {
        case .binary(let op, let l, let r):
            if op == .contains, case .reference(let c, let q) = l.kind, case .string(let label) = r.kind { body(c, q, label) }
            if op == .in, case .string(let label) = l.kind, case .reference(let c, let q) = r.kind { body(c, q, label) }
            l.forEachChoiceTest(body)
            r.forEachChoiceTest(body)
        case .list(let items), .call(_, let items): items.forEach { $0.forEachChoiceTest(body) }
        case .unary(_, let e): e.forEachChoiceTest(body)
        case .chain(let first, let links):
            first.forEachChoiceTest(body)
            for link in links { link.operand.forEachChoiceTest(body) }
        default: break
        }
    }
}
