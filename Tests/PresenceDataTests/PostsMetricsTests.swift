import Testing
@testable import PresenceData

@Suite struct PostsMetricsTests {
    /// Five posts, not in time order. Engagement = likes + comments + shares:
    /// P1 40+5+5 = 50, P3 100+20+30 = 150, P2 10+0+5 = 15, P4 1, P5 4 (empty comments/shares = 0).
    static let generic = """
        date,type,reach,impressions,likes,comments,shares,account,followers
        2024-03-01 10:00,Photo,1000,1500,40,5,5,brand,2000
        2024-03-01 12:00,Photo,2000,2500,100,20,30,brand,2000
        2024-03-01 10:05,Link,500,800,10,0,5,brand,2000
        2024-03-02T09:00:00Z,Video,0,100,1,0,0,brand,2000
        2024-03-01 10:08,Photo,400,,4,,,other,1000

        """

    @Test func genericPostsWorkedByHand() throws {
        let (m, warnings) = try PresenceMeasurer.measure(posts: try fixture(Self.generic))
        let p = try #require(m.posts)
        #expect(warnings.isEmpty)
        #expect(p.count == 5)
        // Likes 155, comments 25, shares 40 over 5 posts.
        #expect(p.likesPerPost == 31)
        #expect(p.conversationRate == 5)
        #expect(p.amplificationRate == 8)
        #expect(p.applauseRate == 44)  // 220 / 5
        // By reach (P4 has reach 0, left out): 0.05, 0.075, 0.03, 0.01 → sorted .01 .03 .05 .075.
        let reach = try #require(p.engagementRateByReach)
        #expect(close(reach.median, 0.04))            // (0.03 + 0.05) / 2
        #expect(close(reach.mean, 0.04125))           // 0.165 / 4
        #expect(close(reach.aggregate, 219.0 / 3900)) // (50+150+15+4) / (1000+2000+500+400)
        // By impressions (P5 empty, left out): 50/1500, 150/2500 = .06, 15/800 = .01875, 1/100 = .01.
        let impressions = try #require(p.engagementRateByImpressions)
        #expect(close(impressions.median, (0.01875 + 50.0 / 1500) / 2))
        #expect(close(impressions.mean, (50.0 / 1500 + 0.06 + 0.01875 + 0.01) / 4))
        #expect(close(impressions.aggregate, 216.0 / 4900))
        // By followers: .025, .075, .0075, .0005, .004 → median .0075; aggregate 220 / 9000.
        let followers = try #require(p.engagementRateByFollowers)
        #expect(close(followers.median, 0.0075))
        #expect(close(followers.aggregate, 220.0 / 9000))
        // Types sorted by name; Photo rates .05 .075 .01 → median .05; Video has no reach > 0.
        #expect(p.byType == [
            TypeStatistics(type: "Link", count: 1, engagementRateByReachMedian: 0.03),
            TypeStatistics(type: "Photo", count: 3, engagementRateByReachMedian: 0.05),
            TypeStatistics(type: "Video", count: 1, engagementRateByReachMedian: nil),
        ])
        // brand at 10:00, 10:05, 12:00, next day: one cluster of two; "other" posts alone.
        #expect(p.clusteredUpdates == ClusteredUpdates(windowMinutes: 10, clusters: 1, postsInClusters: 2))
    }

    @Test func clustersChainAndRespectTheWindow() throws {
        // 10:00, 10:06, 10:12 chain into one cluster of 3 (each gap < 10 min); 11:00 and 11:10
        // are exactly 10 min apart: not a cluster. With a 15-minute window, 11:00/11:10 cluster too.
        let csv = "date,likes\n2024-01-01 11:10,1\n2024-01-01 10:06,1\n2024-01-01 10:00,1\n2024-01-01 10:12,1\n2024-01-01 11:00,1\n,1\n"
        let path = try fixture(csv)
        let (m, _) = try PresenceMeasurer.measure(posts: path)
        #expect(m.posts?.clusteredUpdates == ClusteredUpdates(windowMinutes: 10, clusters: 1, postsInClusters: 3))
        let (wide, _) = try PresenceMeasurer.measure(posts: path, windowMinutes: 15)
        #expect(wide.posts?.clusteredUpdates == ClusteredUpdates(windowMinutes: 15, clusters: 2, postsInClusters: 5))
        #expect(m.posts?.count == 6)  // the undated post counts, but not in clusters
    }

    /// A Facebook Page Insights export: BOM, `;`, a quoted message with a newline, a bare CR,
    /// thousands separators (quoted and unquoted), empty cells, a ragged row, US dates.
    static let facebook = "\u{FEFF}Post ID;Permalink;Post Message;Type;Posted;Lifetime Post Total Reach;"
        + "Lifetime Post Total Impressions;like;comment;share;Page total likes;Paid\n"
        + "1;http://x/1;\"Hello\nworld\";Photo;10/31/2017 10:10:47 PM;11,000;\"20,000\";100;10;;50,000;0\n"
        + "2;http://x/2;Short\rtext;Link;10/31/2017 10:15:00 PM;1000;2000;20;;5;50,000;0\n"
        + "3;http://x/3;Ragged;Photo\n"
        + "4;http://x/4;\"Quote \"\"inside\"\"\";Status;2017-11-01 08:00;500;1,000;0;0;0;50,100;0\n"

    @Test func facebookExportWorkedByHand() throws {
        let path = try fixture(Self.facebook, name: "fb.csv")
        let (m, warnings) = try PresenceMeasurer.measure(posts: path)
        let p = try #require(m.posts)
        // Record 1 spans lines 2-3, record 2 is line 4, the ragged row line 5.
        #expect(warnings.map(\.description) == ["\(path):5: expected 12 fields, found 4; row skipped"])
        #expect(p.count == 3)
        #expect(p.skippedRows == 1)
        // Engagement: 100+10+0 = 110, 20+0+5 = 25, 0.
        #expect(close(p.applauseRate, 45))  // 135 / 3
        #expect(close(p.likesPerPost, 40))
        // Reach 11,000 / 1000 / 500: rates .01, .025, 0 → median .01, aggregate 135/12500.
        #expect(close(p.engagementRateByReach?.median, 0.01))
        #expect(close(p.engagementRateByReach?.mean, 0.035 / 3))
        #expect(close(p.engagementRateByReach?.aggregate, 0.0108))
        // Impressions "20,000" / 2000 / 1,000: .0055, .0125, 0 → median .0055.
        #expect(close(p.engagementRateByImpressions?.median, 0.0055))
        #expect(close(p.engagementRateByImpressions?.aggregate, 135.0 / 23000))
        // Page total likes 50,000 / 50,000 / 50,100: .0022, .0005, 0 → median .0005.
        #expect(close(p.engagementRateByFollowers?.median, 0.0005))
        #expect(close(p.engagementRateByFollowers?.aggregate, 135.0 / 150_100))
        // 22:10:47 and 22:15:00 are 4 min 13 s apart.
        #expect(p.clusteredUpdates?.clusters == 1)
        #expect(p.clusteredUpdates?.postsInClusters == 2)
        #expect(p.byType.map(\.type) == ["Link", "Photo", "Status"])
    }

    @Test func missingColumnsGiveNullWithAReason() throws {
        let (m, _) = try PresenceMeasurer.measure(posts: try fixture("likes,comments\n10,2\n20,4\n"))
        let p = try #require(m.posts)
        #expect(p.likesPerPost == 15)
        #expect(p.conversationRate == 3)
        #expect(p.amplificationRate == nil)
        #expect(p.applauseRate == nil)
        #expect(p.unavailable["amplification_rate"] == "no shares column")
        #expect(p.unavailable["applause_rate"] == "no shares column")
        #expect(p.clusteredUpdates == nil)
        #expect(p.unavailable["clustered_updates"] == "no date column")
        #expect(m.table().contains("n/a (no date column)"))
        #expect(m.json().contains("\"clustered_updates\": null"))
    }

    @Test func badCellsSkipTheRowWithItsLine() throws {
        let path = try fixture("date,likes,comments,shares,reach\n2024-01-01,1,1,1,10\nsoon,1,1,1,10\n2024-01-02,x,1,1,10\n2024-01-03,2,2,2,abc\n")
        let (m, warnings) = try PresenceMeasurer.measure(posts: path)
        #expect(m.posts?.count == 1)
        #expect(m.posts?.skippedRows == 3)
        #expect(warnings.map(\.description) == [
            "\(path):3: date: not a timestamp: 'soon'; row skipped",
            "\(path):4: likes: not a number: 'x'; row skipped",
            "\(path):5: reach: not a number: 'abc'; row skipped",
        ])
    }

    @Test func atMostTwentyMalformedRowsAreListed() throws {
        var csv = "likes,comments,shares\n"
        for _ in 0..<25 { csv += "1,2\n" }
        csv += "1,2,3\n"
        let path = try fixture(csv)
        let (m, warnings) = try PresenceMeasurer.measure(posts: path)
        #expect(m.posts?.count == 1)
        #expect(m.posts?.skippedRows == 25)
        #expect(warnings.count == 21)
        #expect(warnings.first?.description == "\(path):2: expected 3 fields, found 2; row skipped")
        #expect(warnings.last?.description == "\(path): … and 5 more malformed rows")
    }

    @Test func followersFromTheSeriesWhenPostsHaveNone() throws {
        // Series: 1000 from Jan 1, 2000 from Feb 1. Posts on Jan 15 (eng 10) and Feb 15 (eng 40):
        // rates 10/1000 = .01 and 40/2000 = .02 → median .015, aggregate 50/3000.
        let followers = try fixture("date,followers\n2024-02-01,2000\n2024-01-01,1000\n")
        let posts = try fixture("date,likes,comments,shares\n2024-01-15,10,0,0\n2024-02-15,20,10,10\n")
        let (m, _) = try PresenceMeasurer.measure(posts: posts, followers: followers)
        #expect(close(m.posts?.engagementRateByFollowers?.median, 0.015))
        #expect(close(m.posts?.engagementRateByFollowers?.aggregate, 50.0 / 3000))
    }
}
