import JSONText

/// Everything `smaudit measure` computed: one section per kind of export given (`nil` for the
/// others), each over all its platforms, with the platforms apart when there are several.
///
/// `json()` prints the one object of issue 8 (snake_case keys in the order, rates as
/// fractions, `null` for a metric the columns cannot support), each section followed by the
/// period it covers, its files and platforms; `value(at:)` reads one figure by its JSON path,
/// e.g. `inbox.first_response_minutes.median`, and `coverage(of:)` the period behind it.
public struct PresenceMeasurement: Sendable, Equatable {
    /// Posts metrics, if a posts export was read.
    public var posts: PostsMetrics?
    /// Inbox metrics, if an inbox export was read.
    public var inbox: InboxMetrics?
    /// Follower growth, if a followers series was read.
    public var followers: FollowerMetrics?
    /// Traffic by channel, if a traffic export was read.
    public var traffic: TrafficMetrics?
    /// The window asked for.
    public var window: MeasurementWindow = .all
    /// Per kind read: the window placed, the period the figures cover, and whether it is whole.
    public var coverage: [ExportKind: Coverage] = [:]
    /// Per kind read: each file, the layout and platform recognised in it.
    public var sources: [ExportKind: [ExportSource]] = [:]
    /// Posts metrics per platform, when exports of several platforms were read.
    public var postsByPlatform: [PlatformMetrics<PostsMetrics>] = []
    /// Inbox metrics per platform, when exports of several platforms were read.
    public var inboxByPlatform: [PlatformMetrics<InboxMetrics>] = []
    /// Follower figures per platform, when series of several platforms were read.
    public var followersByPlatform: [PlatformMetrics<FollowerMetrics>] = []
    /// Traffic per source, when several sources were read.
    public var trafficByPlatform: [PlatformMetrics<TrafficMetrics>] = []

    /// Creates a measurement.
    public init(posts: PostsMetrics? = nil, inbox: InboxMetrics? = nil,
                followers: FollowerMetrics? = nil, traffic: TrafficMetrics? = nil) {
        self.posts = posts
        self.inbox = inbox
        self.followers = followers
        self.traffic = traffic
    }

    /// The measurement as a JSON tree in the key order.
    public var jsonValue: JSONValue {
        .object(ExportKind.allCases.map { .init($0.rawValue, sectionValue($0) ?? .null) } + [.init("window", .string(window.description))])
    }

    /// One kind's section of the JSON tree, nil when that kind was not measured; reading one
    /// figure builds only its own section.
    private func sectionValue(_ kind: ExportKind) -> JSONValue? {
        switch kind {
        case .posts: posts.map { section(.posts, Self.json($0), postsByPlatform.map { ($0.name, Self.json($0.metrics), $0.coverage) }) }
        case .inbox: inbox.map { section(.inbox, Self.json($0), inboxByPlatform.map { ($0.name, Self.json($0.metrics), $0.coverage) }) }
        case .followers: followers.map { section(.followers, Self.json($0), followersByPlatform.map { ($0.name, Self.json($0.metrics), $0.coverage) }) }
        case .traffic: traffic.map { section(.traffic, Self.json($0), trafficByPlatform.map { ($0.name, Self.json($0.metrics), $0.coverage) }) }
        }
    }

    /// The coverage of the figure at a JSON path (`posts.applause_rate`, or one platform's:
    /// `posts.by_platform.Instagram.applause_rate`); `nil` when that kind was not measured.
    public func coverage(of metric: String) -> Coverage? {
        let keys = metric.split(separator: ".").map(String.init)
        guard let first = keys.first, let kind = ExportKind(rawValue: first) else { return nil }
        if keys.count > 2 && keys[1] == "by_platform" {
            let name = keys[2]
            switch kind {
            case .posts: return postsByPlatform.first { $0.name == name }?.coverage
            case .inbox: return inboxByPlatform.first { $0.name == name }?.coverage
            case .followers: return followersByPlatform.first { $0.name == name }?.coverage
            case .traffic: return trafficByPlatform.first { $0.name == name }?.coverage
            }
        }
        return coverage[kind]
    }

    /// A section's metrics followed by its period, coverage, files and platforms.
    private func section(_ kind: ExportKind, _ metrics: JSONValue, _ platforms: [(String, JSONValue, Coverage)]) -> JSONValue {
        guard case .object(var members) = metrics else { return metrics }
        members += Self.json(coverage[kind] ?? Coverage(window: nil, extent: nil, span: nil, status: .full, note: nil))
        members.append(.init("files", .array((sources[kind] ?? []).map { source in
            .object([.init("file", .string(source.file)), .init("format", .string(source.format)),
                     .init("platform", .string(source.platform?.description)), .init("rows", .integer(source.rows)),
                     .init("skipped_rows", .integer(source.skippedRows)), .init("coverage", .string(source.coverage.status.name))])
        })))
        if !platforms.isEmpty {
            members.append(.init("by_platform", .object(platforms.map { name, value, coverage in
                guard case .object(let inner) = value else { return .init(name, value) }
                return .init(name, .object(inner + Self.json(coverage)))
            })))
        }
        return .object(members)
    }

    /// `period`, `window`, `coverage`, `coverage_note`.
    private static func json(_ c: Coverage) -> [JSONValue.Member] {
        [
            .init("period", c.span.map { span in
                .object([.init("first", .string(span.isoText(span.first))), .init("last", .string(span.isoText(span.last)))])
            } ?? .null),
            .init("window", c.window.map { w in
                .object([.init("first", .string(w.first.description)), .init("last", .string(w.last.description)),
                         .init("label", .string(w.label))])
            } ?? .null),
            .init("coverage", .string(c.status.name)),
            .init("coverage_note", .string(c.note)),
        ]
    }

    /// The figure at a metric path for each platform measured apart (`posts.applause_rate` →
    /// Instagram's, Facebook's, …), in the exports' order; with one platform whose posts name
    /// several accounts, each account's, by name; empty otherwise.
    public func byPlatform(_ metric: String) -> [(platform: String, value: Double)] {
        let keys = metric.split(separator: ".").map(String.init)
        guard keys.count > 1, let kind = ExportKind(rawValue: keys[0]) else { return [] }
        if kind == .posts, postsByPlatform.isEmpty, let accounts = posts?.byAccount, accounts.count > 1 {
            // Read by key, not by a dotted path: account names may hold dots (`lakeside.physio`).
            return accounts.compactMap { account in
                var node = Self.json(account)
                for key in keys.dropFirst() {
                    guard let next = node[key] else { return nil }
                    node = next
                }
                return node.doubleValue.map { (account.account, $0) }
            }
        }
        let names: [String]
        switch kind {
        case .posts: names = postsByPlatform.map(\.name)
        case .inbox: names = inboxByPlatform.map(\.name)
        case .followers: names = followersByPlatform.map(\.name)
        case .traffic: names = []
        }
        let rest = keys.dropFirst().joined(separator: ".")
        return names.compactMap { name in value(at: "\(kind.rawValue).by_platform.\(name).\(rest)").map { (name, $0) } }
    }

    /// Why the figure at a metric path is missing, as the metrics record it ("no followers
    /// column and no --followers count series"); nil when it is there or nothing says why.
    public func unavailableReason(of metric: String) -> String? {
        let keys = metric.split(separator: ".").map(String.init)
        guard keys.count > 1, let kind = ExportKind(rawValue: keys[0]) else { return nil }
        let notes: [String: String]?
        switch kind {
        case .posts: notes = posts?.unavailable
        case .inbox: notes = inbox?.unavailable
        case .followers: notes = followers?.unavailable
        case .traffic: notes = traffic?.unavailable
        }
        // `first_response_minutes.median` is recorded as `first_response_minutes`; `last` as `followers`.
        return notes?[keys[1]] ?? notes?[keys.dropFirst().joined(separator: ".")] ?? (kind == .followers ? notes?["followers"] : nil)
    }

    /// The JSON text: one object on one line.
    public func json() -> String { jsonValue.rendered() }

    /// The number at a dotted JSON path (`posts.engagement_rate_by_reach.median`,
    /// `inbox.by_responder.BrandHandle.median_minutes`); `nil` when absent or `null`.
    public func value(at path: String) -> Double? {
        let keys = path.split(separator: ".", omittingEmptySubsequences: false)
        guard let kind = keys.first.flatMap({ ExportKind(rawValue: String($0)) }), var node = sectionValue(kind) else { return nil }
        for key in keys.dropFirst() {
            guard let next = node[String(key)] else { return nil }
            node = next
        }
        return node.doubleValue
    }

    private static func json(_ r: RateSummary?) -> JSONValue {
        guard let r else { return .null }
        return .object([.init("median", .number(r.median)), .init("mean", .number(r.mean)),
                        .init("aggregate", .number(r.aggregate))])
    }

    private static func json(_ p: PostsMetrics) -> JSONValue {
        .object([
            .init("count", .integer(p.count)),
            .init("skipped_rows", .integer(p.skippedRows)),
            .init("applause_rate", .number(p.applauseRate)),
            .init("likes_per_post", .number(p.likesPerPost)),
            .init("amplification_rate", .number(p.amplificationRate)),
            .init("conversation_rate", .number(p.conversationRate)),
            .init("engagement_rate_by_reach", json(p.engagementRateByReach)),
            .init("engagement_rate_by_impressions", json(p.engagementRateByImpressions)),
            .init("engagement_rate_by_followers", json(p.engagementRateByFollowers)),
            .init("by_type", .object(p.byType.map {
                .init($0.type, .object([.init("count", .integer($0.count)),
                                        .init("engagement_rate_by_reach_median", .number($0.engagementRateByReachMedian))]))
            })),
            .init("clustered_updates", p.clusteredUpdates.map {
                .object([.init("window_minutes", .number($0.windowMinutes)),
                         .init("clusters", .integer($0.clusters)),
                         .init("posts_in_clusters", .integer($0.postsInClusters))])
            } ?? .null),
            .init("engagement_per_follower", .number(p.engagementPerFollower)),
            .init("followers_at_end", .number(p.followersAtEnd)),
            .init("accounts", .array(p.accounts.map { .string($0) })),
            .init("by_account", .object(p.byAccount.map { .init($0.account, json($0)) })),
        ])
    }

    private static func json(_ a: AccountStatistics) -> JSONValue {
        .object([
            .init("count", .integer(a.count)),
            .init("applause_rate", .number(a.applauseRate)),
            .init("likes_per_post", .number(a.likesPerPost)),
            .init("amplification_rate", .number(a.amplificationRate)),
            .init("conversation_rate", .number(a.conversationRate)),
            .init("engagement_rate_by_reach_aggregate", .number(a.engagementRateByReach)),
            .init("engagement_per_follower", .number(a.engagementPerFollower)),
            .init("followers_at_end", .number(a.followersAtEnd)),
        ])
    }

    private static func json(_ m: InboxMetrics) -> JSONValue {
        .object([
            .init("messages", .integer(m.messages)),
            .init("skipped_rows", .integer(m.skippedRows)),
            .init("starters", .integer(m.starters)),
            .init("replied", .integer(m.replied)),
            .init("response_rate", .number(m.responseRate)),
            .init("first_response_minutes", m.firstResponseMinutes.map {
                .object([.init("median", .number($0.median)), .init("p90", .number($0.p90)),
                         .init("mean", .number($0.mean))])
            } ?? .null),
            .init("replied_within_60m_share", .number(m.repliedWithin60mShare)),
            .init("first_response_business_minutes", m.firstResponseBusinessMinutes.map {
                .object([.init("median", .number($0.median)), .init("p90", .number($0.p90)),
                         .init("mean", .number($0.mean))])
            } ?? .null),
            .init("other_channels", .object(m.otherChannels.sorted { $0.key < $1.key }.map { .init($0.key, .integer($0.value)) })),
            .init("by_responder", .object(m.byResponder.map {
                .init($0.responder, .object([.init("replied", .integer($0.replied)),
                                             .init("median_minutes", .number($0.medianMinutes))]))
            })),
        ])
    }

    private static func json(_ f: FollowerMetrics) -> JSONValue {
        .object([
            .init("first", .number(f.first)),
            .init("last", .number(f.last)),
            .init("growth_rate", .number(f.growthRate)),
            .init("monthly_growth_rate", .number(f.monthlyGrowthRate)),
            .init("new_followers", .number(f.newFollowers)),
            .init("by_month", .object(f.byMonth.map { .init($0.month, .number($0.followers)) })),
        ])
    }

    private static func json(_ t: TrafficMetrics) -> JSONValue {
        .object([
            .init("sessions", .number(t.sessions)),
            .init("social_sessions", .number(t.socialSessions)),
            .init("social_share", .number(t.socialShare)),
            .init("conversion_rate", .number(t.conversionRate)),
            .init("social_conversion_rate", .number(t.socialConversionRate)),
            .init("organic_social_conversion_rate", .number(t.organicSocialConversionRate)),
            .init("paid_social_conversion_rate", .number(t.paidSocialConversionRate)),
            .init("conversion_basis", .string(t.conversionBasis)),
            .init("by_channel", .object(t.byChannel.map {
                .init($0.channel, .object([.init("sessions", .number($0.sessions)),
                                           .init("conversions", .number($0.conversions)),
                                           .init("key_event_rate", .number($0.keyEventRate))]))
            })),
        ])
    }
}
