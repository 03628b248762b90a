import AuditKit

/// Team audits for the shell and the command line alike: merging auditors' sessions into a team
/// session, and the words that say where the team stands.
public enum TeamSessions {
    /// A merge written to disk.
    public struct Merged {
        /// The team session.
        public var session: AuditSession
        /// Where it was written.
        public var path: String
        /// The questions answered differently, open or decided.
        public var disagreements: [Disagreement]
        /// Questions answered by two or more auditors, and how many of them they agreed on.
        public var agreement: (agreed: Int, of: Int)
    }

    /// Reads every file (strictly, as `run` does), merges them and writes the team session to
    /// `output`. Nothing is written when any file is refused, when the files are of different
    /// organisations, or when `output` is one of the files read (merge into a new file, then
    /// use it); an existing `output` is replaced only with `force`.
    public static func merge(_ paths: [String], into output: String, force: Bool, set: ChecklistSet,
                             catalog: ChecklistCatalog? = nil, clock: Clock,
                             warn: (String) -> Void = { _ in }) throws -> Merged {
        guard !paths.isEmpty else { throw AuditError.noMergeInputs }
        let target = AtomicFile.resolvingLinks(output)
        for path in paths where AtomicFile.resolvingLinks(path) == target {
            throw AuditError.mergeIntoInput(output: output)
        }
        try SessionFiles.checkTargets([output], force: force)
        var inputs: [(file: String, session: AuditSession)] = []
        for path in paths {
            inputs.append((path, try SessionFiles.load(path, set: set, catalog: catalog, clock: clock, action: "merge", warn: warn)))
        }
        let team: AuditSession
        do {
            team = try TeamMerge.merge(inputs, set: set)
        } catch {
            throw AuditError.mergeRefused(error)
        }
        try SessionFiles.writeNew(SessionWriter.render(team, set: set), to: output, force: force)
        let disagreements = TeamMerge.disagreements(in: team, set: set)
        return Merged(session: team, path: output, disagreements: disagreements,
                      agreement: TeamMerge.agreement(in: team, set: set, disagreements: disagreements))
    }

    /// What a merge did, in a few lines: who, how much they agreed, and what is left to decide.
    public static func summary(_ merged: Merged) -> [String] {
        let open = merged.disagreements.filter(\.isOpen).count
        var lines = ["Merged the answers of \(ChecklistText.commaList(merged.session.auditors)) into \(merged.path)."]
        lines.append("The auditors agreed on \(merged.agreement.agreed) of \(merged.agreement.of.counted("question")) two or more of them answered.")
        let settled = merged.disagreements.filter { $0.resolution == nil && $0.measured != nil }.count
        if settled > 0 { lines.append("Measured data settled \(settled.counted("disagreement")).") }
        if open > 0 {
            lines.append("\(open.counted("disagreement")) to decide: the rules that read them are open and the score provisional. `resolve` in the shell walks them; a `resolved:` entry in the file does the same.")
            lines += merged.disagreements.filter(\.isOpen).map { "  \($0.ref): \(answersLine($0))" }
        } else if !merged.disagreements.isEmpty {
            lines.append("Every disagreement is decided.")
        }
        return lines
    }

    /// What `score` adds for a team session with open disagreements: they keep the score
    /// provisional, and deciding them is what settles it. Nil otherwise.
    public static func scoreNote(_ session: AuditSession, set: ChecklistSet) -> String? {
        let open = TeamMerge.disagreements(in: session, set: set).filter(\.isOpen).count
        guard open > 0 else { return nil }
        return "provisional: resolve \(open.counted("disagreement")) between the auditors (`resolve` in the shell) to settle it"
    }

    /// One disagreement in words: each auditor's answer by name, and the data where measured
    /// ("Priya: 1h; Sam: 1d; the inbox export: 18h, Oct 2026").
    public static func answersLine(_ disagreement: Disagreement) -> String {
        var parts = disagreement.answers.map { "\($0.auditor): \($0.entry.value?.displayText ?? $0.entry.text ?? "")" }
        if let measured = disagreement.measured {
            parts.append("measured from \(AtomicFile.name(of: measured.file)): \(disagreement.team ?? "")\(measured.period.map { ", \($0)" } ?? "")")
        }
        return parts.joined(separator: "; ")
    }
}
