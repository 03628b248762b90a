#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A dated series of follower counts, sorted by date, or of followers gained per day
/// (LinkedIn's export). Small (one row per day or month), so it is held in memory; posts look
/// up the count at their own time in a count series.
struct FollowerSeries {
    /// (seconds since epoch, followers), ascending by time.
    private(set) var points: [(time: Double, followers: Double)] = []
    /// Whether each point is followers gained that day rather than the count.
    var isGained = false

    mutating func add(time: Double, followers: Double) { points.append((time, followers)) }

    mutating func sort() { points.sort { $0.time < $1.time } }

    /// Adds another file's points of the same platform.
    mutating func absorb(_ other: FollowerSeries) {
        points += other.points
        sort()
    }

    /// The count at the end of each calendar month the series covers (the month's last point),
    /// oldest first, at most the last `limit` months; empty for a series of followers gained.
    func monthEnds(limit: Int = 24) -> [MonthCount] {
        guard !isGained else { return [] }
        var out: [MonthCount] = []
        for point in points {
            let day = CalendarDay(containing: point.time)
            let month = MonthCount.label(year: day.year, month: day.month)
            if out.last?.month == month { out[out.count - 1].followers = point.followers } else { out.append(MonthCount(month: month, followers: point.followers)) }
        }
        return Array(out.suffix(limit))
    }

    /// The first and last date of the series.
    var extent: TimeSpan? {
        guard let first = points.first, let last = points.last else { return nil }
        return TimeSpan(first: first.time, last: last.time)
    }

    /// The count at `time`: the latest point at or before it, or the first point for earlier
    /// times; `nil` for an empty or a gained series.
    func followers(at time: Double) -> Double? {
        guard !points.isEmpty, !isGained else { return nil }
        var lo = 0, hi = points.count  // first index with points[i].time > time
        while lo < hi {
            let mid = (lo + hi) / 2
            if points[mid].time <= time { lo = mid + 1 } else { hi = mid }
        }
        return points[max(0, lo - 1)].followers
    }

    /// Reads a followers export (`date`, `followers`).
    static func read(_ reader: CSVReader, mapping: ColumnMapping, log: inout ProblemLog,
                     progress: ((Int, Int) -> Void)?) throws -> (FollowerSeries, ExportFormat) {
        var series = FollowerSeries()
        var columns: [ColumnMapping.Field: Int] = [:]
        var delimiter = UInt8(ascii: ",")
        var format = ExportFormat.generic(.followers)
        try reader.scan(
            header: { h in
                format = ExportFormat.detect(kind: .followers, header: h.fields)
                columns = try format.resolveColumns(header: h.fields, mapping: mapping, file: reader.displayName)
                delimiter = h.delimiter
                series.isGained = format.followersAreGained && mapping[.followers] == nil
            },
            row: { row in
                let dateColumn = columns[.date]!, followersColumn = columns[.followers]!
                guard let time = TimestampParser.parse(row.bytes(dateColumn)) else {
                    log.add(line: row.line, "date: not a timestamp: \(row.excerpt(dateColumn)); row skipped")
                    return
                }
                let thousands = delimiter != UInt8(ascii: ",") || row.isQuoted(followersColumn)
                switch FieldParser.number(row.bytes(followersColumn), thousands: thousands) {
                case .value(let v): series.add(time: time, followers: v)
                case .missing: log.add(line: row.line, "followers: empty; row skipped")
                case .invalid: log.add(line: row.line, "followers: not a number: \(row.excerpt(followersColumn)); row skipped")
                }
            },
            problem: { log.add($0, rows: $1) },
            progress: progress)
        series.sort()
        return (series, format)
    }

    /// The points inside `window` (all for `nil`).
    func within(_ window: Period?) -> FollowerSeries {
        guard let window else { return self }
        var s = FollowerSeries()
        s.isGained = isGained
        s.points = points.filter { window.contains($0.time) }
        return s
    }

    /// Growth figures of the series (already cut to the window).
    func metrics(skippedRows: Int) -> FollowerMetrics {
        guard let first = points.first, let last = points.last else {
            return FollowerMetrics(skippedRows: skippedRows, unavailable: ["followers": "no rows with a date and a count"])
        }
        if isGained {
            let gained = points.reduce(0) { $0 + $1.followers }
            let note = "the export counts followers gained per day, not the follower count"
            return FollowerMetrics(newFollowers: gained, skippedRows: skippedRows,
                                   unavailable: ["followers": note, "growth_rate": note, "monthly_growth_rate": note])
        }
        return FollowerMetrics.between(first: (first.time, first.followers), last: (last.time, last.followers),
                                       skippedRows: skippedRows)
    }
}

extension FollowerMetrics {
    /// Growth from a first to a last count.
    static func between(first: (time: Double, followers: Double), last: (time: Double, followers: Double),
                        skippedRows: Int) -> FollowerMetrics {
        var m = FollowerMetrics(first: first.followers, last: last.followers, newFollowers: last.followers - first.followers,
                                skippedRows: skippedRows)
        if first.followers > 0 {
            m.growthRate = (last.followers - first.followers) / first.followers
            let months = (last.time - first.time) / FollowerMetrics.secondsPerMonth
            if months > 0 {
                m.monthlyGrowthRate = pow(last.followers / first.followers, 1 / months) - 1
            } else {
                m.unavailable["monthly_growth_rate"] = "the series spans no time"
            }
        } else {
            m.unavailable["growth_rate"] = "the first count is 0"
            m.unavailable["monthly_growth_rate"] = "the first count is 0"
        }
        return m
    }
}
