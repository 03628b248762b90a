import TextTrim

/// An export layout smaudit recognises from its header alone: the tool that writes it, the
/// columns that identify it, and the column each field is read from.
///
/// Detection takes the first format of the kind whose signature columns are all in the header;
/// a header that matches none is read with the generic names (`ExportKind.synonyms`). The
/// headers come from public documentation and public code that reads these exports; each
/// format's test fixture in `Tests/PresenceDataTests/Fixtures` says where its header is from.
public struct ExportFormat: Sendable {
    /// What the user sees: `Meta Business Suite posts`.
    public let name: String
    /// The platform, `nil` for a generic file.
    public let platform: Platform?
    /// The kind of export.
    public let kind: ExportKind
    /// Lower-cased columns that identify the format; each entry is a list of alternatives.
    let signature: [[String]]
    /// Lower-cased column names per field, best first; a name ending in `*` matches any column
    /// that starts with the rest. Fields absent here are not read (`Follows` on Instagram is
    /// follows gained from a post, not the follower count).
    let columns: [ColumnMapping.Field: [String]]
    /// Whether fields absent from `columns` fall back to the generic names.
    let alsoGeneric: Bool
    /// Whether a row whose first cell is `Total` sums the others (YouTube Studio) and is skipped.
    let hasTotalRow: Bool
    /// Whether the followers column counts followers gained per row, not the total (LinkedIn).
    let followersAreGained: Bool

    init(_ name: String, _ platform: Platform?, _ kind: ExportKind, signature: [[String]],
         columns: [ColumnMapping.Field: [String]] = [:], alsoGeneric: Bool = false,
         hasTotalRow: Bool = false, followersAreGained: Bool = false) {
        self.name = name
        self.platform = platform
        self.kind = kind
        self.signature = signature
        self.columns = columns
        self.alsoGeneric = alsoGeneric
        self.hasTotalRow = hasTotalRow
        self.followersAreGained = followersAreGained
    }

    /// `Meta Business Suite posts (Instagram)`, or `generic posts file`.
    public var description: String {
        platform.map { "\(name) (\($0))" } ?? name
    }

    /// The generic layout of a kind: the names in `ExportKind.synonyms`.
    static func generic(_ kind: ExportKind) -> ExportFormat {
        ExportFormat("generic \(kind.rawValue) file", nil, kind, signature: [], alsoGeneric: true)
    }

    /// Recognised layouts, in the order they are tried.
    static let known: [ExportFormat] = [
        // Meta Business Suite → Insights → Content → Export, Instagram account. "Date" holds
        // "Lifetime", so the date is "Publish time"; "Follows" is follows the post brought.
        ExportFormat("Meta Business Suite posts", .instagram, .posts,
                     signature: [["account username"], ["publish time"], ["permalink"]],
                     columns: [.date: ["publish time"], .type: ["post type"], .reach: ["reach"],
                               .impressions: ["impressions", "views"], .likes: ["likes"], .comments: ["comments"],
                               .shares: ["shares"], .account: ["account username", "account name"]]),
        // The same export for a Facebook Page: reactions are its likes; "Views" replaced
        // "Impressions" in 2025, either is read as impressions.
        ExportFormat("Meta Business Suite posts", .facebook, .posts,
                     signature: [["page id"], ["page name"], ["publish time"]],
                     columns: [.date: ["publish time"], .type: ["post type"], .reach: ["reach"],
                               .impressions: ["impressions", "views"], .likes: ["reactions"], .comments: ["comments"],
                               .shares: ["shares"], .account: ["page name"]]),
        // Facebook Page Insights' post export (before Meta Business Suite).
        ExportFormat("Facebook Page Insights posts", .facebook, .posts,
                     signature: [["lifetime post total reach", "lifetime post total impressions"]], alsoGeneric: true),
        // X (Twitter) analytics → Tweets → Export data (tweet activity).
        ExportFormat("X analytics tweet activity", .x, .posts,
                     signature: [["tweet id"], ["tweet permalink"]],
                     columns: [.date: ["time"], .impressions: ["impressions"], .likes: ["likes"],
                               .comments: ["replies"], .shares: ["retweets", "reposts"]]),
        // TikTok Studio → Analytics → Content → Download data.
        ExportFormat("TikTok Studio content", .tiktok, .posts,
                     signature: [["video title"], ["video link"], ["post time"]],
                     columns: [.date: ["post time"], .impressions: ["total views", "video views", "views"],
                               .likes: ["total likes", "likes"], .comments: ["total comments", "comments"],
                               .shares: ["total shares", "shares"]]),
        // YouTube Studio → Analytics → Advanced mode → Content → Export (Table data.csv).
        // Views are read as impressions ("Impressions" there counts thumbnails shown);
        // "Subscribers" is subscribers gained, not the count.
        ExportFormat("YouTube Studio content", .youtube, .posts,
                     signature: [["content"], ["video title"], ["video publish time"]],
                     columns: [.date: ["video publish time"], .impressions: ["views"], .likes: ["likes"],
                               .comments: ["comments added", "comments"], .shares: ["shares"]],
                     hasTotalRow: true),
        // LinkedIn Page analytics → Content → Export, sheet "All posts" saved as CSV. "Follows"
        // ("Followers" in some versions) counts follows the post brought.
        ExportFormat("LinkedIn page content", .linkedin, .posts,
                     signature: [["post title"], ["post link"]],
                     columns: [.date: ["created date", "date", "posted on"], .type: ["content type", "post type"],
                               .impressions: ["impressions"], .likes: ["likes", "reactions"], .comments: ["comments"],
                               .shares: ["reposts", "shares"]]),
        // LinkedIn Page analytics → Followers → Export, sheet "New followers": followers
        // gained per day, not the running total.
        ExportFormat("LinkedIn page followers", .linkedin, .followers,
                     signature: [["sponsored followers", "followers sponsored"], ["organic followers", "followers organic"]],
                     columns: [.date: ["date"], .followers: ["total followers"]],
                     followersAreGained: true),
        // Google Analytics 4 → Reports → Acquisition → Traffic acquisition → Download file (CSV).
        ExportFormat("GA4 traffic acquisition", .googleAnalytics, .traffic,
                     signature: [["session primary channel group (default channel group)", "session default channel group",
                                  "session primary channel group"], ["sessions"]],
                     columns: [.channel: ["session primary channel group (default channel group)",
                                          "session default channel group", "session primary channel group"],
                               .sessions: ["sessions"], .conversions: ["key events", "key events (*", "conversions"],
                               .keyEventRate: ["session key event rate", "session key event rate (*", "session conversion rate"],
                               .date: ["date"]]),
        // Zendesk Admin Center → Account → Tools → Reports → Export → CSV export: one row per
        // ticket, its channel in "Via", times in the account's zone, first reply minutes in
        // calendar time and in business hours (Zendesk's help article "Exporting ticket, user,
        // or organization data from your account" lists the columns).
        ExportFormat("Zendesk ticket export", nil, .inbox,
                     signature: [["via"], ["created at"], ["first reply time in minutes"]],
                     columns: [.id: ["id"], .time: ["created at"], .channel: ["via"],
                               .firstReplyMinutes: ["first reply time in minutes"],
                               .firstReplyBusinessMinutes: ["first reply time in minutes within business hours"],
                               .replies: ["replies"]]),
        // Zendesk Explore, a report on "Support: Tickets" exported as CSV.
        ExportFormat("Zendesk Explore tickets", nil, .inbox,
                     signature: [["ticket channel"], ["ticket created - timestamp"], ["first reply time (min)"]],
                     columns: [.id: ["ticket id"], .time: ["ticket created - timestamp"], .channel: ["ticket channel"],
                               .firstReplyMinutes: ["first reply time (min)"],
                               .firstReplyBusinessMinutes: ["first reply time - business hours (min)"],
                               .replies: ["agent replies"]]),
        // Freshdesk → Tickets → Export: "Source" is the channel; "Initial response time" the
        // time of the first reply (empty without one); "First response time (in hrs)" the
        // business-hours time as HH:MM:SS, 00:00:00 when there was none.
        ExportFormat("Freshdesk ticket export", nil, .inbox,
                     signature: [["source"], ["created time"], ["initial response time"]],
                     columns: [.id: ["ticket id"], .time: ["created time"], .channel: ["source"],
                               .firstReplyAt: ["initial response time"],
                               .firstReplyBusinessMinutes: ["first response time (in hrs)"],
                               .replies: ["agent interactions"]]),
        // The Kaggle "Customer Support on Twitter" dataset.
        ExportFormat("Twitter customer support", .x, .inbox,
                     signature: [["tweet_id"], ["in_response_to_tweet_id"]], alsoGeneric: true),
    ]

    /// The layout a header is in: the first known format of `kind` it matches, else generic.
    static func detect(kind: ExportKind, header: [String]) -> ExportFormat {
        let names = Set(header.map { $0.trimmed(.spacesAndTabs).lowercased() })
        for format in known where format.kind == kind {
            if format.signature.allSatisfy({ $0.contains(where: names.contains) }) { return format }
        }
        return generic(kind)
    }

    /// The column names read for `field`, best first.
    func names(for field: ColumnMapping.Field) -> [String] {
        let own = columns[field] ?? []
        return alsoGeneric ? own + kind.synonyms(field) : own
    }

    /// Finds the column of every field this kind reads, from the header alone.
    ///
    /// `--map` overrides win; otherwise the first of the format's names present in the header.
    /// Throws `unrecognisedHeader` naming the columns found and the fields missing, or
    /// `mappedColumnNotFound` when a mapping names a column the header lacks and the field is
    /// used only by this kind.
    func resolveColumns(header: [String], mapping: ColumnMapping, file: String) throws -> [ColumnMapping.Field: Int] {
        let normalised = header.map { $0.trimmed(.spacesAndTabs).lowercased() }
        var index: [String: Int] = [:]
        for (i, name) in normalised.enumerated() where index[name] == nil { index[name] = i }
        var columns: [ColumnMapping.Field: Int] = [:]
        var used = Set<Int>()
        for field in kind.fields {
            guard let mapped = mapping[field] else { continue }
            if let i = index[mapped.lowercased()] {
                columns[field] = i
                used.insert(i)
                continue
            }
            let shared = ExportKind.allCases.filter { $0.fields.contains(field) }.count > 1
            if !shared {
                throw PresenceError.mappedColumnNotFound(file: file, field: field.rawValue, column: mapped, columns: header)
            }
        }
        for field in kind.fields where columns[field] == nil {
            for name in names(for: field) {
                let found: Int?
                if name.hasSuffix("*") {
                    let prefix = name.dropLast()
                    found = normalised.indices.first { normalised[$0].hasPrefix(prefix) && !used.contains($0) }
                } else {
                    found = index[name].flatMap { used.contains($0) ? nil : $0 }
                }
                if let found {
                    columns[field] = found
                    used.insert(found)
                    break
                }
            }
        }
        if !kind.satisfied(by: Set(columns.keys)) {
            let missing = kind.required.filter { columns[$0] == nil }.map(\.rawValue)
            throw PresenceError.unrecognisedHeader(file: file, kind: kind.rawValue, columns: header, missing: missing,
                                                   format: platform == nil ? nil : description)
        }
        return columns
    }
}
