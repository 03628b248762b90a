import AuditKit
import AuditServices
import Foundation
import Testing

/// Issue 29, item 4: opening a session, new or saved, is AuditServices' SessionOpener, which the
/// shell's `audit`, `resume` and `resolve` call; these tests hold it to what the shell did.
@Suite struct SessionOpenerTests {
    let driver: ShellDriver
    let opener: SessionOpener

    init() throws {
        driver = try ShellDriver()
        try driver.installMini()
        opener = SessionOpener(catalog: ChecklistCatalog(folders: [driver.home.path + "/config/smaudit/checklists"]),
                               store: SessionStore(environment: driver.environment), clock: Clock(environment: driver.environment),
                               sessionPath: nil)
    }

    @Test func aNewAuditCoversEachChecklistOnceWithTheProfileFirst() throws {
        var repeated: [String] = []
        let ids = try opener.checklists(["four-mistakes", "mini", "four-mistakes"]) { repeated.append($0) }
        #expect(ids.first == "profile" && Array(ids.dropFirst()) == ["four-mistakes", "mini"], "\(ids)")
        #expect(repeated == ["four-mistakes"])
        #expect(try opener.checklists([]) == ["profile", "seven-steps", "four-mistakes", "launch"])
        #expect {
            try opener.checklists(["mimi"])
        } throws: { error in
            guard case let AuditError.unknownChecklist(id, suggestion, _, _) = error else { return false }
            return id == "mimi" && suggestion == "mini"
        }
    }

    @Test func aCreatedSessionIsOnDiskAndResumesAsTheNewest() throws {
        #expect(throws: AuditError.noSavedSessions(folder: opener.store.folder)) { try opener.pathToResume(nil) }
        var closed = 0
        // The flow holds the session's lock until it is gone, as the shell's does.
        let path = try {
            let flow = try opener.create(organisation: "Acme", auditors: ["Dana"], answeredBy: nil, checklists: ["mini"],
                                         saveMode: .eachChange) { closed += 1 }
            try flow.finish()
            return flow.path
        }()
        #expect(closed == 1)
        #expect(path == driver.home.path + "/data/smaudit/sessions/acme-2026-11-23.yaml")
        #expect(try opener.pathToResume(nil) == path)
        #expect(try opener.pathToResume("acme-2026-11-23") == path)
        #expect(opener.lastSession()?.organisation == "Acme")
        let loaded = try opener.read(path)
        var kept: [String] = []
        let resumed = try opener.open(loaded, at: path, saveMode: .eachChange) { kept.append($0) }
        #expect(resumed.session.auditors == ["Dana"] && kept.isEmpty)
        try resumed.finish()
    }

    /// An answers file written by hand is kept as FILE.orig before it becomes a session file.
    @Test func anAnswersFileIsKeptBeforeItIsOpened() throws {
        let path = try driver.write("# by hand\norganisation: Acme\nanswers:\n  mini: {top_priority: sales}\n", to: "answers.yaml")
        var kept: [String] = []
        let flow = try opener.open(opener.read(path), at: path, saveMode: .eachChange) { kept.append($0) }
        try flow.finish()
        #expect(kept == [path + ".orig"])
        #expect(try driver.read("answers.yaml.orig").hasPrefix("# by hand"))
        #expect(try SessionFiles.isSessionFile(driver.read("answers.yaml")))
    }

    @Test func aSessionFileWhoseFolderIsMissingIsRefusedBeforeAnythingIsAsked() throws {
        let missing = driver.home.path + "/no/such/folder/s.yaml"
        let opener = SessionOpener(catalog: self.opener.catalog, store: self.opener.store, clock: self.opener.clock,
                                   sessionPath: missing)
        #expect(throws: AuditError.sessionFolderMissing(path: missing, folder: driver.home.path + "/no/such/folder")) {
            try opener.sessionToResume()
        }
    }
}
