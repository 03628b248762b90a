import BuiltinChecklists
import Foundation
import Testing
import Yams

/// Every `source:` of every built-in checklist must quote its seed article word for word
/// (after normalising whitespace, curly quotes and case), so that each question and rule
/// can be traced back to the text it came from.
@Suite struct SourceQuoteTests {
    /// The package root: this file lives in `Tests/BuiltinChecklistTests/`.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Where the seed articles are looked for: `$SMAUDIT_SEEDS`, else `../shared/seeds/`.
    static let seedFolder: URL = {
        if let env = ProcessInfo.processInfo.environment["SMAUDIT_SEEDS"], !env.isEmpty {
            return URL(fileURLWithPath: env, isDirectory: true)
        }
        return packageRoot.appendingPathComponent("../shared/seeds", isDirectory: true).standardizedFileURL
    }()

    /// Whether the seed folder exists; without it the quote test is skipped, visibly.
    static var seedFolderExists: Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: seedFolder.path, isDirectory: &isDirectory)
            && isDirectory.boolValue
    }

    /// Lower-cases, straightens curly quotes and apostrophes, and collapses runs of whitespace.
    static func normalise(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        var pendingSpace = false
        for character in text.lowercased() {
            if character.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace {
                out.append(" ")
                pendingSpace = false
            }
            switch character {
            case "\u{2019}", "\u{2018}": out.append("'")
            case "\u{201C}", "\u{201D}": out.append("\"")
            default: out.append(character)
            }
        }
        return out
    }

    /// The normalised text of every seed file, by file name.
    static func loadSeeds() throws -> [String: String] {
        var seeds: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: seedFolder.path) {
            let url = seedFolder.appendingPathComponent(name)
            if let text = try? String(contentsOf: url, encoding: .utf8) {
                seeds[name] = normalise(text)
            }
        }
        return seeds
    }

    /// One question or rule of a checklist, with the raw value of its `source:` field.
    struct Item {
        let checklist: String
        let kind: String
        let id: String
        let source: Any?
    }

    /// A YAML mapping as Yams builds it (`[AnyHashable: Any]`), keyed by string.
    static func mapping(_ value: Any?) -> [String: Any]? {
        guard let dictionary = value as? [AnyHashable: Any] else { return nil }
        var out: [String: Any] = [:]
        for (key, value) in dictionary {
            out[String(describing: key.base)] = value
        }
        return out
    }

    /// A YAML sequence, or empty when the value is missing or not a sequence.
    static func sequence(_ value: Any?) -> [Any] {
        value as? [Any] ?? []
    }

    /// Parses one embedded checklist file into its top-level mapping.
    static func parse(_ file: EmbeddedChecklistFile) throws -> [String: Any] {
        let root = try Yams.load(yaml: file.contents)
        return try #require(mapping(root), "\(file.name): the top level is not a mapping")
    }

    /// Every question and rule of a parsed checklist.
    static func items(of checklist: [String: Any], named name: String) -> [Item] {
        var items: [Item] = []
        for section in sequence(checklist["sections"]) {
            for question in sequence(mapping(section)?["questions"]) {
                let question = mapping(question) ?? [:]
                items.append(Item(checklist: name, kind: "question", id: "\(question["id"] ?? "?")",
                                  source: question["source"]))
            }
        }
        for rule in sequence(checklist["rules"]) {
            let rule = mapping(rule) ?? [:]
            items.append(Item(checklist: name, kind: "rule", id: "\(rule["id"] ?? "?")", source: rule["source"]))
        }
        return items
    }

    // Skipped (and reported as skipped with this comment) when there is no seed folder, e.g. in
    // a source tarball without ../shared/seeds; CI has the folder, so there it always runs.
    @Test("Every source quote appears in its seed article",
          .enabled(if: SourceQuoteTests.seedFolderExists,
                   "skipped: no seed folder at \(SourceQuoteTests.seedFolder.path) (set SMAUDIT_SEEDS)"))
    func sourceQuotesMatchSeeds() throws {
        let seeds = try Self.loadSeeds()
        var problems: [String] = []
        var checked = 0
        for file in BuiltinChecklists.files {
            let checklist = try Self.parse(file)
            let listed = Set(Self.sequence(checklist["sources"]).map { Self.mapping($0)?["file"].map { "\($0)" } ?? "\($0)" })
            for item in Self.items(of: checklist, named: file.name) {
                let label = "\(item.checklist) \(item.kind) \(item.id)"
                guard let source = item.source as? String, let hash = source.firstIndex(of: "#") else {
                    problems.append("\(label): no source of the form \"<seed file>#<quote>\"")
                    continue
                }
                let seedName = String(source[..<hash])
                let quote = String(source[source.index(after: hash)...])
                checked += 1
                if !listed.contains(seedName) {
                    problems.append("\(label): \(seedName) is not listed in the checklist's sources")
                }
                guard let seed = seeds[seedName] else {
                    problems.append("\(label): no seed file \(seedName) in \(Self.seedFolder.path)")
                    continue
                }
                let needle = Self.normalise(quote)
                if needle.isEmpty || !seed.contains(needle) {
                    problems.append("\(label): quote not found in \(seedName): \"\(quote)\"")
                }
            }
        }
        #expect(checked > 0, "no source quotes were checked")
        let report = problems.joined(separator: "\n")
        #expect(problems.isEmpty, "\(problems.count) source problem(s):\n\(report)")
    }

    @Test("The three built-in checklists ship, each with a struggling, a typical and a strong team, after the profile")
    func threeChecklistsWithExamples() throws {
        let names = BuiltinChecklists.files.map(\.name)
        #expect(names == ["profile.yaml", "seven-steps.yaml", "four-mistakes.yaml", "launch.yaml"])
        // The profile informs the others: no rules, so no examples.
        for file in BuiltinChecklists.files where file.name != "profile.yaml" {
            let checklist = try Self.parse(file)
            #expect("\(checklist["id"] ?? "")" == String(file.name.dropLast(5)), "\(file.name): id differs from file name")
            let examples = Self.sequence(checklist["examples"])
            #expect(examples.count >= 4, "\(file.name) has \(examples.count) examples; at least 4 are required")
            let names = examples.compactMap { Self.mapping($0)?["name"].map { "\($0)".lowercased() } }
            for kind in ["struggling", "typical", "strong"] {
                #expect(names.contains { $0.contains(kind) }, "\(file.name) has no \(kind) team among \(names)")
            }
        }
    }

    /// The report cites articles by author, title and date (or, for an article without a title,
    /// a description), never by file name.
    @Test("Every source says what the report cites it as")
    func sourcesCarryTitles() throws {
        for file in BuiltinChecklists.files {
            let checklist = try Self.parse(file)
            let sources = Self.sequence(checklist["sources"])
            #expect(!sources.isEmpty, "\(file.name) lists no sources")
            for source in sources {
                let fields = try #require(Self.mapping(source), "\(file.name): source \(source) is a bare file name")
                #expect(fields["title"] != nil || fields["description"] != nil, "\(file.name): \(fields) has no title or description")
            }
        }
    }

    @Test("Normalising makes curly quotes, case and spacing irrelevant")
    func normalisation() {
        #expect(Self.normalise("Don\u{2019}t  be\n a \u{201C}Robot\u{201D}") == "don't be a \"robot\"")
        #expect(Self.normalise("  leading and trailing  ") == "leading and trailing")
    }
}
