import Testing
@testable import PresenceData

@Suite struct JSONOutputTests {
    @Test func shapeAndKeyOrderFollowTheIssue() throws {
        let m = PresenceMeasurement(
            posts: PostsMetrics(count: 2, skippedRows: 1, applauseRate: 12.5, likesPerPost: 10, amplificationRate: 1,
                                conversationRate: 1.5,
                                engagementRateByReach: RateSummary(median: 0.0213, mean: 0.025, aggregate: 0.02, posts: 2),
                                byType: [TypeStatistics(type: "Photo", count: 2, engagementRateByReachMedian: 0.0213)],
                                clusteredUpdates: ClusteredUpdates(windowMinutes: 10, clusters: 0, postsInClusters: 0)),
            inbox: InboxMetrics(messages: 3, starters: 1, replied: 1, responseRate: 1,
                                firstResponseMinutes: ResponseTimes(median: 5, p90: 5, mean: 5), repliedWithin60mShare: 1,
                                byResponder: [ResponderStatistics(responder: "Brand \"X\"", replied: 1, medianMinutes: 5)]))
        #expect(m.json() == """
            {"posts": {"count": 2, "skipped_rows": 1, "applause_rate": 12.5, "likes_per_post": 10, \
            "amplification_rate": 1, "conversation_rate": 1.5, \
            "engagement_rate_by_reach": {"median": 0.0213, "mean": 0.025, "aggregate": 0.02}, \
            "engagement_rate_by_impressions": null, "engagement_rate_by_followers": null, \
            "by_type": {"Photo": {"count": 2, "engagement_rate_by_reach_median": 0.0213}}, \
            "clustered_updates": {"window_minutes": 10, "clusters": 0, "posts_in_clusters": 0}, \
            "engagement_per_follower": null, "followers_at_end": null, "accounts": [], "by_account": {}, \
            "period": null, "window": null, "coverage": "full", "coverage_note": null, "files": []}, \
            "inbox": {"messages": 3, "skipped_rows": 0, "starters": 1, "replied": 1, "response_rate": 1, \
            "first_response_minutes": {"median": 5, "p90": 5, "mean": 5}, "replied_within_60m_share": 1, \
            "first_response_business_minutes": null, "other_channels": {}, \
            "by_responder": {"Brand \\"X\\"": {"replied": 1, "median_minutes": 5}}, \
            "period": null, "window": null, "coverage": "full", "coverage_note": null, "files": []}, \
            "followers": null, "traffic": null, "window": "all"}
            """)
    }

    @Test func valueAtAJSONPath() throws {
        let (m, _) = try PresenceMeasurer.measure(posts: try fixture(PostsMetricsTests.generic),
                                                  inbox: try fixture(InboxMetricsTests.generic))
        #expect(m.value(at: "inbox.first_response_minutes.median") == 30)
        #expect(m.value(at: "inbox.by_responder.Brand.median_minutes") == 15.25)
        #expect(m.value(at: "posts.count") == 5)
        #expect(m.value(at: "posts.clustered_updates.clusters") == 1)
        #expect(m.value(at: "posts.by_type.Video.engagement_rate_by_reach_median") == nil)
        #expect(m.value(at: "traffic.sessions") == nil)
        #expect(m.value(at: "posts.nonsense") == nil)
        #expect(m.value(at: "") == nil)
    }

    @Test func readableTableHasNoEscapes() throws {
        let (m, _) = try PresenceMeasurer.measure(posts: try fixture(PostsMetricsTests.generic))
        let table = m.table()
        #expect(!table.contains("\u{1B}"))
        #expect(table.contains("engagement rate by reach"))
        #expect(table.contains("median 4%"))
        #expect(MeasurementTable.decimal(0.0213 * 100) == "2.13")
        #expect(MeasurementTable.percent(0.5) == "50%")
    }

}
