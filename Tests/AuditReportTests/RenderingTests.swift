import AuditKit
@testable import AuditReport
import Foundation
import Testing

/// Determinism, the score bar, and what a reader of the Markdown report relies on: summary
/// first with the problems by theme, an action plan with each recommendation once, no internal
/// ids or paths in the body, and a struggling team's report short enough to be read.
@Suite struct RenderingTests {
    @Test func renderingTwiceGivesTheSameBytes() {
        for input in [Fixtures.strong, Fixtures.typical, Fixtures.struggling, CmarkRenderingTests.hostileInput] {
            #expect(Array(MarkdownReport.render(input).utf8) == Array(MarkdownReport.render(input).utf8))
            #expect(Array(HTMLReport.render(input).utf8) == Array(HTMLReport.render(input).utf8))
            #expect(Array(JSONReport.render(input).utf8) == Array(JSONReport.render(input).utf8))
        }
        let a = MarkdownReport.render(Fixtures.improved, baseline: Fixtures.struggling)
        let b = MarkdownReport.render(Fixtures.improved, baseline: Fixtures.struggling)
        #expect(a == b)
    }

    @Test func dictionaryInsertionOrderDoesNotMatter() {
        var one = Fixtures.struggling
        var two = Fixtures.struggling
        let refs = Fixtures.set.checklists.flatMap { c in c.questionIDs.map { QuestionRef(checklist: c.id, question: $0) } }
        one.notes = [:]
        two.notes = [:]
        for ref in refs { one.notes[ref] = ["note on \(ref.question)"] }
        for ref in refs.reversed() { two.notes[ref] = ["note on \(ref.question)"] }
        #expect(MarkdownReport.render(one) == MarkdownReport.render(two))
        #expect(HTMLReport.render(one) == HTMLReport.render(two))
        #expect(JSONReport.render(one) == JSONReport.render(two))
    }

    @Test(arguments: [
        (nil, "░░░░░░░░░░"),
        (0.0, "░░░░░░░░░░"),
        (100.0, "██████████"),
        (55.0, "█████▌░░░░"),
        (98.0, "█████████▊"),
        (1.25, "▏░░░░░░░░░"),
        (70.6, "███████░░░"),
        (74.9, "███████▌░░"),
        (150.0, "██████████"),
        (-3.0, "░░░░░░░░░░"),
    ] as [(Double?, String)])
    func scoreBar(_ score: Double?, _ bar: String) {
        #expect(ScoreBar.render(score) == bar)
        #expect(ScoreBar.render(score).count == ScoreBar.width)
    }

    /// The report before its annex: what a director reads.
    static func body(_ markdown: String) -> String {
        markdown.components(separatedBy: "\n## Annex\n").first ?? markdown
    }

    /// The part of a report from `## title` to the next `## ` heading.
    static func section(_ title: String, of markdown: String) -> String {
        (markdown.components(separatedBy: "\n## \(title)\n").dropFirst().first ?? "").components(separatedBy: "\n## ").first ?? ""
    }

    static func words(_ text: String) -> Int { text.split(whereSeparator: { $0 == " " || $0 == "\n" }).count }

    @Test func summaryComesFirstThenThePlanTheFindingsAndTheAnnex() throws {
        let md = MarkdownReport.render(Fixtures.struggling)
        let order = ["# Social media audit: Acme Widgets", "## Summary", "## Action plan", "## Findings", "## Annex",
                     "### The problems and the rules behind them", "### Scores", "### Questions and answers", "### Method"]
        let positions = order.map { md.range(of: $0)?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil })
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
        // 1 of 36 known points passed = 2.8 (ComparisonTests); 17 open points (requests 8,
        // fast-replies 5, written-voice 3, influencers 1): 1/53 = 1.9 … 18/53 = 34.0.
        let summary = Self.section("Summary", of: md)
        #expect(summary.contains("**Provisional score: 2.8 of 100 — at risk**. It could still end anywhere from 1.9 to 34.0 once the open questions are answered."))
        // The critical problem first, then the high ones in file order; each with its action.
        #expect(summary.contains("""
        1. Followers are sold to before they are helped (plan: action 1)
        2. No business objective is set (plan: action 2)
        3. The action plan has no metrics (plan: action 3)
        """))
        // No points, gains or ids in the summary.
        #expect(!summary.contains("points") && !summary.contains("+") && !summary.contains("`"))
        // One finding for the two rules of the theme; both rules are in the annex.
        #expect(Self.section("Findings", of: md).components(separatedBy: "\n### 1. Followers are sold to before they are helped\n").count == 2)
        #expect(md.contains("- **Help before you sell** (critical, 8 points): New followers are pitched to before the team has done anything for them.\n- **Mostly helpful posts** (medium, 3 points): Most posts promote the company rather than help the audience."))
        #expect(md.contains("Left out, since no practice in them applies to this team: Pinterest."))
    }

    @Test func textIsEscapedOnlyWhereItWouldAct() {
        let md = MarkdownReport.render(Fixtures.typical)
        #expect(md.hasPrefix("# Social media audit: Hearth & Crumb\n"))
        #expect(md.contains("- Every DM gets the same reply: \"please call 0161 496 0000\"."))
        #expect(md.contains("- <https://example.com/hearth-and-crumb/instagram-replies.png>"))
        #expect(!md.contains("&amp;") && !md.contains("\\\""))
    }

    @Test(arguments: ["struggling", "typical", "strong", "comparison"])
    func theBodyShowsNoInternals(_ name: String) throws {
        let (input, baseline) = HTMLReportTests.persona(name)
        let md = MarkdownReport.render(input, baseline: baseline)
        let body = Self.body(md)
        #expect(!body.contains("`"), "\(name): the body has a code span")
        for term in [".txt", ".csv", "response_rate", "_minutes", "==", "contains \"", "count(", "seven-steps", "four-mistakes", "points", "1h", "6h"] {
            #expect(!body.contains(term), "\(name): the body shows \(term)")
        }
    }

    /// A struggling team's body is read in one sitting: short findings, at most four actions a
    /// phase, never the same action twice.
    @Test func theStrugglingReportIsShortAndNeverRepeatsAnAction() throws {
        let md = MarkdownReport.render(Fixtures.struggling)
        #expect(Self.words(Self.body(md)) < 2_500, "the body has \(Self.words(Self.body(md))) words")
        #expect(Self.words(Self.section("Summary", of: md)) <= 250)
        let findings = Self.section("Findings", of: md).components(separatedBy: "\n### ").dropFirst()
        #expect(findings.count == 8)
        for finding in findings { #expect(Self.words(finding) <= 150, "\(finding)") }
        let plan = Self.section("Action plan", of: md)
        for phase in plan.components(separatedBy: "\n### ").dropFirst() {
            #expect(phase.split(separator: "\n").filter { $0.first?.isNumber ?? false }.count <= 4, "\(phase)")
        }
        let lines = plan.split(separator: "\n").filter { $0.first?.isNumber ?? false }
        #expect(lines.count == 8)
        #expect(Set(lines.map { $0.drop { $0 != " " } }).count == lines.count)
    }

    @Test func aSharedRecommendationIsOneAction() throws {
        // measured-objectives and plan-metrics both recommend one metric per objective: one
        // action, which both findings point to.
        let md = MarkdownReport.render(Fixtures.improved, baseline: Fixtures.struggling)
        let plan = Self.section("Action plan", of: md)
        #expect(plan.components(separatedBy: "Give each objective one metric and a monthly target.").count == 2)
        #expect(plan.contains("1. Give each objective one metric and a monthly target. **Who:** *whoever posts for you*; **by:** 15 May 2024; **worked when:** the next audit finds this in place: “Every objective is measured”."))
        let findings = Self.section("Findings", of: md)
        #expect(findings.contains("### 1. Objectives are not measured\n\n*Impact: high · Plan: action 1*"))
        #expect(findings.contains("### 2. The action plan has no metrics\n\n*Impact: high · Plan: action 1*"))
    }

    @Test func theActionPlanHasOwnersDatesAndMeasuresFromTheAuditsDate() {
        let md = MarkdownReport.render(Fixtures.struggling)
        // The audit is of 2024-01-15: the first phase ends 30 days later, the second 60.
        #expect(md.contains("""
        ### First 30 days

        1. For the first weeks share others' content, answer questions and comment; ask for nothing. Aim for at least six helpful posts in every ten. **Who:** *whoever posts for you*; **by:** 14 February 2024; **worked when:** the next audit finds this in place: “Help first, sell later”.
        2. Pick one or two objectives (awareness, leads, service, reputation) before choosing platforms. **Who:** *whoever posts for you*; **by:** 14 February 2024; **worked when:** the next audit finds this in place: “Start from desired outcomes”.
        """))
        #expect(md.contains("### Days 31–60\n\n5. Name three small groups of customers"))
        #expect(!md.contains("### Days 61–90"))
    }

    /// The team's owners and dates replace the suggestions; the rest stay suggested.
    @Test func theTeamsOwnersAndDatesAreShown() {
        var input = Fixtures.struggling
        input.plan = ["four-mistakes.selling-first": PlanAssignment(owner: "Priya", due: CalendarDate(iso: "2024-02-01"))]
        let md = MarkdownReport.render(input)
        #expect(md.contains("ask for nothing. Aim for at least six helpful posts in every ten. **Who:** Priya; **by:** 1 February 2024;"))
        #expect(md.contains("before choosing platforms. **Who:** *whoever posts for you*; **by:** 14 February 2024;"))
    }

    /// A measured threshold is how the team will know: the metric and the rule's target.
    @Test func aMeasuredRuleGivesTheSuccessMeasure() {
        let md = MarkdownReport.render(Fixtures.improved)
        // fast-replies checks `response_time <= 4h`, a question measured from the inbox export.
        #expect(md.contains("3. Check the social inbox at least three times a working day. **Who:** *whoever posts for you*; **by:** 15 May 2024; **worked when:** median time to a first reply at most 4 hours, measured again next month."), "\(Self.section("Action plan", of: md))")
    }

    /// The plan lists a critical problem before a high one worth more points, as the summary
    /// and the findings do: severity first, then gain, in every phase.
    @Test func aCriticalProblemLeadsThePlanEvenWhenAHighOneGainsMore() throws {
        let text = """
        id: order
        title: Order
        version: "1"
        sections:
          - id: s
            title: S
            questions:
              - {id: inbox, prompt: Are requests answered where asked?, type: yesno}
              - {id: goals, prompt: Are goals written down?, type: yesno}
        rules:
          - {id: r-inbox, title: Requests answered, severity: critical, points: 2, check: inbox, recommendation: Answer requests where they are asked.}
          - {id: r-goals, title: Goals written, severity: high, points: 5, check: goals, recommendation: Write the goals down.}
        """
        let md = MarkdownReport.render(Fixtures.input(checklist: "order", text, answers: ["inbox": .bool(false), "goals": .bool(false)]))
        #expect(md.contains("""
        ### First 30 days

        1. Answer requests where they are asked. **Who:** *whoever posts for you*; **by:** 2 December 2026; **worked when:** the next audit finds this in place: “Requests answered”.
        2. Write the goals down. **Who:** *whoever posts for you*; **by:** 2 December 2026; **worked when:** the next audit finds this in place: “Goals written”.
        """), "\(md)")
    }

    /// Conditions read as sentences: a choice of several words is quoted and "not answered" is
    /// said so (it read "is not only the company account is used" and "not (“…” is answered)").
    @Test func conditionsReadAsSentences() throws {
        let text = """
        id: words
        title: Words
        version: "1"
        sections:
          - id: s
            title: S
            questions:
              - {id: profiles, prompt: What do the profiles show?, type: choice, choices: [their own name and photo, only the company account is used]}
              - {id: replies, prompt: Does the team reply to comments?, type: yesno}
              - {id: mentions, prompt: Does the team reply to mentions?, type: yesno, when: not answered(replies)}
        """
        let set = Fixtures.input(checklist: "words", text).set
        let mentions = try #require(set.question(QuestionRef(checklist: "words", question: "mentions"))?.when)
        #expect(ConditionWords.describe(mentions, in: "words", set: set) == "“Does the team reply to comments?” is not answered")
        let choice = try Parser.parse("profiles != \"only the company account is used\"").get()
        #expect(ConditionWords.describe(RuleExpression(text: "", root: choice, location: SourceLocation(file: "", line: 1, column: 1)), in: "words", set: set)
                == "the answer to “What do the profiles show?” is not “only the company account is used”")
        let platform = try Parser.parse("profiles == \"Pinterest\"").get()
        #expect(ConditionWords.describe(RuleExpression(text: "", root: platform, location: SourceLocation(file: "", line: 1, column: 1)), in: "words", set: set)
                == "the answer to “What do the profiles show?” is Pinterest")
    }

    @Test func appendixShowsEveryState() {
        let md = MarkdownReport.render(Fixtures.struggling)
        #expect(md.contains("| Is there a written brand voice that every team member uses? `voice_guide` | *skipped* |  |"))
        // A question not asked says so; its condition is the checklist's (`smaudit show`).
        #expect(md.contains("| What is the median time to a first reply? `response_time` | *not asked* |  |"))
        #expect(md.contains("| Have you listed the influencers of those communities? `influencers_listed` | *not answered* |  |"))
        #expect(md.contains("- *Measure every objective* (Seven steps to productive social media): it applies only when the number of answers chosen for “Which business objectives does your social media serve?” is at least 1"))
        let strong = MarkdownReport.render(Fixtures.strong)
        #expect(strong.contains("| What is the median time to a first reply? `response_time` | “42 minutes” — measured from inbox.csv, Apr 2024: median time to a first reply; the team estimated “1h” | Evidence: inbox export, April |"))
    }

    @Test func notApplicableAnswersAreShown() {
        let yaml = """
        id: na
        title: N/A
        version: "1"
        sections:
          - id: s
            title: S
            questions:
              - {id: q, prompt: Q?, type: yesno, allow_na: true}
        rules:
          - {id: r, title: R, check: q, severity: low}
        """
        let (set, _) = ChecklistSet.load([(file: "na.yaml", text: yaml)])
        var answers = AnswerSheet()
        answers.set("na", "q", .notApplicable)
        let input = ReportInput(organisation: "O", auditors: [], date: "2024-01-01", checklistIDs: ["na"], set: set, answers: answers)
        let md = MarkdownReport.render(input)
        #expect(md.contains("| Q? `q` | *not applicable* |  |"))
        #expect(md.contains("- *R* (N/A): answered not applicable: “Q?”"))
        // The only rule reads an n/a answer: it is not applicable, so there is nothing to score.
        #expect(md.contains("**Not enough answers to score yet**"))
        #expect(md.contains("- **Auditors:** not recorded"))
        #expect(md.contains("Nothing to fix: every practice checked is in place."))
    }
}
