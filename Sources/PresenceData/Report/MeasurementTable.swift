/// Renders a `PresenceMeasurement` as a readable plain-text table (no colour): one aligned
/// line per metric, rates as percentages, and for a missing metric the column it needs. Each
/// section starts with its files (layout and platform) and the period it covers; with
/// exports of several platforms, the figures over all of them come first, then each platform's.
public enum MeasurementTable {
    private typealias Rows = [(String, String)]

    /// The table text, ending with a newline. With `responders`, only that many of the
    /// responders who replied most are listed, and a line says how many more there are and
    /// `more` (how to see them all).
    public static func render(_ m: PresenceMeasurement, responders limit: Int? = nil, more: String = "") -> String {
        var rows: Rows = []
        func section<M>(_ kind: ExportKind, _ title: String, _ metrics: M?, _ platforms: [PlatformMetrics<M>],
                        _ body: (M) -> Rows) {
            guard let metrics else { return }
            rows.append((platforms.isEmpty ? title : "\(title), \(platforms.count) platforms together", ""))
            if let sources = m.sources[kind], !sources.isEmpty {
                rows.append(("  " + (sources.count == 1 ? "file" : "files"), sources.map(describe).joined(separator: "; ")))
            }
            rows.append(("  period", period(m.coverage[kind])))
            rows += body(metrics).map { ("  " + $0.0, $0.1) }
            for p in platforms {
                rows.append(("\(title): \(p.name)", ""))
                rows.append(("  period", period(p.coverage)))
                rows += body(p.metrics).map { ("  " + $0.0, $0.1) }
            }
        }
        section(.posts, "Posts", m.posts, m.postsByPlatform, posts)
        section(.inbox, "Inbox", m.inbox, m.inboxByPlatform) { inbox($0, limit: limit, more: more) }
        section(.followers, "Followers", m.followers, m.followersByPlatform, followers)
        section(.traffic, "Traffic", m.traffic, m.trafficByPlatform, traffic)
        if rows.isEmpty { return "nothing measured: give --posts, --inbox, --followers or --traffic\n" }
        let width = rows.map { $0.0.count }.max() ?? 0
        var out = ""
        for (label, value) in rows {
            if value.isEmpty {
                out += label + "\n"
            } else {
                out += label + String(repeating: " ", count: width - label.count + 2) + value + "\n"
            }
        }
        return out
    }

    /// `fb.csv (Meta Business Suite posts, Facebook, 41 rows)`.
    private static func describe(_ source: ExportSource) -> String {
        "\(source.file) (\(source.format)" + (source.platform.map { ", \($0)" } ?? "") + ")"
    }

    /// `Oct 2026`, `all rows: 2026-09-28 – 2026-11-02`, or `Oct 2026, not covered in full: …`.
    static func period(_ coverage: Coverage?) -> String {
        guard let coverage else { return "n/a" }
        guard let window = coverage.window else {
            if let note = coverage.note { return "not measured: " + note }
            return coverage.span.map { "all rows: \($0)" } ?? "all rows (no dates)"
        }
        switch coverage.status {
        case .full: return window.label + (coverage.span.map { " (rows \($0))" } ?? "")
        case .partial: return "\(window.label), partly: " + (coverage.note ?? "")
        case .none: return "\(window.label), not covered: " + (coverage.note ?? "")
        }
    }

    private static func na(_ notes: [String: String], _ key: String) -> String { "n/a (" + (notes[key] ?? "not measured") + ")" }

    private static func posts(_ p: PostsMetrics) -> Rows {
        var rows: Rows = []
        func add(_ label: String, _ value: String) { rows.append((label, value)) }
        add("posts", "\(p.count)" + (p.skippedRows > 0 ? " (\(counted(p.skippedRows, "row")) skipped)" : ""))
        // Whose data it is: the accounts the export names, so a file of another client shows.
        if !p.accounts.isEmpty {
            add("accounts", p.accounts.prefix(5).joined(separator: ", ") + (p.accounts.count > 5 ? " and \(p.accounts.count - 5) more" : ""))
        }
        // Each account's own figures, so one page's silence does not hide behind another's reach.
        let shownAccounts = p.byAccount.count > 10
            ? Array(p.byAccount.sorted { ($0.count, $1.account) > ($1.count, $0.account) }.prefix(10)) : p.byAccount
        for a in shownAccounts {
            var parts = [counted(a.count, "post")]
            if let v = a.applauseRate { parts.append("applause \(decimal(v))") }
            if let v = a.conversationRate { parts.append("conversation \(decimal(v))") }
            if let v = a.engagementPerFollower, let f = a.followersAtEnd {
                parts.append("\(decimal((v * 10_000).rounded() / 100)) interactions per 100 followers (of \(decimal(f)))")
            }
            add("account \(a.account)", parts.joined(separator: ", "))
        }
        if shownAccounts.count < p.byAccount.count {
            add("", "… and \(counted(p.byAccount.count - shownAccounts.count, "more account")) (--json lists them all)")
        }
        add("applause rate (per post)", p.applauseRate.map(decimal) ?? na(p.unavailable, "applause_rate"))
        add("likes per post", p.likesPerPost.map(decimal) ?? na(p.unavailable, "likes_per_post"))
        add("amplification (shares/post)", p.amplificationRate.map(decimal) ?? na(p.unavailable, "amplification_rate"))
        add("conversation (comments/post)", p.conversationRate.map(decimal) ?? na(p.unavailable, "conversation_rate"))
        for (label, key, r) in [("engagement rate by reach", "engagement_rate_by_reach", p.engagementRateByReach),
                                ("engagement rate by impressions", "engagement_rate_by_impressions", p.engagementRateByImpressions),
                                ("engagement rate by followers", "engagement_rate_by_followers", p.engagementRateByFollowers)] {
            add(label, r.map { "median \(percent($0.median)), mean \(percent($0.mean)), aggregate \(percent($0.aggregate))" }
                ?? na(p.unavailable, key))
        }
        // A rate per follower may pass 100 per 100, so it is never written as a percentage.
        add("interactions per 100 followers", p.engagementPerFollower.map { v in
            decimal((v * 10_000).rounded() / 100) + (p.followersAtEnd.map { " (\(decimal($0)) followers at the end)" } ?? "")
        } ?? na(p.unavailable, "engagement_per_follower"))
        if p.byType.isEmpty {
            add("by type", na(p.unavailable, "by_type"))
        }
        for t in p.byType {
            add("type \(t.type)", "\(counted(t.count, "post")), median engagement by reach "
                + (t.engagementRateByReachMedian.map(percent) ?? "n/a"))
        }
        add("clustered updates", p.clusteredUpdates.map {
            "\(counted($0.clusters, "cluster")), \(counted($0.postsInClusters, "post")) (< \(decimal($0.windowMinutes)) min apart)"
        } ?? na(p.unavailable, "clustered_updates"))
        return rows
    }

    private static func inbox(_ i: InboxMetrics, limit: Int?, more: String) -> Rows {
        var rows: Rows = []
        func add(_ label: String, _ value: String) { rows.append((label, value)) }
        add("messages", "\(i.messages)" + (i.skippedRows > 0 ? " (\(counted(i.skippedRows, "row")) skipped)" : ""))
        add("conversation starters", "\(i.starters)")
        add("replied", "\(i.replied)")
        add("response rate", i.responseRate.map(percent) ?? na(i.unavailable, "response_rate"))
        add("first response (minutes)", i.firstResponseMinutes.map {
            "median \(decimal($0.median)), p90 \(decimal($0.p90)), mean \(decimal($0.mean))"
        } ?? na(i.unavailable, "first_response_minutes"))
        add("replied within 60 min", i.repliedWithin60mShare.map(percent) ?? na(i.unavailable, "replied_within_60m_share"))
        if let b = i.firstResponseBusinessMinutes {
            add("first response, business hours", "median \(decimal(b.median)), p90 \(decimal(b.p90)), mean \(decimal(b.mean)) (minutes)")
        }
        if !i.otherChannels.isEmpty {
            add("other channels left out", i.otherChannels.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        }
        var responders = i.byResponder
        if let limit, responders.count > limit {
            responders.sort { ($0.replied, $1.responder) > ($1.replied, $0.responder) }
            responders.removeSubrange(limit...)
        }
        for r in responders {
            add("responder \(r.responder)", "\(r.replied) replied, median " + (r.medianMinutes.map { decimal($0) + " min" } ?? "n/a"))
        }
        if responders.count < i.byResponder.count {
            let hidden = i.byResponder.count - responders.count
            add("", "… and \(counted(hidden, "more responder")) (\(more.isEmpty ? "not shown" : more))")
        }
        return rows
    }

    private static func followers(_ f: FollowerMetrics) -> Rows {
        [("first", f.first.map(decimal) ?? na(f.unavailable, "followers")),
         ("last", f.last.map(decimal) ?? na(f.unavailable, "followers")),
         ("new followers", f.newFollowers.map(decimal) ?? "n/a"),
         ("growth", f.growthRate.map(percent) ?? na(f.unavailable, "growth_rate")),
         ("monthly growth", f.monthlyGrowthRate.map(percent) ?? na(f.unavailable, "monthly_growth_rate"))]
    }

    private static func traffic(_ t: TrafficMetrics) -> Rows {
        var rows: Rows = [
            ("sessions", decimal(t.sessions)),
            ("social sessions", decimal(t.socialSessions)),
            ("social share", t.socialShare.map(percent) ?? na(t.unavailable, "social_share")),
            ("conversion rate", t.conversionRate.map(percent) ?? na(t.unavailable, "conversion_rate")),
            ("social conversion rate", t.socialConversionRate.map(percent) ?? na(t.unavailable, "social_conversion_rate")),
        ]
        if let organic = t.organicSocialConversionRate, let paid = t.paidSocialConversionRate {
            rows.append(("organic social conversion rate", percent(organic)))
            rows.append(("paid social conversion rate", percent(paid)))
        }
        if let basis = t.conversionBasis { rows.append(("conversions counted", basis)) }
        for c in t.byChannel {
            rows.append(("channel \(c.channel)" + (c.isSocial ? " (social)" : ""),
                         decimal(c.sessions) + " sessions" + (c.conversions.map { ", " + decimal($0) + " conversions" } ?? "")))
        }
        return rows
    }

    /// `0.0213` → `2.13%`.
    static func percent(_ v: Double) -> String { decimal(v * 100) + "%" }

    /// `1 post`, `3 posts` (AuditKit's `Int.counted` is out of reach: this target stands alone).
    static func counted(_ n: Int, _ noun: String) -> String { "\(n) " + (n == 1 ? noun : noun + "s") }

    /// `A`, `A and B`, `A, B and C`.
    static func list(_ items: [String]) -> String {
        guard let last = items.last else { return "" }
        return items.count == 1 ? last : items.dropLast().joined(separator: ", ") + " and " + last
    }

    /// A number with at most two decimals, no trailing zeros (`12`, `3.5`, `0.07`).
    static func decimal(_ v: Double) -> String {
        guard v.isFinite else { return "n/a" }
        let scaled = (v * 100).rounded()
        let negative = scaled < 0
        let magnitude = abs(scaled)
        if magnitude >= 1e17 { return "\(v)" }
        let whole = Int64(magnitude) / 100
        let cents = Int64(magnitude) % 100
        var s = (negative ? "-" : "") + String(whole)
        if cents != 0 {
            s += "." + (cents < 10 ? "0" : "") + String(cents)
            while s.hasSuffix("0") { s.removeLast() }
        }
        return s
    }
}

extension PresenceMeasurement {
    /// The readable plain-text table (see `MeasurementTable`), listing at most `responders`
    /// responders (all when nil); `more` says how to see the rest.
    public func table(responders: Int? = nil, more: String = "") -> String {
        MeasurementTable.render(self, responders: responders, more: more)
    }
}
