import AuditServices
import CivilCalendar
import Testing

/// The time the services read: one `Timestamp` type written as the files write it, and a clock
/// given to them, fixed by `SMAUDIT_NOW` or a test.
@Suite struct ClockTests {
    @Test func timestampsReadAndWriteTheFilesForm() throws {
        let t = try #require(Timestamp(iso: "2026-11-23T10:00:05Z"))
        #expect(t.description == "2026-11-23T10:00:05Z")
        #expect(t.dayText == "2026-11-23")
        #expect(t.seconds == 1_795_428_005)
        #expect(Timestamp(iso: "2026-11-23")?.description == "2026-11-23T00:00:00Z")
        #expect(Timestamp(iso: "2026-11-23 10:00:05")?.seconds == t.seconds)
        #expect(Timestamp(iso: "1969-12-31T23:59:59Z")?.seconds == -1)
        #expect(Timestamp(iso: "1969-12-31T23:59:59Z")?.dayText == "1969-12-31")
        for bad in ["", "2026-11-31", "2026-13-01", "2026-11-23T25:00:00Z", "2026-11-23T10:00", "23/11/2026", "2026-11-23T10:00:00+01:00"] {
            #expect(Timestamp(iso: bad) == nil, "\(bad)")
        }
    }

    @Test func theEnvironmentFixesTheClockOnlyWithATime() {
        #expect(Clock(environment: ["SMAUDIT_NOW": "2026-11-23T10:00:00Z"]).nowText == "2026-11-23T10:00:00Z")
        #expect(Clock(environment: ["SMAUDIT_NOW": "2026-11-23T10:00:00Z"]).todayText == "2026-11-23")
        // Unset or not a time: the system's clock, which is after this code was written.
        for environment in [[:], ["SMAUDIT_NOW": ""], ["SMAUDIT_NOW": "soon"]] {
            #expect(Clock(environment: environment).now >= Timestamp(iso: "2026-12-07")!)
        }
        #expect(Clock.fixed(Timestamp(seconds: 0)).nowText == "1970-01-01T00:00:00Z")
    }
}
