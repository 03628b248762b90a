/// An engagement rate summarised over posts: the median and mean of the per-post rates and
/// the aggregate (total engagement over the total denominator), all as fractions.
public struct RateSummary: Sendable, Equatable {
    /// Median of the per-post rates (mean of the two middle ones for an even count).
    public var median: Double
    /// Mean of the per-post rates.
    public var mean: Double
    /// Σ engagement / Σ denominator over the posts that have a denominator > 0.
    public var aggregate: Double
    /// Number of posts the rate is taken over.
    public var posts: Int

    /// Creates a summary.
    public init(median: Double, mean: Double, aggregate: Double, posts: Int) {
        self.median = median
        self.mean = mean
        self.aggregate = aggregate
        self.posts = posts
    }
}
