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
        evaluator.expect(questions: set.checklists.reduce(0) { $0 + $1.sections.reduce(0) { $0 + $1.questions.count } })
        var scores: [ChecklistScore] = []
        // Each checklist's problems, tallied once for its score and again used by the themes.
        var checklistProblems: [String: ProblemPoints] = [:]
        for id in ids ?? set.ids {
            // A checklist without rules (the organisation profile) informs the others but has
            // nothing to score.
            guard let checklist = set.checklist(id), !checklist.rules.isEmpty else { continue }
            let (score, problems) = score(checklist, evaluator: evaluator, accepted: accepted, parallelFrom: parallelFrom)
            scores.append(score)
            checklistProblems[checklist.id] = problems
        }
        var overall = ScoreSummary()
        for s in scores { overall.add(s.summary) }
        // Points overall come from the problems across checklists: a problem found by rules of
        // three checklists is charged once.
        var problems = ProblemPoints()
        for s in scores { problems.add(s.results) }
        problems.apply(to: &overall)
        // Gains need the totals, so they are filled in after every checklist is known. The
        // problems' largest failed points over every result are found once for all checklists
        // (and are a lone checklist's own).
        let everyResult = scores.flatMap(\.results)
        let overallTop = Self.largestFailed(everyResult)
        for c in scores.indices {
            let own = scores[c].results
            let ownGains = Self.ruleGains(own, top: scores.count == 1 ? overallTop : Self.largestFailed(own),
                                          known: scores[c].summary.knownPoints)
            let overallGains = Self.ruleGains(own, top: overallTop, known: overall.knownPoints)
            for r in scores[c].results.indices where scores[c].results[r].status == .fail {
                scores[c].results[r].gain = ownGains[r]
                scores[c].results[r].overallGain = overallGains[r]
            }
        }
        for c in scores.indices {
            scores[c].standing = standing(scores[c].summary, results: scores[c].results, evaluator: evaluator)
        }
        let all = scores.flatMap(\.results)
        return Scorecard(checklists: scores, overall: overall,
                         standing: standing(overall, results: all, evaluator: evaluator),
                         themes: themes(scores, overall: overall, set: set, problems: problems, checklistProblems: checklistProblems))
    }

    /// The status of one rule: `applies` false or not applicable → not applicable; unknown →
    /// open; then `check` likewise.
    public static func status(of rule: Rule, in checklistID: String, evaluator: Evaluator) -> RuleStatus {
        switch evaluator.outcome(rule.applies, in: checklistID) {
        case .false, .notApplicable: return .notApplicable
        case .unknown: return .open
        case .true:
            switch evaluator.outcome(rule.check, in: checklistID) {
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

    /// One checklist's score, and its problems' tally.
    static func score(_ checklist: Checklist, evaluator: Evaluator, accepted: Set<String> = [],
                      parallelFrom: Int = ChecklistLoader.parallelRulesFrom) -> (ChecklistScore, ProblemPoints) {
        var sectionSummaries: [String: ScoreSummary] = [:]
        var total = ScoreSummary()
        for section in checklist.sections {
            var s = ScoreSummary()
            for q in section.questions {
                let ref = QuestionRef(checklist: checklist.id, question: q.id)
                guard evaluator.isAsked(ref) else { continue }
                s.askedQuestions += 1
                if evaluator.answers[ref] != nil { s.answeredQuestions += 1 }
            }
            sectionSummaries[section.id] = s
            total.askedQuestions += s.askedQuestions
            total.answeredQuestions += s.answeredQuestions
        }
        // A big checklist's second half of rules (`parallelFrom` rules or more, as for loading
        // it) is judged on the other core, by an evaluator of its own that knows which
        // questions are asked (found just above).
        var results: [RuleResult]
        let rules = checklist.rules
        if rules.count >= parallelFrom {
            let half = rules.count / 2
            let other = Evaluator(startingFrom: evaluator)
            let later = BackgroundJob {
                Self.results(of: rules[half...], in: checklist, evaluator: other, accepted: accepted)
            }
            results = Self.results(of: rules[..<half], in: checklist, evaluator: evaluator, accepted: accepted)
            // The job throws nothing.
            results += (try? later.result().get()) ?? []
        } else {
            results = Self.results(of: rules[...], in: checklist, evaluator: evaluator, accepted: accepted)
        }
        // Rule counts are per rule; points per problem, charged once in each summary. A big
        // checklist's own tally is made on the other core while this one makes its sections'.
        let tally = { [results] in
            var problems = ProblemPoints()
            problems.add(results)  // sized for every result
            return problems
        }
        let tallying = rules.count >= parallelFrom ? BackgroundJob(tally) : nil
        // Each section's rules gathered first, then counted and tallied one section at a time:
        // a table of tallies for every section at once, filled rule by rule, was a cache miss
        // at nearly every rule of a checklist of 100,000.
        var sectionRules: [String: [Int]] = [:]
        for (i, result) in results.enumerated() {
            sectionRules[result.rule.sectionID, default: []].append(i)
            total.count(result.status, points: result.points)
        }
        for (id, indices) in sectionRules {
            var summary = sectionSummaries[id] ?? ScoreSummary()
            var points = ProblemPoints(capacity: indices.count)
            for i in indices {
                summary.count(results[i].status, points: results[i].points)
                points.add(problem: results[i].themeKey, status: results[i].status, points: results[i].points)
            }
            points.apply(to: &summary)
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
                               summary: total, sections: sections, results: results, standing: placeholder), problems)
    }

    /// The results of `rules` of `checklist`, in order.
    private static func results(of rules: ArraySlice<Rule>, in checklist: Checklist, evaluator: Evaluator,
                                accepted: Set<String>) -> [RuleResult] {
        var results: [RuleResult] = []
        results.reserveCapacity(rules.count)
        for rule in rules {
            var status = status(of: rule, in: checklist.id, evaluator: evaluator)
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

    /// Caps, confidence and the questions still needed, for one summary and its rules.
    static func standing(_ summary: ScoreSummary, results: [RuleResult], evaluator: Evaluator) -> Standing {
        func caps(_ status: RuleStatus) -> [Cap] {
            // One pass, no copy of the matching results (at 10,000 rules the copies cost more than scoring).
            var out: [Cap] = []
            for i in results.indices where results[i].status == status {
                guard let band = results[i].rule.cap else { continue }
                let r = results[i]
                out.append(Cap(band: band, checklistID: r.checklistID, ruleID: r.rule.id, title: r.rule.title, problem: r.rule.problemHeading))
            }
            return out.sorted { $0.band < $1.band }
        }
        // The unanswered questions open rules wait for, and the points waiting on each.
        var waiting: [QuestionRef: Double] = [:]
        var order: [QuestionRef] = []
        var needs: [(points: Double, questions: [QuestionRef])] = []
        for r in results where r.status == .open && r.points > 0 {
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
        ruleGains(results, top: largestFailed(among ?? results), known: known)
    }

    /// Per problem, the two largest points of its failed rules (a repeated largest counts
    /// twice), which are all a gain needs: what passing one rule leaves is the largest of the
    /// others. Two numbers a problem, where a list of every failed rule's points was an
    /// allocation per problem.
    static func largestFailed(_ results: [RuleResult]) -> [String: (first: Double, second: Double)] {
        var failedPoints: [String: (first: Double, second: Double)] = [:]
        for r in results where r.status == .fail {
            Self.rank(r.points, into: &failedPoints[r.themeKey, default: (-.infinity, -.infinity)])
        }
        return failedPoints
    }

    /// `ruleGains(_:among:known:)`, with the problems' largest failed points already found.
    static func ruleGains(_ results: [RuleResult], top failedPoints: [String: (first: Double, second: Double)],
                          known: Double) -> [Int: Double] {
        var gains: [Int: Double] = [:]
        for (i, r) in results.enumerated() where r.status == .fail {
            let top = failedPoints[r.themeKey] ?? (r.points, -.infinity)
            let lost = top.first
            let left = r.points == top.first ? top.second : top.first
            let remaining = left == -.infinity ? 0 : left
            gains[i] = known > 0 ? (lost - remaining) / known * 100 : 0
        }
        return gains
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
    static func themes(_ scores: [ChecklistScore], overall: ScoreSummary, set: ChecklistSet, problems overallProblems: ProblemPoints,
                       checklistProblems: [String: ProblemPoints]) -> [ThemeResult] {
        var groups: [String: (theme: Theme?, owner: String, rules: [RuleResult], first: Int)] = [:]
        var position = 0
        for c in scores {
            for r in c.results where r.status != .notApplicable {
                let key = r.themeKey
                guard r.status == .fail else { continue }
                groups[key, default: (set.theme(of: r.rule, in: r.checklistID), r.themeOwner, [], position)].rules.append(r)
                position += 1
            }
        }
        func gain(_ points: Double, in summary: ScoreSummary) -> Double {
            guard summary.knownPoints > 0 else { return 0 }
            return (summary.passedPoints + points) / summary.knownPoints * 100 - summary.passedPoints / summary.knownPoints * 100
        }
        let results: [(ThemeResult, Int)] = groups.map { key, group in
            let rules = group.rules.count < 2 ? group.rules : group.rules.enumerated().sorted { a, b in
                a.element.rule.severity != b.element.rule.severity ? a.element.rule.severity > b.element.rule.severity : a.offset < b.offset
            }.map(\.element)
            // Fixing the whole problem gives back what it costs: once overall, and in each
            // checklist what its own rules of the problem cost there.
            var perChecklist: [String: Double] = [:]
            for c in scores where rules.contains(where: { $0.checklistID == c.id }) {
                perChecklist[c.id] = gain(checklistProblems[c.id]?.lost(key) ?? 0, in: c.summary)
            }
            return (ThemeResult(key: key, theme: group.theme, checklistID: group.owner, rules: rules,
                                gain: gain(overallProblems.lost(key), in: overall), checklistGains: perChecklist), group.first)
        }
        // Sort keys found once: a theme's severity is a walk over its rules, and comparing
        // whole results moved every rule result of thousands of themes at each step.
        let keys = results.map { (severity: $0.0.severity, gain: $0.0.gain, first: $0.1) }
        return keys.indices.sorted { a, b in
            let ka = keys[a], kb = keys[b]
            if ka.severity != kb.severity { return ka.severity > kb.severity }
            if ka.gain != kb.gain { return ka.gain > kb.gain }
            return ka.first < kb.first
        }.map { results[$0].0 }
    }
}
