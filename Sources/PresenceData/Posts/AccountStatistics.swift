/// The posts of one account, when an export names several (a page per clinic, a brand and its
/// founder): its own per-post figures, and its interactions over its own followers.
public struct AccountStatistics: Sendable, Equatable {
    /// The account or page name as written in the export.
    public var account: String
    /// Posts of this account measured.
    public var count: Int
    /// Mean likes + comments + shares per post, over its posts with all three columns.
    public var applauseRate: Double?
    /// Mean likes per post.
    public var likesPerPost: Double?
    /// Mean shares per post.
    public var amplificationRate: Double?
    /// Mean comments per post.
    public var conversationRate: Double?
    /// All its interactions over all its reach (posts with reach > 0).
    public var engagementRateByReach: Double?
    /// Its interactions over its own follower count: the followers column of its latest post.
    public var engagementPerFollower: Double?
    /// That follower count; `nil` when the export has no followers column.
    public var followersAtEnd: Double?

    /// Creates one account's figures.
    public init(account: String, count: Int, applauseRate: Double? = nil, likesPerPost: Double? = nil,
                amplificationRate: Double? = nil, conversationRate: Double? = nil,
                engagementRateByReach: Double? = nil, engagementPerFollower: Double? = nil, followersAtEnd: Double? = nil) {
        self.account = account
        self.count = count
        self.applauseRate = applauseRate
        self.likesPerPost = likesPerPost
        self.amplificationRate = amplificationRate
        self.conversationRate = conversationRate
        self.engagementRateByReach = engagementRateByReach
        self.engagementPerFollower = engagementPerFollower
        self.followersAtEnd = followersAtEnd
    }
}

/// What one account's posts add up to while a file is read; a few sums an account, so an
/// export of many accounts costs one array element update a row.
struct AccountTally {
    var posts = 0
    var likes = 0.0, comments = 0.0, shares = 0.0
    var postsWithLikes = 0, postsWithComments = 0, postsWithShares = 0
    var countedEngagement = 0.0, postsWithCounts = 0
    var reachEngagement = 0.0, reach = 0.0
    var latestFollowers: (time: Double, followers: Double)?

    /// Adds the same account's later rows of the file (read apart); the latest follower count
    /// is the later rows' at an equal date, as it is when one reader meets them in order.
    mutating func append(_ later: AccountTally) {
        posts += later.posts
        likes += later.likes; comments += later.comments; shares += later.shares
        postsWithLikes += later.postsWithLikes; postsWithComments += later.postsWithComments
        postsWithShares += later.postsWithShares
        countedEngagement += later.countedEngagement; postsWithCounts += later.postsWithCounts
        reachEngagement += later.reachEngagement; reach += later.reach
        if let theirs = later.latestFollowers, theirs.time >= latestFollowers?.time ?? -.infinity { latestFollowers = theirs }
    }

    /// The figures.
    func statistics(account: String) -> AccountStatistics {
        func perPost(_ sum: Double, _ posts: Int) -> Double? { posts > 0 ? sum / Double(posts) : nil }
        var s = AccountStatistics(account: account, count: posts)
        s.likesPerPost = perPost(likes, postsWithLikes)
        s.amplificationRate = perPost(shares, postsWithShares)
        s.conversationRate = perPost(comments, postsWithComments)
        if postsWithCounts > 0 { s.applauseRate = countedEngagement / Double(postsWithCounts) }
        if reach > 0 { s.engagementRateByReach = reachEngagement / reach }
        if postsWithCounts > 0, let followers = latestFollowers?.followers, followers > 0 {
            s.followersAtEnd = followers
            s.engagementPerFollower = countedEngagement / followers
        }
        return s
    }
}
