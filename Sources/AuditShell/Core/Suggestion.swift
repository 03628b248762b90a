import AuditKit
import AuditServices

/// The closest known word to a mistyped one, for "did you mean" hints.
enum Suggestion {
    /// A likely typo of a candidate (see `Suggest.closest`), else the first candidate that the
    /// word begins (`ver` → `version`).
    static func closest(to word: String, in candidates: [String]) -> String? {
        closest(to: word, in: Suggest.Candidates(candidates))
    }

    /// `closest(to:in:)` among candidates lowercased already.
    static func closest(to word: String, in candidates: Suggest.Candidates) -> String? {
        if let close = candidates.closest(to: word) { return close }
        guard !word.isEmpty else { return nil }
        return candidates.firstBeginning(with: word)
    }
}
