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

    /// The report before its appendix: what a manager reads.
    static func body(_ markdown: String) -> String {
        markdown.components(separatedBy: "\n## Appendix\n").first ?? markdown
    }

    @Test func summaryComesFirstWithTheProblemsByTheme() throws {
        let md = MarkdownReport.render(Fixtures.struggling)
        let order = ["# Social media audit: Acme Widgets", "## Summary", "## Action plan", "## Scores", "## Findings", "## Appendix", "### Scoring method"]
        let positions = order.map { md.range(of: $0)?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil })
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
        // 1 of 36 known points passed = 2.8 (ComparisonTests); 17 open points (requests 8,
        // fast-replies 5, written-voice 3, influencers 1): 1/53 = 1.9 … 18/53 = 34.0.
        #expect(md.contains("**Provisional score: 2.8 of 100 — at risk**"))
        #expect(md.contains("It could still end anywhere from 1.9 to 34.0: 5 rules wait for answers. 11 of 15 questions are answered."))
        // The critical problem (selling-first, charged once: 8 of 36 = +22.2) first, then three
        // high problems worth 5 points each (+13.9), in file order since their gains tie.
        #expect(md.contains("""
        1. **Followers are sold to before they are helped** — critical; fixing it adds 22.2 points to the score
        2. **No business objective is set** — high; fixing it adds 13.9 points to the score
        3. **The action plan has no metrics** — high; fixing it adds 13.9 points to the score
        """))
        // One finding for the two rules of the theme, with both rules named once.
        #expect(md.components(separatedBy: "### 1. Followers are sold to before they are helped").count == 2)
        #expect(md.contains("*Rules behind it: Help before you sell (critical, 8 points); Mostly helpful posts (medium, 3 points)*"))
    }

    @Test func aCappedBandSaysSoAndTheEstimateMeetsTheExport() {
        let md = MarkdownReport.render(Fixtures.typical)
        // 44 of 53 points (problems charged once) = 83.0, strong by points; the failed critical
        // practice caps it at developing.
        #expect(md.contains("**Overall score: 83.0 of 100 — developing (capped; strong by points alone)**"))
        #expect(!md.contains("keep it up"))
        #expect(md.contains("- You estimated “50%” for “What share of customer messages on social media get an answer?”; the inbox export (inbox-oct.csv, Oct 2026) shows 89.8%."))
        // The export is named, never the folder it sat in; the metric is said in words.
        #expect(!md.contains("/home/priya") && !md.contains("inbox.response_rate"))
        #expect(md.contains("“89.8%” — measured from inbox-oct.csv, Oct 2026: share of customer messages answered; the team estimated “50%”"))
    }

    @Test func keptAnswersAndUnusedPlatformsAreSaidInWords() {
        let md = MarkdownReport.render(Fixtures.typical)
        #expect(md.contains("| Do most of your pins lead to something useful rather than a product page? `pins_helpful` | “yes” *(kept, not scored: no longer asked because it applies only when the answer to “Which platforms does the team post on?” includes Pinterest)* |  |"))
        // The Pinterest section has no bar: the team does not post there.
        #expect(!md.contains("| Pinterest |"))
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
        // Without the score bars, the body has no code span: no question or checklist id.
        let body = Self.body(md).replacingOccurrences(of: #"`[█▏▎▍▌▋▊▉░]+`"#, with: "", options: .regularExpression)
        #expect(!body.contains("`"))
        for term in [".txt", "response_rate", "_minutes", "==", "contains \"", "count(", "seven-steps", "four-mistakes"] {
            #expect(!body.contains(term), "\(name): the body shows \(term)")
        }
    }

    /// A struggling team's report must be readable in one sitting and never repeat advice.
    @Test func theStrugglingReportIsShortAndNeverRepeatsARecommendation() throws {
        let md = MarkdownReport.render(Fixtures.struggling)
        let words = Self.body(md).split(whereSeparator: { $0 == " " || $0 == "\n" }).count
        #expect(words < 3_500, "the body before the appendix has \(words) words")
        let findings = try #require(md.components(separatedBy: "\n## Findings\n").last?.components(separatedBy: "\n## ").first)
        let recommendations = findings.split(separator: "\n").filter { $0.hasPrefix("**Recommendation:** ") }
        #expect(recommendations.count == 8)
        #expect(Set(recommendations).count == recommendations.count)
        let plan = try #require(md.components(separatedBy: "\n## Action plan\n").last?.components(separatedBy: "\n## ").first)
        let lines = plan.split(separator: "\n").filter { $0.first?.isNumber ?? false }
        #expect(lines.count == 8)
        #expect(Set(lines.map { $0.drop { $0 != " " } }).count == lines.count)
    }

    @Test func aSharedRecommendationIsGivenOnce() throws {
        // measured-objectives and plan-metrics both recommend one metric per objective.
        let md = MarkdownReport.render(Fixtures.improved, baseline: Fixtures.struggling)
        #expect(md.components(separatedBy: "Give each objective one metric and a monthly target.").count == 3)  // plan + first finding
        #expect(md.contains("**Recommendation:** the one for finding 1, *Objectives are not measured*, fixes this too."))
        // In the plan the two problems share one line, and their gains add: 5 + 5 of 57 points.
        #expect(md.contains("1. Give each objective one metric and a monthly target. (+17.5; restores *Every objective is measured* and *A plan with metrics*)"))
    }

    @Test func theActionPlanPutsCriticalAndHighFirstThenGain() {
        let md = MarkdownReport.render(Fixtures.struggling)
        #expect(md.contains("""
        ### First 30 days

        1. For the first weeks share others' content, answer questions and comment; ask for nothing. Aim for at least six helpful posts in every ten. (+22.2; restores *Help first, sell later*)
        2. Pick one or two objectives (awareness, leads, service, reputation) before choosing platforms. (+13.9; restores *Start from desired outcomes*)
        """))
        #expect(md.contains("### Days 31–60\n\n5. Name three small groups of customers"))
        #expect(!md.contains("### Days 61–90"))
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
        // 2 and 5 of 7 points: 28.6 and 71.4 to gain.
        #expect(md.contains("""
        ### First 30 days

        1. Answer requests where they are asked. (+28.6; restores *Requests answered*)
        2. Write the goals down. (+71.4; restores *Goals written*)
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
        #expect(md.contains("| What is the median time to a first reply? `response_time` | *not asked* (asked only when the answer to “Do you answer customer service requests on social media?” is yes) |  |"))
        #expect(md.contains("| Have you listed the influencers of those communities? `influencers_listed` | *not answered* |  |"))
        #expect(md.contains("- *Measure every objective* (Seven steps to productive social media): it applies only when the number of answers chosen for “Which business objectives does your social media serve?” is at least 1"))
        let strong = MarkdownReport.render(Fixtures.strong)
        #expect(strong.contains("| What is the median time to a first reply? `response_time` | “42m” — measured from inbox.csv, Apr 2024: median time to a first reply; the team estimated “1h” | Evidence: inbox export, April |"))
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
