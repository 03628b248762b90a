import Foundation
import Testing
@testable import PresenceData

@Suite struct FollowersAndTrafficTests {
    @Test func followerGrowthWorkedByHand() throws {
        // Sorted by date: 1000 on Jan 1, 1100 on Mar 1 (2024: 31 + 29 = 60 days). Two bad rows skipped.
        let path = try fixture("date,followers\n2024-03-01,\"1,100\"\n2024-01-01,1000\n2024-02-01,\"\"\n2024-02-15,abc\n")
        let (m, warnings) = try PresenceMeasurer.measure(followers: path)
        let f = try #require(m.followers)
        #expect(f.first == 1000)
        #expect(f.last == 1100)
        #expect(close(f.growthRate, 0.1))
        let months = 60 / 30.436875
        #expect(close(f.monthlyGrowthRate, pow(1.1, 1 / months) - 1))
        #expect(warnings.map(\.line) == [4, 5])
    }

    @Test func trafficByChannelWorkedByHand() throws {
        // Tab-separated; sessions 1000 + 200 + 300 + 500 + 100 = 2100; social (any case) 200 + 300 + 100 = 600;
        // conversions 50 + 4 + 3 + 0 + 3 = 60, social 10.
        let csv = "Default Channel Group\tSessions\tConversions\nOrganic Search\t1,000\t50\nOrganic Social\t200\t4\n"
            + "Paid Social\t300\t3\nDirect\t500\t\norganic social\t100\t3\n"
        let (m, _) = try PresenceMeasurer.measure(traffic: try fixture(csv))
        let t = try #require(m.traffic)
        #expect(t.sessions == 2100)
        #expect(t.socialSessions == 600)
        #expect(close(t.socialShare, 600.0 / 2100))
        #expect(close(t.conversionRate, 60.0 / 2100))
        #expect(close(t.socialConversionRate, 10.0 / 600))
        #expect(t.byChannel.map(\.channel) == ["Direct", "Organic Search", "Organic Social", "Paid Social", "organic social"])
        // Overriding the list: only Direct is "social".
        let (custom, _) = try PresenceMeasurer.measure(traffic: try fixture(csv), socialChannels: ["direct"])
        #expect(custom.traffic?.socialSessions == 500)
    }

    @Test func trafficWithoutConversions() throws {
        let (m, _) = try PresenceMeasurer.measure(traffic: try fixture("channel,sessions\nSocial,10\nEmail,30\n"))
        #expect(m.traffic?.socialShare == 0.25)
        #expect(m.traffic?.conversionRate == nil)
        #expect(m.traffic?.unavailable["conversion_rate"] == "no conversions column")
    }
}
