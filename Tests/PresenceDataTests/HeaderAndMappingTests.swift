import Testing
@testable import PresenceData

@Suite struct HeaderAndMappingTests {
    @Test func unrecognisedHeaderNamesFileColumnsAndMissingFields() throws {
        let path = try fixture("when,who,what\n1,2,3\n")
        do {
            _ = try PresenceMeasurer.measure(inbox: path)
            Issue.record("expected an error")
        } catch let error as PresenceError {
            #expect(error == .unrecognisedHeader(file: path, kind: "inbox", columns: ["when", "who", "what"],
                                                 missing: ["id", "inbound", "in_reply_to"]))
            #expect(error.description.contains("--map id=COLUMN"))
            #expect(error.description.contains("'when', 'who', 'what'"))
        }
    }

    @Test func mapOverridesAndCaseInsensitiveHeaders() throws {
        // "Msg" is the id, "Sent" the time, "Parent" the reply link; " INBOUND " is found by name.
        let path = try fixture("Msg, INBOUND ,Sent,Parent\n1,true,2024-01-01 10:00,\n2,false,2024-01-01 10:10,1\n")
        let (m, _) = try PresenceMeasurer.measure(inbox: path, mappings: ["id": "msg", "time": "Sent", "in_reply_to": "PARENT"])
        #expect(m.inbox?.replied == 1)
        #expect(m.value(at: "inbox.first_response_minutes.median") == 10)
    }

    @Test func mapArguments() throws {
        let mapping = try ColumnMapping(arguments: ["reach=Post Reach", "in-reply-to=Parent"])
        #expect(mapping[.reach] == "Post Reach")
        #expect(mapping[.inReplyTo] == "Parent")
        #expect(throws: PresenceError.invalidMapping("nonsense")) { try ColumnMapping(arguments: ["nonsense"]) }
        #expect(throws: PresenceError.invalidMapping("colour=x")) { try ColumnMapping(arguments: ["colour=x"]) }
    }

    @Test func mappedColumnMissingIsAnError() throws {
        let path = try fixture("likes\n1\n")
        #expect(throws: PresenceError.mappedColumnNotFound(file: path, field: "reach", column: "Nope", columns: ["likes"])) {
            try PresenceMeasurer.measure(posts: path, mappings: ["reach": "Nope"])
        }
    }

    @Test func recognisesEachKnownExportFromItsHeader() throws {
        let none = ColumnMapping()
        let fb = ["Post ID", "Type", "Posted", "Lifetime Post Total Reach", "Lifetime Post Total Impressions",
                  "like", "comment", "share", "Page total likes", "Paid"]
        let c = try ExportKind.posts.resolveColumns(header: fb, mapping: none, file: "f")
        #expect(c[.date] == 2 && c[.reach] == 3 && c[.impressions] == 4 && c[.likes] == 5 && c[.followers] == 8)
        let tw = ["tweet_id", "author_id", "inbound", "created_at", "text", "response_tweet_id", "in_response_to_tweet_id"]
        let t = try ExportKind.inbox.resolveColumns(header: tw, mapping: none, file: "f")
        #expect(t[.id] == 0 && t[.from] == 1 && t[.time] == 3 && t[.inReplyTo] == 6)
        let g = try ExportKind.traffic.resolveColumns(header: ["Default Channel Group", "Sessions", "Conversions"], mapping: none, file: "f")
        #expect(g[.channel] == 0 && g[.sessions] == 1 && g[.conversions] == 2)
    }
}
