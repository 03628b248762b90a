import PresenceData

/// A measured metric's path (`inbox.first_response_minutes.median`) in words (“median time to a
/// first reply”) and the kind of export it came from (“the inbox export”), so the report shows
/// no internal ids. The words are `Metric`'s own; a path no metric names (`by_type`,
/// `by_responder` figures) is spelled out from its parts.
enum MetricWords {
    /// What the metric measures.
    static func words(_ metric: String) -> String {
        if let known = Metric(path: metric) {
            return known.platform.map { "\(known.words) on \($0)" } ?? known.words
        }
        let parts = metric.split(separator: ".").map(String.init)
        return spelled(parts.dropFirst().isEmpty ? parts : Array(parts.dropFirst()))
    }

    /// The kind of export, as a reader names it: `inbox export`.
    static func export(_ metric: String) -> String { ExportKind(metric: metric)?.readerName ?? "export" }

    /// `by_type.Video.count` → `by type, Video, count`; a last part naming a statistic goes in
    /// brackets: `… (median)`.
    private static func spelled(_ parts: [String]) -> String {
        let words = parts.map { $0.split(separator: "_").joined(separator: " ") }
        guard words.count > 1 else { return words.first ?? "" }
        let statistic = ["median": "median", "mean": "mean", "aggregate": "over all posts", "p90": "90th percentile"]
        if let last = parts.last, let name = statistic[last] {
            return words.dropLast().joined(separator: ", ") + " (\(name))"
        }
        return words.joined(separator: ", ")
    }
}
