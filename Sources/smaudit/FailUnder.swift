import ArgumentParser
import AuditKit
import AuditShell
import AuditServices

/// `--fail-under N`, shared by `run` and `report`.
enum FailUnder {
    /// Exits 1 (after one line on standard error) when the overall score is below `threshold`,
    /// or when there is no score yet: too few answers cannot pass a gate.
    static func check(_ standing: Standing, against threshold: Double) throws {
        guard let score = standing.score else {
            printError("no score yet, so --fail-under \(ScoreText.number(threshold)) fails: \(ScoreText.line(standing))")
            throw ExitCode(1)
        }
        if score < threshold {
            printError("score \(ScoreText.number(score)) is below --fail-under \(ScoreText.number(threshold))")
            throw ExitCode(1)
        }
    }
}
