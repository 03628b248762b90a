/// How smaudit writes numbers, in one place for the shell, the command line, `explain` and the
/// report: scores, ranges and gains always with one decimal (the precision bands are taken at),
/// so `54.0` stands beside `range 35.2–41.0` and a gain reads `+2.0` everywhere; counts (points,
/// questions, a threshold as typed) with as few decimals as they need.
public enum NumberText {
    /// A score or a score's bound: `54.0`, `68.8`, `100.0`.
    public static func score(_ value: Double) -> String {
        DecimalFormat.fixed(Band.displayed(value), decimals: 1)
    }

    /// What fixing something adds to a score: `+9.1`.
    public static func gain(_ value: Double) -> String { "+" + score(value) }

    /// A signed change of score: `+17.4`, `-3.0`, `0.0`.
    public static func change(_ value: Double) -> String {
        let rounded = Band.displayed(value)
        if rounded == 0 { return "0.0" }
        return (rounded > 0 ? "+" : "-") + DecimalFormat.fixed(abs(rounded), decimals: 1)
    }

    /// A count, or a number the user wrote: `5`, `2.5`, `70`.
    public static func count(_ value: Double) -> String { ExpressionPrinter.formatNumber(value) }

    /// A small count in words, as prose writes it: `twelve`; 13 and above as digits.
    public static func words(_ n: Int) -> String {
        let names = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
        return names.indices.contains(n) ? names[n] : String(n)
    }

    /// `a`, `a and b`, `a, b and c`.
    public static func list(_ items: [String]) -> String {
        guard let last = items.last else { return "" }
        return items.count == 1 ? last : items.dropLast().joined(separator: ", ") + " and " + last
    }
}
