import ArgumentParser
import AuditKit
import AuditOptions
import AuditServices

extension FailUnderOption {
    /// Exits 1 (after one line on standard error) when the overall score is below the
    /// threshold, or when there is no score yet: too few answers cannot pass a gate.
    func check(_ standing: Standing) throws {
        guard let threshold = failUnder else { return }
        guard let score = standing.score else {
            Output.error("no score yet, so --fail-under \(ScoreText.count(threshold)) fails: \(ScoreText.line(standing))")
            throw ExitCode(1)
        }
        if score < threshold {
            Output.error("score \(ScoreText.number(score)) is below --fail-under \(ScoreText.count(threshold))")
            throw ExitCode(1)
        }
    }
}
