/// Posts exports: each platform's figures over its own followers, and over all of them.
extension MeasureRun {
    /// Measures the posts exports, each platform apart and over all of them, with the follower
    /// series read before.
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
        let posts = overAll(.posts, parts) {
            var all = PostsAccumulator(window: window, windowMinutes: windowMinutes, followerSeries: counts)
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
            return metrics
        }
        measurement.posts = posts.metrics
        measurement.postsByPlatform = posts.byPlatform
    }
}
