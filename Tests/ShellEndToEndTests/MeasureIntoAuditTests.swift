import Foundation
import Testing
import TestSupport

/// Platform exports filling audit questions.
@Suite struct MeasureIntoAuditTests {
    let smaudit: Smaudit

    init() throws { smaudit = try Smaudit() }

    /// Two conversation starters (1 and 3); the brand replies to 1 after 30 minutes and never to 3:
    /// response rate 1/2 = 50%, median first response 30 minutes. The messages run from January 2
    /// to 29, so the export covers January 2026, the last full month the questions ask about.
    let inbox = """
    id,from,inbound,time,in_reply_to
    1,alice,true,2026-01-02 10:00,
    2,Brand,false,2026-01-02 10:30,1
    3,bob,true,2026-01-29 11:00,

    """

    @Test func measureIntoFillsTheMeasurableQuestionsOfASession() throws {
        let inboxPath = try smaudit.write(inbox, to: "inbox.csv")
        let session = try smaudit.write("organisation: Acme\nanswers:\n  four-mistakes: {top_priority: sales}\n", to: "acme.yaml")
        let result = try smaudit.run(["measure", "--inbox", inboxPath, "--into", session],
                                     environment: ["SMAUDIT_NOW": "2026-11-23T10:00:00Z"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("50"))
        #expect(result.stderr.contains("four-mistakes.response_rate = 50% (measured from inbox.csv, January 2026, the last full month in the exports: inbox.response_rate)"))
        #expect(result.stderr.contains("four-mistakes.first_response_time = 30m (measured from inbox.csv, January 2026, the last full month in the exports: inbox.first_response_minutes.median)"))
        // January ended 296 days before the audit's day: said once, not per question.
        #expect(result.stderr.components(separatedBy: "  Note: the data ends on 31 January 2026, 296 days before today: a newer export describes the team as it is now.\n").count == 2, "\(result.stderr)")
        let saved = try smaudit.read("acme.yaml")
        #expect(saved.contains("measured: {file: \"\(inboxPath)\", metric: \"inbox.response_rate\", value: 0.5"))
        #expect(saved.contains("top_priority: \"sales\""))

        // The measured answers show in the report as measured from the file, named without the
        // folder it sat in (a consultant's home folder is nobody's business).
        let report = try smaudit.run(["report", session, "-o", "-"])
        #expect(report.stdout.contains("measured from inbox.csv"))
        #expect(!report.stdout.contains(inboxPath))

        // The hand-written answers file was kept as it was before becoming a session file.
        #expect(try smaudit.read("acme.yaml.orig") == "organisation: Acme\nanswers:\n  four-mistakes: {top_priority: sales}\n")
        #expect(result.stderr.contains("is now a session file; the answers file as you wrote it (with its comments) is kept as \(session).orig"))
    }

    /// Issue 29, item 4: the shell's `measure` into its open audit and `measure --into` fill
    /// through one services path (MeasuredAnswers.Filling), so they fill and say the same.
    @Test func theShellAndMeasureIntoFillAlike() throws {
        let inboxPath = try smaudit.write(inbox, to: "inbox.csv")
        let answers = "organisation: Acme\nanswers:\n  four-mistakes: {top_priority: sales}\n"
        let into = try smaudit.write(answers, to: "into.yaml")
        let open = try smaudit.write(answers, to: "open.yaml")
        let now = ["SMAUDIT_NOW": "2026-11-23T10:00:00Z"]
        let filled = try smaudit.run(["measure", "--inbox", inboxPath, "--into", into], environment: now)
        let shell = try smaudit.run(["audit", "--session", open], input: "/measure --inbox \(inboxPath)\n", environment: now)
        #expect(filled.status == 0 && shell.status == 0, "\(filled.stderr)\(shell.stderr)")
        // From "Filled" to the end of the note on old data: the same lines from both.
        func block(_ text: String) -> [Substring] {
            let lines = text.split(separator: "\n")
            guard let start = lines.firstIndex(where: { $0.hasPrefix("Filled ") }) else { return [] }
            return Array(lines[start...].prefix { $0.hasPrefix("Filled ") || $0.hasPrefix("  ") })
        }
        #expect(block(filled.stderr).count == 4, "\(filled.stderr)")
        #expect(block(shell.stdout) == block(filled.stderr), "\(shell.stdout)")
        let measured = { (text: String) in text.split(separator: "\n").filter { $0.contains("measured: {") } }
        #expect(try measured(smaudit.read("open.yaml")) == measured(smaudit.read("into.yaml")))
    }

    /// A measured share is stored as a person would type it; the exact value stays in `measured`.
    @Test func measuredAnswersAreRoundedAndASessionIsNotBackedUpAgain() throws {
        let inboxPath = try smaudit.write("""
        id,from,inbound,time,in_reply_to
        1,alice,true,2026-01-02 10:00,
        2,Brand,false,2026-01-02 10:30,1
        3,bob,true,2026-01-15 11:00,
        4,Brand,false,2026-01-15 11:20,3
        5,carol,true,2026-01-29 12:00,

        """, to: "inbox.csv")
        let session = try smaudit.write("organisation: Acme\nanswers:\n  four-mistakes: {top_priority: sales}\n", to: "acme.yaml")
        for _ in 0..<2 {
            let result = try smaudit.run(["measure", "--inbox", inboxPath, "--into", session])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stderr.contains("four-mistakes.response_rate = 66.67% (measured from inbox.csv, January 2026, the last full month in the exports: inbox.response_rate)"))
        }
        let saved = try smaudit.read("acme.yaml")
        #expect(saved.contains("answer: \"66.67%\""))
        #expect(saved.contains("value: 0.6666666666"))
        // The second run found a session file and kept no second copy.
        #expect(FileManager.default.fileExists(atPath: session + ".orig"))
        #expect(!FileManager.default.fileExists(atPath: session + ".orig.2"))
    }

    @Test func theShellsMeasureFillsTheOpenAudit() throws {
        try smaudit.installMiniChecklist(miniChecklist.replacingOccurrences(
            of: "        when: answers_on_social\n",
            with: "        when: answers_on_social\n        measure: inbox.first_response_minutes.median\n"))
        let inboxPath = try smaudit.write(inbox, to: "inbox.csv")
        let result = try smaudit.run(["audit", "mini", "--organisation", "Acme", "--auditors", "Dana"],
                                     input: "sales\n900\nyes\n/measure --inbox \(inboxPath)\n/review\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("mini.response_time = 30m (measured from inbox.csv, 2 January 2026 – 29 January 2026: inbox.first_response_minutes.median)"))
        #expect(result.stdout.contains("mini.response_time      0      30m"), "\(result.stdout)")
        #expect(result.stdout.contains("All questions are answered or skipped."))
    }

    @Test func anUnrecognisedExportNamesTheMissingColumns() throws {
        let path = try smaudit.write("when,who\n1,2\n", to: "odd.csv")
        let result = try smaudit.run(["measure", "--inbox", path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("odd.csv"))
        #expect(result.stderr.contains("--map"))
    }

    /// Issue 26, item 3: a measurable question the exports cannot fill says why, in one line.
    /// A posts export without followers gives applause and comments per post, but not
    /// interactions per 100 followers.
    @Test func aMeasurableQuestionLeftUnansweredSaysWhy() throws {
        let posts = try smaudit.write("date,likes,comments,shares\n2026-10-02 10:00,10,2,1\n2026-10-28 10:00,20,4,2\n", to: "posts.csv")
        let session = try smaudit.write("organisation: Acme\nanswers:\n  four-mistakes: {top_priority: sales}\n", to: "acme.yaml")
        let result = try smaudit.run(["measure", "--posts", posts, "--into", session], environment: ["SMAUDIT_NOW": "2026-11-23T10:00:00Z"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("Left unanswered, and why:\n  four-mistakes.engagement_per_follower: no followers column and no --followers count series\n"), "\(result.stderr)")
        // October ended 23 days before: recent enough to say nothing.
        #expect(!result.stderr.contains("Note: the data ends"))
    }
}

/// Issue 26, item 5: whose data it is. The accounts an export names are listed, one of several
/// can be picked, and exports that look like another organisation's are said to.
@Suite struct WhoseDataTests {
    let smaudit: Smaudit

    init() throws { smaudit = try Smaudit() }

    static let instagram = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../PresenceDataTests/Fixtures/meta-instagram-posts.csv").standardizedFileURL.path

    @Test func exportsOfAnotherAccountAreSaidToBe() throws {
        let lakeside = try smaudit.write("organisation: Lakeside Physio\nanswers:\n  four-mistakes: {top_priority: sales}\n", to: "lakeside.yaml")
        let result = try smaudit.run(["measure", "--posts", Self.instagram, "--into", lakeside], environment: ["SMAUDIT_NOW": "2026-11-23T10:00:00Z"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("  accounts                        acme.outdoor\n"), "\(result.stdout)")
        #expect(result.stderr.contains("warning: the posts exports are of “acme.outdoor”, and none looks like “Lakeside Physio”: check they are its own (--account NAME picks one)"), "\(result.stderr)")
        let acme = try smaudit.write("organisation: Acme Outdoor Ltd\nanswers:\n  four-mistakes: {top_priority: sales}\n", to: "acme.yaml")
        let own = try smaudit.run(["measure", "--posts", Self.instagram, "--into", acme], environment: ["SMAUDIT_NOW": "2026-11-23T10:00:00Z"])
        #expect(!own.stderr.contains("none looks like"), "\(own.stderr)")
    }

    /// Two accounts in one export: `--account` measures one, and says how many posts it left out.
    @Test func accountPicksOneOfSeveral() throws {
        let posts = try smaudit.write("""
        date,likes,comments,shares,account
        2026-10-02 10:00,10,2,1,Lakeside Physio
        2026-10-03 10:00,100,20,10,Other Clinic
        2026-10-04 10:00,20,4,2,lakeside physio

        """, to: "posts.csv")
        let all = try smaudit.run(["measure", "--posts", posts])
        #expect(all.stdout.contains("  posts                           3\n  accounts                        Lakeside Physio, Other Clinic, lakeside physio\n"), "\(all.stdout)")
        let one = try smaudit.run(["measure", "--posts", posts, "--account", "Lakeside Physio"])
        #expect(one.status == 0, "\(one.stderr)")
        // Matched without regard to case: the two Lakeside posts, (10 + 2 + 1 + 20 + 4 + 2) / 2 = 19.5.
        #expect(one.stdout.contains("  posts                           2\n"), "\(one.stdout)")
        #expect(one.stdout.contains("applause rate (per post)        19.5\n"), "\(one.stdout)")
        #expect(one.stderr.contains("1 post of other accounts left out (--account Lakeside Physio)"), "\(one.stderr)")
    }
}

/// Issue 26, item 1, per account: one platform's export that names several accounts gives each
/// account's figures over its own followers, beside the total over all their followers.
@Suite struct PerAccountFiguresTests {
    let smaudit: Smaudit

    init() throws { smaudit = try Smaudit() }

    /// North: 2 posts, 13 + 26 = 39 interactions, 19.5 a post, 3 comments a post, 39 / 300 reach
    /// = 13 %, 39 over its latest 1,010 followers = 3.86 per 100. South: 1 post, 130
    /// interactions, 20 comments, 130 / 4,000 = 3.25 per 100. Together: 169 / 3 = 56.33 a post,
    /// 169 over 1,010 + 4,000 = 5,010 followers = 3.37 per 100 (not over North's 1,010 alone,
    /// the latest post's).
    @Test func eachAccountIsMeasuredOverItsOwnFollowers() throws {
        let posts = try smaudit.write("""
        date,likes,comments,shares,reach,account,followers
        2026-10-01 10:00,10,2,1,100,Lakeside North,1000
        2026-10-03 10:00,100,20,10,1000,lakeside.south,4000
        2026-10-31 10:00,20,4,2,200,Lakeside North,1010

        """, to: "posts.csv")
        let table = try smaudit.run(["measure", "--posts", posts])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains("""
          accounts                        Lakeside North, lakeside.south
          account Lakeside North          2 posts, applause 19.5, conversation 3, 3.86 interactions per 100 followers (of 1010)
          account lakeside.south          1 post, applause 130, conversation 20, 3.25 interactions per 100 followers (of 4000)
          applause rate (per post)        56.33

        """), "\(table.stdout)")
        #expect(table.stdout.contains("  interactions per 100 followers  3.37 (5010 followers at the end)\n"), "\(table.stdout)")

        let json = try smaudit.run(["measure", "--posts", posts, "--json"])
        #expect(json.stdout.contains(#""by_account": {"Lakeside North": {"count": 2, "applause_rate": 19.5, "likes_per_post": 15, "amplification_rate": 1.5, "conversation_rate": 3, "engagement_rate_by_reach_aggregate": 0.13, "engagement_per_follower": 0.03861386138613861, "followers_at_end": 1010}, "lakeside.south": {"count": 1, "applause_rate": 130, "likes_per_post": 100, "amplification_rate": 10, "conversation_rate": 20, "engagement_rate_by_reach_aggregate": 0.13, "engagement_per_follower": 0.0325, "followers_at_end": 4000}}"#), "\(json.stdout)")

        // The session keeps each account's figure beside the total, and the report shows them.
        let session = try smaudit.write("organisation: Lakeside Physio\nanswers:\n  seven-steps: {outcomes_written: yes}\n", to: "lakeside.yaml")
        let into = try smaudit.run(["measure", "--posts", posts, "--into", session], environment: ["SMAUDIT_NOW": "2026-11-23T10:00:00Z"])
        #expect(into.status == 0, "\(into.stderr)")
        let saved = try smaudit.read("lakeside.yaml")
        #expect(saved.contains("metric: \"posts.applause_rate\", value: 56.333333333333336, at: \"2026-11-23T10:00:00Z\", period: \"Oct 2026\", by_platform: {\"Lakeside North\": 19.5, \"lakeside.south\": 130}}"), "\(saved)")
        let report = try smaudit.run(["report", session, "-o", "-"])
        #expect(report.stdout.contains("- Applause rate (likes, shares and comments per post): 56.33 (Lakeside North 19.5, lakeside.south 130)\n"), "\(report.stdout)")
    }

    /// A follower file names no account: with posts of two accounts it is taken as both
    /// together, and said to be; 130 + 39 = 169 interactions over 5,000 followers = 3.38 per 100.
    @Test func aFollowerFileWithoutAccountIsSaidToCoverThemAll() throws {
        let posts = try smaudit.write("""
        date,likes,comments,shares,account
        2026-10-01 10:00,10,2,1,North
        2026-10-03 10:00,100,20,10,South
        2026-10-31 10:00,20,4,2,North

        """, to: "posts.csv")
        let followers = try smaudit.write("date,followers\n2026-10-01,4900\n2026-10-31,5000\n", to: "followers.csv")
        let result = try smaudit.run(["measure", "--posts", posts, "--followers", followers])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.hasSuffix("followers.csv: names no platform; taken as the follower counts of “North” and “South” together\n"), "\(result.stderr)")
        #expect(result.stdout.contains("  interactions per 100 followers  3.38 (5000 followers at the end)\n"), "\(result.stdout)")
    }

    /// An account whose posts give no follower count leaves the total per follower unmeasured,
    /// and says which account.
    @Test func anAccountWithoutFollowersIsNamed() throws {
        let posts = try smaudit.write("""
        date,likes,comments,shares,account,followers
        2026-10-02 10:00,10,2,1,North,1000
        2026-10-03 10:00,100,20,10,South,

        """, to: "posts.csv")
        let table = try smaudit.run(["measure", "--posts", posts])
        #expect(table.stdout.contains("  interactions per 100 followers  n/a (no follower count in the posts of “South”: give --followers PLATFORM=FILE)\n"), "\(table.stdout)")
    }
}

/// Issue 26, item 1: a figure measured from several platforms keeps each platform's beside the
/// total, in the session, the report and its chart.
@Suite struct PerPlatformFiguresTests {
    let smaudit: Smaudit

    init() throws { smaudit = try Smaudit() }

    static func fixture(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../PresenceDataTests/Fixtures/\(name)").standardizedFileURL.path
    }

    /// October: Instagram 1,510 interactions on 4 posts = 377.5 a post, Facebook 516 on 3 = 172,
    /// TikTok 2,180 on 3 = 726.67; together 4,206 on 10 = 420.6.
    @Test func eachPlatformsFigureIsKeptBesideTheTotal() throws {
        let session = try smaudit.write("organisation: Acme Outdoor\nanswers:\n  seven-steps: {outcomes_written: yes}\n", to: "acme.yaml")
        let result = try smaudit.run(["measure", "--posts", Self.fixture("meta-instagram-posts.csv"), "--posts", Self.fixture("meta-facebook-posts.csv"),
                                      "--posts", Self.fixture("tiktok-content.csv"), "--into", session],
                                     environment: ["SMAUDIT_NOW": "2026-11-23T10:00:00Z"])
        #expect(result.status == 0, "\(result.stderr)")
        let saved = try smaudit.read("acme.yaml")
        #expect(saved.contains("metric: \"posts.applause_rate\", value: 420.6, at: \"2026-11-23T10:00:00Z\", period: \"Oct 2026\", by_platform: {Instagram: 377.5, Facebook: 172, TikTok: 726.6666666666666}}"), "\(saved)")
        let report = try smaudit.run(["report", session, "-o", "-"])
        #expect(report.stdout.contains("- Applause rate (likes, shares and comments per post): 420.6 (Instagram 377.5, Facebook 172, TikTok 726.67)"), "\(report.stdout)")
        let html = try smaudit.run(["report", session, "--format", "html", "-o", "-"])
        #expect(html.stdout.contains("aria-label=\"Likes, comments and shares per post by platform, October 2026: Instagram 377.5; Facebook 172; TikTok 726.7\""), "\(html.stdout)")
    }

    /// Issue 25: interactions per 100 followers by platform, each against its own followers
    /// (Instagram 1,510 / 25,000 = 6.04, Facebook 516 / 8,000 = 6.45), and the followers of
    /// both at the end of the months both cover (Sep 24,400 + 7,900; Oct 25,000 + 8,000; the
    /// Facebook file has no November) are charted.
    @Test func theReportChartsInteractionsPerFollowerByPlatformAndFollowersOverTime() throws {
        let facebook = try smaudit.write("date,followers\n2026-09-30,7900\n2026-10-31,8000\n", to: "facebook-followers.csv")
        let session = try smaudit.write("organisation: Acme Outdoor\nanswers:\n  four-mistakes: {top_priority: sales}\n", to: "acme.yaml")
        let result = try smaudit.run(["measure", "--posts", Self.fixture("meta-instagram-posts.csv"), "--posts", Self.fixture("meta-facebook-posts.csv"),
                                      "--followers", "Instagram=" + Self.fixture("instagram-followers.csv"), "--followers", "Facebook=" + facebook,
                                      "--into", session], environment: ["SMAUDIT_NOW": "2026-11-23T10:00:00Z"])
        #expect(result.status == 0, "\(result.stderr)")
        let html = try smaudit.run(["report", session, "--format", "html", "-o", "-", "--no-baseline"])
        #expect(html.stdout.contains("aria-label=\"Interactions per 100 followers by platform, October 2026: Instagram 6; Facebook 6.5\""), "\(html.stdout)")
        #expect(html.stdout.contains("aria-label=\"Followers at the end of each month: Sep 2026 32300, Oct 2026 33000\""))
    }
}

/// Issue 26, item 9: a checklist's `measure:` naming a metric no measurement gives is an error
/// of `check` at its place, with the closest metric.
@Suite struct UnknownMetricTests {
    @Test func anUnknownMetricIsAnErrorAtItsPlace() throws {
        let smaudit = try Smaudit()
        let path = try smaudit.write("""
        id: metrics
        title: Metrics
        version: "1"
        sections:
          - id: s
            title: S
            questions:
              - {id: applause, prompt: Applause?, type: number, measure: posts.aplause_rate}
              - {id: reach, prompt: Reach?, type: percent, measure: posts.engagement_rate_by_reach.median}

        """, to: "metrics.yaml")
        let result = try smaudit.run(["check", path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(path):8:66: error: question `applause`: unknown metric `posts.aplause_rate` in `measure:`; did you mean `posts.applause_rate`?"), "\(result.stderr)")
        #expect(!result.stderr.contains("question `reach`"))
    }
}
