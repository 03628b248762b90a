/// The one entry point `smaudit measure` calls: reads the exports given and measures them.
public enum PresenceMeasurer {
    /// Reads every export in `input` and returns the measurement and the warnings (malformed
    /// rows as `FILE:LINE: reason`, at most 20 per file then `… and N more`, and notes about
    /// whole files).
    ///
    /// Exports of one kind are measured per platform (detected from each header) and over all
    /// platforms together. With a window that depends on the data (`lastFullMonth`,
    /// `lastDays`), each kind's window is placed from the dates of that kind's exports, in a
    /// quick first pass that reads only the dates. Each section's `Coverage` (in
    /// `PresenceMeasurement.coverage`) says whether the exports cover the whole window.
    ///
    /// - Parameter progress: called after each chunk read, for a progress line.
    /// - Throws: `PresenceError` when a file cannot be read or its header is not understood.
    public static func measure(_ input: MeasureInput,
                               progress: ((ImportProgress) -> Void)? = nil) throws -> (PresenceMeasurement, [PresenceWarning]) {
        // Posts, inbox and traffic are read on threads of their own, so reports come one at a time.
        let serial = progress.map { SerialCallback($0) }
        var run = MeasureRun(input: input, mapping: try ColumnMapping(input.mappings),
                             delimiter: try delimiterByte(input.delimiter), progress: serial.map { s in { s($0) } })
        try run.measureAll()
        return (run.measurement, run.warnings)
    }

    private static func delimiterByte(_ delimiter: Character?) throws -> UInt8? {
        guard let delimiter else { return nil }
        guard let ascii = delimiter.asciiValue else { throw PresenceError.invalidDelimiter(String(delimiter)) }
        return try CSVReader.delimiterByte(String(UnicodeScalar(ascii)))
    }
}

/// The accumulator of one platform's exports of a kind, and what was read into it.
private final class PlatformGroup<Accumulator> {
    let platform: Platform?
    /// Not checked for exclusive access at run time (every row of the platform's files writes
    /// it): one measurement owns the group, and reads its files one at a time.
    @exclusivity(unchecked) var accumulator: Accumulator
    var skippedRows = 0
    var files = 0

    init(_ platform: Platform?, _ accumulator: Accumulator) {
        self.platform = platform
        self.accumulator = accumulator
    }

    /// `the Instagram posts export`, `the posts exports` (for coverage notes).
    func what(_ kind: ExportKind) -> String {
        "the " + (platform.map { "\($0) " } ?? "") + "\(kind.rawValue) export" + (files > 1 ? "s" : "")
    }
}

/// An accumulator that reads the files of one platform one after another.
protocol FileAccumulator {
    /// Which rows fall in the window, and their dates.
    var dates: DatedRows { get }
    /// Reads one row; a malformed one is logged and skipped.
    mutating func add(_ row: CSVRow, log: inout ProblemLog)
    /// Ends the file being read.
    mutating func endFile()
}

/// A follower series read from one file.
private struct FollowerSource {
    let platform: Platform?
    var series: FollowerSeries
    /// The files it was read from.
    var files: [String] = []
}

/// The platform group a file's rows go to, and its problems, while it is read.
private final class FileRead<Accumulator> {
    @exclusivity(unchecked) var group: PlatformGroup<Accumulator>?
    @exclusivity(unchecked) var log: ProblemLog

    init(log: ProblemLog) { self.log = log }
}

/// The second half of a split read: its own accumulator and log, filled on a thread of its own.
private final class TailRead<Accumulator>: @unchecked Sendable {
    /// What the thread writes: held apart from the job, so the job's closure holds no cycle.
    private final class Rows: @unchecked Sendable {
        @exclusivity(unchecked) var accumulator: Accumulator
        @exclusivity(unchecked) var log: ProblemLog
        init(_ accumulator: Accumulator, _ log: ProblemLog) {
            self.accumulator = accumulator
            self.log = log
        }
    }

    private let rows: Rows
    let progress: SplitProgress?
    let job: BackgroundJob<Int>

    init(_ accumulator: Accumulator, log: ProblemLog, _ start: TailStart, reader: CSVReader, progress: SplitProgress?,
         finish: ((inout Accumulator) -> Void)?) where Accumulator: FileAccumulator {
        let rows = Rows(accumulator, log)
        self.rows = rows
        self.progress = progress
        job = BackgroundJob {
            let skipped = try reader.scan(header: { _ in }, row: { rows.accumulator.add($0, log: &rows.log) },
                                          problem: { rows.log.add($0, rows: $1) },
                                          progress: progress.map { p in { p.second(bytes: $0, rows: $1) } }, tail: start)
            finish?(&rows.accumulator)
            return skipped
        }
    }

    /// The rows read, once `job` has ended.
    var accumulator: Accumulator {
        get { rows.accumulator }
        set { rows.accumulator = newValue }
    }
    var log: ProblemLog { rows.log }
}

/// The progress of a file read in two halves, reported as one: the bytes and rows of both,
/// each half's last report kept and added under one lock.
private final class SplitProgress: @unchecked Sendable {
    private var halves = [(bytes: 0, rows: 0), (bytes: 0, rows: 0)]
    private var report: SerialCallback<(half: Int, bytes: Int, rows: Int)>!

    init(_ tailOffset: Int, _ report: @escaping (Int, Int) -> Void) {
        self.report = SerialCallback { [unowned self] half, bytes, rows in
            halves[half] = (half == 1 ? bytes - tailOffset : bytes, rows)
            report(halves[0].bytes + halves[1].bytes, halves[0].rows + halves[1].rows)
        }
    }

    func first(bytes: Int, rows: Int) { report((0, bytes, rows)) }
    func second(bytes: Int, rows: Int) { report((1, bytes, rows)) }
}

/// Stops a scan once the header (or the dates) have told what was needed.
private struct StopReading: Error {}

/// One call of `PresenceMeasurer.measure`.
private struct MeasureRun {
    let input: MeasureInput
    let mapping: ColumnMapping
    let delimiter: UInt8?
    let progress: ((ImportProgress) -> Void)?
    var measurement = PresenceMeasurement()
    var warnings: [PresenceWarning] = []

    init(input: MeasureInput, mapping: ColumnMapping, delimiter: UInt8?, progress: ((ImportProgress) -> Void)?) {
        self.input = input
        self.mapping = mapping
        self.delimiter = delimiter
        self.progress = progress
        measurement.window = input.window
    }

    /// Followers first (posts look up counts in them), then posts, inbox and traffic at the
    /// same time, each in a copy of this run whose results are merged back in that order.
    mutating func measureAll() throws {
        let series = try measureFollowers()
        var fresh = self
        fresh.measurement = PresenceMeasurement()
        fresh.measurement.window = input.window
        fresh.warnings = []
        let start = fresh
        var jobs: [() throws -> MeasureRun] = []
        if !input.posts.isEmpty { jobs.append { var run = start; try run.measurePosts(followerSeries: series); return run } }
        if !input.inbox.isEmpty { jobs.append { var run = start; try run.measureInbox(); return run } }
        if !input.traffic.isEmpty { jobs.append { var run = start; try run.measureTraffic(); return run } }
        for run in try concurrently(jobs) {
            let m = run.measurement
            if m.posts != nil { measurement.posts = m.posts; measurement.postsByPlatform = m.postsByPlatform }
            if m.inbox != nil { measurement.inbox = m.inbox; measurement.inboxByPlatform = m.inboxByPlatform }
            if m.traffic != nil { measurement.traffic = m.traffic; measurement.trafficByPlatform = m.trafficByPlatform }
            measurement.coverage.merge(m.coverage) { _, new in new }
            measurement.sources.merge(m.sources) { _, new in new }
            warnings += run.warnings
        }
    }

    // MARK: Reading

    func reader(_ path: String) -> CSVReader { CSVReader(path: path, delimiter: delimiter) }

    /// The per-chunk callback that reports `ImportProgress` for one file.
    func progressReporter(_ reader: CSVReader, datePass: Bool = false) -> ((Int, Int) -> Void)? {
        guard let progress else { return nil }
        let total = reader.byteCount
        let file = reader.displayName
        return { bytes, rows in
            progress(ImportProgress(file: file, bytesRead: bytes, totalBytes: total, rows: rows, isDatePass: datePass))
        }
    }

    /// The days to measure exports of `kind` over, placed from their dates when the window
    /// depends on them (reading the dates first).
    func window(for kind: ExportKind) throws -> Period? {
        let requested = input.window
        guard requested.dependsOnData else { return requested.resolve(extent: nil) }
        return requested.resolve(extent: try extent(of: kind), today: input.today)
    }

    /// The first and last date in the exports of `kind`: the dates of the rows, or the range a
    /// GA4 report states for rows that have none.
    func extent(of kind: ExportKind) throws -> TimeSpan? {
        var total: TimeSpan?
        for path in input.files(kind) {
            let reader = reader(path)
            var dateColumn: Int?
            var span: TimeSpan?
            do {
                try reader.scan(
                    header: { h in
                        let format = ExportFormat.detect(kind: kind, header: h.fields)
                        let columns = try format.resolveColumns(header: h.fields, mapping: mapping, file: path)
                        dateColumn = columns[kind == .inbox ? .time : .date]
                        if dateColumn == nil {
                            if kind == .traffic, let range = TrafficAccumulator.statedRange(h.preamble) { span = TimeSpan(days: range) }
                            throw StopReading()
                        }
                    },
                    row: { row in
                        if let t = TimestampParser.parse(row.bytes(dateColumn!)) { TimeSpan.include(&span, t) }
                    },
                    problem: { _, _ in },
                    progress: progressReporter(reader, datePass: true))
            } catch is StopReading {}
            total = TimeSpan.union(total, span)
        }
        return total
    }

    /// The group of `platform` in `groups`, created with `make` when new.
    static func group<A>(_ groups: inout [PlatformGroup<A>], _ platform: Platform?, _ make: () -> A) -> PlatformGroup<A> {
        if let g = groups.first(where: { $0.platform == platform }) { return g }
        let g = PlatformGroup(platform, make())
        groups.append(g)
        return g
    }

    /// Reads every file of `kind` into the accumulator of its platform: `make` creates one for
    /// a platform met for the first time, and `begin` starts a file in it from its header,
    /// returning the coverage of a file that states its range instead of dating its rows. Each
    /// file is recorded in the sources with its coverage and warnings.
    ///
    /// With `continueWith` (how one accumulator takes over the rows of the rest of its file,
    /// read by another), a big file is read in two halves at once (`SplitRead`); `finishHalf`
    /// is work each half does on its own core before they are joined.
    mutating func read<A: FileAccumulator>(
        _ kind: ExportKind, window: Period?, make: (ExportFormat) -> A,
        begin: (inout A, CSVHeader, ExportFormat, [ColumnMapping.Field: Int]) -> Coverage?,
        continueWith: ((inout A, inout A) -> Void)? = nil,
        finishHalf: ((inout A) -> Void)? = nil
    ) throws -> [PlatformGroup<A>] {
        var groups: [PlatformGroup<A>] = []
        for path in input.files(kind) {
            let platform = input.platformOf[path]
            // The group and log every row writes, held by a class: captured `var`s would be boxed
            // and checked for exclusive access on every row.
            let file = FileRead<A>(log: ProblemLog(file: path))
            var format = ExportFormat.generic(kind)
            var stated: Coverage?
            var undatedBefore = 0
            let reader = reader(path)
            let mapping = mapping
            let progress = progressReporter(reader)
            var split: (stop: ScanStop, tail: TailRead<A>)?
            if continueWith != nil, let plan = splitPlan(reader, kind: kind) {
                var second = make(plan.format)
                _ = begin(&second, plan.header, plan.format, plan.columns)
                split = (ScanStop(offset: plan.tail.offset), TailRead(second, log: ProblemLog(file: path), plan.tail, reader: reader,
                                                                   progress: progress.map { SplitProgress(plan.tail.offset, $0) },
                                                                   finish: finishHalf))
            }
            // The second half's thread ends before this file is done with, whatever is thrown.
            defer { _ = split?.tail.job.result() }
            try reader.scan(
                header: { h in
                    format = ExportFormat.detect(kind: kind, header: h.fields)
                    let columns = try format.resolveColumns(header: h.fields, mapping: mapping, file: path)
                    let g = Self.group(&groups, platform ?? format.platform) { make(format) }
                    stated = begin(&g.accumulator, h, format, columns)
                    undatedBefore = g.accumulator.dates.undated
                    file.group = g
                },
                row: { file.group!.accumulator.add($0, log: &file.log) },
                problem: { file.log.add($0, rows: $1) },
                progress: split?.tail.progress.map { p in { p.first(bytes: $0, rows: $1) } } ?? progress,
                stop: split?.stop)
            if let split, let continueWith, split.stop.line != nil {
                // The first half ended where the second began: the two are the whole file.
                finishHalf?(&file.group!.accumulator)
                _ = try split.tail.job.result().get()
                continueWith(&file.group!.accumulator, &split.tail.accumulator)
                file.log.append(split.tail.log)
            }
            let g = file.group!
            let log = file.log
            g.files += 1
            g.skippedRows += log.skippedRows
            g.accumulator.endFile()
            let d = g.accumulator.dates
            measurement.sources[kind, default: []].append(ExportSource(
                file: path, format: format.name, platform: platform ?? format.platform, rows: d.fileRows, skippedRows: log.skippedRows,
                coverage: stated ?? Coverage.of(input.window, window: window, extent: d.fileExtent, span: d.fileSpan, what: path)))
            warnings += log.warnings
            noteUndated(path, d.undated - undatedBefore, window)
        }
        return groups
    }

    /// Where a big file of `kind` is cut for a split read, and what its header says; nil for a
    /// file read in one piece (small, not on disk, with a preamble, or one whose header the
    /// first half will refuse).
    func splitPlan(_ reader: CSVReader, kind: ExportKind)
        -> (tail: TailStart, header: CSVHeader, format: ExportFormat, columns: [ColumnMapping.Field: Int])? {
        guard let middle = SplitRead.midpoint(of: reader, from: input.splitFrom) else { return nil }
        var found: (CSVHeader, ExportFormat, [ColumnMapping.Field: Int])?
        let mapping = mapping
        do {
            try reader.scan(header: { h in
                let format = ExportFormat.detect(kind: kind, header: h.fields)
                found = (h, format, try format.resolveColumns(header: h.fields, mapping: mapping, file: reader.displayName))
                throw StopReading()
            }, row: { _ in }, problem: { _, _ in })
        } catch {}
        guard let (header, format, columns) = found, header.preamble.isEmpty, middle.line > header.line + 1 else { return nil }
        return (TailStart(offset: middle.offset, line: middle.line, delimiter: header.delimiter, columns: header.fields.count),
                header, format, columns)
    }

    /// A note for rows without a date left out of the window.
    mutating func noteUndated(_ path: String, _ count: Int, _ window: Period?) {
        guard count > 0, let window else { return }
        warnings.append(PresenceWarning(file: path, line: nil,
                                        message: "\(MeasurementTable.counted(count, "row")) without a date left out of \(window.label)"))
    }

    // MARK: Followers
    /// Reads the follower series, measures them over their window, and returns them whole
    /// (posts look up counts at their own dates).
    mutating func measureFollowers() throws -> [FollowerSource] {
        guard !input.followers.isEmpty else { return [] }
        var read: [(path: String, format: ExportFormat, series: FollowerSeries, log: ProblemLog)] = []
        for path in input.followers {
            var log = ProblemLog(file: path)
            let reader = reader(path)
            let (series, format) = try FollowerSeries.read(reader, mapping: mapping, log: &log, progress: progressReporter(reader))
            read.append((path, format, series, log))
        }
        let extent = read.reduce(nil as TimeSpan?) { TimeSpan.union($0, $1.series.extent) }
        let window = input.window.resolve(extent: extent, today: input.today)
        var groups: [PlatformGroup<FollowerSeries>] = []
        for file in read {
            let cut = file.series.within(window)
            measurement.sources[.followers, default: []].append(ExportSource(
                file: file.path, format: file.format.name, platform: input.platformOf[file.path] ?? file.format.platform, rows: cut.points.count,
                skippedRows: file.log.skippedRows,
                coverage: Coverage.of(input.window, window: window, extent: file.series.extent, span: cut.extent, what: file.path)))
            warnings += file.log.warnings
            // Counts and gains of one platform are different series, so they group apart.
            let platform = input.platformOf[file.path] ?? file.format.platform, gained = file.series.isGained
            let g: PlatformGroup<FollowerSeries>
            if let existing = groups.first(where: { $0.platform == platform && $0.accumulator.isGained == gained }) {
                g = existing
                g.accumulator.absorb(file.series)
            } else {
                g = PlatformGroup(platform, file.series)
                groups.append(g)
            }
            g.files += 1
            g.skippedRows += file.log.skippedRows
        }
        var parts: [PlatformMetrics<FollowerMetrics>] = []
        for g in groups {
            let cut = g.accumulator.within(window)
            let coverage = Coverage.of(input.window, window: window, extent: g.accumulator.extent, span: cut.extent,
                                       what: g.what(.followers))
            var metrics = cut.metrics(skippedRows: g.skippedRows)
            metrics.byMonth = g.accumulator.monthEnds()
            parts.append(PlatformMetrics(platform: g.platform, metrics: metrics, coverage: coverage))
        }
        measurement.coverage[.followers] = Coverage.combined(parts.map { ($0.name, $0.coverage) })
        if parts.count == 1 {
            measurement.followers = parts[0].metrics
        } else {
            measurement.followers = Self.followersTogether(groups.map { $0.accumulator.within(window) },
                                                           skippedRows: groups.reduce(0) { $0 + $1.skippedRows })
            measurement.followers?.byMonth = Self.monthsTogether(parts.filter { !$0.metrics.byMonth.isEmpty }.map(\.metrics.byMonth))
            measurement.followersByPlatform = parts
        }
        return groups.filter { !$0.accumulator.isGained }.map { g in
            let files = read.filter { (input.platformOf[$0.path] ?? $0.format.platform) == g.platform && !$0.series.isGained }.map(\.path)
            return FollowerSource(platform: g.platform, series: g.accumulator, files: files)
        }
    }

    /// Month-end counts of several platforms added, for the months every one of them covers
    /// (a total that leaves a platform out would read as a fall).
    static func monthsTogether(_ series: [[MonthCount]]) -> [MonthCount] {
        guard let first = series.first else { return [] }
        return first.compactMap { month in
            let counts = series.compactMap { $0.first { $0.month == month.month }?.followers }
            return counts.count == series.count ? MonthCount(month: month.month, followers: counts.reduce(0, +)) : nil
        }
    }

    /// Follower figures over several platforms: the counts added (first to first, last to
    /// last), and the followers gained added.
    static func followersTogether(_ series: [FollowerSeries], skippedRows: Int) -> FollowerMetrics {
        let counts = series.filter { !$0.isGained && !$0.points.isEmpty }
        var m: FollowerMetrics
        if counts.isEmpty {
            m = FollowerMetrics(skippedRows: skippedRows, unavailable: ["followers": "no follower count series"])
        } else {
            let first = (counts.map { $0.points.first!.time }.min()!, counts.reduce(0) { $0 + $1.points.first!.followers })
            let last = (counts.map { $0.points.last!.time }.max()!, counts.reduce(0) { $0 + $1.points.last!.followers })
            m = FollowerMetrics.between(first: first, last: last, skippedRows: skippedRows)
        }
        let gained = series.compactMap { $0.metrics(skippedRows: 0).newFollowers }
        m.newFollowers = gained.isEmpty ? nil : gained.reduce(0, +)
        return m
    }

    // MARK: Posts

    mutating func measurePosts(followerSeries: [FollowerSource]) throws {
        guard !input.posts.isEmpty else { return }
        let window = try window(for: .posts)
        // Each platform's interactions are set against its own followers. A follower file that
        // names no platform is taken as the one platform's when the posts are all of one;
        // with several it fits none of them alone, and says so.
        let postPlatforms = try platforms(of: .posts)
        let generic = followerSeries.filter { $0.platform == nil }
        if !generic.isEmpty {
            let names = generic.flatMap(\.files)
            if postPlatforms.count > 1 {
                let list = postPlatforms.compactMap { $0?.description }
                warnings.append(PresenceWarning(file: names.first ?? "", line: nil, message:
                    "names no platform, and the posts are of \(MeasurementTable.list(list)): it is not used for interactions per 100 followers; give --followers PLATFORM=FILE, e.g. --followers \(list.first ?? "Instagram")=\(names.first ?? "followers.csv")"))
            }
        }
        func sources(for platform: Platform?) -> [FollowerSource] {
            let own = followerSeries.filter { platform != nil && $0.platform == platform }
            if !own.isEmpty { return own }
            return postPlatforms.count == 1 ? generic : []
        }
        func series(for platform: Platform?) -> [FollowerSeries] { sources(for: platform).map(\.series) }
        let counts = postPlatforms.count == 1 ? followerSeries.map(\.series) : followerSeries.filter { $0.platform != nil }.map(\.series)
        let windowMinutes = input.windowMinutes
        let groups = try read(.posts, window: window,
                              make: { [account = input.account] in
                                  PostsAccumulator(window: window, windowMinutes: windowMinutes, followerSeries: series(for: $0.platform), account: account)
                              },
                              begin: { a, h, format, columns in
                                  a.beginFile(columns: columns, delimiter: h.delimiter, format: format)
                                  return nil
                              },
                              continueWith: { $0.append(&$1) },
                              finishHalf: { $0.sortTimes() })
        // The follower count at the end of the period: from the series, else the latest post's column.
        func followersAtEnd(_ a: PostsAccumulator, _ series: [FollowerSeries]) -> Double? {
            guard let end = window.map({ $0.end - 0.001 }) ?? a.dates.span?.last else { return a.followersOfLatestPosts }
            if !series.isEmpty { return series.reduce(0) { $0 + ($1.followers(at: end) ?? 0) } }
            return a.followersOfLatestPosts
        }
        var parts: [PlatformMetrics<PostsMetrics>] = []
        for g in groups {
            var metrics = g.accumulator.metrics(followersAtEnd: followersAtEnd(g.accumulator, series(for: g.platform)),
                                                skippedRows: g.skippedRows)
            // With posts of several platforms, say which platform's followers to give.
            if groups.count > 1, metrics.engagementPerFollower == nil, metrics.followersAtEnd == nil, let platform = g.platform {
                metrics.unavailable["engagement_per_follower"] = "no follower count for \(platform): give --followers \(platform)=FILE"
            }
            let coverage = Coverage.of(input.window, window: window, extent: g.accumulator.dates.extent,
                                       span: g.accumulator.dates.span, what: g.what(.posts))
            parts.append(PlatformMetrics(platform: g.platform, metrics: metrics, coverage: coverage))
        }
        measurement.coverage[.posts] = Coverage.combined(parts.map { ($0.name, $0.coverage) })
        // A follower file names no account: with posts of several accounts it is taken as all of
        // theirs together, and that is said.
        for (g, part) in zip(groups, parts) {
            guard let used = sources(for: g.platform).first, let file = used.files.first else { continue }
            let accounts = part.metrics.accounts.count > 1
                ? MeasurementTable.list(part.metrics.accounts.map { "“\($0)”" }) + " together" : nil
            if used.platform == nil {
                let account = accounts ?? part.metrics.accounts.first.map { "“\($0)”" }
                let whose = g.platform.map { p in "\(p)" + (account.map { " (\($0))" } ?? "") } ?? account ?? "the posts' account"
                warnings.append(PresenceWarning(file: file, line: nil, message: "names no platform; taken as the follower counts of " + whose))
            } else if let accounts {
                warnings.append(PresenceWarning(file: file, line: nil, message: "names no account; taken as the followers of " + accounts))
            }
        }
        if let account = input.account {
            let left = groups.reduce(0) { $0 + $1.accumulator.otherAccountPosts }
            if left > 0 {
                warnings.append(PresenceWarning(file: input.files(.posts).first ?? "", line: nil,
                                                message: "\(MeasurementTable.counted(left, "post")) of other accounts left out (--account \(account))"))
            }
        }
        if parts.count == 1 {
            measurement.posts = parts[0].metrics
            return
        }
        var all = PostsAccumulator(window: window, windowMinutes: input.windowMinutes, followerSeries: counts)
        for g in groups { all.absorb(&g.accumulator) }
        // All interactions over all followers, when every platform's followers are known.
        let perPlatform = parts.map(\.metrics.followersAtEnd)
        let together: Double? = perPlatform.allSatisfy({ $0 != nil }) ? perPlatform.reduce(0) { $0 + $1! } : nil
        var metrics = all.metrics(followersAtEnd: together, skippedRows: groups.reduce(0) { $0 + $1.skippedRows })
        metrics.accounts = Array(Set(parts.flatMap(\.metrics.accounts))).sorted()
        if together == nil {
            let missing = parts.filter { $0.metrics.followersAtEnd == nil }.map(\.name)
            metrics.unavailable["engagement_per_follower"] = "no follower count for \(MeasurementTable.list(missing)): give --followers PLATFORM=FILE"
        }
        measurement.posts = metrics
        measurement.postsByPlatform = parts
    }

    /// The platforms of the exports of `kind`, by their headers or the command line, each
    /// once in the files' order (nil for a generic file).
    func platforms(of kind: ExportKind) throws -> [Platform?] {
        var out: [Platform?] = []
        for path in input.files(kind) {
            var platform = input.platformOf[path]
            if platform == nil {
                let reader = reader(path)
                do {
                    try reader.scan(header: { h in
                        platform = ExportFormat.detect(kind: kind, header: h.fields).platform
                        throw StopReading()
                    }, row: { _ in }, problem: { _, _ in }, progress: nil)
                } catch is StopReading {}
            }
            if !out.contains(where: { $0 == platform }) { out.append(platform) }
        }
        return out
    }

    // MARK: Inbox

    mutating func measureInbox() throws {
        guard !input.inbox.isEmpty else { return }
        let window = try window(for: .inbox)
        let channels: InboxAccumulator.ChannelFilter? = input.allChannels ? nil
            : input.socialChannels.map(InboxAccumulator.ChannelFilter.init(names:)) ?? .social
        let groups = try read(.inbox, window: window, make: { _ in InboxAccumulator(window: window, channels: channels) },
                              begin: { a, _, _, columns in
                                  a.beginFile(columns: columns)
                                  return nil
                              })
        var tallies: [InboxTally] = []
        var parts: [PlatformMetrics<InboxMetrics>] = []
        for g in groups {
            var tally = g.accumulator.tally()
            if !tally.otherChannels.isEmpty {
                // Said, never silent: which tickets were left out, and how to keep them.
                let list = tally.otherChannels.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { "\($0.key) \($0.value)" }
                let total = tally.otherChannels.values.reduce(0, +)
                warnings.append(PresenceWarning(file: input.files(.inbox).first ?? "", line: nil, message:
                    "\(MeasurementTable.counted(total, "ticket")) of other channels left out (\(list.joined(separator: ", "))); --all-channels keeps them"))
            }
            let coverage = Coverage.of(input.window, window: window, extent: tally.extent, span: tally.span, what: g.what(.inbox))
            parts.append(PlatformMetrics(platform: g.platform, metrics: tally.metrics(skippedRows: g.skippedRows), coverage: coverage))
            tallies.append(tally)
        }
        measurement.coverage[.inbox] = Coverage.combined(parts.map { ($0.name, $0.coverage) })
        if parts.count == 1 {
            measurement.inbox = parts[0].metrics
            return
        }
        var all = InboxTally()
        for i in tallies.indices { all.absorb(&tallies[i]) }
        measurement.inbox = all.metrics(skippedRows: groups.reduce(0) { $0 + $1.skippedRows })
        measurement.inboxByPlatform = parts
    }

    // MARK: Traffic

    mutating func measureTraffic() throws {
        guard !input.traffic.isEmpty else { return }
        let window = try window(for: .traffic)
        let social = input.socialChannels ?? TrafficMetrics.defaultSocialChannels
        // A stated-range file that overlaps the window but cannot be cut to it: the group's coverage is its.
        var unsplittable: [Platform?: Coverage] = [:]
        let requested = input.window
        let groups = try read(.traffic, window: window, make: { _ in TrafficAccumulator(window: window, socialChannels: social) },
                              begin: { a, h, format, columns in
            let range = TrafficAccumulator.statedRange(h.preamble)
            var stated: Coverage?
            var include = true
            if columns[.date] == nil {
                let use = Coverage.ofStatedRange(requested, window: window, range: range, what: h.file)
                stated = use.coverage
                include = use.include
                if !include, let range, let window, range.overlaps(window) { unsplittable[format.platform] = use.coverage }
            }
            a.beginFile(columns: columns, delimiter: h.delimiter, statedRange: range, include: include)
            return stated
        })
        var parts: [PlatformMetrics<TrafficMetrics>] = []
        for g in groups {
            let a = g.accumulator
            let coverage = unsplittable[g.platform]
                ?? Coverage.of(input.window, window: window, extent: a.dates.extent, span: a.dates.span, what: g.what(.traffic))
            parts.append(PlatformMetrics(platform: g.platform, metrics: a.metrics(skippedRows: g.skippedRows), coverage: coverage))
        }
        measurement.coverage[.traffic] = Coverage.combined(parts.map { ($0.name, $0.coverage) })
        if parts.count == 1 {
            measurement.traffic = parts[0].metrics
            return
        }
        var all = TrafficAccumulator(window: window, socialChannels: social)
        for g in groups { all.absorb(g.accumulator) }
        measurement.traffic = all.metrics(skippedRows: groups.reduce(0) { $0 + $1.skippedRows })
        measurement.trafficByPlatform = parts
    }
}
