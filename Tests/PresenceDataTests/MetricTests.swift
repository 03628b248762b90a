import Testing
@testable import PresenceData

/// Issue 26, item 9: one `Metric` type carries a figure's export, unit and words, so no layer
/// guesses them from the path's spelling.
struct MetricTests {
    @Test func aPathNamesItsExportUnitAndWords() throws {
        let reply = try #require(Metric(path: "inbox.first_response_minutes.median"))
        #expect(reply.kind == .inbox)
        #expect(reply.unit == .minutes)
        #expect(reply.words == "median time to a first reply")
        #expect(reply.platform == nil)
        #expect(reply.kind.readerName == "inbox export")
    }

    @Test func aPlatformsOwnFigureHasItsMetricsUnitAndWordsAndNamesThePlatform() throws {
        let instagram = try #require(Metric(path: "posts.by_platform.Instagram.engagement_per_follower"))
        #expect(instagram.unit == .perFollower)
        #expect(instagram.words == "interactions relative to followers")
        #expect(instagram.platform == "Instagram")
        // Written per 100 followers, never as a percentage: 0.0604 → 6.04.
        #expect(abs(instagram.shown(0.0604) - 6.04) < 1e-9)
    }

    @Test func unknownPathsAreNoMetricButNamedFiguresAreKnown() {
        #expect(Metric(path: "posts.applause") == nil)
        #expect(Metric(path: "likes.count") == nil)
        #expect(!Metric.isKnown("posts.applause"))
        #expect(Metric.isKnown("posts.by_type.Video.count"))
        #expect(Metric.isKnown("inbox.by_responder.Brand.median_minutes"))
    }

    @Test func everyMetricHasWordsWithoutItsId() {
        for path in Metric.allPaths {
            let metric = Metric(path: path)
            #expect(metric != nil, "\(path)")
            #expect(metric.map { !$0.words.isEmpty && !$0.words.contains("_") } == true, "\(path)")
        }
    }
}
