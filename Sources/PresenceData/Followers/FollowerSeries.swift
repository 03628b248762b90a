#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A dated series of follower counts, sorted by date. Small (one row per day or month), so
/// it is held in memory; posts look up the count at their own time in it.
struct FollowerSeries {
    /// (seconds since epoch, followers), ascending by time.
    private(set) var points: [(time: Double, followers: Double)] = []

    mutating func add(time: Double, followers: Double) { points.append((time, followers)) }

    mutating func sort() { points.sort { $0.time < $1.time } }

    /// The count at `time`: the latest point at or before it, or the first point for earlier times.
    func followers(at time: Double) -> Double? {
        guard !points.isEmpty else { return nil }
        var lo = 0, hi = points.count  // first index with points[i].time > time
        while lo < hi {
            let mid = (lo + hi) / 2
            if points[mid].time <= time { lo = mid + 1 } else { hi = mid }
        }
        return points[max(0, lo - 1)].followers
    }

    /// Reads a followers export (`date`, `followers`).
    static func read(_ reader: CSVReader, mapping: ColumnMapping, log: inout ProblemLog) throws -> FollowerSeries {
        var series = FollowerSeries()
        var columns: [ColumnMapping.Field: Int] = [:]
        var delimiter = UInt8(ascii: ",")
        try reader.scan(
            header: { h in
                let header = h.fields, d = h.delimiter
                columns = try ExportKind.followers.resolveColumns(header: header, mapping: mapping, file: reader.displayName)
                delimiter = d
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
            problem: { log.add($0, rows: $1) })
        series.sort()
        return series
    }

    /// Growth figures of the series.
    func metrics(skippedRows: Int) -> FollowerMetrics {
        guard let first = points.first, let last = points.last else {
            return FollowerMetrics(skippedRows: skippedRows, unavailable: ["followers": "no rows with a date and a count"])
        }
        var m = FollowerMetrics(first: first.followers, last: last.followers, skippedRows: skippedRows)
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
