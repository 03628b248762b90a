/// Evaluates expressions against a session's answers with three-valued (Kleene) logic, plus
/// "not applicable".
///
/// Unknown (nil) comes from unanswered or skipped questions, questions whose `when` is not true,
/// and division by zero: `false and unknown` is false, `true or unknown` is true, `not unknown`
/// is unknown, and anything else with an unknown operand is unknown.
///
/// Not applicable (`Value.notApplicable`) comes from an answer of `n/a`: "this does not apply to
/// us". It propagates through everything strict (`not`, comparisons, arithmetic, `in`,
/// `contains`, lists, `count`, `min`, `max`) even past an unknown operand, since whatever the
/// other side turns out to be the result stays not applicable. In `and` and `or` a settling
/// side wins (`false and n/a` is false, `true or n/a` is true), then unknown (`unknown and n/a`
/// is unknown: the unknown may still settle it), then not applicable (`true and n/a`,
/// `false or n/a`). `answered(q)` is false for `n/a`; `na(q)` is true exactly when q is asked
/// and answered `n/a`. Neither is ever unknown.
///
/// There are no loops, so cost is linear in expression size; `when` results are cached per
/// question, so a whole checklist evaluates in linear time.
public final class Evaluator {
    /// The checklists references resolve against.
    public let set: ChecklistSet
    /// The answers being scored.
    public let answers: AnswerSheet
    /// What is known of each question and target looked at so far, by its checklist's place in
    /// the set and its number there (`Checklist.numbered(_:)`); a checklist's row is made when
    /// one of its questions is first looked at. Arrays by number, not a table by name: at
    /// 100,000 questions every lookup by name missed the cache, while a checklist's rules
    /// mostly read its questions in order.
    private var known: [[Known?]]
    /// The numbers the rule being judged reads (`Checklist.RuleReads`), of its checklist at
    /// `place` in the set: its names are found among them without a lookup by name.
    private var reads: (checklistID: String, place: Int, numbers: ArraySlice<Int32>)?

    /// A question as the rules see it.
    struct Known {
        /// The question's id, which tells which of the numbers a rule reads a name is.
        var id: String
        /// Its `when` is true (unknown or not applicable count as not asked).
        var asked: Bool
        /// The team gave an answer (a target's default is not one).
        var answered: Bool
        /// The answer's value (or a target's default) when asked; else nil.
        var value: Value?
    }

    /// A condition's outcome.
    public enum Truth: Sendable, Hashable {
        case `true`, `false`, unknown, notApplicable
    }

    /// Creates an evaluator for one set of answers.
    public init(set: ChecklistSet, answers: AnswerSheet) {
        self.set = set
        self.answers = answers
        known = Array(repeating: [], count: set.checklists.count)
    }

    /// An evaluator of the same answers for another thread, knowing which questions are asked
    /// as far as `other` has worked it out (an evaluator is one thread's: it keeps what it finds).
    init(startingFrom other: Evaluator) {
        set = other.set
        answers = other.answers
        known = other.known
    }

    /// Runs `body`, which judges rule `k` of `checklist` (at `place` in the set), with the
    /// numbers of what the rule reads at hand.
    func judging<R>(rule k: Int, of checklist: Checklist, at place: Int, _ body: () -> R) -> R {
        reads = checklist.ruleReads.of(rule: k).map { (checklist.id, place, $0) }
        defer { reads = nil }
        return body()
    }

    /// The value of `expr` written in checklist `checklistID`, or nil for unknown.
    public func evaluate(_ expr: Expr, in checklistID: String) -> Value? {
        switch expr.kind {
        case .number(let v): return .number(v)
        case .percent(let v): return .number(v / 100)
        case .duration(let s): return .duration(s)
        case .string(let s): return .string(s)
        case .bool(let b): return .bool(b)
        case .list(let items):
            var values: [Value] = []
            var unknown = false
            for item in items {
                switch evaluate(item, in: checklistID) {
                case .notApplicable?: return .notApplicable
                case nil: unknown = true
                case let v?: values.append(v)
                }
            }
            return unknown ? nil : .list(values)
        case .reference(let c, let q):
            return known(c, q, in: checklistID).value
        case .unary(.not, let x):
            switch evaluate(x, in: checklistID) {
            case .bool(let b)?: return .bool(!b)
            case .notApplicable?: return .notApplicable
            default: return nil
            }
        case .unary(.negate, let x):
            switch evaluate(x, in: checklistID) {
            case .number(let v)?: return .number(-v)
            case .duration(let v)?: return .duration(-v)
            case .notApplicable?: return .notApplicable
            default: return nil
            }
        case .binary(let op, let l, let r):
            return binary(op, l, r, checklistID)
        case .chain(let first, let links):
            return chain(first, links, checklistID)
        case .call(let f, let args):
            return call(f, args, checklistID)
        }
    }

    /// A condition's truth: a nil expression (absent `applies`/`when`) is true.
    public func outcome(_ expr: RuleExpression?, in checklistID: String) -> Truth {
        outcome(of: expr?.root, in: checklistID)
    }

    /// The truth of a condition's tree: a nil tree (absent `applies`/`when`) is true.
    func outcome(of root: Expr?, in checklistID: String) -> Truth {
        guard let root else { return .true }
        switch evaluate(root, in: checklistID) {
        case .bool(true)?: return .true
        case .bool(false)?: return .false
        case .notApplicable?: return .notApplicable
        default: return .unknown
        }
    }

    /// A condition's truth as a Bool: nil for unknown and for not applicable.
    public func truth(_ expr: RuleExpression?, in checklistID: String) -> Bool? {
        switch outcome(expr, in: checklistID) {
        case .true: return true
        case .false: return false
        case .unknown, .notApplicable: return nil
        }
    }

    /// Whether a question is asked: its `when` is true (unknown or not applicable count as not asked).
    public func isAsked(_ ref: QuestionRef) -> Bool { look(at: ref).asked }

    /// The answer's value when the question is asked and answered (`.notApplicable` for `n/a`);
    /// else unknown.
    public func value(of ref: QuestionRef) -> Value? { look(at: ref).value }

    /// What is known of the question `q` of checklist `c` (else `cid`) that an expression of
    /// checklist `cid` names: among the numbers the rule being judged reads when it is one of
    /// them and already settled (scoring settles a checklist's questions, on each core its
    /// half, before judging its rules), else by name.
    private func known(_ c: String?, _ q: String, in cid: String) -> Known {
        if let reads, c == nil || c == cid, cid == reads.checklistID, !known[reads.place].isEmpty {
            for n in reads.numbers where Int(n) < known[reads.place].count {
                if let k = known[reads.place][Int(n)], k.id == q { return k }
            }
        }
        return look(at: QuestionRef(checklist: c ?? cid, question: q))
    }

    /// What is known of the question `ref` names (not asked, for a name that is no question).
    private func look(at ref: QuestionRef) -> Known {
        guard let (place, number, when) = set.locate(ref) else {
            return Known(id: ref.question, asked: false, answered: false, value: nil)
        }
        return settled(place, number) ?? settle(ref, place: place, number: number, when: when)
    }

    /// What is known of `question`, number `number` of checklist `checklistID` at `place` in
    /// the set, for a caller holding the question: nothing is looked up by name.
    func look(at question: Question, number: Int, of checklistID: String, at place: Int) -> Known {
        settled(place, number) ?? settle(QuestionRef(checklist: checklistID, question: question.id), place: place,
                                         number: number, when: question.when)
    }

    /// What is known of number `number` of the checklist at `place`, if it is settled; the
    /// checklist's row is made, for every question and target, when first needed.
    private func settled(_ place: Int, _ number: Int) -> Known? {
        if known[place].isEmpty {
            known[place] = Array(repeating: nil, count: set.checklists[place].questionCount + set.checklists[place].targets.count)
        }
        return known[place][number]
    }

    /// Works out and records what is known of `ref`, number `number` of the checklist at
    /// `place`, whose condition is `when` (nil: always asked).
    private func settle(_ ref: QuestionRef, place: Int, number: Int, when: RuleExpression?) -> Known {
        var asked = true
        if let when {
            // Marked not asked while computing: a cycle (rejected at load time anyway) cannot
            // recurse forever.
            known[place][number] = Known(id: ref.question, asked: false, answered: false, value: nil)
            asked = outcome(when, in: ref.checklist) == .true
        }
        let answer = answers[ref]
        let k = Known(id: ref.question, asked: asked, answered: answer != nil,
                      value: asked ? (answer ?? set.targetDefault(ref)).map(Value.init) : nil)
        known[place][number] = k
        return k
    }

    /// `and`/`or` over several operands: a settling side wins, then unknown, then not applicable.
    private func junction(_ op: Expr.BinaryOp, _ values: some Sequence<Value?>) -> Value? {
        let settling = op == .or
        var unknown = false, notApplicable = false
        for value in values {
            switch value {
            case .bool(let b)? where b == settling: return .bool(settling)
            case .bool?: continue
            case .notApplicable?: notApplicable = true
            default: unknown = true
            }
        }
        if unknown { return nil }
        return notApplicable ? .notApplicable : .bool(!settling)
    }

    private func binary(_ op: Expr.BinaryOp, _ l: Expr, _ r: Expr, _ cid: String) -> Value? {
        let lv = evaluate(l, in: cid)
        let rv = evaluate(r, in: cid)
        if op == .and || op == .or { return junction(op, [lv, rv]) }
        // Strict operators: not applicable wins even over unknown.
        if lv == .notApplicable || rv == .notApplicable { return .notApplicable }
        guard let lv, let rv else { return nil }
        switch op {
        case .equal: return Self.equal(lv, rv).map { .bool($0) }
        case .notEqual: return Self.equal(lv, rv).map { .bool(!$0) }
        case .less, .lessEqual, .greater, .greaterEqual:
            guard let (a, b) = Self.ordered(lv, rv) else { return nil }
            switch op {
            case .less: return .bool(a < b)
            case .lessEqual: return .bool(a <= b)
            case .greater: return .bool(a > b)
            default: return .bool(a >= b)
            }
        case .in, .contains:
            let (element, collection) = op == .in ? (lv, rv) : (rv, lv)
            guard case .list(let items) = collection else { return nil }
            return .bool(items.contains { Self.equal(element, $0) == true })
        case .add, .subtract, .multiply, .divide:
            return Self.arithmetic(op, lv, rv)
        default:
            return nil
        }
    }

    /// A flat run of one operator, folded left to right as the nested binary tree would be.
    private func chain(_ first: Expr, _ links: [Expr.Link], _ cid: String) -> Value? {
        let op = links[0].op
        if op == .and || op == .or {
            return junction(op, ([first] + links.map(\.operand)).lazy.map { self.evaluate($0, in: cid) })
        }
        var acc = evaluate(first, in: cid)
        for link in links {
            let next = evaluate(link.operand, in: cid)
            if acc == .notApplicable || next == .notApplicable {
                acc = .notApplicable
                continue
            }
            guard let a = acc, let b = next else { acc = nil; continue }
            acc = Self.arithmetic(link.op, a, b)
        }
        return acc
    }

    /// Equality; lists compare as sets (a selection has no order); dates against ISO strings.
    static func equal(_ a: Value, _ b: Value) -> Bool? {
        switch (a, b) {
        case (.list(let x), .list(let y)): return Set(x) == Set(y)
        case (.date(let d), .string(let s)), (.string(let s), .date(let d)):
            return CalendarDate(iso: s).map { $0.dayNumber == d }
        default: return a == b
        }
    }

    private static func ordered(_ a: Value, _ b: Value) -> (Double, Double)? {
        switch (a, b) {
        case (.number(let x), .number(let y)), (.duration(let x), .duration(let y)): return (x, y)
        case (.date(let x), .date(let y)): return (Double(x), Double(y))
        case (.date(let x), .string(let s)): return CalendarDate(iso: s).map { (Double(x), Double($0.dayNumber)) }
        case (.string(let s), .date(let y)): return CalendarDate(iso: s).map { (Double($0.dayNumber), Double(y)) }
        default: return nil
        }
    }

    private static func arithmetic(_ op: Expr.BinaryOp, _ a: Value, _ b: Value) -> Value? {
        let day = 86400.0
        switch (op, a, b) {
        case (.add, .number(let x), .number(let y)): return .number(x + y)
        case (.subtract, .number(let x), .number(let y)): return .number(x - y)
        case (.multiply, .number(let x), .number(let y)): return .number(x * y)
        case (.divide, .number(let x), .number(let y)): return y == 0 ? nil : .number(x / y)
        case (.add, .duration(let x), .duration(let y)): return .duration(x + y)
        case (.subtract, .duration(let x), .duration(let y)): return .duration(x - y)
        case (.multiply, .duration(let x), .number(let y)), (.multiply, .number(let y), .duration(let x)):
            return .duration(x * y)
        case (.divide, .duration(let x), .number(let y)): return y == 0 ? nil : .duration(x / y)
        case (.divide, .duration(let x), .duration(let y)): return y == 0 ? nil : .number(x / y)
        case (.add, .date(let d), .duration(let s)), (.add, .duration(let s), .date(let d)):
            let days = ((Double(d) * day + s) / day).rounded(.down)
            return days.magnitude < 1e9 ? .date(Int(days)) : nil
        case (.subtract, .date(let d), .duration(let s)):
            let days = ((Double(d) * day - s) / day).rounded(.down)
            return days.magnitude < 1e9 ? .date(Int(days)) : nil
        case (.subtract, .date(let x), .date(let y)): return .duration(Double(x - y) * day)
        default: return nil
        }
    }

    private func call(_ f: Expr.Function, _ args: [Expr], _ cid: String) -> Value? {
        switch f {
        case .answered, .na:
            // Never unknown: the question either has that kind of answer where it is asked, or not.
            guard args.count == 1, case .reference(let c, let q) = args[0].kind else { return .bool(false) }
            let value = known(c, q, in: cid).value
            return .bool(f == .na ? value == .notApplicable : value != nil && value != .notApplicable)
        case .count:
            guard args.count == 1 else { return nil }
            switch evaluate(args[0], in: cid) {
            case .list(let items)?: return .number(Double(items.count))
            case .notApplicable?: return .notApplicable
            default: return nil
            }
        case .min, .max:
            var best: Value?
            var bestKey = 0.0
            var unknown = false
            for arg in args {
                let key: Double
                switch evaluate(arg, in: cid) {
                case .notApplicable?: return .notApplicable
                case nil: unknown = true; continue
                case let v?:
                    switch v {
                    case .number(let x), .duration(let x): key = x
                    case .date(let d): key = Double(d)
                    default: return nil
                    }
                    if best == nil || (f == .min ? key < bestKey : key > bestKey) {
                        best = v
                        bestKey = key
                    }
                }
            }
            return unknown ? nil : best
        }
    }
}
