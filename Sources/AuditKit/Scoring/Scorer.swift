/// Scores answers against checklists. Each rule evaluates once, each question's `when` once,
/// so scoring is linear in the size of the checklists.
public enum Scorer {
    /// Scores the checklists with the given ids (all of the set when nil), in that order.
    public static func score(_ set: ChecklistSet, answers: AnswerSheet, checklists ids: [String]? = nil) -> Scorecard {
        let evaluator = Evaluator(set: set, answers: answers)
        var scores: [ChecklistScore] = []
        for id in ids ?? set.ids {
            guard let checklist = set.checklist(id) else { continue }
            scores.append(score(checklist, evaluator: evaluator))
        }
        var overall = ScoreSummary()
        for s in scores { overall.add(s.summary) }
        // Gains need the totals, so they are filled in after every checklist is known.
        for c in scores.indices {
            let known = scores[c].summary.knownPoints
            for r in scores[c].results.indices where scores[c].results[r].status == .fail {
                let points = scores[c].results[r].points
                scores[c].results[r].gain = known > 0 ? points / known * 100 : 0
                scores[c].results[r].overallGain = overall.knownPoints > 0 ? points / overall.knownPoints * 100 : 0
            }
        }
        return Scorecard(checklists: scores, overall: overall)
    }

    /// The status of one rule: applies false → not applicable; applies or check unknown → open.
    public static func status(of rule: Rule, in checklistID: String, evaluator: Evaluator) -> RuleStatus {
        switch evaluator.truth(rule.applies, in: checklistID) {
        case false?: return .notApplicable
        case nil: return .open
        case true?:
            switch evaluator.truth(rule.check, in: checklistID) {
            case true?: return .pass
            case false?: return .fail
            case nil: return .open
            }
        }
    }

    static func score(_ checklist: Checklist, evaluator: Evaluator) -> ChecklistScore {
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
        var results: [RuleResult] = []
        results.reserveCapacity(checklist.rules.count)
        for rule in checklist.rules {
            let status = status(of: rule, in: checklist.id, evaluator: evaluator)
            results.append(RuleResult(checklistID: checklist.id, rule: rule, status: status, points: rule.points))
            sectionSummaries[rule.sectionID, default: ScoreSummary()].count(status, points: rule.points)
            total.count(status, points: rule.points)
        }
        var sections = checklist.sections.map {
            SectionScore(id: $0.id, title: $0.title, summary: sectionSummaries[$0.id] ?? ScoreSummary())
        }
        if let general = sectionSummaries[Section.generalID], checklist.section(Section.generalID) == nil {
            sections.append(SectionScore(id: Section.generalID, title: Section.generalTitle, summary: general))
        }
        return ChecklistScore(id: checklist.id, title: checklist.title, version: checklist.version,
                              summary: total, sections: sections, results: results)
    }
}
