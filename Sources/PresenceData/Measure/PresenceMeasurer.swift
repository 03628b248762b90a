/// The one entry point `smaudit measure` calls: reads the exports given and measures them.
public enum PresenceMeasurer {
    /// Reads each export given (any may be `nil`) and returns the measurement and the warnings
    /// (malformed rows as `FILE:LINE: reason`, at most 20 per file then `… and N more`).
    ///
    /// - Parameters:
    ///   - mappings: `--map` overrides, field name → column name (see `ColumnMapping.Field`).
    ///   - delimiter: the delimiter of every file, or `nil` to detect it per file.
    ///   - socialChannels: channels counted as social, or `nil` for `TrafficMetrics.defaultSocialChannels`.
    ///   - windowMinutes: the clustered-updates window.
    /// - Throws: `PresenceError` when a file cannot be read or its header is not understood.
    public static func measure(
        posts: String? = nil, inbox: String? = nil, followers: String? = nil, traffic: String? = nil,
        mappings: [String: String] = [:], delimiter: Character? = nil, socialChannels: [String]? = nil,
        windowMinutes: Double = 10
    ) throws -> (PresenceMeasurement, [PresenceWarning]) {
        let mapping = try ColumnMapping(mappings)
        var delimiterByte: UInt8?
        if let delimiter {
            guard let ascii = delimiter.asciiValue else { throw PresenceError.invalidDelimiter(String(delimiter)) }
            delimiterByte = try CSVReader.delimiterByte(String(UnicodeScalar(ascii)))
        }
        var measurement = PresenceMeasurement()
        var warnings: [PresenceWarning] = []

        var series: FollowerSeries?
        if let followers {
            var log = ProblemLog(file: followers)
            let read = try FollowerSeries.read(CSVReader(path: followers, delimiter: delimiterByte), mapping: mapping, log: &log)
            series = read
            measurement.followers = read.metrics(skippedRows: log.skippedRows)
            warnings += log.warnings
        }
        if let posts {
            let (metrics, log) = try measurePosts(CSVReader(path: posts, delimiter: delimiterByte), mapping: mapping,
                                                  windowMinutes: windowMinutes, followerSeries: series)
            measurement.posts = metrics
            warnings += log.warnings
        }
        if let inbox {
            let (metrics, log) = try measureInbox(CSVReader(path: inbox, delimiter: delimiterByte), mapping: mapping)
            measurement.inbox = metrics
            warnings += log.warnings
        }
        if let traffic {
            let (metrics, log) = try measureTraffic(CSVReader(path: traffic, delimiter: delimiterByte), mapping: mapping,
                                                    socialChannels: socialChannels ?? TrafficMetrics.defaultSocialChannels)
            measurement.traffic = metrics
            warnings += log.warnings
        }
        return (measurement, warnings)
    }

    /// Measures a posts export.
    static func measurePosts(_ reader: CSVReader, mapping: ColumnMapping, windowMinutes: Double,
                             followerSeries: FollowerSeries?) throws -> (PostsMetrics, ProblemLog) {
        var log = ProblemLog(file: reader.displayName)
        var accumulator: PostsAccumulator?
        try reader.scan(
            header: { h in
                let header = h.fields, delimiter = h.delimiter
                let columns = try ExportKind.posts.resolveColumns(header: header, mapping: mapping, file: reader.displayName)
                accumulator = PostsAccumulator(columns: columns, delimiter: delimiter, windowMinutes: windowMinutes,
                                               followerSeries: followerSeries)
            },
            row: { accumulator!.add($0, log: &log) },
            problem: { log.add($0, rows: $1) })
        return (accumulator!.finish(skippedRows: log.skippedRows), log)
    }

    /// Measures an inbox export.
    static func measureInbox(_ reader: CSVReader, mapping: ColumnMapping) throws -> (InboxMetrics, ProblemLog) {
        var log = ProblemLog(file: reader.displayName)
        var accumulator: InboxAccumulator?
        try reader.scan(
            header: { h in
                let header = h.fields
                let columns = try ExportKind.inbox.resolveColumns(header: header, mapping: mapping, file: reader.displayName)
                accumulator = InboxAccumulator(columns: columns)
            },
            row: { accumulator!.add($0, log: &log) },
            problem: { log.add($0, rows: $1) })
        return (accumulator!.finish(skippedRows: log.skippedRows), log)
    }

    /// Measures a traffic-by-channel export.
    static func measureTraffic(_ reader: CSVReader, mapping: ColumnMapping,
                               socialChannels: [String]) throws -> (TrafficMetrics, ProblemLog) {
        var log = ProblemLog(file: reader.displayName)
        var accumulator: TrafficAccumulator?
        try reader.scan(
            header: { h in
                let header = h.fields, delimiter = h.delimiter
                let columns = try ExportKind.traffic.resolveColumns(header: header, mapping: mapping, file: reader.displayName)
                accumulator = TrafficAccumulator(columns: columns, delimiter: delimiter, socialChannels: socialChannels)
            },
            row: { accumulator!.add($0, log: &log) },
            problem: { log.add($0, rows: $1) })
        return (accumulator!.finish(skippedRows: log.skippedRows), log)
    }
}
