import Foundation
import Testing
@testable import PresenceData

/// One export of each recognised layout, measured over the month it is about. Each fixture's
/// header is the real one (see Fixtures/SOURCES.md); the rows are made up, and every figure
/// below is worked out by hand from them.
@Suite struct ExportFormatsTests {
    static let december1 = CalendarDay(year: 2026, month: 12, day: 1)!

    func measure(posts: [String] = [], followers: [String] = [], traffic: [String] = [],
                 window: MeasurementWindow = .lastFullMonth) throws -> (PresenceMeasurement, [PresenceWarning]) {
        var input = MeasureInput()
        input.posts = posts.map(exportFixture)
        input.followers = followers.map(exportFixture)
        input.traffic = traffic.map(exportFixture)
        input.window = window
        input.today = Self.december1
        return try PresenceMeasurer.measure(input)
    }

    /// Six posts from September 28 to November 2; the last full month is October (November's
    /// last post is on the 2nd, and the rows reach back before October 1). October's four posts,
    /// engagement = Likes + Comments + Shares ("Follows" is follows gained, not read):
    /// P2 610+57+88 = 755 (Reach "9,100", Views "12,400"), P3 90+15+5 = 110 (1,500 / 2,000),
    /// P4 150+30+20 = 200 (2,400 / 3,000), P5 380+25+40 = 445 (6,000 / 8,000). Total 1,510.
    @Test func metaBusinessSuiteInstagram() throws {
        let (m, warnings) = try measure(posts: ["meta-instagram-posts.csv"], followers: ["instagram-followers.csv"])
        // Followers at each month's end, over the whole file (issue 25's chart): September's
        // only count, October 31's and November 2's.
        #expect(m.followers?.byMonth == [MonthCount(month: "2026-09", followers: 24_400), MonthCount(month: "2026-10", followers: 25_000),
                                         MonthCount(month: "2026-11", followers: 25_010)])
        // A follower file that names no platform says whose followers it is taken to count.
        #expect(warnings.map(\.message) == ["names no platform; taken as the follower counts of Instagram (“acme.outdoor”)"])
        let p = try #require(m.posts)
        #expect(p.count == 4)
        #expect(close(p.applauseRate, 377.5))         // 1510 / 4
        #expect(close(p.likesPerPost, 307.5))         // (610 + 90 + 150 + 380) / 4
        #expect(close(p.amplificationRate, 38.25))    // (88 + 5 + 20 + 40) / 4
        #expect(close(p.conversationRate, 31.75))     // (57 + 15 + 30 + 25) / 4
        // By reach: .07333 (P3), .07417 (P5), .08297 (P2), .08333 (P4) → median of the middle two.
        #expect(close(p.engagementRateByReach?.median, (445.0 / 6000 + 755.0 / 9100) / 2))
        #expect(close(p.engagementRateByReach?.aggregate, 1510.0 / 19_000))
        // Views read as impressions: .055 (P3), .055625 (P5), .06089 (P2), .06667 (P4).
        #expect(close(p.engagementRateByImpressions?.median, (445.0 / 8000 + 755.0 / 12_400) / 2))
        #expect(close(p.engagementRateByImpressions?.aggregate, 1510.0 / 25_400))
        // Followers from the series: 24,500 from October 1 (P2, P3, P4), 25,000 from October 31 (P5).
        #expect(close(p.engagementRateByFollowers?.aggregate, 1510.0 / (3 * 24_500 + 25_000)))
        // The count at the end of October is 25,000: 1510 / 25000 = 6.04 %.
        #expect(p.followersAtEnd == 25_000)
        #expect(close(p.engagementPerFollower, 0.0604))
        // P2 at 09:00 and P3 at 09:05: one cluster of two.
        #expect(p.clusteredUpdates == ClusteredUpdates(windowMinutes: 10, clusters: 1, postsInClusters: 2))
        #expect(p.byType.map(\.type) == ["IG carousel", "IG image", "IG reel"])
        #expect(p.byType.map(\.count) == [1, 1, 2])

        let coverage = try #require(m.coverage[.posts])
        #expect(coverage.window == october2026)
        #expect(coverage.isComplete)
        #expect(coverage.span == TimeSpan(first: try #require(TimestampParser.parse("2026-10-02 09:00")),
                                         last: try #require(TimestampParser.parse("2026-10-31 20:00"))))
        let source = try #require(m.sources[.posts]?.first)
        #expect(source.platform == .instagram)
        #expect(source.format == "Meta Business Suite posts")
        #expect(source.rows == 4)

        // The follower series over October: 24,500 on the 1st, 25,000 on the 31st (30 days).
        let f = try #require(m.followers)
        #expect(f.first == 24_500 && f.last == 25_000 && f.newFollowers == 500)
        #expect(close(f.growthRate, 500.0 / 24_500))
        #expect(close(f.monthlyGrowthRate, pow(25_000.0 / 24_500, 30.436875 / 30) - 1))
        #expect(m.coverage[.followers]?.window == october2026)

        // The whole export: six posts, engagement 1510 + (60+6+4) + (40+3+2) = 1625.
        let (whole, _) = try measure(posts: ["meta-instagram-posts.csv"], window: .all)
        #expect(whole.posts?.count == 6)
        #expect(close(whole.posts?.applauseRate, 1625.0 / 6))
        #expect(whole.coverage[.posts]?.window == nil)
    }

    /// A Facebook Page: "Reactions" are the likes (not "Reactions, Comments and Shares", their
    /// sum), "Views" the impressions. October: F1 70+9+5 = 84 (reach 2,800, views 3,500), F2
    /// 350+40+30 = 420 (7,900 / 10,200), F3 10+2+0 = 12 (700 / 900); F4 is on November 1.
    @Test func metaBusinessSuiteFacebook() throws {
        let (m, warnings) = try measure(posts: ["meta-facebook-posts.csv"], window: .month(year: 2026, month: 10)!)
        #expect(warnings.isEmpty)
        let p = try #require(m.posts)
        #expect(p.count == 3)
        #expect(close(p.applauseRate, 172))              // 516 / 3
        #expect(close(p.likesPerPost, 430.0 / 3))
        #expect(close(p.engagementRateByReach?.median, 0.03))   // .01714, .03, .05316
        #expect(close(p.engagementRateByReach?.aggregate, 516.0 / 11_400))
        #expect(close(p.engagementRateByImpressions?.median, 0.024))   // .01333, .024, .04118
        #expect(p.clusteredUpdates?.clusters == 1)        // 08:00 and 08:06
        #expect(p.byType.map(\.type) == ["Links", "Photos", "Reels"])
        #expect(m.sources[.posts]?.first?.platform == .facebook)
        // Rows from October 1 to November 1: the whole month.
        #expect(m.coverage[.posts]?.isComplete == true)
    }

    /// X analytics: likes, replies as comments, retweets as shares ("engagements" counts
    /// clicks too, so it is not used). X1 95+8+12 = 115 (5,200 impressions), X2 20+1+2 = 23
    /// (1,800), X3 48+14+6 = 68 (3,100).
    @Test func xAnalyticsTweetActivity() throws {
        let (m, _) = try measure(posts: ["x-tweet-activity.csv"])
        let p = try #require(m.posts)
        #expect(p.count == 3)
        #expect(close(p.applauseRate, 206.0 / 3))
        #expect(close(p.conversationRate, 23.0 / 3))
        #expect(close(p.amplificationRate, 20.0 / 3))
        // .01278, .02194, .02212 → median 68 / 3100.
        #expect(close(p.engagementRateByImpressions?.median, 68.0 / 3100))
        #expect(close(p.engagementRateByImpressions?.aggregate, 206.0 / 10_100))
        #expect(p.clusteredUpdates?.clusters == 1)        // 14:00 and 14:04 UTC
        #expect(p.unavailable["engagement_rate_by_reach"] == "no reach column")
        #expect(m.sources[.posts]?.first?.platform == .x)
        #expect(m.coverage[.posts]?.window == october2026)   // October 5 – 28 covers October
        #expect(m.coverage[.posts]?.isComplete == true)
    }

    /// TikTok Studio: total views as impressions; "18,400" quoted with its comma.
    /// T1 1200+45+30 = 1275 (18,400 views), T2 640+12+9 = 661 (9,100), T3 210+30+4 = 244 (3,300).
    @Test func tikTokStudioContent() throws {
        let (m, _) = try measure(posts: ["tiktok-content.csv"])
        let p = try #require(m.posts)
        #expect(p.count == 3)
        #expect(close(p.applauseRate, 2180.0 / 3))
        #expect(close(p.likesPerPost, 2050.0 / 3))
        #expect(close(p.engagementRateByImpressions?.median, 661.0 / 9100))  // .06929, .07264, .07394
        #expect(close(p.engagementRateByImpressions?.aggregate, 2180.0 / 30_800))
        #expect(p.clusteredUpdates?.clusters == 0)
        #expect(m.sources[.posts]?.first?.platform == .tiktok)
        #expect(m.coverage[.posts]?.isComplete == true)      // October 3 – 24, within a week of both ends
    }

    /// YouTube Studio's Table data.csv: the "Total" row is the export's own sum and is skipped;
    /// dates are written "Oct 3, 2026"; "Subscribers" is subscribers gained, not a follower count.
    /// Y1 450+60+41 = 551 (9,800 views), Y2 190+25+12 = 227 (4,200), Y3 60+10+7 = 77 (1,300).
    @Test func youTubeStudioContent() throws {
        let (m, warnings) = try measure(posts: ["youtube-studio-content.csv"])
        #expect(warnings.isEmpty)
        let p = try #require(m.posts)
        #expect(p.count == 3)
        #expect(close(p.applauseRate, 285))                  // 855 / 3
        #expect(close(p.amplificationRate, 20))              // 60 / 3
        #expect(close(p.engagementRateByImpressions?.median, 551.0 / 9800))  // .05405, .05622, .05923
        #expect(close(p.engagementRateByImpressions?.aggregate, 855.0 / 15_300))
        #expect(p.unavailable["engagement_rate_by_followers"] == "no followers column")
        #expect(m.coverage[.posts]?.window == october2026)
    }

    /// LinkedIn's content export saved as CSV: a title line above the header; reposts are the
    /// shares; "Follows" is follows gained. L1 85+12+9 = 106 (4,200 impressions), L2 40+4+3 = 47
    /// (2,600), L3 66+9+5 = 80 (3,900).
    @Test func linkedInPageContent() throws {
        let (m, warnings) = try measure(posts: ["linkedin-content.csv"])
        #expect(warnings.isEmpty)
        let p = try #require(m.posts)
        #expect(p.count == 3)
        #expect(close(p.applauseRate, 233.0 / 3))
        #expect(close(p.amplificationRate, 17.0 / 3))
        #expect(close(p.engagementRateByImpressions?.median, 80.0 / 3900))   // .01808, .02051, .02524
        #expect(close(p.engagementRateByImpressions?.aggregate, 233.0 / 10_700))
        #expect(p.byType.map(\.type) == ["Image", "Text", "Video"])
        #expect(p.unavailable["engagement_rate_by_followers"] == "no followers column")
        #expect(m.sources[.posts]?.first?.platform == .linkedin)
        #expect(m.coverage[.posts]?.isComplete == true)
    }

    /// LinkedIn's followers export counts followers gained per day: 3 + 6 + 4 + 2 + 5 = 20 in
    /// October; the count itself is not in the file.
    @Test func linkedInPageFollowers() throws {
        let (m, _) = try measure(followers: ["linkedin-followers.csv"])
        let f = try #require(m.followers)
        #expect(f.newFollowers == 20)
        #expect(f.last == nil)
        #expect(f.unavailable["growth_rate"] == "the export counts followers gained per day, not the follower count")
        #expect(m.sources[.followers]?.first?.platform == .linkedin)
    }

    /// GA4 traffic acquisition: the preamble states October 1 – 31. Sessions 4210 + 1875 + 1290
    /// + 640 + 410 + 275 + 20 = 8720; social (Organic Social, Paid Social) 1290 + 640 = 1930;
    /// Sessions with a key event, from the "Session key event rate" column (rate × sessions):
    /// 4210 × 0.0152 = 63.992, 1875 × 0.0123 = 23.0625, 1290 × 0.0109 = 14.061, 640 × 0.0078 =
    /// 4.992, 410 × 0.0439 = 17.999, 275 × 0.0145 = 3.9875, 20 × 0 = 0; 128.094 in all, social
    /// 14.061 + 4.992 = 19.053. (Key events, 165, would count a session with two events twice.)
    /// Issue 24: key events can exceed sessions (a session may have several); the session key
    /// event rate cannot, so the conversion rate stays a share. 100 sessions with 250 key
    /// events at a rate of 0.4 convert 40 %, not 250 %.
    @Test func moreKeyEventsThanSessionsStillGiveAShare() throws {
        var input = MeasureInput()
        input.traffic = [try fixture("""
        Session primary channel group (Default Channel Group),Sessions,Key events,Session key event rate
        Organic Social,100,250,0.4
        Direct,300,30,0.1

        """, name: "ga4-many-events.csv")]
        input.window = .all
        let (m, _) = try PresenceMeasurer.measure(input)
        let t = try #require(m.traffic)
        #expect(close(t.socialConversionRate, 0.4))
        #expect(close(t.conversionRate, (40.0 + 30) / 400))
        #expect(t.organicSocialConversionRate == nil, "no paid social to compare with")
    }

    @Test func ga4TrafficAcquisition() throws {
        let (m, warnings) = try measure(traffic: ["ga4-traffic-acquisition.csv"])
        #expect(warnings.isEmpty)
        let t = try #require(m.traffic)
        #expect(t.sessions == 8720)
        #expect(t.socialSessions == 1930)
        #expect(close(t.socialShare, 1930.0 / 8720))
        #expect(close(t.conversionRate, 128.094 / 8720))
        #expect(close(t.socialConversionRate, 19.053 / 1930))
        #expect(close(t.organicSocialConversionRate, 14.061 / 1290))
        #expect(close(t.paidSocialConversionRate, 4.992 / 640))
        #expect(t.conversionBasis == "sessions with a key event")
        #expect(t.byChannel.first { $0.channel == "Organic Social" }?.conversions == 18)
        #expect(t.byChannel.count == 7)
        let coverage = try #require(m.coverage[.traffic])
        #expect(coverage.window == october2026)
        #expect(coverage.isComplete)
        #expect(coverage.span == TimeSpan(days: october2026))
        #expect(m.sources[.traffic]?.first?.platform == .googleAnalytics)
    }

    /// A report states one range and has no date per row: it is used whole or not at all.
    @Test func ga4ReportOutsideOrAcrossTheWindow() throws {
        // September: nothing of October's report can be used.
        let (september, _) = try measure(traffic: ["ga4-traffic-acquisition.csv"], window: .month(year: 2026, month: 9)!)
        #expect(september.traffic?.sessions == 0)
        #expect(september.coverage[.traffic]?.status == Coverage.Status.none)
        #expect(september.coverage[.traffic]?.note?.hasSuffix("covers 2026-10-01 – 2026-10-31, outside Sep 2026") == true)
        // October 1 – 15: the report sums the whole month, which cannot be cut to half of it.
        let half = try MeasurementWindow(since: "2026-10-01", until: "2026-10-15")
        let (part, _) = try measure(traffic: ["ga4-traffic-acquisition.csv"], window: half)
        #expect(part.traffic?.sessions == 0)
        #expect(part.coverage[.traffic]?.note?.contains("cannot be taken out of it") == true)
        // The last 90 days (August 3 – October 31) hold the whole report: used, partly covered.
        let (quarter, _) = try measure(traffic: ["ga4-traffic-acquisition.csv"], window: .last90Days)
        #expect(quarter.traffic?.sessions == 8720)
        #expect(quarter.coverage[.traffic]?.window == Period(first: CalendarDay(year: 2026, month: 8, day: 3)!,
                                                              last: CalendarDay(year: 2026, month: 10, day: 31)!))
        #expect(quarter.coverage[.traffic]?.status == .partial)
    }

    /// Two platforms' posts: figures over both, then each platform's. October: Facebook's 3 posts
    /// (engagement 516) and Instagram's 4 (1,510): 2,026 over 7 posts; reach rates of all 7 posts
    /// sorted .01714 .03 .05316 .07333 .07417 .08297 .08333 → median .07333 (= 110 / 1500).
    @Test func severalPlatformsTogetherAndApart() throws {
        let (m, _) = try measure(posts: ["meta-facebook-posts.csv", "meta-instagram-posts.csv"],
                                 window: .month(year: 2026, month: 10)!)
        let p = try #require(m.posts)
        #expect(p.count == 7)
        #expect(close(p.applauseRate, 2026.0 / 7))
        #expect(close(p.engagementRateByReach?.median, 110.0 / 1500))
        #expect(close(p.engagementRateByReach?.aggregate, 2026.0 / 30_400))
        #expect(p.clusteredUpdates == ClusteredUpdates(windowMinutes: 10, clusters: 2, postsInClusters: 4))
        #expect(m.postsByPlatform.map(\.name) == ["Facebook", "Instagram"])
        #expect(m.postsByPlatform.map(\.metrics.count) == [3, 4])
        #expect(close(m.postsByPlatform[0].metrics.applauseRate, 172))
        #expect(m.value(at: "posts.by_platform.Instagram.applause_rate") == 377.5)
        #expect(m.coverage(of: "posts.by_platform.Facebook.applause_rate")?.isComplete == true)
        #expect(m.sources[.posts]?.map(\.platform) == [.facebook, .instagram])
        #expect(m.json().contains("\"files\": [{\"file\": \"\(exportFixture("meta-facebook-posts.csv"))\", "
            + "\"format\": \"Meta Business Suite posts\", \"platform\": \"Facebook\", \"rows\": 3"))
    }
}

/// Issue 26, item 1: every platform's interactions against its own followers.
@Suite struct PerPlatformFollowersTests {
    /// Instagram's October: 1,510 interactions on 4 posts, 25,000 followers at the end (the
    /// follower file) = 6.04 per 100 followers. Facebook's October has 3 posts and no follower
    /// count. Together, the total would need Facebook's followers too, so it is not given, and
    /// says why; Facebook's own figure says what to give.
    @Test func aFollowerFileNamedForOnePlatformIsThatPlatformsOnly() throws {
        var input = MeasureInput()
        input.posts = [exportFixture("meta-instagram-posts.csv"), exportFixture("meta-facebook-posts.csv")]
        input.followers = [exportFixture("instagram-followers.csv")]
        input.platformOf[exportFixture("instagram-followers.csv")] = .instagram
        input.window = .lastFullMonth
        input.today = CalendarDay(year: 2026, month: 11, day: 23)
        let (m, warnings) = try PresenceMeasurer.measure(input)
        #expect(warnings.isEmpty, "\(warnings)")
        let instagram = try #require(m.postsByPlatform.first { $0.name == "Instagram" })
        #expect(abs((instagram.metrics.engagementPerFollower ?? 0) - 1_510.0 / 25_000) < 1e-12)
        let facebook = try #require(m.postsByPlatform.first { $0.name == "Facebook" })
        #expect(facebook.metrics.engagementPerFollower == nil)
        #expect(facebook.metrics.unavailable["engagement_per_follower"] == "no follower count for Facebook: give --followers Facebook=FILE")
        #expect(m.posts?.engagementPerFollower == nil)
        #expect(m.posts?.unavailable["engagement_per_follower"] == "no follower count for Facebook: give --followers PLATFORM=FILE")
    }

    /// A follower file that names no platform, with posts of two: it is used for neither, and
    /// one warning says how to name it.
    @Test func aGenericFollowerFileWithSeveralPlatformsIsUsedForNone() throws {
        var input = MeasureInput()
        input.posts = [exportFixture("meta-instagram-posts.csv"), exportFixture("meta-facebook-posts.csv")]
        input.followers = [exportFixture("instagram-followers.csv")]
        input.window = .lastFullMonth
        input.today = CalendarDay(year: 2026, month: 11, day: 23)
        let (m, warnings) = try PresenceMeasurer.measure(input)
        #expect(warnings.map(\.message) == ["names no platform, and the posts are of Instagram and Facebook: it is not used for interactions per 100 followers; give --followers PLATFORM=FILE, e.g. --followers Instagram=\(exportFixture("instagram-followers.csv"))"])
        #expect(m.postsByPlatform.allSatisfy { $0.metrics.engagementPerFollower == nil })
    }
}
