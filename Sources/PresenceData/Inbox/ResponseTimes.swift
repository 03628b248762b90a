/// First-response minutes over the answered conversations (`p90` by linear interpolation
/// between closest ranks, position (n − 1) × 0.9; see `Quantile`).
public struct ResponseTimes: Sendable, Equatable {
    /// Median minutes.
    public var median: Double
    /// 90th percentile minutes.
    public var p90: Double
    /// Mean minutes.
    public var mean: Double

    /// Creates the figures.
    public init(median: Double, p90: Double, mean: Double) {
        self.median = median
        self.p90 = p90
        self.mean = mean
    }
}
