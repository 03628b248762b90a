import Testing
@testable import PresenceData

@Suite struct PeriodTests {
    func day(_ text: String) -> CalendarDay { CalendarDay.parse(text)! }
    func span(_ first: String, _ last: String) -> TimeSpan {
        TimeSpan(first: TimestampParser.parse(first)!, last: TimestampParser.parse(last)!)
    }

    @Test func calendarDaysRoundTrip() {
        for d in stride(from: -800_000, through: 800_000, by: 997) {
            #expect(CalendarDay(daysSinceEpoch: d).daysSinceEpoch == d)
        }
        #expect(day("2026-10-01").description == "2026-10-01")
        #expect(CalendarDay(containing: TimestampParser.parse("2026-10-31T23:59:59Z")!) == day("2026-10-31"))
        #expect(CalendarDay(containing: -1) == day("1969-12-31"))
        #expect(CalendarDay.parse("2026-02-29") == nil)
        #expect(CalendarDay.parse("2024-02-29") != nil)
        #expect(CalendarDay.parse("2026-1-01") == nil)
    }

    @Test func periodsAndTheirLabels() {
        let october = Period.month(year: 2026, month: 10)!
        #expect(october.first == day("2026-10-01") && october.last == day("2026-10-31"))
        #expect(october.label == "Oct 2026")
        #expect(october.contains(TimestampParser.parse("2026-10-31 23:59:59")!))
        #expect(!october.contains(TimestampParser.parse("2026-11-01 00:00")!))
        let half = Period(first: day("2026-10-01"), last: day("2026-10-15"))!
        #expect(half.label == "2026-10-01 – 2026-10-15")
        #expect(Period(first: day("2026-10-02"), last: day("2026-10-01")) == nil)
    }

    @Test func periodArguments() throws {
        #expect(try MeasurementWindow(parsing: "last-month") == .lastFullMonth)
        #expect(try MeasurementWindow(parsing: "last_month") == .lastFullMonth)
        #expect(try MeasurementWindow(parsing: "last_90_days") == .last90Days)
        #expect(try MeasurementWindow(parsing: "ALL") == .all)
        #expect(try MeasurementWindow(parsing: "2026-10") == .days(from: day("2026-10-01"), through: day("2026-10-31")))
        #expect(try MeasurementWindow(parsing: "2026-10-05") == .days(from: day("2026-10-05"), through: day("2026-10-05")))
        #expect(throws: PresenceError.invalidPeriod("2026-13")) { try MeasurementWindow(parsing: "2026-13") }
        #expect(throws: PresenceError.invalidPeriod("october")) { try MeasurementWindow(parsing: "october") }
        #expect(try MeasurementWindow(since: "2026-10-01", until: nil) == .days(from: day("2026-10-01"), through: nil))
        #expect(try MeasurementWindow(since: nil, until: nil) == .all)
        #expect(throws: PresenceError.self) { try MeasurementWindow(since: "2026-10-15", until: "2026-10-01") }
        #expect(MeasurementWindow.month(year: 2026, month: 10)!.description == "2026-10")
    }

    /// The last full month is placed from the export's own dates, and never a month still running.
    @Test func theLastFullMonth() {
        let october = Period.month(year: 2026, month: 10)!, november = Period.month(year: 2026, month: 11)!
        let year = span("2025-11-01 09:00", "2026-11-20 17:00")
        #expect(MeasurementWindow.lastFullMonth.resolve(extent: year, today: day("2026-11-20")) == october)
        #expect(MeasurementWindow.lastFullMonth.resolve(extent: year) == october)       // Nov 20 is not in November's last week
        let late = span("2025-11-01 09:00", "2026-11-25 17:00")
        #expect(MeasurementWindow.lastFullMonth.resolve(extent: late, today: day("2026-11-26")) == october)
        #expect(MeasurementWindow.lastFullMonth.resolve(extent: late) == november)      // without today, November's last week counts
        // An October export whose posts run from the 3rd to the 24th.
        #expect(MeasurementWindow.lastFullMonth.resolve(extent: span("2026-10-03 18:00", "2026-10-24 20:15"),
                                                        today: day("2026-12-01")) == october)
        // October 14 – November 10 covers no month: the month of the last row, marked partial.
        let odd = span("2026-10-14 09:00", "2026-11-10 12:00")
        let window = MeasurementWindow.lastFullMonth.resolve(extent: odd, today: day("2026-12-01"))
        #expect(window == november)
        let coverage = Coverage.of(.lastFullMonth, window: window, extent: odd, span: odd, what: "the posts export")
        #expect(coverage.status == .partial)
        #expect(coverage.note == "the posts export covers 2026-10-14 – 2026-11-10, only part of Nov 2026")
        #expect(MeasurementWindow.lastFullMonth.resolve(extent: nil) == nil)
    }

    @Test func otherWindows() {
        let extent = span("2026-06-01 00:00", "2026-10-31 12:00")
        #expect(MeasurementWindow.last90Days.resolve(extent: extent) == Period(first: day("2026-08-03"), last: day("2026-10-31")))
        #expect(MeasurementWindow.days(from: day("2026-10-01"), through: nil).resolve(extent: extent)
            == Period(first: day("2026-10-01"), last: day("2026-10-31")))
        #expect(MeasurementWindow.all.resolve(extent: extent) == nil)
    }

    /// Dated rows cover a window when they come within a week of both its ends.
    @Test func coverageOfDatedRows() {
        let october = Period.month(year: 2026, month: 10)!
        let window = MeasurementWindow.month(year: 2026, month: 10)!
        func status(_ first: String, _ last: String) -> Coverage.Status {
            Coverage.of(window, window: october, extent: span(first, last), span: nil, what: "x").status
        }
        #expect(status("2026-09-01", "2026-11-30") == .full)
        #expect(status("2026-10-08", "2026-10-24") == .full)
        #expect(status("2026-10-09", "2026-10-31") == .partial)
        #expect(status("2026-10-01", "2026-10-23") == .partial)
        #expect(status("2026-11-01", "2026-11-30") == .none)
        #expect(Coverage.of(window, window: october, extent: nil, span: nil, what: "x").status == .none)
        #expect(Coverage.of(.all, window: nil, extent: nil, span: nil, what: "x").isComplete)
    }
}

@Suite struct WindowedMeasurementTests {
    /// Starters 1 (Sep 30), 3 (Oct 5), 5 (Oct 31, answered Nov 1), 7 (Oct 20, unanswered), 8
    /// (no time). October's conversations are 3, 5 and 7: replied 2 of 3, after 30 and 60 minutes.
    static let inbox = """
        id,from,inbound,time,in_reply_to
        1,alice,true,2026-09-30T23:50:00Z,
        2,Brand,false,2026-10-01T00:20:00Z,1
        3,bob,true,2026-10-05T10:00:00Z,
        4,Brand,false,2026-10-05T10:30:00Z,3
        5,carol,true,2026-10-31T23:30:00Z,
        6,Brand,false,2026-11-01T00:30:00Z,5
        7,dave,true,2026-10-20T09:00:00Z,
        8,erin,true,,

        """

    @Test func aConversationBelongsToTheMonthOfItsStarter() throws {
        let path = try fixture(Self.inbox)
        let (m, warnings) = try PresenceMeasurer.measure(inbox: path, window: .month(year: 2026, month: 10)!)
        let i = try #require(m.inbox)
        #expect(i.starters == 3)
        #expect(i.replied == 2)
        #expect(close(i.responseRate, 2.0 / 3))
        #expect(i.firstResponseMinutes?.median == 45)          // 30 and 60
        #expect(close(i.repliedWithin60mShare, 2.0 / 3))        // 60 minutes counts as within
        #expect(i.messages == 5)                                // 2, 3, 4, 5, 7
        #expect(warnings.map(\.description) == ["\(path): 1 row without a date left out of Oct 2026"])
        #expect(m.coverage[.inbox]?.isComplete == true)         // September 30 – November 1
        // The whole file: 5 starters (8 has no time), 3 replied.
        let (all, _) = try PresenceMeasurer.measure(inbox: path)
        #expect(all.inbox?.starters == 5)
        #expect(all.inbox?.replied == 3)
    }

    /// A traffic file with a date per row is cut to the window: October's rows are 50 + 150 +
    /// 100 = 300 sessions, 50 of them social, 5 conversions.
    @Test func trafficWithADateColumnIsCutToTheWindow() throws {
        let path = try fixture("date,channel,sessions,conversions\n20260930,Organic Social,100,1\n20261001,Organic Social,50,2\n"
            + "20261001,Direct,150,3\n20261031,Direct,100,0\n20261101,Direct,500,5\n")
        let (m, _) = try PresenceMeasurer.measure(traffic: path, window: .lastFullMonth)
        let t = try #require(m.traffic)
        #expect(t.sessions == 300)
        #expect(close(t.socialShare, 50.0 / 300))
        #expect(close(t.conversionRate, 5.0 / 300))
        #expect(m.coverage[.traffic]?.window == Period.month(year: 2026, month: 10))
    }

    /// Without a followers series, the count at the end is the latest post's followers column:
    /// October's engagement 10 + (20 + 5 + 5) = 40 over 1,100 followers.
    @Test func engagementPerFollowerFromThePostsOwnColumn() throws {
        let path = try fixture("date,likes,comments,shares,followers\n2026-10-02,10,0,0,1000\n2026-10-30,20,5,5,1100\n"
            + "2026-11-02,1,1,1,1200\n")
        let (october, _) = try PresenceMeasurer.measure(posts: path, window: .month(year: 2026, month: 10)!)
        #expect(october.posts?.followersAtEnd == 1100)
        #expect(close(october.posts?.engagementPerFollower, 40.0 / 1100))
        #expect(october.value(at: "posts.engagement_per_follower") == october.posts?.engagementPerFollower)
        let (all, _) = try PresenceMeasurer.measure(posts: path)
        #expect(close(all.posts?.engagementPerFollower, 43.0 / 1200))
        let (none, _) = try PresenceMeasurer.measure(posts: try fixture("likes,comments,shares\n1,2,3\n"))
        #expect(none.posts?.unavailable["engagement_per_follower"] == "no followers column and no --followers count series")
    }

    @Test func aMappedColumnOverridesARecognisedLayout() throws {
        // Reading Instagram's "Follows" as the follower count is the user's call, not the layout's.
        let (m, _) = try PresenceMeasurer.measure(posts: exportFixture("meta-instagram-posts.csv"), mappings: ["followers": "Follows"])
        #expect(m.posts?.engagementRateByFollowers != nil)
    }
}

/// Posts, inbox and traffic are read at the same time; what comes out must not show it.
@Suite struct KindsTogetherTests {
    @Test func warningsKeepTheOrderOfTheKindsAndAnyErrorStops() throws {
        let posts = try fixture("likes,comments,shares\n1,2\n1,2,3\n")                          // line 2 ragged
        let inbox = try fixture("id,from,inbound,time,in_reply_to\n1,a,maybe,,\n2,a,true,,\n")  // line 2: inbound
        let traffic = try fixture("channel,sessions\nSocial,x\nSocial,3\n")                      // line 2: sessions
        for _ in 0..<20 {
            let (m, warnings) = try PresenceMeasurer.measure(posts: posts, inbox: inbox, traffic: traffic)
            #expect(warnings.map(\.file) == [posts, inbox, traffic])
            #expect(m.posts?.count == 1 && m.inbox?.messages == 1 && m.traffic?.sessions == 3)
        }
        let broken = try fixture("when,who\n1,2\n")
        #expect(throws: PresenceError.self) { try PresenceMeasurer.measure(posts: posts, inbox: broken, traffic: traffic) }
    }
}
