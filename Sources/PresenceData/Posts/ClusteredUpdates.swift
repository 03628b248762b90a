/// Clustered updates (seed 003's "say no to clustered updates"): runs of two or more posts of
/// the same account, each less than `windowMinutes` after the one before it.
///
/// Posts are grouped by account (one account when there is no account column), their times
/// sorted (the export may be in any order), and a cluster is a maximal chain of consecutive
/// posts with gaps strictly below the window: posts at 10:00, 10:06 and 10:12 with a
/// 10-minute window are one cluster of three.
public struct ClusteredUpdates: Sendable, Equatable {
    /// The window, in minutes.
    public var windowMinutes: Double
    /// Number of clusters.
    public var clusters: Int
    /// Posts that belong to a cluster.
    public var postsInClusters: Int

    /// Creates the figures.
    public init(windowMinutes: Double, clusters: Int, postsInClusters: Int) {
        self.windowMinutes = windowMinutes
        self.clusters = clusters
        self.postsInClusters = postsInClusters
    }
}
