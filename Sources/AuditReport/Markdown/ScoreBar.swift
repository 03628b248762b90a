/// A score drawn as a bar of Unicode blocks, e.g. `█████▌░░░░` for 55: full blocks for whole
/// tenths, an eighth block for the rest, light shade for what is missing. It reads the same in a
/// terminal and on a rendered page.
public enum ScoreBar {
    /// Cells in a bar; each cell is 10 score points.
    public static let width = 10

    /// Partial cells by eighths: index 1 is one eighth (`▏`), 7 is seven eighths (`▉`).
    private static let eighths: [Character] = [" ", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// The bar for a score from 0 to 100 (clamped), exactly `width` characters long; a bar of
    /// light shade alone when there is no score.
    public static func render(_ score: Double?) -> String {
        guard let score, score.isFinite else { return String(repeating: "░", count: width) }
        let clamped = Swift.min(Swift.max(score, 0), 100)
        let totalEighths = Int((clamped / 100 * Double(width) * 8).rounded())
        let full = totalEighths / 8
        let rest = totalEighths % 8
        var bar = String(repeating: "█", count: full)
        if rest > 0 { bar.append(eighths[rest]) }
        bar += String(repeating: "░", count: width - full - (rest > 0 ? 1 : 0))
        return bar
    }
}
