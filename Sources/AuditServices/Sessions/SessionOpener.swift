import AuditKit
import BuiltinChecklists

/// Opening an audit's session, new or saved: which checklists a new audit covers, where its file
/// goes, which saved session `resume` means, and reading and opening one. The shell's `audit`,
/// `resume` and `resolve` (and `smaudit audit`, which starts the shell) open sessions through
/// it; the shell only says what happened and asks what it must.
public struct SessionOpener {
    /// The checklists sessions are read against.
    public let catalog: ChecklistCatalog
    /// The sessions folder.
    public let store: SessionStore
    /// What the new or resumed session is stamped with.
    public let clock: Clock
    /// The session file named with `--session`, if any: a new audit is saved there, and
    /// resumed from there when it exists.
    public let sessionPath: String?

    /// An opener of sessions in `store`, checked against `catalog`.
    public init(catalog: ChecklistCatalog, store: SessionStore, clock: Clock, sessionPath: String?) {
        self.catalog = catalog
        self.store = store
        self.clock = clock
        self.sessionPath = sessionPath
    }

    var set: ChecklistSet { catalog.set }

    // MARK: A new audit

    /// The checklists a new audit of `named` covers: those named, each once (`repeated` hears
    /// of each named again), or every installed built-in when none is; the profile first when
    /// one of them reads it. An unknown id is an error with the closest one.
    public func checklists(_ named: [String], repeated: (String) -> Void = { _ in }) throws -> [String] {
        var ids: [String] = []
        for id in named.isEmpty ? BuiltinChecklists.auditOrder.filter({ set.checklist($0) != nil }) : named {
            if ids.contains(id) { repeated(id) } else { ids.append(id) }
        }
        for id in ids where set.checklist(id) == nil {
            throw AuditError.unknownChecklist(id: id, suggestion: Suggest.closest(to: id, in: set.ids), installed: set.ids, lister: "list")
        }
        // The profile comes first, once, when any checklist audited reads it.
        let profile = BuiltinChecklists.profileID
        if set.checklist(profile) != nil, !ids.contains(profile), ids.contains(where: { set.checklist($0, reads: profile) }) {
            ids.insert(profile, at: 0)
        }
        return ids
    }

    /// The `--session` file when it exists: an audit started with it resumes it instead. A
    /// `--session` file whose folder does not exist is refused before anything is asked.
    public func sessionToResume() throws -> String? {
        guard let sessionPath else { return nil }
        if AtomicFile.exists(sessionPath) { return sessionPath }
        let folder = AtomicFile.parent(of: AtomicFile.resolvingLinks(sessionPath))
        guard AtomicFile.isFolder(folder) else {
            throw AuditError.sessionFolderMissing(path: sessionPath, folder: folder)
        }
        return nil
    }

    /// The most recent saved session, whose organisation and auditors a new audit offers.
    public func lastSession() -> AuditSession? {
        guard let path = store.sessionPaths().first, let text = try? AtomicFile.read(path) else { return nil }
        return SessionReader.read(text: text, file: path, set: set, mode: .lenient,
                                  now: clock.nowText).session
    }

    /// Creates a new audit's session file (at `--session`, else a new name in the sessions
    /// folder; an auditor answering alone gets a file named for them) and opens it, written and
    /// on disk from the start. `closing` runs once the path is known and before the file is
    /// opened: the caller finishes the audit it had open, which may hold a lock.
    public func create(organisation: String, auditors: [String], answeredBy: String?, checklists: [String],
                       saveMode: AuditFlow.SaveMode, closing: () throws -> Void) throws -> AuditFlow {
        let now = clock.nowText
        var session = AuditSession(organisation: organisation, auditors: auditors, started: now,
                                   checklists: checklists.compactMap { set.checklist($0).map(ChecklistStamp.init) })
        session.answeredBy = answeredBy
        let path = try sessionPath ?? store.newPath(organisation: answeredBy.map { "\(organisation) \($0)" } ?? organisation,
                                                    date: clock.todayText)
        try closing()
        let flow = try AuditFlow(set: set, session: session, path: path, clock: clock)
        flow.saveMode = saveMode
        try flow.save()
        try flow.flush()  // the file exists (and names its organisation) from the start
        return flow
    }

    // MARK: A saved audit

    /// The file `resume NAME` means: the session named (by name or path), else the `--session`
    /// file when it exists, else the most recent session.
    public func pathToResume(_ name: String?) throws -> String {
        if let name {
            guard let found = store.resolve(name) else { throw AuditError.unknownSession(name: name, folder: store.folder) }
            return found
        }
        if let sessionPath, AtomicFile.exists(sessionPath) { return sessionPath }
        guard let newest = store.sessionPaths().first else { throw AuditError.noSavedSessions(folder: store.folder) }
        return newest
    }

    /// Reads a saved session strictly, as `run` reads it: a file that does not load cleanly is
    /// refused with its errors, and left as it is.
    public func read(_ path: String) throws -> SessionFiles.Loaded {
        try SessionFiles.read(path, set: set, catalog: catalog, clock: clock, action: "resume")
    }

    /// What changed in the checklists since the session was saved, a warning a line: answers
    /// kept, kept aside, or restored.
    public static func changeWarnings(_ result: SessionReader.Result) -> [String] {
        var lines = result.changed.map { stamp, now in
            "checklist `\(stamp.id)` changed since this session began (version \(stamp.version) → \(now.version)); answers to questions that still exist are kept"
        }
        if !result.retired.isEmpty {
            lines.append("kept aside \(result.retired.count.counted("answer")) to questions the changed checklist no longer has or no longer accepts (under `retired:` in the session; `status` lists them): "
                         + result.retired.map(\.description).joined(separator: ", "))
        }
        if !result.restored.isEmpty {
            lines.append("restored \(result.restored.count.counted("answer")) kept aside earlier, since the checklist has the question again: "
                         + result.restored.map(\.description).joined(separator: ", "))
        }
        return lines
    }

    /// Opens a session read by `read(_:)`. An answers file written by hand is kept as
    /// `FILE.orig` before it first becomes a session file (`kept` hears where); a session the
    /// checklists' changes touched, or an answers file, is saved at once.
    public func open(_ loaded: SessionFiles.Loaded, at path: String, saveMode: AuditFlow.SaveMode,
                     kept: (String) -> Void = { _ in }) throws -> AuditFlow {
        let flow = try AuditFlow(set: set, session: loaded.session, path: path, clock: clock)
        flow.saveMode = saveMode
        let result = loaded.result
        if result.format == nil, let backup = try SessionFiles.keepOriginal(of: path, text: loaded.text) {
            kept(backup)
        }
        if !result.changed.isEmpty || !result.retired.isEmpty || !result.restored.isEmpty || result.format == nil {
            try flow.save()
        }
        return flow
    }
}
