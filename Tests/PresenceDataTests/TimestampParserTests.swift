import Testing
@testable import PresenceData

@Suite struct TimestampParserTests {
    // 2017-10-31T22:10:47Z = 17470 days × 86400 + 22:10:47 = 1_509_487_847.
    let reference = 1_509_487_847.0

    @Test func iso8601Variants() {
        #expect(TimestampParser.parse("2017-10-31T22:10:47Z") == reference)
        #expect(TimestampParser.parse("2017-10-31T22:10:47") == reference)
        #expect(TimestampParser.parse("2017-10-31T23:10:47+01:00") == reference)
        #expect(TimestampParser.parse("2017-10-31T20:10:47-0200") == reference)
        #expect(TimestampParser.parse("2017-10-31T23:10:47+01") == reference)
        #expect(TimestampParser.parse("2017-10-31T22:10:47.250Z") == reference + 0.25)
        #expect(TimestampParser.parse("2017-10-31 22:10:47 +0000") == reference)
        #expect(TimestampParser.parse("2017-10-31") == reference - (22 * 3600 + 10 * 60 + 47))
        #expect(TimestampParser.parse("1970-01-01T00:00:00Z") == 0)
        #expect(TimestampParser.parse("2024-02-29T00:00:00Z") == 1_709_164_800)
    }

    @Test func spaceSeparatedWithAndWithoutSeconds() {
        #expect(TimestampParser.parse("2017-10-31 22:10:47") == reference)
        #expect(TimestampParser.parse("2017-10-31 22:10") == reference - 47)
        #expect(TimestampParser.parse(" 2017-10-31 22:10 ") == reference - 47)
    }

    @Test func twitterFormat() {
        #expect(TimestampParser.parse("Tue Oct 31 22:10:47 +0000 2017") == reference)
        #expect(TimestampParser.parse("Tue Oct 31 23:10:47 +0100 2017") == reference)
        #expect(TimestampParser.parse("Wed Nov 01 00:10:47 +0200 2017") == reference)
    }

    @Test func usStyleAsFacebookWritesIt() {
        #expect(TimestampParser.parse("10/31/2017 22:10:47") == reference)
        #expect(TimestampParser.parse("10/31/2017 10:10:47 PM") == reference)
        #expect(TimestampParser.parse("10/31/2017 12:00 AM") == reference - (22 * 3600 + 10 * 60 + 47))
    }

    @Test func rejectsOtherText() {
        for s in ["", "yesterday", "2017-13-01", "2017-10-31X22:10", "Tue Foo 31 22:10:47 +0000 2017",
                  "2017-10-31T22:10:47+", "10/31/2017 13:00 PM", "2017-10-31T25:00"] {
            #expect(TimestampParser.parse(s) == nil, "\(s)")
        }
    }
}
