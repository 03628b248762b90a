#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CivilCalendar

/// Where the services read the time: the system's, or a fixed moment (`SMAUDIT_NOW`, tests).
/// Given to what stamps answers and decisions and decides what is due today, so none of them
/// reads the environment or the system clock for itself.
public struct Clock: Sendable {
    private let fixed: Timestamp?

    /// The system's clock.
    public static let system = Clock(fixed: nil)

    /// A clock that always reads `moment`.
    public static func fixed(_ moment: Timestamp) -> Clock { Clock(fixed: moment) }

    private init(fixed: Timestamp?) { self.fixed = fixed }

    /// `$SMAUDIT_NOW` when it is set to a time (reproducible runs and tests), else the system's.
    public init(environment: [String: String]) {
        fixed = environment["SMAUDIT_NOW"].flatMap(Timestamp.init(iso:))
    }

    /// The time now, to the second.
    public var now: Timestamp { fixed ?? Timestamp(seconds: Int64(time(nil))) }

    /// The time now as the files write it, `2026-11-23T10:00:00Z`.
    public var nowText: String { now.description }

    /// Today's date (UTC) as the files write it, `2026-11-23`.
    public var todayText: String { now.dayText }
}
