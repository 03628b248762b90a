import Dispatch
import Threads

/// The second pass of loading, over all files together: duplicate checklist ids, reference
/// resolution and type checking, cyclic `when`s, and example answers and expectations.
/// Every lookup is a dictionary lookup, so loading grows linearly with the checklists' size.
enum SetValidator {
    /// Loads and checks `files` together. From `parallelFrom` rules, a checklist's rules are read
    /// and the set's checks run on the other core as well (the tests set it low).
    static func load(_ files: [(file: String, text: String)],
                     parallelFrom: Int = ChecklistLoader.parallelRulesFrom) -> (ChecklistSet, [Diagnostic]) {
        var perFile: [[Diagnostic]] = []
        var parsed: [Checklist] = []
        var parsedFileIndex: [Int] = []
        var seenIDs: [String: String] = [:]
        for (i, (input, first)) in zip(files, parseEach(files, parallelFrom: parallelFrom)).enumerated() {
            var (checklist, diagnostics) = first
            if let c = checklist, !c.id.isEmpty {
                if let firstFile = seenIDs[c.id] {
                    diagnostics.append(.error("duplicate checklist id `\(c.id)`; already loaded from \(firstFile)", at: c.idLocation))
                    checklist = nil
                } else {
                    seenIDs[c.id] = input.file
                }
            } else {
                checklist = nil
            }
            perFile.append(diagnostics)
            if let checklist {
                parsed.append(checklist)
                parsedFileIndex.append(i)
            }
        }
        // References resolve against every parsed checklist, even one with errors of its own,
        // so one broken file does not bury its neighbours in "unknown checklist" errors.
        let all = ChecklistSet(unchecked: parsed)
        // The two checks over the whole set read it only: with thousands of rules they run on
        // the other core while this one type-checks each checklist.
        let setChecks = { (cycles(in: all), duplicateRules(in: all)) }
        let rules = parsed.reduce(0) { $0 + $1.rules.count }
        let checking = rules >= parallelFrom ? BackgroundJob(setChecks) : nil
        for (k, checklist) in parsed.enumerated() {
            let (diagnostics, reads) = validate(checklist, in: all)
            perFile[parsedFileIndex[k]] += diagnostics
            parsed[k].ruleReads = reads
        }
        // The job throws nothing.
        let (cycleProblems, duplicateProblems) = (try? checking?.result().get()) ?? setChecks()
        for (k, diagnostics) in cycleProblems {
            if let fileIndex = files.firstIndex(where: { $0.file == k }) { perFile[fileIndex] += diagnostics }
        }
        for (k, diagnostics) in duplicateProblems {
            if let fileIndex = files.firstIndex(where: { $0.file == k }) { perFile[fileIndex] += diagnostics }
        }
        var usable: [Checklist] = []
        for (k, checklist) in parsed.enumerated() where !perFile[parsedFileIndex[k]].hasErrors {
            usable.append(checklist)
        }
        let ordered = perFile.flatMap { diagnostics in
            diagnostics.enumerated().sorted {
                ($0.element.location.line, $0.element.location.column, $0.offset)
                    < ($1.element.location.line, $1.element.location.column, $1.offset)
            }.map(\.element)
        }
        return (ChecklistSet(unchecked: usable), ordered)
    }

    /// The structural pass of every file. Files are independent until references resolve, so
    /// several are parsed on all cores at once (the three built-ins load in about half the time
    /// on two cores, which every command that loads them feels).
    static func parseEach(_ files: [(file: String, text: String)],
                          parallelFrom: Int = ChecklistLoader.parallelRulesFrom) -> [(Checklist?, [Diagnostic])] {
        guard files.count > 1 else {
            return files.map { ChecklistLoader.parse(text: $0.text, file: $0.file, parallelRulesFrom: parallelFrom) }
        }
        var results = [(Checklist?, [Diagnostic])](repeating: (nil, []), count: files.count)
        results.withUnsafeMutableBufferPointer { buffer in
            // Each iteration writes only its own slot, so the slots need no lock.
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: files.count) { i in
                slots[i] = ChecklistLoader.parse(text: files[i].text, file: files[i].file, parallelRulesFrom: parallelFrom)
            }
        }
        return results
    }

    /// Resolves the names an expression of `checklist` reads; `reading` is told the number of
    /// each question or target of `checklist` itself that a name resolves to.
    static func resolver(for checklist: Checklist, in all: ChecklistSet, reading: ((Int) -> Void)? = nil)
        -> (String?, String) -> TypeChecker.Resolution {
        // The checklist is read where it is, not copied into a local: a copy retains every one
        // of its lists, at each of the thousands of names the type checker resolves.
        func unknown(_ q: String, in target: Checklist) -> TypeChecker.Resolution {
            .unknownQuestion(suggestion: Suggest.closest(to: q, in: target.questionIDs))
        }
        // Where the last name of `checklist` was found: the next one is often there or just
        // after it (rules tend to read questions in order), which saves a lookup by name.
        var near: Checklist.QuestionPosition?
        return { c, q in
            if let c, c != checklist.id {
                guard let other = all.checklist(c) else { return .unknownChecklist }
                guard let question = other.question(q) else { return unknown(q, in: other) }
                return .question(question, checklistID: other.id)
            }
            guard let (question, number) = checklist.numbered(q, near: &near) else { return unknown(q, in: checklist) }
            reading?(number)
            return .question(question, checklistID: checklist.id)
        }
    }

    /// The problems of `checklist` found against the whole set, and the questions each of its
    /// rules reads (`Checklist.RuleReads`).
    static func validate(_ checklist: Checklist, in all: ChecklistSet) -> ([Diagnostic], Checklist.RuleReads) {
        var out: [Diagnostic] = []
        var reads = Checklist.RuleReads()
        reads.ends.reserveCapacity(checklist.rules.count + 1)
        var readingRule = false
        let resolve = resolver(for: checklist, in: all) { number in
            // A name read twice by a rule (`q contains "x" or count(q) >= 2`) is kept once.
            guard readingRule, reads.numbers.count == Int(reads.ends[reads.ends.count - 1])
                    || reads.numbers[reads.numbers.count - 1] != Int32(number) else { return }
            reads.numbers.append(Int32(number))
        }
        // The tree alone is taken to be checked; the whole expression (text and positions, four
        // references to retain and release) only when it has errors to place.
        func check(_ root: Expr?, _ field: String, _ expression: () -> RuleExpression?) {
            guard let root else { return }
            let errors = TypeChecker.checkCondition(root, field: field, resolve: resolve)
            guard !errors.isEmpty, let expr = expression() else { return }
            // One expression can hold thousands of the same mistake (a list of 20,000 unknown
            // choices): the first few say what is wrong, a count says how much.
            for e in errors.prefix(DiagnosticRenderer.limit) {
                out.append(.error("in `\(field)`: \(e.message)", at: expr.location(ofOffset: e.offset)))
            }
            if errors.count > DiagnosticRenderer.limit {
                let more = errors.count - DiagnosticRenderer.limit
                out.append(.error("in `\(field)`: \(more.counted("more error")) like these in this expression",
                                  at: expr.location(ofOffset: errors[DiagnosticRenderer.limit].offset)))
            }
        }
        // Nested loops rather than `allQuestions`, which copies every question into a new array.
        for section in checklist.sections {
            for question in section.questions { check(question.when?.root, "when") { question.when } }
        }
        readingRule = true
        for rule in checklist.rules {
            check(rule.applies?.root, "applies") { rule.applies }
            check(rule.check.root, "check") { rule.check }
            reads.ends.append(Int32(reads.numbers.count))
            if let theme = rule.theme {
                let owner = theme.checklist ?? checklist.id
                let at = rule.themeLocation ?? rule.location
                if let other = all.checklist(owner) {
                    if other.theme(theme.id) == nil {
                        let known = other.themes.map(\.id)
                        let hint = Suggest.hint(Suggest.closest(to: theme.id, in: known))
                            ?? (known.isEmpty ? "; `\(owner)` declares no `themes`" : "; themes of `\(owner)` are " + known.joined(separator: ", "))
                        out.append(.error("rule `\(rule.id)` names unknown theme `\(theme)`\(hint)", at: at))
                    }
                } else {
                    out.append(.error("rule `\(rule.id)` names theme `\(theme)` of checklist `\(owner)`, which is not loaded", at: at))
                }
            }
        }
        readingRule = false
        for example in checklist.examples {
            for answer in example.answers {
                let key = answer.checklistID.map { "\($0).\(answer.questionID)" } ?? answer.questionID
                let target: Checklist
                if let c = answer.checklistID, c != checklist.id {
                    guard let other = all.checklist(c) else {
                        out.append(.error("example \"\(example.name)\": unknown checklist `\(c)` in answer key `\(key)`", at: answer.keyLocation))
                        continue
                    }
                    target = other
                } else {
                    target = checklist
                }
                guard let question = target.question(answer.questionID) else {
                    let hint = Suggest.hint(Suggest.closest(to: answer.questionID, in: target.questionIDs)) ?? ""
                    out.append(.error("example \"\(example.name)\": unknown question `\(key)`\(hint)", at: answer.keyLocation))
                    continue
                }
                if case .failure(let e) = question.parse(answer.text) {
                    out.append(.error("example \"\(example.name)\": answer `\(answer.text)` to `\(key)` is rejected: \(e)", at: answer.valueLocation))
                }
            }
            let lists = [example.expect.fails, example.expect.passes, example.expect.open, example.expect.notApplicable].compactMap { $0 }
            var reported = Set<String>()
            for id in lists.joined() where checklist.rule(id) == nil && reported.insert(id).inserted {
                let hint = Suggest.hint(Suggest.closest(to: id, in: checklist.rules.map(\.id))) ?? ""
                out.append(.error("example \"\(example.name)\": unknown rule `\(id)` in `expect`\(hint)",
                                  at: example.expect.ruleLocations[id] ?? example.location))
            }
        }
        return (out, reads)
    }

    /// Two rules with the same `check` and `applies` (references qualified, so a cross-checklist
    /// rule compares with the rule it restates) judge one practice twice: unless they share a
    /// theme, the later one gets a warning at its `check`. Grouped by file.
    static func duplicateRules(in all: ChecklistSet) -> [String: [Diagnostic]] {
        // Printing both expressions of every rule was most of this check's cost at 10,000 rules;
        // a hash of their structure finds the rules that may repeat another, and only those are
        // printed and compared.
        func shapeHash(_ rule: Rule, in checklistID: String) -> Int {
            var hasher = Hasher()
            rule.check.root.hashShape(into: &hasher, in: checklistID)
            // No `applies` compares as `applies: true`, as in the printed key.
            (rule.applies?.root ?? Expr(.bool(true), at: 0)).hashShape(into: &hasher, in: checklistID)
            return hasher.finalize()
        }
        let hashes = all.checklists.map { checklist in checklist.rules.map { shapeHash($0, in: checklist.id) } }
        // The hashes that occur more than once, found by sorting them rather than by counting
        // each in a table: at 100,000 rules every count in a table missed the cache.
        var sorted = hashes.flatMap { $0 }
        sorted.sort()
        var repeated = Set<Int>()
        for i in sorted.indices.dropFirst() where sorted[i] == sorted[i - 1] { repeated.insert(sorted[i]) }
        var first: [String: (checklistID: String, rule: Rule, theme: String)] = [:]
        var out: [String: [Diagnostic]] = [:]
        for (c, checklist) in all.checklists.enumerated() where !repeated.isEmpty {
            for (r, rule) in checklist.rules.enumerated() where repeated.contains(hashes[c][r]) {
                let key = ExpressionPrinter.print(rule.check.root.qualified(in: checklist.id)) + " | "
                    + (rule.applies.map { ExpressionPrinter.print($0.root.qualified(in: checklist.id)) } ?? "true")
                let theme = rule.theme?.key(in: checklist.id) ?? "rule:\(checklist.id).\(rule.id)"
                guard let earlier = first[key] else {
                    first[key] = (checklist.id, rule, theme)
                    continue
                }
                guard earlier.theme != theme else { continue }
                let name = earlier.checklistID == checklist.id ? earlier.rule.id : "\(earlier.checklistID).\(earlier.rule.id)"
                out[checklist.file, default: []].append(.warning(
                    "rule `\(rule.id)` has the same `check` and `applies` as `\(name)` (\(earlier.rule.check.location)): one practice judged twice; put both in one theme (a restatement carries points: 0) or remove one",
                    at: rule.check.location))
            }
        }
        return out
    }

    /// Finds cycles among `when` dependencies with an iterative depth-first search (no recursion,
    /// so a long chain cannot overflow the stack). Returns diagnostics grouped by file.
    static func cycles(in all: ChecklistSet) -> [String: [Diagnostic]] {
        // Only questions with a `when` have edges, so only they can be on a cycle: they are
        // numbered once (one lookup each) and the search runs over those numbers, where it
        // had kept its edges, colours and conditions in tables keyed by name.
        struct Conditioned { let ref: QuestionRef; let when: RuleExpression; let file: String }
        struct Edge { let to: Int; let offset: Int }
        var conditioned: [Conditioned] = []
        var numberOf: [QuestionRef: Int] = [:]
        for checklist in all.checklists {
            for section in checklist.sections {
                for q in section.questions {
                    guard let when = q.when else { continue }
                    let ref = QuestionRef(checklist: checklist.id, question: q.id)
                    guard numberOf[ref] == nil else { continue }
                    numberOf[ref] = conditioned.count
                    conditioned.append(Conditioned(ref: ref, when: when, file: checklist.file))
                }
            }
        }
        var edges = [[Edge]](repeating: [], count: conditioned.count)
        for (n, node) in conditioned.enumerated() {
            node.when.root.forEachReference { c, name, offset in
                if let to = numberOf[QuestionRef(checklist: c ?? node.ref.checklist, question: name)] {
                    edges[n].append(Edge(to: to, offset: offset))
                }
            }
        }
        var color = [UInt8](repeating: 0, count: conditioned.count)  // 1 = on the current path, 2 = done
        var out: [String: [Diagnostic]] = [:]
        for start in conditioned.indices where color[start] == 0 {
            var stack: [(node: Int, next: Int)] = [(start, 0)]
            color[start] = 1
            while !stack.isEmpty {
                let top = stack[stack.count - 1]
                if top.next >= edges[top.node].count {
                    color[top.node] = 2
                    stack.removeLast()
                    continue
                }
                stack[stack.count - 1].next += 1
                let edge = edges[top.node][top.next]
                switch color[edge.to] {
                case 0:
                    color[edge.to] = 1
                    stack.append((edge.to, 0))
                case 1:
                    // A back edge closes a cycle: report it at the reference that closes it.
                    let startIndex = stack.firstIndex { $0.node == edge.to }!
                    let from = conditioned[top.node]
                    let path = stack[startIndex...].map { conditioned[$0.node].ref } + [conditioned[edge.to].ref]
                    let names = path.map { $0.checklist == from.ref.checklist ? $0.question : $0.description }
                    out[from.file, default: []].append(.error(
                        "cyclic `when`: \(names.joined(separator: " → ")); a question cannot depend on itself",
                        at: from.when.location(ofOffset: edge.offset)))
                default:
                    break
                }
            }
        }
        return out
    }
}
