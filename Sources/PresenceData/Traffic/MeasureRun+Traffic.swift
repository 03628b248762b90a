/// Website traffic exports: sessions and conversions by channel, each source's and over all.
extension MeasureRun {
    /// Measures the traffic exports, each source apart and over all of them.
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
        let traffic = overAll(.traffic, parts) {
            var all = TrafficAccumulator(window: window, socialChannels: social)
            for g in groups { all.absorb(g.accumulator) }
            return all.metrics(skippedRows: groups.reduce(0) { $0 + $1.skippedRows })
        }
        measurement.traffic = traffic.metrics
        measurement.trafficByPlatform = traffic.byPlatform
    }
}
