/// Collects one engagement rate per post (engagement / denominator, for denominators > 0).
///
/// The rates are kept as 8-byte doubles so the median is exact: 8 bytes per post with a
/// denominator, the only part of a posts import that grows with the number of posts.
struct RateAccumulator: Sendable {
    private(set) var rates = Samples()
    private var sumRates = 0.0
    private var sumEngagement = 0.0
    private var sumDenominator = 0.0

    /// Adds a post; ignored unless `denominator > 0`.
    @inline(__always)
    mutating func add(engagement: Double, denominator: Double) {
        guard denominator > 0 else { return }
        let rate = engagement / denominator
        rates.append(rate)
        sumRates += rate
        sumEngagement += engagement
        sumDenominator += denominator
    }

    /// Takes over the posts of `other` (which is left empty).
    mutating func absorb(_ other: inout RateAccumulator) {
        rates.append(&other.rates)
        sumRates += other.sumRates
        sumEngagement += other.sumEngagement
        sumDenominator += other.sumDenominator
        other = RateAccumulator()
    }

    /// The summary, or `nil` when no post had a denominator.
    func summary() -> RateSummary? {
        guard let median = rates.quantile(0.5) else { return nil }
        return RateSummary(median: median, mean: sumRates / Double(rates.count),
                           aggregate: sumEngagement / sumDenominator, posts: rates.count)
    }
}
