/// Computes `PostsMetrics` in one streaming pass over a posts export.
///
/// Memory does not depend on the file's size except for two exact-by-design parts, both
/// 8-byte doubles per post: the per-post rates kept for exact medians (one array per rate
/// whose column exists; by-type medians reuse the reach rates), and the post times kept per
/// account so clustered updates are right even when the export is not sorted.
///
/// Row rules: empty `likes`/`comments`/`shares` cells count as 0 (Facebook leaves zero
/// counts blank); an empty `reach`/`impressions`/`followers` cell leaves the post out of that
/// rate; an empty date leaves it out of clustered updates; a cell that is not a number or a
/// timestamp makes the row malformed (reported and skipped).
struct PostsAccumulator {
    let columns: [ColumnMapping.Field: Int]
    let commaDelimited: Bool
    let windowMinutes: Double
    let followerSeries: FollowerSeries?

    private(set) var count = 0
    private var likes = 0.0, comments = 0.0, shares = 0.0
    private var byReachPerType: [[Double]] = []   // reach rates, grouped by type index
    private var reachSums = (rates: 0.0, engagement: 0.0, reach: 0.0)
    private var byImpressions = RateAccumulator()
    private var byFollowers = RateAccumulator()
    private var types = TextInterner(empty: "(none)")
    private var typeNames: [String] = []
    private var typeCounts: [Int] = []
    private var accounts = TextInterner(empty: "")
    private var accountTimes: [[Double]] = []

    private let likesColumn, commentsColumn, sharesColumn, reachColumn, impressionsColumn: Int?
    private let followersColumn, dateColumn, typeColumn, accountColumn: Int?

    init(columns: [ColumnMapping.Field: Int], delimiter: UInt8, windowMinutes: Double, followerSeries: FollowerSeries?) {
        self.columns = columns
        self.commaDelimited = delimiter == UInt8(ascii: ",")
        self.windowMinutes = windowMinutes
        self.followerSeries = followerSeries
        likesColumn = columns[.likes]
        commentsColumn = columns[.comments]
        sharesColumn = columns[.shares]
        reachColumn = columns[.reach]
        impressionsColumn = columns[.impressions]
        followersColumn = columns[.followers]
        dateColumn = columns[.date]
        typeColumn = columns[.type]
        accountColumn = columns[.account]
    }

    /// Reads a number cell; `nil` marks the row malformed (already logged).
    @inline(__always)
    private func number(_ row: CSVRow, _ column: Int?, _ name: String, emptyAsZero: Bool,
                        log: inout ProblemLog) -> Double?? {
        guard let column else { return .some(nil) }
        switch FieldParser.number(row.bytes(column), thousands: !commaDelimited || row.isQuoted(column)) {
        case .value(let v): return .some(v)
        case .missing: return .some(emptyAsZero ? 0 : nil)
        case .invalid:
            log.add(line: row.line, "\(name): not a number: \(row.excerpt(column)); row skipped")
            return nil
        }
    }

    mutating func add(_ row: CSVRow, log: inout ProblemLog) {
        guard let likes = number(row, likesColumn, "likes", emptyAsZero: true, log: &log),
              let comments = number(row, commentsColumn, "comments", emptyAsZero: true, log: &log),
              let shares = number(row, sharesColumn, "shares", emptyAsZero: true, log: &log),
              let reach = number(row, reachColumn, "reach", emptyAsZero: false, log: &log),
              let impressions = number(row, impressionsColumn, "impressions", emptyAsZero: false, log: &log),
              var followers = number(row, followersColumn, "followers", emptyAsZero: false, log: &log)
        else { return }
        var time: Double?
        if let dateColumn {
            let bytes = row.bytes(dateColumn)
            if let t = TimestampParser.parse(bytes) {
                time = t
            } else if !FieldParser.trimmed(bytes).isEmpty {
                log.add(line: row.line, "date: not a timestamp: \(row.excerpt(dateColumn)); row skipped")
                return
            }
        }
        count += 1
        let like = likes ?? 0, comment = comments ?? 0, share = shares ?? 0
        self.likes += like
        self.comments += comment
        self.shares += share
        let engagement = like + comment + share

        var type = 0
        if let typeColumn {
            let (i, isNew) = types.intern(row.bytes(typeColumn))
            type = i
            if isNew { typeNames.append(types.names[i]); typeCounts.append(0); byReachPerType.append([]) }
        } else if typeCounts.isEmpty {
            typeNames = ["(all)"]
            typeCounts = [0]
            byReachPerType = [[]]
        }
        typeCounts[type] += 1
        if let reach, reach > 0 {
            let rate = engagement / reach
            byReachPerType[type].append(rate)
            reachSums.rates += rate
            reachSums.engagement += engagement
            reachSums.reach += reach
        }
        if let impressions { byImpressions.add(engagement: engagement, denominator: impressions) }
        if followers == nil, let followerSeries, let time { followers = followerSeries.followers(at: time) }
        if let followers { byFollowers.add(engagement: engagement, denominator: followers) }

        if let time {
            var account = 0
            if let accountColumn {
                let (i, isNew) = accounts.intern(row.bytes(accountColumn))
                account = i
                if isNew { accountTimes.append([]) }
            } else if accountTimes.isEmpty {
                accountTimes = [[]]
            }
            accountTimes[account].append(time)
        }
    }

    /// The metrics; consumes the stored rates and times.
    mutating func finish(skippedRows: Int) -> PostsMetrics {
        var m = PostsMetrics(count: count, skippedRows: skippedRows)
        let n = Double(count)
        let hasCounts = likesColumn != nil && commentsColumn != nil && sharesColumn != nil
        if count > 0 {
            if likesColumn != nil { m.likesPerPost = likes / n } else { m.unavailable["likes_per_post"] = "no likes column" }
            if sharesColumn != nil { m.amplificationRate = shares / n } else { m.unavailable["amplification_rate"] = "no shares column" }
            if commentsColumn != nil { m.conversationRate = comments / n } else { m.unavailable["conversation_rate"] = "no comments column" }
            if hasCounts { m.applauseRate = (likes + comments + shares) / n }
        }
        let missingCounts = [(likesColumn, "likes"), (commentsColumn, "comments"), (sharesColumn, "shares")]
            .filter { $0.0 == nil }.map(\.1)
        let engagementNote = missingCounts.isEmpty ? nil : "no " + missingCounts.joined(separator: ", ") + " column"
        if let engagementNote { m.unavailable["applause_rate"] = engagementNote }

        // Per-type medians first, then the overall median over all types' rates together.
        var all: [Double] = []
        all.reserveCapacity(byReachPerType.reduce(0) { $0 + $1.count })
        for i in byReachPerType.indices { all.append(contentsOf: byReachPerType[i]) }
        var typeStatistics: [TypeStatistics] = []
        for i in typeNames.indices where typeColumn != nil {
            let median = reachColumn != nil && hasCounts ? Quantile.median(&byReachPerType[i]) : nil
            typeStatistics.append(TypeStatistics(type: typeNames[i], count: typeCounts[i], engagementRateByReachMedian: median))
        }
        byReachPerType = []
        m.byType = typeStatistics.sorted { $0.type < $1.type }
        if typeColumn == nil { m.unavailable["by_type"] = "no type column" }

        func rate(_ key: String, _ column: Int?, _ name: String, _ summary: () -> RateSummary?) -> RateSummary? {
            if let engagementNote { m.unavailable[key] = engagementNote; return nil }
            if column == nil && !(key == "engagement_rate_by_followers" && followerSeries != nil) {
                m.unavailable[key] = "no \(name) column"
                return nil
            }
            guard let s = summary() else { m.unavailable[key] = "no post with \(name) > 0"; return nil }
            return s
        }
        m.engagementRateByReach = rate("engagement_rate_by_reach", reachColumn, "reach") {
            guard let median = Quantile.median(&all) else { return nil }
            return RateSummary(median: median, mean: reachSums.rates / Double(all.count),
                               aggregate: reachSums.engagement / reachSums.reach, posts: all.count)
        }
        all = []
        m.engagementRateByImpressions = rate("engagement_rate_by_impressions", impressionsColumn, "impressions") {
            byImpressions.summary()
        }
        m.engagementRateByFollowers = rate("engagement_rate_by_followers", followersColumn, "followers") {
            byFollowers.summary()
        }

        if dateColumn == nil {
            m.unavailable["clustered_updates"] = "no date column"
        } else {
            let window = windowMinutes * 60
            var clusters = 0, inClusters = 0
            for i in accountTimes.indices {
                accountTimes[i].sort()
                var run = 1
                let times = accountTimes[i]
                for k in times.indices.dropFirst() {
                    if times[k] - times[k - 1] < window {
                        run += 1
                    } else {
                        if run >= 2 { clusters += 1; inClusters += run }
                        run = 1
                    }
                }
                if run >= 2 { clusters += 1; inClusters += run }
            }
            accountTimes = []
            m.clusteredUpdates = ClusteredUpdates(windowMinutes: windowMinutes, clusters: clusters, postsInClusters: inClusters)
        }
        return m
    }
}
