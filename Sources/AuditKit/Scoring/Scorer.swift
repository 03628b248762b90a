import Threads

/// Scores answers against checklists. Each rule evaluates once, each question's `when` once,
/// so scoring is linear in the size of the checklists.
public enum Scorer {
    /// Scores the checklists with the given ids (all of the set when nil), in that order; a
    /// checklist without rules is left out. The failed rules of an `accepted` problem (its key,
    /// `four-mistakes.service-sent-away`) count as not applicable and are marked accepted: the
    /// team took the risk for now, so it weighs neither on the score nor on the band.
    public static func score(_ set: ChecklistSet, answers: AnswerSheet, checklists ids: [String]? = nil,
                             accepted: Set<String> = []) -> Scorecard {
        score(set, answers: answers, checklists: ids, accepted: accepted, parallelFrom: ChecklistLoader.parallelRulesFrom)
    }

    static func score(_ set: ChecklistSet, answers: AnswerSheet, checklists ids: [String]?,
                      accepted: Set<String>, parallelFrom: Int) -> Scorecard {
        let evaluator = Evaluator(set: set, answers: answers)
        // A checklist without rules (the organisation profile) informs the others but has
        // nothing to score.
        let places = (ids ?? set.ids).compactMap { set.place(of: $0) }.filter { !set.checklists[$0].rules.isEmpty }
        let scored = places.map { set.checklists[$0] }
        var numbering = ProblemNumbers(scored)
        var scores: [ChecklistScore] = []
        // Per checklist: each result's problem number, and its problems' tally (used again by the themes).
        var numbers: [[Int]] = []
        var checklistProblems: [ProblemPoints] = []
        for (checklist, place) in zip(scored, places) {
            let (score, ownNumbers, problems) = score(checklist, at: place, evaluator: evaluator, numbering: &numbering,
                                                      accepted: accepted, parallelFrom: parallelFrom)
            scores.append(score)
            numbers.append(ownNumbers)
            checklistProblems.append(problems)
        }
        var overall = ScoreSummary()
        for s in scores { overall.add(s.summary) }
        // Points overall come from the problems across checklists: a problem found by rules of
        // three checklists is charged once.
        var problems = ProblemPoints(problems: numbering.count)
        for c in scores.indices { problems.add(scores[c].results, numbers: numbers[c]) }
        problems.apply(to: &overall)
        // Gains need the totals, so they are filled in after every checklist is known. The
        // problems' largest failed points over every result are found once for all checklists
        // (and are a lone checklist's own).
        let overallTop = Self.largestFailed(scores.map(\.results), numbers: numbers, problems: numbering.count)
        for c in scores.indices {
            let top = scores.count == 1 ? overallTop
                : Self.largestFailed([scores[c].results], numbers: [numbers[c]], problems: numbering.count)
            let known = scores[c].summary.knownPoints
            for r in scores[c].results.indices where scores[c].results[r].status == .fail {
                let points = scores[c].results[r].points
                scores[c].results[r].gain = Self.gain(points, top: top[numbers[c][r]], known: known)
                scores[c].results[r].overallGain = Self.gain(points, top: overallTop[numbers[c][r]], known: overall.knownPoints)
            }
        }
        // A big scorecard's problems are grouped into themes on the other core while this one
        // finds the standings; neither changes what the other reads.
        let grouping = { [scores, numbering] in
            themes(scores, numbers: numbers, problems: numbering.count, overall: overall, set: set,
                   overallProblems: problems, checklistProblems: checklistProblems)
        }
        let grouped = scores.reduce(0) { $0 + $1.results.count } >= parallelFrom ? BackgroundJob(grouping) : nil
        for c in scores.indices {
            scores[c].standing = standing(scores[c].summary, results: [scores[c].results], evaluator: evaluator)
        }
        let overallStanding = standing(overall, results: scores.map(\.results), evaluator: evaluator)
        // The job throws nothing.
        return Scorecard(checklists: scores, overall: overall, standing: overallStanding,
                         themes: (try? grouped?.result().get()) ?? grouping())
    }

    /// The status of one rule: `applies` false or not applicable → not applicable; unknown →
    /// open; then `check` likewise.
    public static func status(of rule: Rule, in checklistID: String, evaluator: Evaluator) -> RuleStatus {
        // The trees alone are taken from the rule: a copy of a whole expression retains its
        // four references and releases them again, for every rule scored.
        switch evaluator.outcome(of: rule.applies?.root, in: checklistID) {
        case .false, .notApplicable: return .notApplicable
        case .unknown: return .open
        case .true:
            switch evaluator.outcome(of: rule.check.root, in: checklistID) {
            case .true: return .pass
            case .false: return .fail
            case .notApplicable: return .notApplicable
            case .unknown: return .open
            }
        }
    }

    /// The questions a rule reads (its `check`, then its `applies`), each once, in source order.
    public static func references(of rule: Rule, in checklistID: String) -> [QuestionRef] {
        var refs: [QuestionRef] = []
        var seen = Set<QuestionRef>()
        for expression in [rule.check, rule.applies].compactMap({ $0 }) {
            expression.root.forEachReference { c, q, _ in
                let ref = QuestionRef(checklist: c ?? checklistID, question: q)
                if seen.insert(ref).inserted { refs.append(ref) }
            }
        }
        return refs
    }

    /// One checklist's score, its results' problem numbers (numbered on from `numbering`), and
    /// its problems' tally.
    static func score(_ checklist: Checklist, at place: Int, evaluator: Evaluator, numbering: inout ProblemNumbers,
                      accepted: Set<String> = [], parallelFrom: Int = ChecklistLoader.parallelRulesFrom)
        -> (ChecklistScore, [Int], ProblemPoints) {
        // A big checklist (`parallelFrom` rules or more, as for loading it) is judged on both
        // cores: the second half of its questions is settled and counted, and the second half
        // of its rules judged, on the other one by an evaluator of its own. A rule reading a
        // question of the other half settles it again (the same answers give the same result):
        // most rules read questions near their own place in the file.
        var counts: [ScoreSummary]
        var results: [RuleResult]
        let rules = checklist.rules
        let sectionIndices = checklist.sections.indices
        if rules.count >= parallelFrom {
            let half = rules.count / 2
            let split = checklist.questionStarts.firstIndex { $0 >= checklist.questionCount / 2 } ?? sectionIndices.upperBound
            let secondHalf = { (evaluator: Evaluator) in
                (Self.questionCounts(checklist, sections: split..<sectionIndices.upperBound, at: place, evaluator: evaluator),
                 Self.results(of: rules[half...], in: checklist, at: place, evaluator: evaluator, accepted: accepted))
            }
            let other = Evaluator(startingFrom: evaluator)
            let later = BackgroundJob { secondHalf(other) }
            counts = Self.questionCounts(checklist, sections: 0..<split, at: place, evaluator: evaluator)
            results = Self.results(of: rules[..<half], in: checklist, at: place, evaluator: evaluator, accepted: accepted)
            // The job throws nothing.
            let (laterCounts, laterResults) = (try? later.result().get()) ?? secondHalf(evaluator)
            counts += laterCounts
            results += laterResults
        } else {
            counts = Self.questionCounts(checklist, sections: sectionIndices, at: place, evaluator: evaluator)
            results = Self.results(of: rules[...], in: checklist, at: place, evaluator: evaluator, accepted: accepted)
        }
        var sectionSummaries: [String: ScoreSummary] = [:]
        var total = ScoreSummary()
        for (section, s) in zip(checklist.sections, counts) {
            sectionSummaries[section.id] = s
            total.askedQuestions += s.askedQuestions
            total.answeredQuestions += s.answeredQuestions
        }
        let numbers = numbering.numbers(of: results)
        let problemCount = numbering.count
        // Rule counts are per rule; points per problem, charged once in each summary. A big
        // checklist's own tally is made on the other core while this one makes its sections'.
        let tally = { [results] in
            var problems = ProblemPoints(problems: problemCount)
            problems.add(results, numbers: numbers)
            return problems
        }
        let tallying = rules.count >= parallelFrom ? BackgroundJob(tally) : nil
        // Each section's rules gathered first, then counted and tallied one section at a time
        // in one table, cleared between sections.
        var sectionRules: [String: [Int]] = [:]
        for i in results.indices {
            sectionRules[results[i].sectionID, default: []].append(i)
            total.count(results[i].status, points: results[i].points)
        }
        var points = ProblemPoints(problems: problemCount)
        for (id, indices) in sectionRules {
            var summary = sectionSummaries[id] ?? ScoreSummary()
            for i in indices {
                summary.count(results[i].status, points: results[i].points)
                points.add(problem: numbers[i], status: results[i].status, points: results[i].points)
            }
            points.apply(to: &summary)
            points.clear()
            sectionSummaries[id] = summary
        }
        // The job throws nothing.
        let problems = (try? tallying?.result().get()) ?? tally()
        problems.apply(to: &total)
        var sections = checklist.sections.map {
            SectionScore(id: $0.id, title: $0.title, summary: sectionSummaries[$0.id] ?? ScoreSummary())
        }
        if let general = sectionSummaries[Section.generalID], checklist.section(Section.generalID) == nil {
            sections.append(SectionScore(id: Section.generalID, title: Section.generalTitle, summary: general))
        }
        let placeholder = Standing(summary: total, confidence: nil, caps: [], openCaps: [], missing: [], questionsToScore: 0)
        return (ChecklistScore(id: checklist.id, title: checklist.title, version: checklist.version,
                               summary: total, sections: sections, results: results, standing: placeholder), numbers, problems)
    }

    /// The asked and answered questions of each of `sections` of `checklist` (at `place` in
    /// the set), in order.
    private static func questionCounts(_ checklist: Checklist, sections: Range<Int>, at place: Int,
                                       evaluator: Evaluator) -> [ScoreSummary] {
        var counts: [ScoreSummary] = []
        counts.reserveCapacity(sections.count)
        var number = sections.isEmpty ? 0 : checklist.questionStarts[sections.lowerBound]
        for s in sections {
            var summary = ScoreSummary()
            for q in checklist.sections[s].questions {
                let known = evaluator.look(at: q, number: number, of: checklist.id, at: place)
                number += 1
                guard known.asked else { continue }
                summary.askedQuestions += 1
                if known.answered { summary.answeredQuestions += 1 }
            }
            counts.append(summary)
        }
        return counts
    }

    /// The results of `rules` of `checklist`, in order.
    private static func results(of rules: ArraySlice<Rule>, in checklist: Checklist, at place: Int, evaluator: Evaluator,
                                accepted: Set<String>) -> [RuleResult] {
        var results: [RuleResult] = []
        results.reserveCapacity(rules.count)
        for k in rules.indices {
            let rule = rules[k]
            var status = evaluator.judging(rule: k, of: checklist, at: place) { Self.status(of: rule, in: checklist.id, evaluator: evaluator) }
            var result = RuleResult(checklistID: checklist.id, rule: rule, status: status, points: rule.points)
            if !checklist.targets.isEmpty {
                // A finding or bar naming a target says the value judged: the team's or the default.
                let values: (QuestionRef) -> AnswerValue? = { evaluator.answers[$0] ?? evaluator.set.targetDefault($0) }
                let own: (QuestionRef) -> Bool = { evaluator.answers[$0] != nil }
                func fill(_ text: String) -> String { TargetWords.fill(text, checklistID: checklist.id, own: own, values: values) }
                var filled = rule
                filled.finding = filled.finding.map(fill)
                filled.bar = filled.bar.map(fill)
                filled.title = TargetWords.fill(filled.title, checklistID: checklist.id, values: values)
                filled.problem = filled.problem.map(fill)
                filled.recommendation = filled.recommendation.map(fill)
                result.rule = filled
            }
            if status == .fail, !accepted.isEmpty, accepted.contains(result.themeKey) {
                status = .notApplicable
                result.status = status
                result.isAccepted = true
            }
            if status == .notApplicable {
                result.notApplicableBecause = references(of: rule, in: checklist.id).filter { evaluator.value(of: $0) == .notApplicable }
            }
            results.append(result)
        }
        return results
    }

    /// Caps, confidence and the questions still needed, for one summary and its rules (one
    /// list per checklist, read in place rather than joined into one copy).
    static func standing(_ summary: ScoreSummary, results lists: [[RuleResult]], evaluator: Evaluator) -> Standing {
        func caps(_ status: RuleStatus) -> [Cap] {
            // One pass, no copy of the matching results (at 10,000 rules the copies cost more than scoring).
            var out: [Cap] = []
            for results in lists {
                for i in results.indices where results[i].status == status {
                    guard let band = results[i].cap else { continue }
                    let r = results[i]
                    out.append(Cap(band: band, checklistID: r.checklistID, ruleID: r.rule.id, title: r.rule.title, problem: r.rule.problemHeading))
                }
            }
            return out.sorted { $0.band < $1.band }
        }
        // The unanswered questions open rules wait for, and the points waiting on each.
        var waiting: [QuestionRef: Double] = [:]
        var order: [QuestionRef] = []
        var needs: [(points: Double, questions: [QuestionRef])] = []
        for results in lists {
            for i in results.indices where results[i].status == .open && results[i].points > 0 {
                let r = results[i]
                let missing = references(of: r.rule, in: r.checklistID).filter {
                    evaluator.isAsked($0) && evaluator.answers[$0] == nil && evaluator.set.targetDefault($0) == nil
                }
                guard !missing.isEmpty else { continue }
                needs.append((r.points, missing))
                for ref in missing {
                    if waiting[ref] == nil { order.append(ref) }
                    waiting[ref, default: 0] += r.points
                }
            }
        }
        let ranked = order.enumerated().sorted { a, b in
            let pa = waiting[a.element]!, pb = waiting[b.element]!
            return pa != pb ? pa > pb : a.offset < b.offset
        }.map { MissingQuestion(ref: $0.element, points: waiting[$0.element]!) }
        // Answering the questions worth most first: how many until a quarter of the points is known?
        var questionsToScore = 0
        let applicable = summary.knownPoints + summary.openPoints
        if applicable > 0, summary.knownPoints / applicable < ScoringPolicy.noScoreBelowConfidence {
            var answered = Set<QuestionRef>()
            var known = summary.knownPoints
            var settled = [Bool](repeating: false, count: needs.count)
            for question in ranked {
                answered.insert(question.ref)
                questionsToScore += 1
                for (i, need) in needs.enumerated() where !settled[i] && need.questions.allSatisfy(answered.contains) {
                    settled[i] = true
                    known += need.points
                }
                if known / applicable >= ScoringPolicy.noScoreBelowConfidence { break }
            }
        }
        return Standing(summary: summary, confidence: summary.confidence, caps: caps(.fail), openCaps: caps(.open),
                        missing: ranked, questionsToScore: questionsToScore)
    }

    /// For each failed rule of `results`: the score points gained if it alone passed, with the
    /// problems tallied over `among` (default: `results`). A rule that shares its problem with
    /// a failed rule worth as much gains nothing: the problem is still there.
    static func ruleGains(_ results: [RuleResult], among: [RuleResult]? = nil, known: Double) -> [Int: Double] {
        // Numbered by key (the scorer's own numbering needs the checklists).
        var numberOf: [String: Int] = [:]
        func number(_ r: RuleResult) -> Int {
            if let n = numberOf[r.themeKey] { return n }
            numberOf[r.themeKey] = numberOf.count
            return numberOf.count - 1
        }
        let pool = among ?? results
        let poolNumbers = pool.map(number)
        let numbers = results.map(number)
        let top = largestFailed([pool], numbers: [poolNumbers], problems: numberOf.count)
        var gains: [Int: Double] = [:]
        for (i, r) in results.enumerated() where r.status == .fail {
            gains[i] = gain(r.points, top: top[numbers[i]], known: known)
        }
        return gains
    }

    /// Per problem number, the two largest points of its failed rules (a repeated largest
    /// counts twice), which are all a gain needs: what passing one rule leaves is the largest
    /// of the others. Both are -infinity for a problem none of whose rules fails.
    static func largestFailed(_ lists: [[RuleResult]], numbers: [[Int]], problems: Int) -> [(first: Double, second: Double)] {
        var top = [(first: Double, second: Double)](repeating: (-.infinity, -.infinity), count: problems)
        for (results, numbers) in zip(lists, numbers) {
            for i in results.indices where results[i].status == .fail {
                Self.rank(results[i].points, into: &top[numbers[i]])
            }
        }
        return top
    }

    /// The score points a failed rule worth `points` gains if it alone passes, its problem's
    /// largest failed points being `top`.
    static func gain(_ points: Double, top: (first: Double, second: Double), known: Double) -> Double {
        let lost = top.first == -.infinity ? points : top.first
        let left = points == lost ? top.second : lost
        let remaining = left == -.infinity ? 0 : left
        return known > 0 ? (lost - remaining) / known * 100 : 0
    }

    private static func rank(_ points: Double, into top: inout (first: Double, second: Double)) {
        if points >= top.first {
            top.second = top.first
            top.first = points
        } else if points > top.second {
            top.second = points
        }
    }

    /// Failed rules grouped by theme, with the gain of fixing each theme whole.
    static func themes(_ scores: [ChecklistScore], numbers: [[Int]], problems: Int, overall: ScoreSummary, set: ChecklistSet,
                       overallProblems: ProblemPoints, checklistProblems: [ProblemPoints]) -> [ThemeResult] {
        // The failed rules by problem, the problems in the order of their first failure: each
        // problem's group number, then its rules' places laid out group after group.
        var groupOf = [Int](repeating: -1, count: problems)
        var sizes: [Int] = []
        var problemOf: [Int] = []
        for c in scores.indices {
            for r in scores[c].results.indices where scores[c].results[r].status == .fail {
                let n = numbers[c][r]
                if groupOf[n] < 0 {
                    groupOf[n] = sizes.count
                    sizes.append(0)
                    problemOf.append(n)
                }
                sizes[groupOf[n]] += 1
            }
        }
        var starts = [Int](repeating: 0, count: sizes.count + 1)
        for g in sizes.indices { starts[g + 1] = starts[g] + sizes[g] }
        var next = starts
        var places = [(checklist: Int, result: Int)](repeating: (0, 0), count: starts[sizes.count])
        for c in scores.indices {
            for r in scores[c].results.indices where scores[c].results[r].status == .fail {
                let g = groupOf[numbers[c][r]]
                places[next[g]] = (c, r)
                next[g] += 1
            }
        }
        func gain(_ points: Double, in summary: ScoreSummary) -> Double {
            guard summary.knownPoints > 0 else { return 0 }
            return (summary.passedPoints + points) / summary.knownPoints * 100 - summary.passedPoints / summary.knownPoints * 100
        }
        // The order first, from keys found per group (a theme's severity is its rules' highest,
        // its gain what its problem costs overall), then the results built in that order:
        // built first and then put in order, each of thousands of results was copied into a
        // random place, a cache miss at each of its references. Groups are numbered in the
        // order of their first failure, which breaks ties.
        let keys = sizes.indices.map { g in
            (severity: places[starts[g]..<starts[g + 1]].lazy.map { scores[$0.checklist].results[$0.result].severity }.max() ?? .info,
             gain: gain(overallProblems.lost(problemOf[g]), in: overall))
        }
        let order = keys.indices.sorted { a, b in
            let ka = keys[a], kb = keys[b]
            if ka.severity != kb.severity { return ka.severity > kb.severity }
            if ka.gain != kb.gain { return ka.gain > kb.gain }
            return a < b
        }
        return order.map { g in
            let group = places[starts[g]..<starts[g + 1]]
            var rules = group.map { scores[$0.checklist].results[$0.result] }
            if rules.count > 1 {
                rules = rules.enumerated().sorted { a, b in
                    a.element.severity != b.element.severity ? a.element.severity > b.element.severity : a.offset < b.offset
                }.map(\.element)
            }
            let n = problemOf[g]
            // Fixing the whole problem gives back what it costs: once overall, and in each
            // checklist what its own rules of the problem cost there.
            var perChecklist: [String: Double] = [:]
            for c in scores.indices where group.contains(where: { $0.checklist == c }) {
                perChecklist[scores[c].id] = gain(checklistProblems[c].lost(n), in: scores[c].summary)
            }
            let leading = scores[group[group.startIndex].checklist].results[group[group.startIndex].result]
            return ThemeResult(key: leading.themeKey, theme: set.theme(leading.theme, in: leading.checklistID),
                               checklistID: leading.themeOwner, rules: rules, gain: keys[g].gain, checklistGains: perChecklist)
        }
    }
}
