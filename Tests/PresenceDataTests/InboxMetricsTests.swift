import Testing
@testable import PresenceData

@Suite struct InboxMetricsTests {
    /// Starters (inbound, replying to nothing): 1 alice 10:00, 3 bob 11:00, 6 carol 12:00, 9 dave 09:00.
    /// First responses: 1 ← 2 Brand 10:30 (30 min); 3 ← 5 Helper 12:00 (60 min; 4 at 13:00 is later);
    /// 6 none; 9 ← 10 Brand 09:00:30 (0.5 min; "9.0" is id 9, and the reply comes first in the file).
    /// 7 is an inbound reply, so not a starter.
    static let generic = """
        id,from,inbound,time,in_reply_to
        1,alice,true,2024-01-01T10:00:00Z,
        2,Brand,false,2024-01-01T10:30:00Z,1
        3,bob,true,2024-01-01T11:00:00Z,
        4,Brand,false,2024-01-01T13:00:00Z,3
        5,Helper,false,2024-01-01T12:00:00Z,3
        6,carol,yes,2024-01-01T12:00:00Z,
        7,bob,TRUE,2024-01-01T13:05:00Z,4
        8,Brand,false,2024-01-01T13:10:00Z,7
        10,Brand,0,2024-01-01T09:00:30Z,9.0
        9,dave,1,2024-01-01T09:00:00Z,

        """

    @Test func genericInboxWorkedByHand() throws {
        let (m, warnings) = try PresenceMeasurer.measure(inbox: try fixture(Self.generic))
        let i = try #require(m.inbox)
        #expect(warnings.isEmpty)
        #expect(i.messages == 10)
        #expect(i.starters == 4)
        #expect(i.replied == 3)
        #expect(i.responseRate == 0.75)
        // Minutes sorted: 0.5, 30, 60. Median 30; p90 at (3−1)×0.9 = 1.8 → 30 + 0.8 × 30 = 54.
        #expect(close(i.firstResponseMinutes?.median, 30))
        #expect(close(i.firstResponseMinutes?.p90, 54))
        #expect(close(i.firstResponseMinutes?.mean, 90.5 / 3))
        #expect(i.repliedWithin60mShare == 0.75)  // all three within 60 (inclusive) of 4 starters
        #expect(i.byResponder == [
            ResponderStatistics(responder: "Brand", replied: 2, medianMinutes: 15.25),  // (30 + 0.5) / 2
            ResponderStatistics(responder: "Helper", replied: 1, medianMinutes: 60),
        ])
    }

    /// Twitter customer-support style: float ids, Twitter timestamps, a quoted newline.
    /// Starters 3 (21:45:10) and 4 (22:00:00). 3 ← 1 at 22:10:47 = 25 min 37 s = 25.61666… min;
    /// 4 ← 5 at 23:30 +0100 = 22:30 UTC = 30 min. 2 replies to 1 (inbound) so is no starter.
    static let twitter = "tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id\n"
        + "1,sprintcare,False,Tue Oct 31 22:10:47 +0000 2017,\"@115712 I understand, please DM\",,3.0\n"
        + "2,115712,True,Tue Oct 31 22:11:45 +0000 2017,\"@sprintcare and how do you\npropose we fix that\",,1.0\n"
        + "3,115712,True,Tue Oct 31 21:45:10 +0000 2017,@sprintcare is the worst,1,\n"
        + "4,115713,True,Tue Oct 31 22:00:00 +0000 2017,hi,5,\n"
        + "5,AskX,False,Tue Oct 31 23:30:00 +0100 2017,ok,,4\n"
        + "6,115714,True,someday,broken time,,\n"

    @Test func twitterInboxWorkedByHand() throws {
        let path = try fixture(Self.twitter)
        let (m, warnings) = try PresenceMeasurer.measure(inbox: path)
        let i = try #require(m.inbox)
        #expect(warnings.map(\.description) == ["\(path):8: time: not a timestamp: 'someday'; row skipped"])
        #expect(i.messages == 5)
        #expect(i.skippedRows == 1)
        #expect(i.starters == 2)
        #expect(i.replied == 2)
        #expect(i.responseRate == 1)
        let a = 25 + 37.0 / 60
        #expect(close(i.firstResponseMinutes?.median, (a + 30) / 2))
        #expect(close(i.firstResponseMinutes?.p90, a + 0.9 * (30 - a)))
        #expect(i.repliedWithin60mShare == 1)
        #expect(i.byResponder.map(\.responder) == ["AskX", "sprintcare"])
    }

    @Test func withoutATimeColumnOnlyCountsAreMeasured() throws {
        let (m, _) = try PresenceMeasurer.measure(inbox: try fixture("id,inbound,in_reply_to\n1,true,\n2,false,1\n3,true,\n"))
        let i = try #require(m.inbox)
        #expect(i.responseRate == 0.5)
        #expect(i.firstResponseMinutes == nil)
        #expect(i.unavailable["first_response_minutes"] == "no time column")
        #expect(m.value(at: "inbox.first_response_minutes.median") == nil)
        #expect(m.table().contains("n/a (no time column)"))
    }

    @Test func requiredCellsMissingSkipTheRow() throws {
        let path = try fixture("id,inbound,in_reply_to\n,true,\n2,perhaps,\n3,,\n4,true,\n")
        let (m, warnings) = try PresenceMeasurer.measure(inbox: path)
        #expect(m.inbox?.messages == 1)
        #expect(warnings.map(\.line) == [2, 3, 4])
    }
}
