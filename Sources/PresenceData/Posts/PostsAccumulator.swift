import TextTrim
import Threads

/// Computes `PostsMetrics` in one streaming pass over the posts exports of one platform (one
/// file or several, each with its own columns), keeping only the posts inside the window.
///
/// Memory does not depend on the files' size except for two exact-by-design parts, both
/// 8-byte doubles per post: the per-post rates kept for exact medians (one array per rate
/// whose column exists; by-type medians reuse the reach rates), and the post times kept per
/// account so clustered updates are right even when the export is not sorted.
///
/// Row rules: empty `likes`/`comments`/`shares` cells count as 0 (Facebook leaves zero
/// counts blank); an empty `reach`/`impressions`/`followers` cell leaves the post out of that
/// rate; an empty date leaves it out of clustered updates, and out of the measurement when a
/// window is asked for (counted in `undated`); a cell that is not a number or a timestamp
/// makes the row malformed (reported and skipped); a `Total` row of a format that writes one
/// (YouTube Studio) is the export's own sum and is passed over. Engagement rates and
/// engagement per follower are taken over posts from files with all three count columns.
struct PostsAccumulator: FileAccumulator {
    /// The columns of the file being read.
    private struct Layout {
        var likes: Int?, comments: Int?, shares: Int?, reach: Int?, impressions: Int?
        var followers: Int?, date: Int?, type: Int?, account: Int?
        var commaDelimited = true
        var hasTotalRow = false
        var hasCounts: Bool { likes != nil && comments != nil && shares != nil }
    }

    /// The clustered-updates window, in minutes.
    let windowMinutes: Double
    /// The follower count series of this platform, added up, for posts without a followers column.
    let followerSeries: [FollowerSeries]

    private var layout = Layout()
    /// Every field some file of this platform had a column for.
    private(set) var fieldsSeen: Set<ColumnMapping.Field> = []
    /// Posts measured.
    private(set) var count = 0
    /// Which posts fall in the window, and their dates.
    private(set) var dates: DatedRows
    private var likes = 0.0, comments = 0.0, shares = 0.0
    private var postsWithLikes = 0, postsWithComments = 0, postsWithShares = 0
    private var countedEngagement = 0.0, postsWithCounts = 0
    private var reachRates: [Samples] = []   // by type index
    private var reachSums = (rates: 0.0, engagement: 0.0, reach: 0.0)
    private var byImpressions = RateAccumulator()
    private var byFollowers = RateAccumulator()
    private var types = TextInterner(empty: "(none)")
    private var typeCounts: [Int] = []
    private var accounts = TextInterner(empty: "")
    private var accountTimes: [Samples] = []
    private var accountTallies: [AccountTally] = []
    private var clusters: (runs: Int, posts: Int)?

    /// Only the posts of this account (lower-cased), when several share the export (`--account`).
    private let accountFilter: [UInt8]?
    /// Posts of other accounts left out by `accountFilter`.
    private(set) var otherAccountPosts = 0

    init(window: Period?, windowMinutes: Double, followerSeries: [FollowerSeries], account: String? = nil) {
        dates = DatedRows(window: window)
        self.windowMinutes = windowMinutes
        self.followerSeries = followerSeries
        accountFilter = account.map { Array($0.trimmed(.spacesAndTabs).lowercased().utf8) }
    }

    /// Starts reading a file whose header resolved to `columns`.
    mutating func beginFile(columns: [ColumnMapping.Field: Int], delimiter: UInt8, format: ExportFormat) {
        layout = Layout(likes: columns[.likes], comments: columns[.comments], shares: columns[.shares],
                        reach: columns[.reach], impressions: columns[.impressions], followers: columns[.followers],
                        date: columns[.date], type: columns[.type], account: columns[.account],
                        commaDelimited: delimiter == UInt8(ascii: ","), hasTotalRow: format.hasTotalRow)
        fieldsSeen.formUnion(columns.keys)
        dates.beginFile()
    }

    /// Ends the file being read.
    mutating func endFile() { dates.endFile() }

    /// Reads a number cell; `nil` marks the row malformed (already logged).
    @inline(__always)
    private func number(_ row: CSVRow, _ column: Int?, _ name: String, emptyAsZero: Bool,
                        log: inout ProblemLog) -> Double?? {
        guard let column else { return .some(nil) }
        switch FieldParser.number(row.bytes(column), thousands: !layout.commaDelimited || row.isQuoted(column)) {
        case .value(let v): return .some(v)
        case .missing: return .some(emptyAsZero ? 0 : nil)
        case .invalid:
            log.add(line: row.line, "\(name): not a number: \(row.excerpt(column)); row skipped")
            return nil
        }
    }

    /// Whether the row is a format's own `Total` row.
    @inline(__always)
    private func isTotalRow(_ row: CSVRow) -> Bool {
        guard layout.hasTotalRow else { return false }
        let first = FieldParser.trimmed(row.bytes(0))
        return first.count == 5 && first.map { $0 | 0x20 } == Array("total".utf8)
    }

    mutating func add(_ row: CSVRow, log: inout ProblemLog) {
        if isTotalRow(row) { return }
        if let accountFilter, let column = layout.account,
           FieldParser.trimmed(row.bytes(column)).map({ $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }) != accountFilter {
            otherAccountPosts += 1
            return
        }
        guard let likes = number(row, layout.likes, "likes", emptyAsZero: true, log: &log),
              let comments = number(row, layout.comments, "comments", emptyAsZero: true, log: &log),
              let shares = number(row, layout.shares, "shares", emptyAsZero: true, log: &log),
              let reach = number(row, layout.reach, "reach", emptyAsZero: false, log: &log),
              let impressions = number(row, layout.impressions, "impressions", emptyAsZero: false, log: &log),
              let followersCell = number(row, layout.followers, "followers", emptyAsZero: false, log: &log)
        else { return }
        var time: Double?
        if let dateColumn = layout.date {
            let bytes = row.bytes(dateColumn)
            if let t = TimestampParser.parse(bytes) {
                time = t
            } else if !FieldParser.trimmed(bytes).isEmpty {
                log.add(line: row.line, "date: not a timestamp: \(row.excerpt(dateColumn)); row skipped")
                return
            }
        }
        guard dates.admit(time) else { return }
        count += 1
        let (account, isNewAccount) = accounts.intern(layout.account.map { row.bytes($0) } ?? UnsafeBufferPointer(start: nil, count: 0))
        if isNewAccount { accountTimes.append(Samples()); accountTallies.append(AccountTally()) }
        // The account's sums in a local, written back once: each write through the array
        // would check its buffer is unique again.
        var tally = accountTallies[account]
        let like = likes ?? 0, comment = comments ?? 0, share = shares ?? 0
        let engagement = like + comment + share
        tally.posts += 1
        if layout.likes != nil { self.likes += like; postsWithLikes += 1; tally.likes += like; tally.postsWithLikes += 1 }
        if layout.comments != nil {
            self.comments += comment; postsWithComments += 1
            tally.comments += comment; tally.postsWithComments += 1
        }
        if layout.shares != nil {
            self.shares += share; postsWithShares += 1
            tally.shares += share; tally.postsWithShares += 1
        }

        let (type, isNew) = types.intern(layout.type.map { row.bytes($0) } ?? UnsafeBufferPointer(start: nil, count: 0))
        if isNew { typeCounts.append(0); reachRates.append(Samples()) }
        typeCounts[type] += 1
        if layout.hasCounts {
            countedEngagement += engagement
            postsWithCounts += 1
            tally.countedEngagement += engagement
            tally.postsWithCounts += 1
            if let reach, reach > 0 {
                let rate = engagement / reach
                reachRates[type].append(rate)
                reachSums.rates += rate
                reachSums.engagement += engagement
                reachSums.reach += reach
                tally.reachEngagement += engagement
                tally.reach += reach
            }
            if let impressions { byImpressions.add(engagement: engagement, denominator: impressions) }
            var followers = followersCell
            if followers == nil, let time, !followerSeries.isEmpty {
                followers = followerSeries.reduce(0) { $0 + ($1.followers(at: time) ?? 0) }
            }
            if let followers { byFollowers.add(engagement: engagement, denominator: followers) }
        }
        // Each account's audience is the followers column of its latest post (by date, else the last read).
        if let followersCell, time ?? .infinity >= tally.latestFollowers?.time ?? -.infinity {
            tally.latestFollowers = (time ?? .infinity, followersCell)
        }
        accountTallies[account] = tally

        if let time { accountTimes[account].append(time) }
    }

    /// Takes over the rows of the rest of the same file, read apart by `later` (the second half
    /// of a split read): the sums added, and each type's rates and each account's times
    /// (sorted by `sortTimes` on each half's core) taken over as they are.
    mutating func append(_ later: inout PostsAccumulator) {
        addFigures(of: &later)
        dates.append(later.dates)
        otherAccountPosts += later.otherAccountPosts
        for i in later.accountTallies.indices {
            let (account, isNew) = accounts.intern(name: later.accounts.names[i])
            if isNew { accountTimes.append(Samples()); accountTallies.append(AccountTally()) }
            accountTallies[account].append(later.accountTallies[i])
            accountTimes[account].append(&later.accountTimes[i])
        }
        later = PostsAccumulator(window: dates.window, windowMinutes: windowMinutes, followerSeries: [])
    }

    /// The sums, the types and the kept rates of `other` added to these (its rates are moved).
    private mutating func addFigures(of other: inout PostsAccumulator) {
        fieldsSeen.formUnion(other.fieldsSeen)
        count += other.count
        likes += other.likes
        comments += other.comments
        shares += other.shares
        postsWithLikes += other.postsWithLikes
        postsWithComments += other.postsWithComments
        postsWithShares += other.postsWithShares
        countedEngagement += other.countedEngagement
        postsWithCounts += other.postsWithCounts
        for i in other.typeCounts.indices {
            let (type, isNew) = types.intern(name: other.types.names[i])
            if isNew { typeCounts.append(0); reachRates.append(Samples()) }
            typeCounts[type] += other.typeCounts[i]
            reachRates[type].append(&other.reachRates[i])
        }
        reachSums.rates += other.reachSums.rates
        reachSums.engagement += other.reachSums.engagement
        reachSums.reach += other.reachSums.reach
        byImpressions.absorb(&other.byImpressions)
        byFollowers.absorb(&other.byFollowers)
    }

    /// Sorts each account's post times, so that clustered updates later need only one pass:
    /// each half of a split read does it on its own core, and the pass merges the two.
    mutating func sortTimes() {
        for i in accountTimes.indices { accountTimes[i].sortEachPiece() }
    }

    /// Takes over what `other` measured (another platform), for the figures over all
    /// platforms; clustered updates are counted per platform and added.
    mutating func absorb(_ other: inout PostsAccumulator) {
        addFigures(of: &other)
        dates.absorb(other.dates)
        if let theirs = other.clusteredRuns() {
            let mine = clusteredRuns() ?? (0, 0)
            clusters = (mine.runs + theirs.runs, mine.posts + theirs.posts)
        }
    }

    /// The followers columns of each account's latest post, added: all the accounts' audience
    /// together (one account when the export names none); nil when some account has none.
    var followersOfLatestPosts: Double? {
        var total = 0.0
        for tally in accountTallies {
            guard let followers = tally.latestFollowers?.followers else { return nil }
            total += followers
        }
        return accountTallies.isEmpty ? nil : total
    }

    /// The named accounts whose posts give no follower count, when others' do.
    var accountsWithoutFollowers: [String] {
        guard accountTallies.contains(where: { $0.latestFollowers != nil }) else { return [] }
        return accountTallies.indices.filter { accountTallies[$0].latestFollowers == nil }.map { accounts.names[$0] }.sorted()
    }

    /// Clusters and the posts in them, computed once from the post times (which it releases).
    private mutating func clusteredRuns() -> (runs: Int, posts: Int)? {
        if let clusters { return clusters }
        guard fieldsSeen.contains(.date) else { return nil }
        let window = windowMinutes * 60
        var runs = 0, inClusters = 0
        for i in accountTimes.indices where !accountTimes[i].isEmpty {
            // Each half of a split read is already in order (`sortTimes`).
            accountTimes[i].sortEachPiece()
            var run = 0
            var previous = -Double.infinity
            // Without branches: whether a post is close to the one before is a coin toss the
            // processor cannot predict. A post far from the last one ends its run (counted when
            // it had two posts or more) and starts one of its own.
            accountTimes[i].forEachAscending { time in
                let close = time - previous < window ? 1 : 0
                let ended = (1 - close) & (run >= 2 ? 1 : 0)
                runs += ended
                inClusters += ended * run
                run = close * run + 1
                previous = time
            }
            if run >= 2 { runs += 1; inClusters += run }
        }
        accountTimes = []
        clusters = (runs, inClusters)
        return clusters
    }

    /// From this many posts, two of the medians are found on another thread.
    static let parallelMedians = 100_000

    /// The metrics. `followersAtEnd` is the follower count at the end of the period, for
    /// engagement per follower. The stored rates are kept, so `absorb` can still take them.
    mutating func metrics(followersAtEnd: Double?, skippedRows: Int) -> PostsMetrics {
        var m = PostsMetrics(count: count, skippedRows: skippedRows)
        m.accounts = accounts.names.filter { !$0.isEmpty }.sorted()
        // Each account apart, when the export names several (not when the posts are one
        // platform's pages merged into the figures over all platforms: those keep their own).
        if m.accounts.count > 1 {
            m.byAccount = accountTallies.indices.filter { !accounts.names[$0].isEmpty }
                .map { accountTallies[$0].statistics(account: accounts.names[$0]) }
                .sorted { $0.account < $1.account }
        }
        func perPost(_ key: String, _ field: ColumnMapping.Field, _ sum: Double, _ posts: Int) -> Double? {
            if !fieldsSeen.contains(field) {
                if count > 0 { m.unavailable[key] = "no \(field.rawValue) column" }
                return nil
            }
            return posts > 0 ? sum / Double(posts) : nil
        }
        m.likesPerPost = perPost("likes_per_post", .likes, likes, postsWithLikes)
        m.amplificationRate = perPost("amplification_rate", .shares, shares, postsWithShares)
        m.conversationRate = perPost("conversation_rate", .comments, comments, postsWithComments)
        let missingCounts = [ColumnMapping.Field.likes, .comments, .shares].filter { !fieldsSeen.contains($0) }.map(\.rawValue)
        let engagementNote = missingCounts.isEmpty ? nil : "no " + missingCounts.joined(separator: ", ") + " column"
        if let engagementNote { m.unavailable["applause_rate"] = engagementNote }
        if postsWithCounts > 0 { m.applauseRate = countedEngagement / Double(postsWithCounts) }

        // The medians by impressions and by followers on another core, while this one does the
        // medians by reach: each reads one rate a post, and none changes the rates.
        let others = count >= Self.parallelMedians
            ? BackgroundJob { [byImpressions, byFollowers] in (byImpressions.summary(), byFollowers.summary()) } : nil

        // Per-type medians first, then the overall median over all types' rates together.
        if fieldsSeen.contains(.type) {
            var statistics: [TypeStatistics] = []
            for i in typeCounts.indices where typeCounts[i] > 0 {
                let median = fieldsSeen.contains(.reach) && engagementNote == nil ? reachRates[i].quantile(0.5) : nil
                statistics.append(TypeStatistics(type: types.names[i], count: typeCounts[i], engagementRateByReachMedian: median))
            }
            m.byType = statistics.sorted { $0.type < $1.type }
        } else {
            m.unavailable["by_type"] = "no type column"
        }

        func rate(_ key: String, _ field: ColumnMapping.Field, _ summary: () -> RateSummary?) -> RateSummary? {
            if let engagementNote { m.unavailable[key] = engagementNote; return nil }
            if !fieldsSeen.contains(field) && !(field == .followers && !followerSeries.isEmpty) {
                m.unavailable[key] = "no \(field.rawValue) column"
                return nil
            }
            guard let s = summary() else { m.unavailable[key] = "no post with \(field.rawValue) > 0"; return nil }
            return s
        }
        m.engagementRateByReach = rate("engagement_rate_by_reach", .reach) {
            let all = reachRates.flatMap(\.pieces)
            guard let median = Quantile.of(pieces: all, 0.5) else { return nil }
            let posts = reachRates.reduce(0) { $0 + $1.count }
            return RateSummary(median: median, mean: reachSums.rates / Double(posts),
                               aggregate: reachSums.engagement / reachSums.reach, posts: posts)
        }
        let summaries = try? others?.result().get()
        m.engagementRateByImpressions = rate("engagement_rate_by_impressions", .impressions) { summaries.map(\.0) ?? byImpressions.summary() }
        m.engagementRateByFollowers = rate("engagement_rate_by_followers", .followers) { summaries.map(\.1) ?? byFollowers.summary() }

        if let engagementNote {
            m.unavailable["engagement_per_follower"] = engagementNote
        } else if let followersAtEnd, followersAtEnd > 0 {
            m.followersAtEnd = followersAtEnd
            m.engagementPerFollower = countedEngagement / followersAtEnd
        } else if followersAtEnd != nil {
            m.unavailable["engagement_per_follower"] = "the follower count at the end of the period is 0"
        } else if !accountsWithoutFollowers.isEmpty {
            m.unavailable["engagement_per_follower"] = "no follower count in the posts of \(MeasurementTable.list(accountsWithoutFollowers.map { "“\($0)”" })): give --followers PLATFORM=FILE"
        } else {
            m.unavailable["engagement_per_follower"] = "no followers column and no --followers count series"
        }

        if let runs = clusteredRuns() {
            m.clusteredUpdates = ClusteredUpdates(windowMinutes: windowMinutes, clusters: runs.runs, postsInClusters: runs.posts)
        } else {
            m.unavailable["clustered_updates"] = "no date column"
        }
        return m
    }
}
