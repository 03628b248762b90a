/// The points of a set of rule outcomes, each problem charged once.
///
/// A problem (a theme; a rule without one is a problem of its own) weighs W, the most points
/// of its applicable rules. If any of its rules fails, it is known and costs the most points of
/// its failed rules (it contributes W − that to the passed points); otherwise, if any is open,
/// its W is open; otherwise it passes with W. So three rules that find one business problem
/// lose its points once, however many checklists they come from, and a problem whose only
/// failing cause is minor costs what that cause is worth, not the problem's whole weight.
struct ProblemPoints {
    private struct Tally {
        var weight = 0.0
        var failed = 0.0
        var anyFail = false
        var anyOpen = false
        var counted = false
    }

    /// By problem number (`ProblemNumbers`): tables indexed by number, where a table keyed by
    /// the problem's text hashed it at every rule and, at 100,000 rules, missed the cache.
    private var tallies: [Tally]
    /// The problems counted, in the order first met: what `apply` sums and `clear` resets.
    private var counted: [Int] = []

    /// A tally for problems numbered below `problems`.
    init(problems: Int) {
        tallies = Array(repeating: Tally(), count: problems)
    }

    /// Counts one rule's outcome towards its problem.
    mutating func add(problem n: Int, status: RuleStatus, points: Double) {
        guard status != .notApplicable else { return }
        if !tallies[n].counted {
            tallies[n].counted = true
            counted.append(n)
        }
        Self.count(status, points: points, into: &tallies[n])
    }

    private static func count(_ status: RuleStatus, points: Double, into tally: inout Tally) {
        tally.weight = max(tally.weight, points)
        switch status {
        case .fail:
            tally.anyFail = true
            tally.failed = max(tally.failed, points)
        case .open: tally.anyOpen = true
        case .pass, .notApplicable: break
        }
    }

    /// Counts every rule of `results`, whose problems are `numbers`.
    mutating func add(_ results: [RuleResult], numbers: [Int]) {
        for i in results.indices {
            add(problem: numbers[i], status: results[i].status, points: results[i].points)
        }
    }

    /// Sets the passed, known and open points of `summary` (its rule and question counts stay).
    func apply(to summary: inout ScoreSummary) {
        summary.passedPoints = 0
        summary.knownPoints = 0
        summary.openPoints = 0
        for n in counted {
            let tally = tallies[n]
            if tally.anyFail {
                summary.knownPoints += tally.weight
                summary.passedPoints += tally.weight - tally.failed
            } else if tally.anyOpen {
                summary.openPoints += tally.weight
            } else {
                summary.knownPoints += tally.weight
                summary.passedPoints += tally.weight
            }
        }
    }

    /// Forgets every count, so the same table tallies the next group of rules (a section's)
    /// in time proportional to what was counted rather than to every problem.
    mutating func clear() {
        for n in counted { tallies[n] = Tally() }
        counted.removeAll(keepingCapacity: true)
    }

    /// What problem `n` costs now: the most points of its failed rules (0 when none fails).
    func lost(_ n: Int) -> Double { n < tallies.count ? tallies[n].failed : 0 }
}

/// The problems of the rules being scored, numbered from 0 in the order first met, so that
/// tallies, gains and themes index arrays instead of hashing each rule's problem key again.
///
/// A problem no rule names as its theme (a rule without one is a problem of its own) takes
/// the next number without being looked up; only themes' keys are, so that a rule spelt like
/// a theme joins it (theme `x` and rule `x` of one checklist are both `c.x`, one problem).
struct ProblemNumbers {
    /// How many problems have been numbered.
    private(set) var count = 0
    private var byKey: [String: Int] = [:]
    private let themedKeys: Set<String>

    /// Numbers for the problems of `checklists`' rules.
    init(_ checklists: [Checklist]) {
        var keys = Set<String>()
        for checklist in checklists {
            for rule in checklist.rules {
                if let theme = rule.theme { keys.insert(theme.key(in: checklist.id)) }
            }
        }
        themedKeys = keys
    }

    /// The number of `result`'s problem.
    mutating func number(of result: RuleResult) -> Int {
        if themedKeys.isEmpty || !themedKeys.contains(result.themeKey) {
            count += 1
            return count - 1
        }
        if let n = byKey[result.themeKey] { return n }
        byKey[result.themeKey] = count
        count += 1
        return count - 1
    }

    /// The numbers of `results`' problems, in order.
    mutating func numbers(of results: [RuleResult]) -> [Int] {
        var out: [Int] = []
        out.reserveCapacity(results.count)
        for i in results.indices { out.append(number(of: results[i])) }
        return out
    }
}
