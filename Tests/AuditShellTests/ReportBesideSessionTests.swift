import AuditKit
import AuditServices
import Foundation
import Testing
import TestSupport

/// A report written while a script's answers wait in a batch takes the session to disk with it,
/// on the other core: the report is never on disk without the answers it shows, and the end of
/// the script has nothing left to write.
@Suite struct ReportBesideSessionTests {
    let set = ChecklistSet.load([(file: "mini.yaml", text: miniChecklist)]).0
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("beside-\(UUID().uuidString)").path

    private func batchedFlow() throws -> AuditFlow {
        let flow = try miniFlow(in: folder, set: set)
        flow.saveMode = .batched(maxDelay: .seconds(3600))
        return flow
    }

    /// The file's inode: a write replaces the file (rename), so a new inode means a new write.
    private func inode(_ path: String) -> UInt64? {
        var info = stat()
        return stat(path, &info) == 0 ? UInt64(info.st_ino) : nil
    }

    @Test func theSessionReachesTheDiskWithTheReport() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let flow = try batchedFlow()
        try flow.answer("2")
        try flow.answer("1200")
        #expect(inode(flow.path) == nil)  // batched: nothing written yet
        let written = flow.saving(beside: folder + "/report.md") { "the report" }
        #expect(written == "the report")
        let onDisk = try String(contentsOfFile: flow.path, encoding: .utf8)
        #expect(onDisk.contains("followers:\n      answer: \"1200\""), "\(onDisk)")
        #expect(!flow.hasUnsavedChanges)
        // The end of the script finds the disk up to date and writes nothing.
        let first = inode(flow.path)
        try flow.finish()
        #expect(inode(flow.path) == first)
        // A change after the report is written at the end, as before.
        try flow.answer("yes")
        try flow.finish()
        #expect(inode(flow.path) != first)
        #expect(try String(contentsOfFile: flow.path, encoding: .utf8).contains("answers_on_social:\n      answer: \"yes\""))
    }

    @Test func aSessionThatCannotBeWrittenStaysOwed() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let flow = try batchedFlow()
        try flow.answer("2")
        // A folder where the session goes: renaming the written file over it fails.
        try FileManager.default.createDirectory(atPath: flow.path + "/taken", withIntermediateDirectories: true)
        let written = flow.saving(beside: folder + "/report.md") { 42 }
        #expect(written == 42)
        #expect(flow.hasUnsavedChanges)
        #expect(throws: FileWriteError.self) { try flow.finish() }
        // No temporary file is left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["acme.yaml", "acme.yaml.lock"])
    }

    @Test func aReportOverTheSessionIsNotWrittenBesideIt() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let flow = try batchedFlow()
        try flow.answer("2")
        flow.saving(beside: flow.path) {}
        #expect(inode(flow.path) == nil)
        #expect(flow.hasUnsavedChanges)
    }
}
