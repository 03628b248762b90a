import Testing
@testable import PresenceData

/// Issue 26, item 6: reply rate and first reply time from a helpdesk's ticket export, social
/// channels only, in calendar time and in business hours. Each figure is worked out by hand
/// from the fixture (see Fixtures/SOURCES.md for where the headers come from).
@Suite struct TicketExportsTests {
    func measure(_ file: String, allChannels: Bool = false) throws -> (InboxMetrics, [PresenceWarning]) {
        var input = MeasureInput()
        input.inbox = [exportFixture(file)]
        input.allChannels = allChannels
        let (m, warnings) = try PresenceMeasurer.measure(input)
        return (try #require(m.inbox), warnings)
    }

    /// Zendesk, 7 tickets: Twitter 101 (first reply 30 min; 30 in business hours), Facebook 102
    /// (900; 60), Mail 103 (45), Facebook 104 (no reply: Replies 0), WhatsApp 105 (120; 120),
    /// Web Form 106 (10), Twitter 107 (600; 30). Social: 101, 102, 104, 105, 107 = 5 tickets,
    /// 4 answered: 80%. Calendar minutes 30, 120, 600, 900: median (120 + 600) / 2 = 360, p90 at
    /// rank 2.7 = 600 + 0.7 × 300 = 810, mean 1,650 / 4 = 412.5; within an hour: 1 of 5 = 20%.
    /// Business hours 30, 30, 60, 120: median 45, p90 60 + 0.7 × 60 = 102, mean 60.
    @Test func zendeskTicketsSocialChannelsOnly() throws {
        let (m, warnings) = try measure("zendesk-tickets.csv")
        #expect(m.starters == 5 && m.replied == 4)
        #expect(m.responseRate == 0.8)
        #expect(m.firstResponseMinutes == ResponseTimes(median: 360, p90: 810, mean: 412.5))
        #expect(m.repliedWithin60mShare == 0.2)
        #expect(m.firstResponseBusinessMinutes?.median == 45 && m.firstResponseBusinessMinutes?.mean == 60)
        #expect(close(m.firstResponseBusinessMinutes?.p90, 102))
        #expect(m.otherChannels == ["Mail": 1, "Web Form": 1])
        #expect(warnings.map(\.message) == ["2 tickets of other channels left out (Mail 1, Web Form 1); --all-channels keeps them"])
    }

    /// With every channel: 7 tickets, 6 answered = 6 / 7; minutes 10, 30, 45, 120, 600, 900:
    /// median (45 + 120) / 2 = 82.5.
    @Test func allChannelsKeepsEveryTicket() throws {
        let (m, warnings) = try measure("zendesk-tickets.csv", allChannels: true)
        #expect(m.starters == 7 && m.replied == 6)
        #expect(m.responseRate == 6.0 / 7)
        #expect(m.firstResponseMinutes?.median == 82.5)
        #expect(m.otherChannels.isEmpty && warnings.isEmpty)
    }

    /// Freshdesk, 5 tickets: Twitter 2001 (created 09:00, first reply 09:20: 20 min; business
    /// 00:20:00), Facebook 2002 (17:30 → 09:30 next day: 960 min; business 00:30:00), Email 2003,
    /// Whatsapp 2004 (no first reply; its business cell 00:00:00 is not a reply), Facebook 2005
    /// (08:00 → 10:15: 135; 02:15:00). Social: 4, answered 3: 75%. Calendar 20, 135, 960: median
    /// 135, p90 at rank 1.8 = 135 + 0.8 × 825 = 795, mean 1,115 / 3. Business 20, 30, 135:
    /// median 30, p90 30 + 0.8 × 105 = 114, mean 185 / 3.
    @Test func freshdeskTicketsFromTheFirstResponseTime() throws {
        let (m, _) = try measure("freshdesk-tickets.csv")
        #expect(m.starters == 4 && m.replied == 3)
        #expect(m.responseRate == 0.75)
        #expect(m.firstResponseMinutes?.median == 135)
        #expect(close(m.firstResponseMinutes?.p90, 795))
        #expect(close(m.firstResponseMinutes?.mean, 1_115.0 / 3))
        #expect(m.firstResponseBusinessMinutes?.median == 30)
        #expect(close(m.firstResponseBusinessMinutes?.p90, 114))
        #expect(close(m.firstResponseBusinessMinutes?.mean, 185.0 / 3))
        #expect(m.otherChannels == ["Email": 1])
    }

    @Test(arguments: [("18", 18.0), ("18.5", 18.5), ("00:20:00", 20.0), ("02:15:00", 135.0), ("1:30", 90.0), ("", nil), ("soon", nil), ("1::2", nil)] as [(String, Double?)])
    func minutesAreNumbersOrDurations(_ text: String, _ minutes: Double?) {
        let bytes = Array(text.utf8)
        #expect(bytes.withUnsafeBufferPointer { FieldParser.minutes($0) } == minutes)
    }
}
