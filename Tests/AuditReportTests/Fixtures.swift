import AuditKit
import AuditReport
import Foundation
import Testing

/// Small checklists written after the seed articles, and the personas the golden files show.
enum Fixtures {
    static let fourMistakes = """
    id: four-mistakes
    title: The four mistakes audit
    version: 1.1.0
    sources:
      - file: 004_414b4cef5ac34fae.txt
        description: The four major social media mistakes
    themes:
      - id: selling-first
        title: Help first, sell later
        problem: Followers are sold to before they are helped
      - id: requests-unanswered
        title: Customer requests are answered on social media
        problem: Customer requests are not answered where they are asked
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
          - id: platforms
            prompt: Which platforms does the team post on?
            type: multi
            choices: [Facebook, Instagram, LinkedIn, Pinterest]
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
            help: Everyone is watching how a company treats the customer who asks in public.
          - id: response_rate
            prompt: What share of customer messages on social media get an answer?
            type: percent
            measure: inbox.response_rate
          - id: response_time
            prompt: What is the median time to a first reply?
            type: duration
            when: answers_requests
            measure: inbox.first_response_minutes.median
      - id: pinterest
        title: Pinterest
        questions:
          - id: pins_helpful
            prompt: Do most of your pins lead to something useful rather than a product page?
            type: yesno
            when: platforms contains "Pinterest"
    rules:
      - id: relationships-first
        title: Put relationships before reach
        problem: Follower count is the top priority
        check: top_priority != "growing followers"
        severity: high
        finding: Growing the follower count is the top priority, as if followers were an email list.
        recommendation: Make engagement with the followers you have the goal, and measure it monthly.
        source: "004_414b4cef5ac34fae.txt#it’s more productive to have fewer, strong, active relationships than it is to have many weak relationships"
      - id: no-early-selling
        title: Help before you sell
        problem: New followers are pitched to at once
        theme: selling-first
        check: not sells_immediately
        severity: critical
        finding: New followers are pitched to before the team has done anything for them.
        recommendation: For the first weeks share others' content, answer questions and comment; ask for nothing.
        source: "004_414b4cef5ac34fae.txt#your followers need to see that you are doing things (and continue doing things) for them"
      - id: helpful-content
        title: Mostly helpful posts
        problem: Most posts promote rather than help
        theme: selling-first
        check: helpful_share >= 60%
        severity: medium
        finding: Most posts promote the company rather than help the audience.
        recommendation: Aim for at least six helpful posts in every ten.
        source: "004_414b4cef5ac34fae.txt#Help others by sharing their content"
      - id: people-not-logos
        title: People, not logos
        problem: The team hides behind the logo
        check: not logo_avatar
        severity: medium
        finding: The team speaks as a logo, so relationships start with mistrust.
        recommendation: Let each representative post under their own name and photo.
        source: "004_414b4cef5ac34fae.txt#Social media users build relationships (one-to-one) with people, not with companies"
      - id: answer-service-requests
        title: Reply to customer requests on social
        problem: Customer requests are sent away from social media
        theme: requests-unanswered
        check: answers_requests
        severity: critical
        finding: Customer service requests on social media are sent to the phone line or left unanswered while everyone watches.
        recommendation: Name an owner for the social inbox and answer every request where it was asked.
        source: "004_414b4cef5ac34fae.txt#everyone is watching when his people don’t respond"
      - id: answer-most-messages
        title: Answer four in five messages
        problem: Many customer messages get no answer
        theme: requests-unanswered
        check: response_rate >= 80%
        severity: high
        finding: Fewer than four in five customer messages on social media get an answer.
        recommendation: Name an owner for the social inbox and answer every request where it was asked.
        source: "004_414b4cef5ac34fae.txt#everyone is watching when his people don’t respond"
      - id: fast-replies
        title: Reply within four hours
        problem: Replies to customers are slow
        applies: answers_requests
        check: response_time <= 4h
        severity: high
        finding: Replies to customers take longer than four hours.
        recommendation: Check the social inbox at least three times a working day.
        source: "004_414b4cef5ac34fae.txt#resolve a customer problem quickly and efficiently via social media"
      - id: pinterest-helpful
        title: Pins that help
        problem: Pins lead straight to product pages
        applies: platforms contains "Pinterest"
        check: pins_helpful
        severity: low
        finding: Most pins lead to a product page.
        recommendation: Pin guides and ideas, and link products from there.
    """

    static let sevenSteps = """
    id: seven-steps
    title: Seven steps to productive social media
    version: 0.4.0
    sources:
      - file: 000_aef1c638dcf3e173.txt
        title: 7 Steps to Productive Business Use of Social Media
        author: Martin Zwilling
        date: "2013-08-18"
    themes:
      - id: unmeasured
        title: Every objective is measured
        problem: Objectives are not measured
    sections:
      - id: outcomes
        title: "Step 1: Desired outcomes"
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
        title: "Step 2: Brand personality and voice"
        questions:
          - id: voice_guide
            prompt: Is there a written brand voice that every team member uses?
            type: yesno
          - id: voice_consistency
            prompt: How consistent is the voice across platforms (1 to 5)?
            type: scale
      - id: segments
        title: "Step 3: Micro-segments"
        questions:
          - id: segments_named
            prompt: Have you named the smallest groups of customers you want to reach?
            type: yesno
            help: Marketing at the generic segment level no longer works; social media lets you reach micro-segments.
      - id: communities
        title: "Step 4: Communities"
        questions:
          - id: communities_known
            prompt: Do you know the online communities where those groups gather?
            type: yesno
      - id: influencers
        title: "Step 5: Influencers"
        questions:
          - id: influencers_listed
            prompt: Have you listed the influencers of those communities?
            type: yesno
      - id: plan
        title: "Step 6: Action plan with metrics"
        questions:
          - id: plan_metrics
            prompt: Does the action plan give every activity a metric?
            type: yesno
      - id: measure
        title: "Step 7: Execute and measure"
        questions:
          - id: roi_review
            prompt: How often do you review results against their return on investment?
            type: choice
            choices: [monthly, quarterly, never]
    rules:
      - id: has-objectives
        title: Start from desired outcomes
        problem: No business objective is set
        check: count(objectives) >= 1
        severity: high
        finding: No business objective is named for social media.
        recommendation: Pick one or two objectives (awareness, leads, service, reputation) before choosing platforms.
        source: "000_aef1c638dcf3e173.txt#Focus on desired outcomes first"
      - id: measured-objectives
        title: Measure every objective
        theme: unmeasured
        applies: count(objectives) >= 1
        check: metrics_defined
        severity: high
        finding: Objectives are named but not measured.
        recommendation: Give each objective one metric and a monthly target.
        source: "000_aef1c638dcf3e173.txt#with little thought given to goals, objectives, or metrics"
      - id: written-voice
        title: Write the brand voice down
        problem: The brand voice is not written down
        check: voice_guide
        severity: medium
        finding: The brand voice lives in people's heads.
        recommendation: Write one page on tone, vision and expertise and share it with everyone who posts.
        source: "000_aef1c638dcf3e173.txt#make sure it is consistently used by all team members across all platforms used"
      - id: consistent-voice
        title: One voice on every platform
        problem: The voice changes from platform to platform
        check: voice_consistency >= 4
        severity: low
        finding: The voice changes from one platform to the next.
        recommendation: Review a week of posts per platform against the voice page each month.
        source: "000_aef1c638dcf3e173.txt#Incorporate brand personality and voice"
      - id: micro-segments
        title: Reach micro-segments
        problem: Everyone is addressed as one audience
        check: segments_named
        severity: medium
        finding: Posts are written for everyone at once.
        recommendation: Name three small groups of customers and write for one of them at a time.
        source: "000_aef1c638dcf3e173.txt#Identify the smallest segments possible of your constituents"
      - id: communities
        title: Know the communities
        problem: The communities of those customers are unknown
        check: communities_known
        severity: medium
        finding: Nobody knows where those customers talk to each other online.
        recommendation: List the groups, forums and hashtags where each segment gathers, and join two.
        source: "000_aef1c638dcf3e173.txt#Identify the communities for these micro-segments"
      - id: influencers
        title: Know the influencers
        problem: The influencers of those communities are unknown
        check: influencers_listed
        severity: low
        finding: No influencer of those communities is known by name.
        recommendation: Name five people each community listens to and follow their work.
        source: "000_aef1c638dcf3e173.txt#Identify the influencers of these communities"
      - id: plan-metrics
        title: A plan with metrics
        problem: The action plan has no metrics
        check: plan_metrics
        severity: high
        finding: Activities are planned without a measure of success.
        recommendation: Give each objective one metric and a monthly target.
        source: "000_aef1c638dcf3e173.txt#Create an action plan with metrics"
      - id: roi-review
        title: Review the return
        problem: Results are never weighed against their cost
        check: roi_review != "never"
        severity: medium
        finding: Nobody compares what social media costs with what it brings.
        recommendation: Once a month, compare hours and spend with leads and sales from social media.
        source: "000_aef1c638dcf3e173.txt#Measuring is all about return-on-investment (ROI)"
      - id: service-backed
        title: Back a service objective with replies
        problem: Service is an objective, yet requests go unanswered
        theme: four-mistakes.requests-unanswered
        points: 0
        applies: objectives contains "service and support"
        check: four-mistakes.answers_requests
        severity: medium
        finding: Service and support is an objective, yet requests on social media are not answered there.
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

    /// One checklist a test writes for itself, loaded (it must load without errors) and
    /// answered as `answers` says, as Acme's audit of 2026-11-02 by Jo.
    static func input(checklist id: String, _ text: String, answers: [String: AnswerValue] = [:],
                      sourceLocation: Testing.SourceLocation = #_sourceLocation) -> ReportInput {
        let (set, diagnostics) = ChecklistSet.load([(file: "\(id).yaml", text: text)])
        #expect(!diagnostics.hasErrors, "\(diagnostics)", sourceLocation: sourceLocation)
        var sheet = AnswerSheet()
        for (question, value) in answers { sheet.set(id, question, value) }
        return ReportInput(organisation: "Acme", auditors: ["Jo"], date: "2026-11-02", checklistIDs: [id], set: set, answers: sheet)
    }

    static func ref(_ checklist: String, _ question: String) -> QuestionRef {
        QuestionRef(checklist: checklist, question: question)
    }

    /// A café team that does nearly everything right: one low-severity gap, and a reply time
    /// measured from its inbox export that beats the team's own guess.
    static var strong: ReportInput {
        var a = AnswerSheet()
        a.set("seven-steps", "objectives", .choices(["brand awareness", "service and support"]))
        a.set("seven-steps", "metrics_defined", .bool(true))
        a.set("seven-steps", "voice_guide", .bool(true))
        a.set("seven-steps", "voice_consistency", .scale(3))
        a.set("seven-steps", "segments_named", .bool(true))
        a.set("seven-steps", "communities_known", .bool(true))
        a.set("seven-steps", "influencers_listed", .bool(true))
        a.set("seven-steps", "plan_metrics", .bool(true))
        a.set("seven-steps", "roi_review", .choice("monthly"))
        a.set("four-mistakes", "top_priority", .choice("engagement with followers"))
        a.set("four-mistakes", "platforms", .choices(["Instagram", "LinkedIn"]))
        a.set("four-mistakes", "sells_immediately", .bool(false))
        a.set("four-mistakes", "helpful_share", .percent(0.75))
        a.set("four-mistakes", "logo_avatar", .bool(false))
        a.set("four-mistakes", "answers_requests", .bool(true))
        a.set("four-mistakes", "response_rate", .percent(0.96))
        a.set("four-mistakes", "response_time", .duration(seconds: 42 * 60))
        return ReportInput(
            organisation: "Café Lumière 🥐", auditors: ["Zoë Martin", "Sam Okafor"], date: "2024-05-02",
            checklistIDs: ids, set: set, answers: a,
            notes: [ref("seven-steps", "voice_consistency"): ["Instagram is playful, LinkedIn reads like a press release."]],
            evidence: [ref("four-mistakes", "response_time"): ["inbox export, April"]],
            measured: [ref("four-mistakes", "response_time"): MeasuredAnswer(file: "exports/inbox.csv", metric: "inbox.first_response_minutes.median",
                                                                         value: 42, period: "Apr 2024", estimate: "1h")])
    }

    /// A bakery chain that does much right but sends every customer request to the phone line
    /// (the critical practice: the band is capped), guessed its reply rate far too low, and has
    /// an answer kept from when it still posted on Pinterest.
    static var typical: ReportInput {
        var a = AnswerSheet()
        a.set("seven-steps", "objectives", .choices(["brand awareness", "lead generation"]))
        a.set("seven-steps", "metrics_defined", .bool(true))
        a.set("seven-steps", "voice_guide", .bool(true))
        a.set("seven-steps", "voice_consistency", .scale(4))
        a.set("seven-steps", "segments_named", .bool(true))
        a.set("seven-steps", "communities_known", .bool(true))
        a.set("seven-steps", "influencers_listed", .bool(false))
        a.set("seven-steps", "plan_metrics", .bool(true))
        a.set("seven-steps", "roi_review", .choice("quarterly"))
        a.set("four-mistakes", "top_priority", .choice("engagement with followers"))
        a.set("four-mistakes", "platforms", .choices(["Facebook", "Instagram"]))
        a.set("four-mistakes", "sells_immediately", .bool(false))
        a.set("four-mistakes", "helpful_share", .percent(0.7))
        a.set("four-mistakes", "logo_avatar", .bool(false))
        a.set("four-mistakes", "answers_requests", .bool(false))
        a.set("four-mistakes", "response_rate", .percent(0.898))
        // Answered while the team still used Pinterest; kept, no longer asked.
        a.set("four-mistakes", "pins_helpful", .bool(true))
        return ReportInput(
            organisation: "Hearth & Crumb", auditors: ["Priya Natarajan (Northlight Consulting)"], date: "2026-11-02",
            checklistIDs: ids, set: set, answers: a,
            notes: [ref("four-mistakes", "answers_requests"): ["Every DM gets the same reply: \"please call 0161 496 0000\"."]],
            evidence: [ref("four-mistakes", "answers_requests"): ["https://example.com/hearth-and-crumb/instagram-replies.png"]],
            measured: [ref("four-mistakes", "response_rate"): MeasuredAnswer(file: "/home/priya/clients/hearth/exports/inbox-oct.csv",
                                                                         metric: "inbox.response_rate", value: 0.898,
                                                                         period: "Oct 2026", estimate: "50%")])
    }

    /// The answers of a team that grows followers, sells at once and hides behind the logo;
    /// some questions are open or skipped.
    static var strugglingAnswers: AnswerSheet {
        var a = AnswerSheet()
        a.set("seven-steps", "objectives", .choices([]))
        a.set("seven-steps", "voice_consistency", .scale(4))
        a.set("seven-steps", "segments_named", .bool(false))
        a.set("seven-steps", "communities_known", .bool(false))
        a.set("seven-steps", "plan_metrics", .bool(false))
        a.set("seven-steps", "roi_review", .choice("never"))
        a.set("four-mistakes", "top_priority", .choice("growing followers"))
        a.set("four-mistakes", "platforms", .choices(["Facebook", "Instagram"]))
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

    /// The same team a quarter later: selling stopped, objectives named, requests answered, but
    /// replies slow and the voice drifting.
    static var improved: ReportInput {
        var a = strugglingAnswers
        a.set("seven-steps", "objectives", .choices(["lead generation", "service and support"]))
        a.set("seven-steps", "metrics_defined", .bool(false))
        a.set("seven-steps", "voice_guide", .bool(true))
        a.set("seven-steps", "voice_consistency", .scale(2))
        a.set("seven-steps", "segments_named", .bool(true))
        a.set("seven-steps", "roi_review", .choice("quarterly"))
        a.set("four-mistakes", "sells_immediately", .bool(false))
        a.set("four-mistakes", "helpful_share", .percent(0.5))
        a.set("four-mistakes", "answers_requests", .bool(true))
        a.set("four-mistakes", "response_rate", .percent(0.85))
        a.set("four-mistakes", "response_time", .duration(seconds: 6 * 3600))
        return ReportInput(
            organisation: "Acme Widgets", auditors: ["Jo Park", "Ana Silva"], date: "2024-04-15",
            checklistIDs: ids, set: set, answers: a,
            notes: [ref("four-mistakes", "response_time"): ["Replies wait for the weekly support meeting."]])
    }
}
