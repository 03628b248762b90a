/// Follower series: read first, since posts look up their counts at their own dates.
extension MeasureRun {
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
        let followers = overAll(.followers, parts) {
            var together = Self.followersTogether(groups.map { $0.accumulator.within(window) },
                                                  skippedRows: groups.reduce(0) { $0 + $1.skippedRows })
            together.byMonth = Self.monthsTogether(parts.filter { !$0.metrics.byMonth.isEmpty }.map(\.metrics.byMonth))
            return together
        }
        measurement.followers = followers.metrics
        measurement.followersByPlatform = followers.byPlatform
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
}
