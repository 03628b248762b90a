import Foundation
import Testing
import TestSupport

/// Every built-in question with `measure:` filled from a fixture export, asserting that the
/// value means what the prompt asks: the same quantity, the same period, the same unit
/// (issue 16), from the exports teams really download (issue 20).
@Suite struct MeasuredQuestionsTests {
    let smaudit: Smaudit

    init() throws { smaudit = try Smaudit() }

    static let fixtures = Smaudit.packageRoot.appendingPathComponent("Tests/PresenceDataTests/Fixtures")

    /// A session of all three built-ins with no answers yet.
    func emptySession() throws -> String {
        try smaudit.write("organisation: Acme Outdoor\nanswers:\n  seven-steps: {}\n  four-mistakes: {}\n  launch: {}\n", to: "acme.yaml")
    }

    /// The `measured:` record and answer of one question in the saved session.
    func entry(_ question: String, in saved: String) -> String {
        guard let start = saved.range(of: "    \(question):\n") else { return "" }
        let rest = saved[start.upperBound...]
        let end = rest.range(of: "\n    [a-z]", options: .regularExpression)?.lowerBound ?? rest.endIndex
        return String(rest[..<end])
    }

    /// The Meta Business Suite Instagram export (posts from Sep 28 to Nov 2), its follower counts
    /// and a GA4 traffic acquisition report for October, measured on Nov 23: every question
    /// about last month is filled from October (the last full month in the data), not from
    /// the whole export.
    ///
    /// October's posts: the reel of Oct 2 09:00 (610 likes, 88 shares, 57 comments = 755), the
    /// image five minutes later (90 + 5 + 15 = 110), the carousel of Oct 15 (150 + 20 + 30 =
    /// 200), the reel of Oct 31 (380 + 40 + 25 = 445); the posts of Sep 28 and Nov 2 are outside.
    /// - applause per post = 1,510 / 4 = 377.5 (seven-steps `applause_per_post`: likes, shares
    ///   and comments per post, last month);
    /// - conversation per post = (57 + 15 + 30 + 25) / 4 = 31.75 comments (seven-steps
    ///   `conversation_per_post`);
    /// - engagement per follower = 1,510 / 25,000 followers on Oct 31 = 6.04% (four-mistakes
    ///   `engagement_per_follower`: interactions per 100 followers, last month);
    /// - clustered runs = 1 (Oct 2, 09:00 and 09:05, one account, less than 10 minutes apart;
    ///   launch `clustered_runs`);
    /// - followers = 25,010, the last count in the export (four-mistakes `followers`, no period).
    /// GA4, Oct 1–31: social sessions = Organic Social 1,290 + Paid Social 640 = 1,930 of 8,720:
    /// 22.13% (seven-steps `social_traffic_share`); social sessions with a key event, by GA4's
    /// session key event rate, 1,290 × 0.0109 + 640 × 0.0078 = 19.053 of 1,930 = 0.99%
    /// (`social_conversion_rate`).
    @Test func instagramAndGA4ExportsFillLastMonthsQuestions() throws {
        let session = try emptySession()
        let result = try smaudit.run([
            "measure", "--posts", Self.fixtures.appendingPathComponent("meta-instagram-posts.csv").path,
            "--followers", Self.fixtures.appendingPathComponent("instagram-followers.csv").path,
            "--traffic", Self.fixtures.appendingPathComponent("ga4-traffic-acquisition.csv").path,
            "--into", session,
        ], environment: ["SMAUDIT_NOW": "2026-11-23T10:00:00Z"])
        #expect(result.status == 0, "\(result.stderr)")
        let saved = try smaudit.read("acme.yaml")
        let expected: [(question: String, answer: String, period: String)] = [
            ("applause_per_post", "377.5", "Oct 2026"),
            ("conversation_per_post", "31.75", "Oct 2026"),
            ("social_traffic_share", "22.13%", "Oct 2026"),
            ("social_conversion_rate", "0.99%", "Oct 2026"),
            ("engagement_per_follower", "6.04", "Oct 2026"),
            ("clustered_runs", "1", "Oct 2026"),
        ]
        for item in expected {
            let text = entry(item.question, in: saved)
            #expect(text.contains("answer: \"\(item.answer)\""), "\(item.question): \(text)")
            #expect(text.contains("period: \"\(item.period)\""), "\(item.question): \(text)")
        }
        let followers = entry("followers", in: saved)
        #expect(followers.contains("answer: \"25010\""), "\(followers)")
        // The month ends travel with the figure, and the report draws them (issue 25).
        #expect(followers.contains("series: {\"2026-09\": 24400, \"2026-10\": 25000, \"2026-11\": 25010}"), "\(followers)")
        let html = try smaudit.run(["report", session, "--format", "html", "-o", "-", "--no-baseline"])
        #expect(html.stdout.contains("aria-label=\"Followers at the end of each month: Sep 2026 24400, Oct 2026 25000, Nov 2026 25010\""), "\(html.stderr)")
        #expect(html.stdout.components(separatedBy: "<circle").count - 1 == 3)
        // Visits by channel, most sessions first, social highlighted: 4,210 / 8,720 = 48.3%,
        // 1,875 → 21.5%, Organic Social 1,290 → 14.8%, Paid Social 640 → 7.3%, 410 → 4.7%,
        // 275 → 3.2%, 20 → 0.2%.
        #expect(html.stdout.contains("aria-label=\"Website sessions by source, October 2026: Organic Search 48.3%; Direct 21.5%; Organic Social 14.8%; Paid Social 7.3%; Email 4.7%; Referral 3.2%; Unassigned 0.2%\""), "\(html.stdout)")
        // Found in a consultant's trial: "followers across your main channels, all together"
        // was filled from one platform's file without a word; the exports' platforms are named.
        #expect(result.stderr.contains("seven-steps.applause_per_post = 377.5 (measured from meta-instagram-posts.csv, October 2026, the last full month in the exports, Instagram only: posts.applause_rate)"), "\(result.stderr)")
        #expect(result.stderr.contains("  (followers come from one export: give --followers once per account for the total across them)"), "\(result.stderr)")
        #expect(result.stderr.contains("seven-steps.social_traffic_share = 22.13% (measured from ga4-traffic-acquisition.csv, October 2026, the last full month in the exports: traffic."), "\(result.stderr)")
    }

    /// An inbox export for October (generic columns). Starters: 1 (answered after 20 minutes),
    /// 3 (after 90), 5 (after 40), 7 (never): response rate 3 / 4 = 75% (four-mistakes
    /// `response_rate`: share of conversations people started that got a reply, last month);
    /// median first reply of 20, 40, 90 = 40 minutes (`first_response_time`, the median).
    /// Message 9 in September is outside the month.
    @Test func anInboxExportFillsLastMonthsServiceQuestions() throws {
        let inbox = try smaudit.write("""
        id,from,inbound,time,in_reply_to
        9,zoe,true,2026-09-20 09:00,
        1,alice,true,2026-10-02 10:00,
        2,Brand,false,2026-10-02 10:20,1
        3,bob,true,2026-10-12 11:00,
        4,Brand,false,2026-10-12 12:30,3
        5,carol,true,2026-10-20 15:00,
        6,Brand,false,2026-10-20 15:40,5
        7,dan,true,2026-10-30 16:00,
        8,Brand,false,2026-10-30 16:05,

        """, to: "inbox.csv")
        let session = try emptySession()
        let result = try smaudit.run(["measure", "--inbox", inbox, "--into", session], environment: ["SMAUDIT_NOW": "2026-11-23T10:00:00Z"])
        #expect(result.status == 0, "\(result.stderr)")
        let saved = try smaudit.read("acme.yaml")
        #expect(entry("response_rate", in: saved).contains("answer: \"75%\""), "\(saved)")
        #expect(entry("response_rate", in: saved).contains("period: \"Oct 2026\""))
        #expect(entry("first_response_time", in: saved).contains("answer: \"40m\""))
    }

    /// An export that holds only part of the month a question asks about leaves it unanswered,
    /// saying why, rather than answering "last month" from two days.
    @Test func anExportThatDoesNotCoverTheMonthLeavesTheQuestionUnanswered() throws {
        let inbox = try smaudit.write("""
        id,from,inbound,time,in_reply_to
        1,alice,true,2026-11-19 10:00,
        2,Brand,false,2026-11-19 10:20,1
        3,bob,true,2026-11-20 11:00,

        """, to: "inbox.csv")
        let session = try emptySession()
        let result = try smaudit.run(["measure", "--inbox", inbox, "--into", session], environment: ["SMAUDIT_NOW": "2026-11-23T10:00:00Z"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("Left unanswered, and why:"), "\(result.stderr)")
        #expect(result.stderr.contains("four-mistakes.response_rate: the inbox export covers 2026-11-19 – 2026-11-20"), "\(result.stderr)")
        #expect(!(try smaudit.read("acme.yaml")).contains("response_rate"))
    }
}
