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
    }

    private var tallies: [String: Tally] = [:]

    init() {}

    /// Room for `problems` problems, so a big checklist's tally is not rehashed as it grows.
    init(capacity problems: Int) { tallies.reserveCapacity(problems) }

    /// Counts one rule's outcome towards its problem.
    mutating func add(problem key: String, status: RuleStatus, points: Double) {
        guard status != .notApplicable else { return }
        // Changed in place: one lookup of the key, not one to read and one to write back.
        Self.count(status, points: points, into: &tallies[key, default: Tally()])
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

    /// Counts every rule of `results`.
    mutating func add<S: Sequence>(_ results: S) where S.Element == RuleResult {
        tallies.reserveCapacity(tallies.count + results.underestimatedCount)
        for r in results { add(problem: r.themeKey, status: r.status, points: r.points) }
    }

    /// Sets the passed, known and open points of `summary` (its rule and question counts stay).
    func apply(to summary: inout ScoreSummary) {
        summary.passedPoints = 0
        summary.knownPoints = 0
        summary.openPoints = 0
        for tally in tallies.values {
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

    /// What the problem costs now: the most points of its failed rules (0 when none fails).
    func lost(_ key: String) -> Double { tallies[key]?.failed ?? 0 }
}
