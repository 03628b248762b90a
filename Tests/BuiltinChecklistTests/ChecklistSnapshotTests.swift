@testable import AuditKit
import AuditServices
import BuiltinChecklists
import Foundation
import Testing
import TestSupport

/// The built-ins reach an audit as a snapshot written when smaudit was built, not as YAML parsed
/// at run time: it must hold exactly what loading the YAML gives, every field of every part.
@Suite struct ChecklistSnapshotTests {
    private static func loadedBuiltins() -> [Checklist] {
        ChecklistSet.load(BuiltinChecklists.files.map { (file: $0.name, text: $0.contents) }).0.checklists
    }

    @Test func theBuiltInSnapshotHoldsWhatLoadingTheYAMLGives() throws {
        let snapshot = try #require(BuiltinChecklists.snapshot, "the built-ins load without diagnostics, so the build writes a snapshot")
        let decoded = try #require(ChecklistSnapshot.decode(snapshot))
        let loaded = Self.loadedBuiltins()
        #expect(decoded.map(\.file).sorted() == loaded.map(\.file).sorted())
        for checklist in loaded {
            let read = try #require(decoded.first { $0.file == checklist.file })
            expectSame(read, checklist)
        }
    }

    @Test func checklistsRoundTripThroughASnapshot() throws {
        let (set, diagnostics) = ChecklistSet.load([(file: "mini.yaml", text: miniChecklist)])
        #expect(diagnostics.isEmpty)
        let written = ChecklistSnapshot.encode(set.checklists)
        let read = try #require(ChecklistSnapshot.decode(written))
        #expect(read.count == 1)
        expectSame(read[0], set.checklists[0])
        // The same checklists always give the same bytes (dictionaries are written sorted).
        #expect(ChecklistSnapshot.encode(read) == written)
        // The build loads the files in name order.
        #expect(ChecklistSnapshot.encode(Self.loadedBuiltins().sorted { $0.file < $1.file }) == BuiltinChecklists.snapshot)
    }

    /// A model type with a stored property the snapshot does not write would come back without
    /// it. These are the properties it writes or rebuilds on reading; a new one fails here
    /// until `ChecklistSnapshot` writes it too.
    @Test func theSnapshotCoversEveryStoredProperty() throws {
        let checklist = try #require(Self.loadedBuiltins().first { !$0.rules.isEmpty && !$0.examples.isEmpty })
        let question = try #require(checklist.sections.first?.questions.first)
        let rule = try #require(checklist.rules.first)
        let example = try #require(checklist.examples.first)
        let theme = try #require(checklist.themes.first)
        func labels(_ value: Any) -> [String] { Mirror(reflecting: value).children.compactMap(\.label) }
        #expect(labels(checklist) == ["id", "title", "version", "description", "sources", "sourceDetails", "themes", "sections",
                                      "rules", "targets", "targetDefaults", "examples", "file", "contentHash", "idLocation",
                                      "questionIndex", "ruleIndex", "sectionIndex", "questionStarts", "questionCount", "ruleReads"])
        #expect(labels(question.shared.value) == ["id", "prompt", "type", "choices", "exclusiveChoices", "defaultText", "allowNA", "help",
                                     "source", "when", "min", "max", "unit", "integer", "measure", "measureLocation",
                                     "measurePeriod", "sectionID", "location", "idLocation"])
        #expect(labels(rule.shared.value) == ["id", "title", "applies", "check", "severity", "explicitPoints", "finding", "recommendation",
                                 "source", "problem", "theme", "capSetting", "untested", "bar", "themeLocation",
                                 "explicitSection", "sectionID", "location", "idLocation"])
        #expect(labels(theme) == ["id", "title", "problem", "help", "recommendation", "source", "owner", "success", "location"])
        #expect(labels(checklist.sections[0]) == ["id", "title", "help", "questions", "location"])
        #expect(labels(example) == ["name", "answers", "expect", "location", "expectLocation"])
        #expect(labels(example.expect) == ["fails", "passes", "open", "notApplicable", "provisional", "band", "score",
                                           "scoreBetween", "ruleLocations"])
        #expect(labels(try #require(example.answers.first)) == ["checklistID", "questionID", "text", "keyLocation", "valueLocation"])
        #expect(labels(rule.check) == ["text", "root", "location", "segments"])
        #expect(labels(rule.check.root) == ["kind", "offset"])
        #expect(labels(Source(file: "x")) == ["file", "title", "author", "date", "description"])
    }

    /// A damaged snapshot is refused (nil: the YAML is loaded instead), never a crash or a hang.
    @Test func aDamagedSnapshotIsRefusedWithoutACrash() throws {
        let snapshot = Array(try #require(BuiltinChecklists.snapshot).utf8)
        var g = SeededRandom(seed: 30)
        for _ in 0..<200 {
            let cut = g.int(0...snapshot.count - 1)
            #expect(ChecklistSnapshot.decode(String(decoding: snapshot[..<cut], as: UTF8.self)) == nil, "cut at \(cut)")
        }
        let noise: [UInt8] = Array("0123456789,-NSTF:x\u{0}".utf8) + [0xFF, 0xC3]
        for _ in 0..<300 {
            var damaged = snapshot
            for _ in 0..<g.int(1...4) { damaged[g.int(0...damaged.count - 1)] = g.pick(noise) }
            _ = ChecklistSnapshot.decode(String(decoding: damaged, as: UTF8.self))
        }
    }

    /// The catalog takes the snapshot only when the built-ins are all it loads: a user file
    /// may read or replace a built-in, so then the whole set is loaded and checked together.
    @Test func theCatalogTakesTheSnapshotOnlyForTheBuiltInsAlone() throws {
        let builtins = BuiltinChecklists.files.map { (file: $0.name, text: $0.contents) }
        let fromSnapshot = try #require(ChecklistCatalog.snapshot(of: builtins))
        #expect(fromSnapshot.ids == ChecklistSet.load(builtins).0.ids)
        #expect(ChecklistCatalog.snapshot(of: builtins + [(file: "/tmp/mini.yaml", text: miniChecklist)]) == nil)

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("snapshot-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let original = try #require(BuiltinChecklists.files.first { $0.name == "four-mistakes.yaml" })
        let edited = original.contents.replacingOccurrences(of: "\ntitle: ", with: "\ntitle: Edited ")
        try edited.write(to: folder.appendingPathComponent("four-mistakes.yaml"), atomically: true, encoding: .utf8)
        let catalog = ChecklistCatalog(folders: [folder.path])
        #expect(catalog.diagnostics.isEmpty)
        #expect(catalog.set.checklist("four-mistakes")?.title.hasPrefix("Edited ") == true)
        #expect(ChecklistCatalog(folders: []).set.checklist("four-mistakes")?.title.hasPrefix("Edited ") == false)
    }

    /// `smaudit audit` starts reading the snapshot on another core while its line is parsed;
    /// catalogs made meanwhile, on any thread, wait for that read and all get the same set.
    @Test func catalogsMadeWhileTheSnapshotIsReadGetTheWholeSet() throws {
        ChecklistCatalog.prefetchBuiltins()
        let loaded = Self.loadedBuiltins()
        let lock = NSLock()
        nonisolated(unsafe) var ids: [[String]] = []
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            let set = ChecklistCatalog(folders: []).set
            lock.withLock { ids.append(set.ids) }
        }
        #expect(ids == Array(repeating: loaded.map(\.id), count: 4))
        let set = ChecklistCatalog(folders: []).set
        for checklist in loaded { expectSame(try #require(set.checklist(checklist.id)), checklist) }
    }

    private func expectSame(_ a: Checklist, _ b: Checklist, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(a.id == b.id, sourceLocation: sourceLocation)
        #expect(a.title == b.title, sourceLocation: sourceLocation)
        #expect(a.version == b.version, sourceLocation: sourceLocation)
        #expect(a.description == b.description, sourceLocation: sourceLocation)
        #expect(a.sources == b.sources, sourceLocation: sourceLocation)
        #expect(a.sourceDetails == b.sourceDetails, sourceLocation: sourceLocation)
        #expect(a.themes == b.themes, sourceLocation: sourceLocation)
        #expect(a.sections == b.sections, sourceLocation: sourceLocation)
        #expect(a.rules == b.rules, sourceLocation: sourceLocation)
        #expect(a.targets == b.targets, sourceLocation: sourceLocation)
        #expect(a.targetDefaults == b.targetDefaults, sourceLocation: sourceLocation)
        #expect(a.examples == b.examples, sourceLocation: sourceLocation)
        #expect(a.file == b.file, sourceLocation: sourceLocation)
        #expect(a.contentHash == b.contentHash, sourceLocation: sourceLocation)
        #expect(a.ruleReads == b.ruleReads, sourceLocation: sourceLocation)
        #expect(a.idLocation == b.idLocation, sourceLocation: sourceLocation)
        // The lookups the readers build from the parts.
        for id in b.questionIDs + b.targets.map(\.id) {
            #expect(a.question(id) == b.question(id) && a.position(of: id) == b.position(of: id), sourceLocation: sourceLocation)
        }
        for rule in b.rules { #expect(a.rule(rule.id) == b.rule(rule.id), sourceLocation: sourceLocation) }
        for section in b.sections { #expect(a.section(section.id) == b.section(section.id), sourceLocation: sourceLocation) }
    }
}
