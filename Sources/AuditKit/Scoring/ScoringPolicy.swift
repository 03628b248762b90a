/// The judgement thresholds of scoring, in one place (documented in docs/checklist-format.md,
/// "Scoring").
public enum ScoringPolicy {
    /// A band is provisional when less than this share of the applicable points has a known
    /// outcome (or when the range crosses a band): 80 %, so that at most a fifth of the score
    /// could still move.
    public static let provisionalBelowConfidence = 0.8
    /// Below this share of known points there is no score at all, only "answer N more
    /// questions": a quarter, since one answered question of twenty-five is not an audit.
    public static let noScoreBelowConfidence = 0.25
    /// The band a failed critical rule caps the score at unless it says `caps:`.
    public static let criticalCap: Band = .developing
}
