import Testing
import TestSupport
@testable import AuditKit

/// What fixing one failed rule gains: the problem's lost points minus what its other failed
/// rules still cost. Kept per problem as its two largest failed points; this checks that
/// against the plain definition over the whole list of failed points.
@Suite struct RuleGainTests {
    @Test func aRulesGainIsWhatItsProblemStopsLosingWhenItAlonePasses() throws {
        var g = SeededRandom(seed: 29)
        let check = try RuleExpression.parse("true", at: SourceLocation(file: "x.yaml", line: 1, column: 1)).get()
        for round in 0..<300 {
            let results = (0..<g.int(1...12)).map { i in
                var rule = Rule(id: "r\(i)", title: "Rule \(i)", check: check, severity: .medium,
                                explicitPoints: Double(g.pick([0, 1, 3, 3, 5, 8])))
                if g.chance(0.7) { rule.theme = ThemeRef(checklist: nil, id: "t\(g.int(0...3))") }
                return RuleResult(checklistID: "c", rule: rule, status: g.chance(0.6) ? .fail : .pass, points: rule.points)
            }
            let known = Double(g.int(0...40))
            let split = g.int(0...results.count)
            let own = Array(results[..<split])
            for (subject, among) in [(results, nil), (own, results)] as [([RuleResult], [RuleResult]?)] {
                let gains = Scorer.ruleGains(subject, among: among, known: known)
                var expected: [Int: Double] = [:]
                for (i, r) in subject.enumerated() where r.status == .fail {
                    let points = (among ?? subject).filter { $0.status == .fail && $0.themeKey == r.themeKey }.map(\.points)
                    var others = points
                    others.remove(at: try #require(others.firstIndex(of: r.points)))
                    let lost = points.max()!, remaining = others.max() ?? 0
                    expected[i] = known > 0 ? (lost - remaining) / known * 100 : 0
                }
                #expect(gains == expected, "round \(round)")
            }
        }
    }
}
