import Threads

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
final class PlatformGroup<Accumulator> {
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
struct FollowerSource {
    let platform: Platform?
    var series: FollowerSeries
    /// The files it was read from.
    var files: [String] = []
}

/// The platform group a file's rows go to, and its problems, while it is read.
final class FileRead<Accumulator> {
    @exclusivity(unchecked) var group: PlatformGroup<Accumulator>?
    @exclusivity(unchecked) var log: ProblemLog

    init(log: ProblemLog) { self.log = log }
}

/// Stops a scan once the header (or the dates) have told what was needed.
struct StopReading: Error {}

/// One call of `PresenceMeasurer.measure`.
struct MeasureRun {
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

    /// One kind's figures over all its platforms: the one platform's own figures, or, with
    /// several, `together` (their figures added) with each platform's kept beside it; the
    /// kind's coverage is set from the platforms'.
    mutating func overAll<M>(_ kind: ExportKind, _ parts: [PlatformMetrics<M>],
                             together: () -> M) -> (metrics: M, byPlatform: [PlatformMetrics<M>]) {
        measurement.coverage[kind] = Coverage.combined(parts.map { ($0.name, $0.coverage) })
        return parts.count == 1 ? (parts[0].metrics, []) : (together(), parts)
    }

    /// A note for rows without a date left out of the window.
    mutating func noteUndated(_ path: String, _ count: Int, _ window: Period?) {
        guard count > 0, let window else { return }
        warnings.append(PresenceWarning(file: path, line: nil,
                                        message: "\(MeasurementTable.counted(count, "row")) without a date left out of \(window.label)"))
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
}
