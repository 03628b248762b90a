import AuditKit
import AuditReport
import PresenceData

/// How a measurement's answers are said: what was filled, kept and left, the typed answers it
/// would replace, and whose data it seems to be.
extension MeasuredAnswers {
    /// A warning when the posts exports name accounts and none resembles the organisation
    /// audited: exports of another client measured into this audit would say nothing of it.
    public static func whoseData(_ measurement: PresenceMeasurement, organisation: String) -> String? {
        let accounts = measurement.posts?.accounts ?? []
        guard !accounts.isEmpty, !organisation.trimmed(.unicodeWhitespace).isEmpty else { return nil }
        guard !accounts.contains(where: { resembles($0, organisation) }) else { return nil }
        return "the posts exports are of \(accounts.prefix(3).map { "“\($0)”" }.joined(separator: ", "))\(accounts.count > 3 ? " and \(accounts.count - 3) more" : ""), and none looks like “\(organisation)”: check they are its own (--account NAME picks one)"
    }

    /// Whether an account name and an organisation's name share a word of three letters or
    /// more, or one holds the other, ignoring case and punctuation (`acme.outdoor` ~ `Acme Outdoor Ltd`).
    static func resembles(_ account: String, _ organisation: String) -> Bool {
        func words(_ text: String) -> [String] {
            text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init).filter { $0.count >= 3 }
        }
        let a = words(account), o = words(organisation)
        if a.contains(where: o.contains) { return true }
        let joinedA = a.joined(), joinedO = o.joined()
        return !joinedA.isEmpty && !joinedO.isEmpty && (joinedA.contains(joinedO) || joinedO.contains(joinedA))
    }

    /// A typed answer a measurement would replace: the question, what was typed, what was measured.
    public struct TypedConflict: Sendable, Hashable {
        public var ref: QuestionRef, typed: String, measured: String

        /// A conflict of `ref`'s `typed` answer with the `measured` one.
        public init(ref: QuestionRef, typed: String, measured: String) { (self.ref, self.typed, self.measured) = (ref, typed, measured) }
    }

    /// The typed answers `fills` would replace, in order.
    public static func typedConflicts(in fills: [Fill]) -> [TypedConflict] {
        fills.compactMap { fill in fill.replacesTyped.map { TypedConflict(ref: fill.ref, typed: $0, measured: fill.answer.displayText) } }
    }

    /// `2 questions already have typed answers (four-mistakes.response_rate 50% → 89.81%; …).`
    public static func typedConflicts(_ conflicts: [TypedConflict]) -> String {
        let names = conflicts.prefix(3).map { "\($0.ref) \($0.typed) → \($0.measured)" }.joined(separator: "; ")
        let more = conflicts.count > 3 ? " and \(conflicts.count - 3) more" : ""
        return "\(conflictsHeading(conflicts.count)) (\(names)\(more))."
    }

    /// `1 question already has a typed answer`, `3 questions already have typed answers`.
    static func conflictsHeading(_ count: Int) -> String {
        "\(count.counted("question")) already \(count == 1 ? "has a typed answer" : "have typed answers")"
    }

    /// Every typed answer the measurement would replace, one a line, for the shell to show
    /// above its question: `1 question already has a typed answer:`, `  mini.response_time: 2h → 30m`.
    public static func conflictLines(_ fills: [Fill]) -> [String] {
        let conflicts = fills.filter { $0.replacesTyped != nil }
        let one = conflicts.count == 1
        return [conflictsHeading(conflicts.count) + ":"]
            + conflicts.map { "  \($0.ref): \($0.replacesTyped!) → \($0.answer.displayText)" }
            + [one ? "Replacing keeps the typed answer as the team's estimate." : "Replacing keeps each typed answer as the team's estimate."]
    }

    /// The question asked before typed answers are replaced: short, since it is the prompt
    /// (`conflictLines` says what it is about).
    public static func replaceQuestion(_ fills: [Fill]) -> String {
        fills.filter { $0.replacesTyped != nil }.count == 1 ? "Replace it with the measured value? yes or no"
            : "Replace them with the measured values? yes or no"
    }

    /// What a script is told when it did not say what to do with typed answers.
    public static func refusal(_ fills: [Fill]) -> AuditError { .typedAnswersKept(typedConflicts(in: fills)) }

    /// What the export kind is called in a sentence: "the inbox shows 89.8%".
    static func exportName(_ metric: String) -> String {
        switch ExportKind(metric: metric) {
        case .posts: return "the posts export"
        case .inbox: return "the inbox"
        case .followers: return "the follower export"
        case .traffic: return "the traffic export"
        case nil: return "the export"
        }
    }

    /// One line per question: `four-mistakes.response_rate = 92% (measured from inbox.csv, Oct
    /// 2026: inbox.response_rate)`, or for a typed answer replaced `you said 50%, the inbox shows
    /// 89.81% (Oct 2026)`; then the answers kept and the questions left unanswered, with why.
    public static func describe(_ applied: [Fill], kept: [Fill] = [], unfilled: [Unfilled] = []) -> String {
        guard !applied.isEmpty || !kept.isEmpty || !unfilled.isEmpty else { return "No audit question could be filled from these exports." }
        var lines: [String] = []
        if !applied.isEmpty { lines.append("Filled \(applied.count.counted("question")) from the exports:") }
        for fill in applied {
            let name = AtomicFile.name(of: fill.file)
            let period = fill.periodInWords.map { ", \($0)" } ?? ""
            if let typed = fill.replacesTyped {
                lines.append("  \(fill.ref): you said \(typed), \(exportName(fill.metric)) shows \(fill.answer.displayText) (\(name)\(period)\(fill.platformNote)); replaced, with \(typed) kept as the estimate")
            } else {
                lines.append("  \(fill.ref) = \(fill.answer.displayText) (measured from \(name)\(period)\(fill.platformNote): \(fill.metric))")
            }
        }
        // Said once per export, however many questions it filled.
        var stale: [String] = []
        for fill in applied { if let note = fill.staleNote, !stale.contains(note) { stale.append(note) } }
        lines += stale.map { "  Note: \($0)." }
        // A follower count is summed over the follower exports given; one file is one account.
        if (applied + kept).contains(where: { ExportKind(metric: $0.metric) == .followers && $0.exportCount == 1 }) {
            lines.append("  (followers come from one export: give --followers once per account for the total across them)")
        }
        if !kept.isEmpty {
            lines.append("Kept \(kept.count.counted("typed answer")):")
            for fill in kept {
                let period = fill.period.map { " (\($0))" } ?? ""
                lines.append("  \(fill.ref): you said \(fill.replacesTyped ?? ""), \(exportName(fill.metric)) shows \(fill.answer.displayText)\(period); yours is kept")
            }
        }
        if !unfilled.isEmpty {
            lines.append("Left unanswered, and why:")
            for item in unfilled { lines.append("  \(item.ref): \(item.reason)") }
        }
        return lines.joined(separator: "\n")
    }
}
