import AuditKit
import AuditServices

/// The closest known word to a mistyped one, for "did you mean" hints.
enum Suggestion {
    /// A likely typo of a candidate (see `Suggest.closest`), else the first candidate that the
    /// word begins (`ver` → `version`).
    static func closest(to word: String, in candidates: [String]) -> String? {
        if let close = Suggest.closest(to: word, in: candidates) { return close }
        let lowered = word.lowercased()
        guard !lowered.isEmpty else { return nil }
        return candidates.first { $0.lowercased().hasPrefix(lowered) }
    }
}
