import AuditKit
import JSONText

/// Renders an audit as JSON for machines: the same content as the Markdown report (scores,
/// ranges, coverage, the problems by theme, the action plan, estimates against measurements,
/// every rule with status and gain, findings, answers, the comparison), described by
/// `docs/report-schema.json` (`"schema": "smaudit-report/4"`).
///
/// Numbers are JSON numbers (scores and gains rounded to two decimals, coverage, a fraction, to
/// four), unknown values are `null`, and keys come in a fixed order, so the same input gives
/// the same bytes.
public enum JSONReport {
    /// The schema identifier written as the document's first key.
    public static let schema = "smaudit-report/4"

    /// The JSON document for `input`, with `comparison` filled in when `baseline` is given.
    public static func render(_ input: ReportInput, baseline: ReportInput? = nil) -> String {
        let model = ReportModel(input)
        let builder = JSONBuilder(model: model)
        var members: [(String, JSONValue)] = [
            ("schema", .string(schema)),
            ("organisation", .string(input.organisation)),
            ("date", .string(input.date)),
            ("auditors", .array(input.auditors.map { .string($0) })),
            ("overall", builder.summary(model.scorecard.standing)),
            ("meaning", .string(ReportWording.meaning(of: model.scorecard.standing))),
            ("verdict", .string(DocumentBuilder(model).verdict())),
            ("business_numbers", .array(model.measuredInOrder.map(builder.businessNumber))),
            ("themes", .array(model.problems.map(builder.theme))),
            ("top_problems", .array(model.topProblems.map { .string($0.key) })),
            ("action_plan", .array(model.actionPlan.actions.map(builder.action))),
            ("estimates", .array(model.estimates.map(builder.estimate))),
            ("checklists", .array(model.scorecard.checklists.map(builder.checklist))),
            ("findings", .array(model.findings.map(builder.finding))),
            ("open_rules", .array(model.openRules.map(builder.openRule))),
            ("answers", .array(builder.answers())),
            ("retired", .array(builder.retired())),
            ("agreement", input.agreement.map { .object([("agreed", .integer($0.agreed)), ("of", .integer($0.of))]) } ?? .null),
            ("disagreements", .array(input.disagreements.map { d in
                .object([
                    ("checklist", .string(d.ref.checklist)),
                    ("question", .string(d.ref.question)),
                    ("answers", .object(d.answers.map { ($0.auditor, .string($0.entry.text)) })),
                    ("resolved", .bool(!d.isOpen)),
                    ("settled_by", .string(d.resolution != nil ? "decision" : d.measured != nil ? "data" : !d.isAsked ? "not_asked" : nil)),
                    ("answer", .string(d.team)),
                    ("reason", .string(d.resolution?.reason)),
                ])
            })),
        ]
        let problems = ProblemIndex(input.set)
        let day = input.today ?? input.day
        members.append(("accepted", .array(input.accepted.sorted { $0.key < $1.key }.map { key, risk in
            .object([
                ("problem", .string(key)),
                ("heading", .string(problems.problem(key)?.heading)),
                ("reason", .string(risk.reason)),
                ("owner", .string(risk.owner)),
                ("until", .string(risk.until?.description)),
                ("active", .bool(risk.isActive(on: day))),
            ])
        })))
        members.append(("targets", .array(input.checklists.flatMap { checklist in
            checklist.targets.compactMap { target -> JSONValue? in
                let ref = QuestionRef(checklist: checklist.id, question: target.id)
                guard let defaultValue = checklist.targetDefaults[target.id] else { return nil }
                let own = input.targets[ref]
                return .object([
                    ("checklist", .string(checklist.id)),
                    ("target", .string(target.id)),
                    ("value", .string((own?.value ?? defaultValue).displayText)),
                    ("default", .string(defaultValue.displayText)),
                    ("teams", .bool(own != nil)),
                    ("reason", .string(own?.reason)),
                ])
            }
        })))
        members.append(("history", .array(input.history.count < 3 ? [] : input.history.map { audit in
            let card = Scorer.score(input.set, answers: audit.answers, checklists: audit.checklistIDs)
            return .object([
                ("date", .string(audit.date)),
                ("overall", .rounded(card.standing.score)),
                ("band", .string(card.standing.band?.label)),
                ("provisional", .bool(card.standing.isProvisional)),
                ("checklists", .object(card.checklists.filter { !$0.results.isEmpty }.map { ($0.id, .rounded($0.standing.score)) })),
            ])
        })))
        members.append(("comparison", baseline.map { builder.comparison(ReportComparison(model, ReportModel($0))) } ?? .null))
        members.append(("method", builder.method()))
        return JSONValue.object(members).prettyPrinted()
    }
}

/// Turns the report model into JSON values, one method per schema definition.
private struct JSONBuilder {
    let model: ReportModel
    private var input: ReportInput { model.input }

    func summary(_ standing: Standing) -> JSONValue {
        let s = standing.summary
        let span: JSONValue = standing.span.map {
            .object([("from", .string($0.lowerBound.label)), ("to", .string($0.upperBound.label))])
        } ?? .null
        return .object([
            ("score", .rounded(standing.score)),
            ("points_score", .rounded(s.score)),
            ("low", .rounded(s.low)),
            ("high", .rounded(s.high)),
            ("band", .string(standing.band?.label)),
            ("points_band", .string(standing.pointsBand?.label)),
            ("capped", .bool(standing.isCapped)),
            ("caps", .array(standing.caps.map { cap in
                .object([("band", .string(cap.band.label)), ("checklist", .string(cap.checklistID)),
                         ("rule", .string(cap.ruleID)), ("title", .string(cap.title)), ("problem", .string(cap.problem))])
            })),
            ("provisional", .bool(standing.isProvisional)),
            ("span", span),
            ("confidence", .number(standing.confidence.map { ($0 * 10000).rounded() / 10000 })),
            ("questions_to_score", .integer(standing.questionsToScore)),
            ("coverage", .number(s.coverage.map { ($0 * 10000).rounded() / 10000 })),
            ("passed_points", .number(s.passedPoints)),
            ("known_points", .number(s.knownPoints)),
            ("open_points", .number(s.openPoints)),
            ("passed_rules", .integer(s.passedRules)),
            ("failed_rules", .integer(s.failedRules)),
            ("open_rules", .integer(s.openRules)),
            ("not_applicable_rules", .integer(s.notApplicableRules)),
            ("asked_questions", .integer(s.askedQuestions)),
            ("answered_questions", .integer(s.answeredQuestions)),
        ])
    }

    func status(_ status: RuleStatus) -> String {
        switch status {
        case .pass: "pass"
        case .fail: "fail"
        case .open: "open"
        case .notApplicable: "not_applicable"
        }
    }

    /// A problem found: a theme's failed rules, with the gain of fixing them all.
    func theme(_ t: ThemeResult) -> JSONValue {
        .object([
            ("key", .string(t.key)),
            ("checklist", .string(t.checklistID)),
            ("problem", .string(t.problem)),
            ("title", .string(t.title)),
            ("severity", .string(t.severity.rawValue)),
            ("points", .number(t.points)),
            ("cap", .string(t.cap?.label)),
            ("gain", .rounded(t.gain)),
            ("checklist_gains", .object(t.checklistGains.sorted { $0.key < $1.key }.map { ($0.key, .rounded($0.value)) })),
            ("rules", .array(t.rules.map { .object([("checklist", .string($0.checklistID)), ("rule", .string($0.rule.id))]) })),
            ("recommendations", .array(ReportModel.recommendationTexts(of: t).map { .string($0) })),
        ])
    }

    /// One action of the plan, with its owner, due date and measure of success.
    func action(_ a: ActionPlan.Action) -> JSONValue {
        .object([
            ("number", .integer(a.number)),
            ("phase", a.phase == .later ? .null : .integer(a.phase.days)),
            ("phase_title", .string(a.phase.title)),
            ("action", .string(a.text)),
            ("owner", .string(a.owner)),
            ("owner_suggested", .bool(a.ownerIsSuggested)),
            ("due", .string(a.due.description)),
            ("success", .string(a.success)),
            ("severity", .string(a.severity.rawValue)),
            ("gain", .rounded(a.gain)),
            ("themes", .array(a.problems.map { .string($0.key) })),
            ("practices", .array(a.problems.map { .string($0.title) })),
        ])
    }

    /// A measured figure as the summary says it.
    func businessNumber(_ item: (QuestionRef, MeasuredAnswer)) -> JSONValue {
        let (ref, m) = item
        let value = input.answers[ref].map { HumanNumbers.answer($0, of: input.set.question(ref)) }
        return .object([
            ("checklist", .string(ref.checklist)),
            ("question", .string(ref.question)),
            ("metric", .string(m.metric)),
            ("metric_words", .string(MetricWords.words(m.metric))),
            ("value", .number(m.value)),
            ("shown", .string(value ?? ExpressionPrinter.formatNumber(m.value))),
            ("export", .string(MetricWords.export(m.metric))),
            ("file", .string(DocumentBuilder.fileName(m.file))),
            ("period", .string(m.period)),
            ("by_platform", .object(m.byPlatform.map { ($0.platform, .string(HumanNumbers.answer($0.value, of: input.set.question(ref)))) })),
        ])
    }

    /// A typed estimate and the measurement that replaced it.
    func estimate(_ pair: EstimatePair) -> JSONValue {
        .object([
            ("checklist", .string(pair.ref.checklist)),
            ("question", .string(pair.ref.question)),
            ("prompt", .string(pair.prompt)),
            ("estimate", .string(pair.byAuditor.isEmpty ? pair.estimate : nil)),
            ("by_auditor", .object(pair.byAuditor.map { ($0.auditor, .string($0.text)) })),
            ("measured", .string(pair.measured)),
            ("file", .string(DocumentBuilder.fileName(pair.source.file))),
            ("period", .string(pair.source.period)),
            ("metric", .string(pair.source.metric)),
            ("metric_words", .string(MetricWords.words(pair.source.metric))),
        ])
    }

    func checklist(_ c: ChecklistScore) -> JSONValue {
        let checklist = input.set.checklist(c.id)
        return .object([
            ("id", .string(c.id)),
            ("title", .string(c.title)),
            ("version", .string(c.version)),
            ("content_hash", .string(checklist?.contentHash)),
            ("summary", summary(c.standing)),
            ("sections", .array(c.sections.map { s in
                .object([("id", .string(s.id)), ("title", .string(s.title)), ("summary", summary(.plain(s.summary)))])
            })),
            ("rules", .array(c.results.map { r in
                .object([
                    ("id", .string(r.rule.id)),
                    ("title", .string(r.rule.title)),
                    ("section", .string(r.rule.sectionID)),
                    ("severity", .string(r.rule.severity.rawValue)),
                    ("points", .number(r.points)),
                    ("status", .string(status(r.status))),
                    ("not_applicable_because", .array(r.notApplicableBecause.map { ref in
                        .object([("checklist", .string(ref.checklist)), ("question", .string(ref.question))])
                    })),
                    ("theme", .string(r.rule.theme.map { _ in r.themeKey })),
                    ("cap", .string(r.rule.cap?.label)),
                    ("gain", .rounded(r.gain)),
                    ("overall_gain", .rounded(r.overallGain)),
                ])
            })),
        ])
    }

    func finding(_ r: RuleResult) -> JSONValue {
        let refs = model.references(of: r)
        let source: JSONValue = model.citation(of: r).map { cited in
            .object([("file", .string(cited.source.file)), ("quote", .string(cited.quote)), ("title", .string(cited.source.title)),
                     ("author", .string(cited.source.author)), ("date", .string(cited.source.date)),
                     ("description", .string(cited.source.description))])
        } ?? .null
        // The same "why" the Markdown finding shows: its theme's help (written for the reader),
        // else that of the first question it reads (which may also guide the auditor).
        let why = model.why(theme: input.set.theme(of: r.rule, in: r.checklistID), refs: refs)
        func items(_ table: [QuestionRef: [String]]) -> JSONValue {
            .array(refs.flatMap { ref in
                (table[ref] ?? []).map { text -> JSONValue in
                    .object([("checklist", .string(ref.checklist)), ("question", .string(ref.question)), ("text", .string(text))])
                }
            })
        }
        return .object([
            ("checklist", .string(r.checklistID)),
            ("rule", .string(r.rule.id)),
            ("title", .string(r.rule.title)),
            ("problem", .string(model.findingHeading(of: r))),
            ("section", .string(r.rule.sectionID)),
            ("severity", .string(r.rule.severity.rawValue)),
            ("points", .number(r.points)),
            ("gain", .rounded(r.gain)),
            ("overall_gain", .rounded(r.overallGain)),
            ("finding", .string(r.rule.finding)),
            ("why", .string(why)),
            ("source", source),
            ("recommendation", .string(r.rule.recommendation)),
            ("answers", .array(refs.map { answerRef($0) })),
            ("notes", items(input.notes)),
            ("evidence", items(input.evidence)),
        ])
    }

    /// A question the rule reads, with its state and answer.
    func answerRef(_ ref: QuestionRef) -> JSONValue {
        let state = model.state(of: ref)
        return .object([
            ("checklist", .string(ref.checklist)),
            ("question", .string(ref.question)),
            ("prompt", .string(input.set.question(ref)?.prompt)),
            ("state", .string(state.key)),
            ("answer", .string(state.answerText)),
            ("measured", measured(ref)),
        ])
    }

    func measured(_ ref: QuestionRef) -> JSONValue {
        guard let m = input.measured[ref] else { return .null }
        return .object([("file", .string(DocumentBuilder.fileName(m.file))), ("metric", .string(m.metric)),
                        ("metric_words", .string(MetricWords.words(m.metric))), ("value", .number(m.value)),
                        ("period", .string(m.period)), ("estimate", .string(m.estimate))])
    }

    func openRule(_ r: RuleResult) -> JSONValue {
        let missing = model.references(of: r).compactMap { ref -> JSONValue? in
            let state = model.state(of: ref)
            if case .answered = state { return nil }
            return .object([("checklist", .string(ref.checklist)), ("question", .string(ref.question)), ("state", .string(state.key))])
        }
        return .object([
            ("checklist", .string(r.checklistID)),
            ("rule", .string(r.rule.id)),
            ("title", .string(r.rule.title)),
            ("severity", .string(r.rule.severity.rawValue)),
            ("points", .number(r.points)),
            ("missing", .array(missing)),
        ])
    }

    /// The answer's value with its natural JSON type: yes/no as booleans, numbers and
    /// percents (fractions) as numbers, durations in seconds, multi as arrays; null for n/a.
    func typed(_ value: AnswerValue) -> JSONValue {
        switch value {
        case .bool(let b): .bool(b)
        case .choice(let s), .text(let s): .string(s)
        case .choices(let labels): .array(labels.map { .string($0) })
        case .number(let v), .percent(let v): .number(v)
        case .scale(let n): .integer(n)
        case .duration(let seconds): .number(seconds)
        case .date(let d): .string(d.description)
        case .notApplicable: .null
        }
    }

    func answers() -> [JSONValue] {
        var out: [JSONValue] = []
        for checklist in model.checklists {
            for section in checklist.sections {
                for q in section.questions {
                    let ref = QuestionRef(checklist: checklist.id, question: q.id)
                    let state = model.state(of: ref)
                    var value = JSONValue.null
                    if case .answered(let v) = state { value = typed(v) }
                    out.append(.object([
                        ("checklist", .string(checklist.id)),
                        ("section", .string(section.id)),
                        ("question", .string(q.id)),
                        ("prompt", .string(q.prompt)),
                        ("type", .string(q.type.rawValue)),
                        ("state", .string(state.key)),
                        ("answer", .string(state.answerText)),
                        ("value", value),
                        ("when", .string(q.when?.normalizedText)),
                        ("measured", measured(ref)),
                        ("notes", .array((input.notes[ref] ?? []).map { .string($0) })),
                        ("evidence", .array((input.evidence[ref] ?? []).map { .string($0) })),
                    ]))
                }
            }
        }
        return out
    }

    /// Answers kept aside for questions the checklist no longer has.
    func retired() -> [JSONValue] {
        input.retired.sorted { $0.key < $1.key }.map { ref, kept in
            .object([
                ("checklist", .string(ref.checklist)),
                ("question", .string(ref.question)),
                ("answer", .string(kept.entry.text)),
                ("version", .string(kept.version)),
                ("notes", .array(kept.entry.notes.map { .string($0) })),
                ("evidence", .array(kept.entry.evidence.map { .string($0) })),
            ])
        }
    }

    func comparison(_ c: ReportComparison) -> JSONValue {
        func key(_ r: RuleResult) -> [(String, JSONValue)] {
            [("checklist", .string(r.checklistID)), ("rule", .string(r.rule.id)), ("title", .string(r.rule.title)),
             ("problem", .string(model.problemHeading(of: r)))]
        }
        return .object([
            ("baseline_date", .string(c.baselineDate)),
            ("scores", .array(([c.overall] + c.checklists).map { s in
                .object([("checklist", .string(s.id)), ("title", .string(s.title)), ("previous", .number(s.previous)),
                         ("current", .number(s.current)), ("change", .number(s.change))])
            })),
            ("resolved", .array(c.resolved.map { item in
                .object(key(item.previous) + [("status", .string(item.currentStatus.map(status)))])
            })),
            ("new", .array(c.new.map { r in
                .object(key(r) + [("severity", .string(r.rule.severity.rawValue)), ("points", .number(r.points))])
            })),
            ("first_judged", .array(c.firstJudged.map { item in
                .object(key(item.current) + [("severity", .string(item.current.rule.severity.rawValue)),
                                                         ("points", .number(item.current.points)),
                                                         ("previous_status", .string(item.previousStatus.map(status)))])
            })),
            ("changed_answers", .array(c.changedAnswers.map { a in
                .object([("checklist", .string(a.ref.checklist)), ("question", .string(a.ref.question)),
                         ("prompt", .string(a.prompt)), ("previous", .string(a.previous)), ("current", .string(a.current))])
            })),
        ])
    }

    func method() -> JSONValue {
        .object([
            ("score", .string("points passed / known points × 100, each problem charged once: it weighs the most points of its applicable rules and, when any fails, costs the most points of its failed rules")),
            ("band", .string("the band of the score, lowered to the cap of any failed rule (critical rules cap at developing unless they say otherwise)")),
            ("confidence", .string("known points / (known + open points) of the applicable rules")),
            ("provisional_below_confidence", .number(ScoringPolicy.provisionalBelowConfidence)),
            ("no_score_below_confidence", .number(ScoringPolicy.noScoreBelowConfidence)),
            ("range", .string("every open rule failing … every open rule passing")),
            ("coverage", .string("questions answered (n/a counts) / questions asked")),
            ("gain", .string("what a problem costs (the most points of its failed rules) / known points × 100")),
            ("own_bars", .array(DocumentBuilder(model).ownBars().map { .string($0) })),
            ("severity_points", .object(Severity.allCases.map { ($0.rawValue, .number($0.defaultPoints)) })),
            ("bands", .array(Band.allCases.map { .object([("band", .string($0.label)), ("min", .number($0.lowerBound))]) })),
        ])
    }
}

extension JSONValue {
    /// A score-like value rounded to two decimals, or null.
    fileprivate static func rounded(_ v: Double?) -> JSONValue { .number(v.map { ($0 * 100).rounded() / 100 }) }
}
