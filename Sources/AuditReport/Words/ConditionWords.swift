import AuditKit

/// A question's `when` (or any rule expression) said in words, quoting prompts instead of ids:
/// `platforms contains "Google+"` reads “the answer to “Which platforms does the company use?”
/// includes Google+”. The report's body and its appendix show no expression syntax.
enum ConditionWords {
    /// Longest phrase worth printing; a longer one is replaced by a plain "a condition".
    static let maximumLength = 400

    /// The expression in words, or nil when it has a form the words below do not cover.
    static func describe(_ expression: RuleExpression, in checklistID: String, set: ChecklistSet) -> String? {
        let words = Phrase(checklistID: checklistID, set: set).condition(expression.root)
        guard let words, words.count <= maximumLength else { return nil }
        return words
    }

    private struct Phrase {
        let checklistID: String
        let set: ChecklistSet

        func condition(_ e: Expr) -> String? {
            switch e.kind {
            case .bool(let b): return b ? "always" : "never"
            case .reference:
                guard let subject = subject(e) else { return nil }
                return "\(subject) is yes"
            case .unary(.not, let inner):
                if case .reference = inner.kind, let subject = subject(inner) { return "\(subject) is no" }
                if let words = answered(inner, not: true) { return words }
                return condition(inner).map { "not (\($0))" }
            case .call(.answered, _), .call(.na, _):
                return answered(e)
            case .binary(let op, let left, let right):
                return binary(op, left, right)
            case .chain(let first, let links):
                guard links.allSatisfy({ $0.op == .and }) || links.allSatisfy({ $0.op == .or }) else { return nil }
                var parts: [String] = []
                for operand in [first] + links.map(\.operand) {
                    guard let part = condition(operand) else { return nil }
                    parts.append(part)
                }
                return parts.joined(separator: links.first?.op == .and ? " and " : " or ")
            default:
                return nil
            }
        }

        /// `answered(q)` and `na(q)`, or with `not` their negations: `“…” is (not) answered (not applicable)`.
        private func answered(_ e: Expr, not negated: Bool = false) -> String? {
            guard case .call(let f, let args) = e.kind, f == .answered || f == .na, args.count == 1,
                  let prompt = prompt(args[0]) else { return nil }
            return "“\(prompt)” is \(negated ? "not " : "")answered" + (f == .na ? " not applicable" : "")
        }

        private func binary(_ op: Expr.BinaryOp, _ left: Expr, _ right: Expr) -> String? {
            switch op {
            case .and, .or:
                guard let l = condition(left), let r = condition(right) else { return nil }
                return "\(l) \(op == .and ? "and" : "or") \(r)"
            case .contains:
                guard let subject = subject(left), let item = literal(right) else { return nil }
                return "\(subject) includes \(item)"
            case .in:
                if let subject = subject(right), let item = literal(left) { return "\(subject) includes \(item)" }
                guard let subject = subject(left), case .list(let items) = right.kind else { return nil }
                let names = items.compactMap(literal)
                guard names.count == items.count, !names.isEmpty else { return nil }
                return "\(subject) is \(names.count == 1 ? names[0] : "one of " + Self.either(names))"
            default:
                guard op.isComparison else { return nil }
                if let subject = subject(left), let value = literal(right) { return "\(subject) \(Self.verb(op)) \(value)" }
                if let subject = subject(right), let value = literal(left) { return "\(subject) \(Self.verb(Self.flipped(op))) \(value)" }
                return nil
            }
        }

        /// `the answer to “…”`, or `the number of answers to “…”` for `count(q)`.
        private func subject(_ e: Expr) -> String? {
            if case .call(.count, let args) = e.kind, args.count == 1, let prompt = prompt(args[0]) {
                return "the number of answers chosen for “\(prompt)”"
            }
            return prompt(e).map { "the answer to “\($0)”" }
        }

        private func prompt(_ e: Expr) -> String? {
            guard case .reference(let checklist, let question) = e.kind else { return nil }
            return set.question(QuestionRef(checklist: checklist ?? checklistID, question: question))?.prompt
        }

        private func literal(_ e: Expr) -> String? {
            switch e.kind {
            // A choice of several words is quoted, or "is not only the company account is used"
            // reads as one sentence; a single word (Pinterest) reads fine bare.
            case .string(let s): return s.contains(" ") ? "“\(s)”" : s
            case .number(let v): return ExpressionPrinter.formatNumber(v)
            case .percent(let v): return ExpressionPrinter.formatNumber(v) + "%"
            case .duration(let s): return AnswerValue.duration(seconds: s).displayText
            case .bool(let b): return b ? "yes" : "no"
            case .unary(.negate, let inner): return literal(inner).map { "-" + $0 }
            default: return nil
            }
        }

        private static func verb(_ op: Expr.BinaryOp) -> String {
            switch op {
            case .equal: "is"
            case .notEqual: "is not"
            case .less: "is less than"
            case .lessEqual: "is at most"
            case .greater: "is more than"
            default: "is at least"
            }
        }

        private static func flipped(_ op: Expr.BinaryOp) -> Expr.BinaryOp {
            switch op {
            case .less: .greater
            case .lessEqual: .greaterEqual
            case .greater: .less
            case .greaterEqual: .lessEqual
            default: op
            }
        }

        /// `a, b or c`.
        static func either(_ names: [String]) -> String {
            names.count < 2 ? names.joined() : names.dropLast().joined(separator: ", ") + " or " + names[names.count - 1]
        }
    }
}
