import AuditKit

/// The audits of one organisation over time (issue 28): found in the sessions folder and in any
/// `--sessions DIR`, oldest first, each with its score and the problems it found, so `history`
/// can say what was solved and what is new, and a report can compare with the previous audit
/// without being told which file that is.
public struct AuditHistory {
    /// One audit.
    public struct Audit {
        /// Where it is.
        public var path: String
        /// The session.
        public var session: AuditSession
        /// Its scores.
        public var scorecard: Scorecard
        /// The keys of the problems it found (`four-mistakes.service-sent-away`).
        public var problems: Set<String>
    }

    /// Every readable audit found, oldest first. Sessions an auditor answered alone are left
    /// out (their team session is the audit); files that do not read are skipped, as `sessions`
    /// lists them apart.
    public let audits: [Audit]

    /// Reads every `.yaml` file of `folders` (each read once, whatever the path it is found by).
    public init(folders: [String], set: ChecklistSet) {
        var seen = Set<String>()
        var audits: [Audit] = []
        for folder in folders {
            for name in (DirectoryListing.names(in: folder) ?? []).sorted() where name.hasSuffix(".yaml") {
                let path = folder + "/" + name
                guard seen.insert(AtomicFile.resolvingLinks(path)).inserted, let text = try? AtomicFile.read(path),
                      SessionFiles.isSessionFile(text) else { continue }
                guard let session = SessionReader.read(text: text, file: path, set: set, mode: .lenient, now: "").session,
                      session.answeredBy == nil, session.isDated else { continue }
                let card = Scorer.score(set, answers: session.answers, checklists: session.checklistIDs)
                audits.append(Audit(path: path, session: session, scorecard: card, problems: Set(card.themes.map(\.key))))
            }
        }
        self.audits = audits.sorted { ($0.session.started, $0.path) < ($1.session.started, $1.path) }
    }

    /// The folders searched: the sessions folder, then the ones given.
    public static func folders(store: SessionStore, extra: [String]) -> [String] {
        [store.folder] + extra.map { $0.hasSuffix("/") && $0.count > 1 ? String($0.dropLast()) : $0 }
    }

    /// The organisations found, each once, as first written.
    public var organisations: [String] {
        var seen = Set<String>()
        return audits.map(\.session.organisation).filter { seen.insert(TeamMerge.normalised($0)).inserted }
    }

    /// The audits of one organisation, matched without case or extra spaces; throws, naming the
    /// closest names found, when there are none.
    public func of(_ organisation: String) throws -> [Audit] {
        let key = TeamMerge.normalised(organisation)
        let found = audits.filter { TeamMerge.normalised($0.session.organisation) == key }
        guard found.isEmpty else { return found }
        let names = organisations
        if names.isEmpty { throw AuditError.noAuditsToList }
        // A part of the name ("acme" for "Acme Coffee") is the likeliest slip, then a typo.
        let partial = names.filter { TeamMerge.normalised($0).contains(key) }
        let guess = partial.count == 1 ? partial[0] : Suggest.closest(to: organisation, in: names)
        throw AuditError.unknownOrganisation(name: organisation, suggestion: guess, audited: names)
    }

    /// The audits of the same organisation that began before `session` (never the file at
    /// `path` itself), oldest first.
    public func earlier(than session: AuditSession, path: String?) -> [Audit] {
        let key = TeamMerge.normalised(session.organisation)
        let own = path.map(AtomicFile.resolvingLinks)
        return audits.filter {
            TeamMerge.normalised($0.session.organisation) == key && $0.session.started < session.started
                && AtomicFile.resolvingLinks($0.path) != own
        }
    }

    /// `history`'s table: one row per audit, oldest first, with what changed since the one before.
    public static func table(_ audits: [Audit]) -> [[String]] {
        var rows = [["date", "checklists", "score", "solved", "new", "file"]]
        var before: Set<String>?
        for audit in audits {
            let solved = before.map { String($0.subtracting(audit.problems).count) } ?? "–"
            let new = before.map { String(audit.problems.subtracting($0).count) } ?? "–"
            rows.append([audit.session.date, audit.session.checklistIDs.filter { $0 != "profile" }.joined(separator: ", "),
                         ScoreText.short(audit.scorecard.standing), solved, new, AtomicFile.name(of: audit.path)])
            before = audit.problems
        }
        return rows
    }
}

extension AuditHistory {
    /// What a report of `session` is set against, from one reading of the sessions folder and
    /// the `extra` folders: the earlier audit it compares with (the file `explicit` names; none
    /// with `none`; otherwise the previous audit of the same organisation) with a line saying
    /// which it is, and the organisation's audits up to this one, oldest first, for the trend
    /// (empty with fewer than three).
    public static func context(for session: AuditSession, path: String?, explicit: String?, none: Bool,
                               store: SessionStore, extra: [String], set: ChecklistSet, catalog: ChecklistCatalog?,
                               clock: Clock) throws -> (baseline: AuditSession?, note: String?, trend: [AuditSession]) {
        let searching = !none && explicit == nil
        if searching {
            for folder in extra where !AtomicFile.isFolder(folder) {
                throw AuditError.noSuchFolder(option: "--sessions", folder: folder)
            }
        }
        let earlier = AuditHistory(folders: folders(store: store, extra: extra.filter(AtomicFile.isFolder)), set: set)
            .earlier(than: session, path: path)
        let trend = earlier.count >= 2 ? earlier.map(\.session) + [session] : []
        if let explicit, !none {
            let chosen = try SessionFiles.load(store.resolve(explicit) ?? explicit, set: set, catalog: catalog,
                                              clock: clock, action: "compare with")
            return (chosen, nil, trend)
        }
        guard searching, let previous = earlier.last else { return (nil, nil, trend) }
        return (previous.session, "Compared with the previous audit of \(session.organisation), \(previous.session.date) (\(previous.path)); --baseline FILE picks another, --no-baseline none.", trend)
    }
}

extension AuditHistory {
    /// `history [ORGANISATION]`: a heading and the table of the audits of the organisation named
    /// (or of the only one found), oldest first; with several organisations and none named, the
    /// names and no table.
    public func listing(for organisation: String?) throws -> (heading: String, rows: [[String]]) {
        let name: String
        if let organisation {
            name = organisation
        } else {
            let names = organisations
            guard names.count == 1 else {
                if names.isEmpty { throw AuditError.noAudits }
                let counts = names.map { n in "\(n) (\(audits.filter { TeamMerge.normalised($0.session.organisation) == TeamMerge.normalised(n) }.count))" }
                return ("Audits of \(names.count) organisations: \(counts.joined(separator: ", ")). Name one: history ORGANISATION", [])
            }
            name = names[0]
        }
        let found = try of(name)
        let title = "\(found[0].session.organisation): \(found.count.counted("audit")), oldest first. Solved and new count problems against the audit before."
        return (title, Self.table(found))
    }
}
