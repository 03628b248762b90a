import Testing
import TestSupport
@testable import AuditKit

/// The scorer numbers problems instead of keying its tallies by text; these check that the
/// numbers group rules exactly as their keys do.
@Suite struct ProblemNumberTests {
    @Test func aRuleWithoutAThemeSpelledLikeAThemeIsThatProblem() throws {
        // Rule `reply` has no theme, so its key is `c.reply`: the theme `reply`'s key too.
        let set = mustLoad(yaml(
            "id: c", "title: C", "version: 1",
            "themes:", "  - {id: reply, title: Replies, problem: Requests wait}",
            "sections:", "  - id: s", "    title: S", "    questions:",
            "      - {id: a, prompt: A?, type: yesno}", "      - {id: b, prompt: B?, type: yesno}",
            "rules:",
            "  - {id: reply, title: Reply, severity: high, check: a}",
            "  - {id: other, title: Other, severity: low, check: b, theme: reply}"))
        var sheet = AnswerSheet()
        sheet.set("c", "a", .bool(false))
        sheet.set("c", "b", .bool(false))
        let card = Scorer.score(set, answers: sheet)
        #expect(card.themes.map(\.key) == ["c.reply"])
        #expect(card.themes.first?.rules.map(\.rule.id) == ["reply", "other"])
        // One problem weighing 5 (high), failed: known 5, passed 0.
        #expect(card.overall.knownPoints == 5)
        #expect(card.overall.passedPoints == 0)
    }

    /// Random checklists whose rules share themes within and across checklists (and a rule
    /// or two named like a theme), scored, then every summary's points and every theme
    /// recomputed from the definition, grouping by key.
    @Test func numberedProblemsScoreAsProblemsGroupedByKey() throws {
        var g = SeededRandom(seed: 41)
        for round in 0..<60 {
            var texts: [String] = []
            var sheet = AnswerSheet()
            for c in ["c0", "c1"] {
                var lines = ["id: \(c)", "title: \(c)", "version: 1",
                             "themes:", "  - {id: t0, title: T0, problem: P0}", "  - {id: t1, title: T1, problem: P1}",
                             "sections:", "  - id: s0", "    title: S0", "    questions:"]
                let questions = g.int(1...6)
                for q in 0..<questions {
                    if q == 3 { lines += ["  - id: s1", "    title: S1", "    questions:"] }
                    lines.append("      - {id: q\(q), prompt: Q?, type: yesno}")
                    if g.chance(0.8) { sheet.set(c, "q\(q)", .bool(g.chance(0.5))) }
                }
                lines.append("rules:")
                var ids = Set<String>()
                for r in 0..<g.int(1...8) {
                    let id = g.chance(0.15) ? "t\(g.int(0...1))" : "r\(r)"
                    guard ids.insert(id).inserted else { continue }
                    let theme = g.pick(["", "", ", theme: t0", ", theme: t1", ", theme: c0.t0", ", theme: c0.t1"])
                    let severity = g.pick(["info", "low", "medium", "high", "critical"])
                    lines.append("  - {id: \(id), title: R, severity: \(severity), check: q\(g.int(0...questions - 1))\(theme)}")
                }
                texts.append(lines.joined(separator: "\n") + "\n")
            }
            let set = mustLoad(texts[0], texts[1])
            let card = Scorer.score(set, answers: sheet)
            let all = card.checklists.flatMap(\.results)

            func expected(_ results: [RuleResult]) -> (passed: Double, known: Double, open: Double) {
                var weight: [String: Double] = [:], failed: [String: Double] = [:], open: Set<String> = []
                for r in results where r.status != .notApplicable {
                    weight[r.themeKey] = max(weight[r.themeKey] ?? 0, r.points)
                    if r.status == .fail { failed[r.themeKey] = max(failed[r.themeKey] ?? 0, r.points) }
                    if r.status == .open { open.insert(r.themeKey) }
                }
                var out = (passed: 0.0, known: 0.0, open: 0.0)
                for (key, w) in weight {
                    if let f = failed[key] { out.known += w; out.passed += w - f }
                    else if open.contains(key) { out.open += w }
                    else { out.known += w; out.passed += w }
                }
                return out
            }
            func matches(_ s: ScoreSummary, _ e: (passed: Double, known: Double, open: Double)) -> Bool {
                abs(s.passedPoints - e.passed) < 1e-9 && abs(s.knownPoints - e.known) < 1e-9 && abs(s.openPoints - e.open) < 1e-9
            }
            #expect(matches(card.overall, expected(all)), "round \(round)")
            for c in card.checklists {
                #expect(matches(c.summary, expected(c.results)), "round \(round) \(c.id)")
                for section in c.sections {
                    let own = c.results.filter { $0.rule.sectionID == section.id }
                    #expect(matches(section.summary, expected(own)), "round \(round) \(c.id).\(section.id)")
                }
            }
            // Themes: the failed rules grouped by key, in the order of their first failure.
            var keys: [String] = [], members: [String: [String]] = [:]
            for r in all where r.status == .fail {
                if members[r.themeKey] == nil { keys.append(r.themeKey) }
                members[r.themeKey, default: []].append(r.qualifiedID)
            }
            #expect(Set(card.themes.map(\.key)) == Set(keys), "round \(round)")
            for theme in card.themes {
                #expect(Set(theme.rules.map(\.qualifiedID)) == Set(members[theme.key] ?? []), "round \(round) \(theme.key)")
                // Fixing it gives back the most points of its failed rules, overall.
                let lost = all.filter { $0.status == .fail && $0.themeKey == theme.key }.map(\.points).max() ?? 0
                let o = card.overall
                let gain = o.knownPoints > 0 ? (o.passedPoints + lost) / o.knownPoints * 100 - o.passedPoints / o.knownPoints * 100 : 0
                #expect(abs(theme.gain - gain) < 1e-9, "round \(round) \(theme.key)")
            }
            // Most severe first, then the largest gain, then the first to fail.
            let firstFailure = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0) })
            for (a, b) in zip(card.themes, card.themes.dropFirst()) {
                let inOrder = a.severity != b.severity ? a.severity > b.severity
                    : a.gain != b.gain ? a.gain > b.gain : firstFailure[a.key]! < firstFailure[b.key]!
                #expect(inOrder, "round \(round): \(a.key) before \(b.key)")
            }
        }
    }
}
