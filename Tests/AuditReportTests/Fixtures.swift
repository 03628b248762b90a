import AuditKit
import AuditReport
import Foundation

/// Small checklists written after the seed articles, and the personas the golden files show.
enum Fixtures {
    static let fourMistakes = """
    id: four-mistakes
    title: The four mistakes audit
    version: 1.0.0
    sources: [004_414b4cef5ac34fae.txt]
    sections:
      - id: network
        title: Network size versus relationships
        questions:
          - id: top_priority
            prompt: What is the top priority of your social media work right now?
            type: choice
            choices: [growing followers, engagement with followers, sales, customer service]
            help: Fewer, strong, active relationships are worth more than many weak ones.
            source: "004_414b4cef5ac34fae.txt#fewer, strong, active relationships"
      - id: selling
        title: Selling right away
        questions:
          - id: sells_immediately
            prompt: Do you pitch products to new followers before you have helped them?
            type: yesno
            help: Followers need to see you doing things for them before they do anything for you.
          - id: helpful_share
            prompt: What share of your posts help others rather than promote you?
            type: percent
      - id: personal
        title: Being personal
        questions:
          - id: logo_avatar
            prompt: Does the team post behind the company logo instead of their own names and faces?
            type: yesno
      - id: service
        title: Customer service on social media
        questions:
          - id: answers_requests
            prompt: Do you answer customer service requests on social media?
            type: yesno
          - id: response_time
            prompt: What is the median time to a first reply?
            type: duration
            when: answers_requests
            measure: inbox.first_response_minutes.median
    rules:
      - id: relationships-first
        title: Put relationships before reach
        check: top_priority != "growing followers"
        severity: high
        finding: Growing the follower count is the top priority, as if followers were an email list.
        recommendation: Make engagement with the followers you have the goal, and measure it monthly.
        source: "004_414b4cef5ac34fae.txt#it’s more productive to have fewer, strong, active relationships than it is to have many weak relationships"
      - id: no-early-selling
        title: Help before you sell
        check: not sells_immediately
        severity: critical
        finding: New followers are pitched to before the team has done anything for them.
        recommendation: For the first weeks share others' content, answer questions and comment; ask for nothing.
        source: "004_414b4cef5ac34fae.txt#your followers need to see that you are doing things (and continue doing things) for them"
      - id: helpful-content
        title: Mostly helpful posts
        check: helpful_share >= 60%
        severity: medium
        finding: Most posts promote the company rather than help the audience.
        recommendation: Aim for at least six helpful posts in every ten.
        source: "004_414b4cef5ac34fae.txt#Help others by sharing their content"
      - id: people-not-logos
        title: People, not logos
        check: not logo_avatar
        severity: medium
        finding: The team speaks as a logo, so relationships start with mistrust.
        recommendation: Let each representative post under their own name and photo.
        source: "004_414b4cef5ac34fae.txt#Social media users build relationships (one-to-one) with people, not with companies"
      - id: answer-service-requests
        title: Reply to customer requests on social
        check: answers_requests
        severity: critical
        finding: Customer service requests on social media go unanswered while everyone watches.
        recommendation: Name an owner for the social inbox and answer every request there.
        source: "004_414b4cef5ac34fae.txt#everyone is watching when his people don’t respond"
      - id: fast-replies
        title: Reply within four hours
        applies: answers_requests
        check: response_time <= 4h
        severity: high
        finding: Replies to customers take longer than four hours.
        recommendation: Check the social inbox at least three times a working day.
        source: "004_414b4cef5ac34fae.txt#resolve a customer problem quickly and efficiently via social media"
    """

    static let sevenSteps = """
    id: seven-steps
    title: Seven steps to productive social media
    version: 0.3.1
    sources: [000_aef1c638dcf3e173.txt]
    sections:
      - id: outcomes
        title: Desired outcomes
        questions:
          - id: objectives
            prompt: Which business objectives does your social media serve?
            type: multi
            choices: [brand awareness, lead generation, service and support, reputation management]
            help: The platforms and how you use them differ for lead generation versus service and support.
          - id: metrics_defined
            prompt: Does every objective have a metric you track?
            type: yesno
            when: count(objectives) >= 1
      - id: voice
        title: Brand personality and voice
        questions:
          - id: voice_guide
            prompt: Is there a written brand voice that every team member uses?
            type: yesno
          - id: voice_consistency
            prompt: How consistent is the voice across platforms (1 to 5)?
            type: scale
    rules:
      - id: has-objectives
        title: Start from desired outcomes
        check: count(objectives) >= 1
        severity: high
        finding: No business objective is named for social media.
        recommendation: Pick one or two objectives (awareness, leads, service, reputation) before choosing platforms.
        source: "000_aef1c638dcf3e173.txt#Focus on desired outcomes first"
      - id: measured-objectives
        title: Measure every objective
        applies: count(objectives) >= 1
        check: metrics_defined
        severity: high
        finding: Objectives are named but not measured.
        recommendation: Give each objective one metric and a monthly target.
        source: "000_aef1c638dcf3e173.txt#with little thought given to goals, objectives, or metrics"
      - id: written-voice
        title: Write the brand voice down
        check: voice_guide
        severity: medium
        finding: The brand voice lives in people's heads.
        recommendation: Write one page on tone, vision and expertise and share it with everyone who posts.
        source: "000_aef1c638dcf3e173.txt#make sure it is consistently used by all team members across all platforms used"
      - id: consistent-voice
        title: One voice on every platform
        check: voice_consistency >= 4
        severity: low
        finding: The voice changes from one platform to the next.
        recommendation: Review a week of posts per platform against the voice page each month.
        source: "000_aef1c638dcf3e173.txt#Incorporate brand personality and voice"
      - id: service-backed
        title: Back a service objective with replies
        applies: objectives contains "service and support"
        check: four-mistakes.answers_requests
        severity: medium
        finding: Service and support is an objective, yet requests on social media are not answered.
        recommendation: Either staff the social inbox or drop service from the objectives.
        source: "000_aef1c638dcf3e173.txt#service and support"
    """

    /// Both checklists, loaded together so the cross-checklist rule resolves.
    static let set: ChecklistSet = {
        let (set, diagnostics) = ChecklistSet.load([(file: "four-mistakes.yaml", text: fourMistakes),
                                                   (file: "seven-steps.yaml", text: sevenSteps)])
        precondition(!diagnostics.hasErrors, "fixture checklists have errors: \(diagnostics)")
        return set
    }()

    static let ids = ["seven-steps", "four-mistakes"]

    static func ref(_ checklist: String, _ question: String) -> QuestionRef {
        QuestionRef(checklist: checklist, question: question)
    }

    /// A café team that does nearly everything right: one low-severity gap.
    static var strong: ReportInput {
        var a = AnswerSheet()
        a.set("seven-steps", "objectives", .choices(["brand awareness", "service and support"]))
        a.set("seven-steps", "metrics_defined", .bool(true))
        a.set("seven-steps", "voice_guide", .bool(true))
        a.set("seven-steps", "voice_consistency", .scale(3))
        a.set("four-mistakes", "top_priority", .choice("engagement with followers"))
        a.set("four-mistakes", "sells_immediately", .bool(false))
        a.set("four-mistakes", "helpful_share", .percent(0.75))
        a.set("four-mistakes", "logo_avatar", .bool(false))
        a.set("four-mistakes", "answers_requests", .bool(true))
        a.set("four-mistakes", "response_time", .duration(seconds: 42 * 60))
        return ReportInput(
            organisation: "Café Lumière 🥐", auditors: ["Zoë Martin", "Sam Okafor"], date: "2024-05-02",
            checklistIDs: ids, set: set, answers: a,
            notes: [ref("seven-steps", "voice_consistency"): ["Instagram is playful, LinkedIn reads like a press release."]],
            evidence: [ref("four-mistakes", "response_time"): ["inbox export, April"]],
            measured: [ref("four-mistakes", "response_time"): MeasuredAnswer(file: "inbox.csv", metric: "inbox.first_response_minutes.median", value: 42)])
    }

    /// The answers of a team that grows followers, sells at once and hides behind the logo;
    /// some questions are open or skipped.
    static var strugglingAnswers: AnswerSheet {
        var a = AnswerSheet()
        a.set("seven-steps", "objectives", .choices([]))
        a.set("four-mistakes", "top_priority", .choice("growing followers"))
        a.set("four-mistakes", "sells_immediately", .bool(true))
        a.set("four-mistakes", "helpful_share", .percent(0.2))
        a.set("four-mistakes", "logo_avatar", .bool(true))
        return a
    }

    /// A team in trouble, with open and skipped questions.
    static var struggling: ReportInput {
        ReportInput(
            organisation: "Acme Widgets", auditors: ["Jo Park"], date: "2024-01-15",
            checklistIDs: ids, set: set, answers: strugglingAnswers,
            notes: [ref("four-mistakes", "top_priority"): ["The giveaway in March brought 4,000 followers.", "Nobody tracks engagement."]],
            evidence: [ref("four-mistakes", "logo_avatar"): ["https://example.com/acme/profile"]],
            skipped: [ref("four-mistakes", "answers_requests"), ref("seven-steps", "voice_guide")])
    }

    /// The same team a quarter later: selling stopped, objectives named, requests answered.
    static var improved: ReportInput {
        var a = strugglingAnswers
        a.set("seven-steps", "objectives", .choices(["lead generation", "service and support"]))
        a.set("seven-steps", "metrics_defined", .bool(false))
        a.set("seven-steps", "voice_guide", .bool(true))
        a.set("seven-steps", "voice_consistency", .scale(4))
        a.set("four-mistakes", "sells_immediately", .bool(false))
        a.set("four-mistakes", "helpful_share", .percent(0.5))
        a.set("four-mistakes", "answers_requests", .bool(true))
        a.set("four-mistakes", "response_time", .duration(seconds: 6 * 3600))
        return ReportInput(
            organisation: "Acme Widgets", auditors: ["Jo Park", "Ana Silva"], date: "2024-04-15",
            checklistIDs: ids, set: set, answers: a,
            notes: [ref("four-mistakes", "response_time"): ["Replies wait for the weekly support meeting."]])
    }
}
