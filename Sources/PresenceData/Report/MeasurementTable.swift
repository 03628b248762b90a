/// Renders a `PresenceMeasurement` as a readable plain-text table (no colour): one aligned
/// line per metric, rates as percentages, and for a missing metric the column it needs.
public enum MeasurementTable {
    /// The table text, ending with a newline.
    public static func render(_ m: PresenceMeasurement) -> String {
        var rows: [(String, String)] = []
        func section(_ title: String) { rows.append((title, "")) }
        func add(_ label: String, _ value: String) { rows.append(("  " + label, value)) }
        func na(_ notes: [String: String], _ key: String) -> String { "n/a (" + (notes[key] ?? "not measured") + ")" }

        if let p = m.posts {
            section("Posts")
            add("posts", "\(p.count)" + (p.skippedRows > 0 ? " (\(counted(p.skippedRows, "row")) skipped)" : ""))
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
        }
        if let i = m.inbox {
            section("Inbox")
            add("messages", "\(i.messages)" + (i.skippedRows > 0 ? " (\(counted(i.skippedRows, "row")) skipped)" : ""))
            add("conversation starters", "\(i.starters)")
            add("replied", "\(i.replied)")
            add("response rate", i.responseRate.map(percent) ?? na(i.unavailable, "response_rate"))
            add("first response (minutes)", i.firstResponseMinutes.map {
                "median \(decimal($0.median)), p90 \(decimal($0.p90)), mean \(decimal($0.mean))"
            } ?? na(i.unavailable, "first_response_minutes"))
            add("replied within 60 min", i.repliedWithin60mShare.map(percent) ?? na(i.unavailable, "replied_within_60m_share"))
            for r in i.byResponder {
                add("responder \(r.responder)", "\(r.replied) replied, median " + (r.medianMinutes.map { decimal($0) + " min" } ?? "n/a"))
            }
        }
        if let f = m.followers {
            section("Followers")
            add("first", f.first.map(decimal) ?? na(f.unavailable, "followers"))
            add("last", f.last.map(decimal) ?? na(f.unavailable, "followers"))
            add("growth", f.growthRate.map(percent) ?? na(f.unavailable, "growth_rate"))
            add("monthly growth", f.monthlyGrowthRate.map(percent) ?? na(f.unavailable, "monthly_growth_rate"))
        }
        if let t = m.traffic {
            section("Traffic")
            add("sessions", decimal(t.sessions))
            add("social sessions", decimal(t.socialSessions))
            add("social share", t.socialShare.map(percent) ?? na(t.unavailable, "social_share"))
            add("conversion rate", t.conversionRate.map(percent) ?? na(t.unavailable, "conversion_rate"))
            add("social conversion rate", t.socialConversionRate.map(percent) ?? na(t.unavailable, "social_conversion_rate"))
            for c in t.byChannel {
                add("channel \(c.channel)" + (c.isSocial ? " (social)" : ""),
                    decimal(c.sessions) + " sessions" + (c.conversions.map { ", " + decimal($0) + " conversions" } ?? ""))
            }
        }
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

    /// `0.0213` → `2.13%`.
    static func percent(_ v: Double) -> String { decimal(v * 100) + "%" }

    /// `1 post`, `3 posts` (AuditKit's `Int.counted` is out of reach: this target stands alone).
    static func counted(_ n: Int, _ noun: String) -> String { "\(n) " + (n == 1 ? noun : noun + "s") }

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
    /// The readable plain-text table (see `MeasurementTable`).
    public func table() -> String { MeasurementTable.render(self) }
}
