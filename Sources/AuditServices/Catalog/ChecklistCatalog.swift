#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import AuditKit
import BuiltinChecklists
import Dispatch

/// Every checklist smaudit can use: the built-in ones compiled into the binary, then user
/// files from `$XDG_CONFIG_HOME/smaudit/checklists` (default `~/.config/smaudit/checklists`)
/// and any `--checklists DIR`. A user file named like a built-in replaces it.
///
/// A user file with errors does not stop the rest: it is skipped with one line of warning
/// (`smaudit check FILE` shows its errors), and one that would replace a built-in leaves the
/// built-in in place. Only `smaudit check` prints the errors themselves.
public struct ChecklistCatalog {
    /// A user file that was not loaded because it has errors.
    public struct SkippedFile: Sendable {
        /// The file's path.
        public var file: String
        /// The checklist id it declares, when that much could be read.
        public var id: String?
        /// How many errors it has.
        public var errors: Int
        /// The built-in it would have replaced, now used instead.
        public var replacedBuiltin: String?
    }

    /// The loaded, cross-checked checklists.
    public let set: ChecklistSet
    /// Problems found while loading, every file's.
    public let diagnostics: [Diagnostic]
    /// The text of each file by the name shown in diagnostics.
    public let sources: [String: String]
    /// User files left out because of their errors.
    public let skipped: [SkippedFile]

    /// The user checklist folders for an environment and extra `--checklists` folders.
    public static func userFolders(environment: [String: String], extra: [String]) -> [String] {
        var folders: [String] = []
        if let config = environment["XDG_CONFIG_HOME"], config.hasPrefix("/") {
            folders.append(config + "/smaudit/checklists")
        } else if let home = environment["HOME"], !home.isEmpty {
            folders.append(home + "/.config/smaudit/checklists")
        }
        return folders + extra
    }

    /// The built-in files plus the YAML files of `folders` (missing folders and unreadable
    /// files are skipped); a user file replaces the built-in of the same file name.
    public static func files(folders: [String]) -> [(file: String, text: String)] {
        gather(folders: folders).files
    }

    /// The files to load, and which user file replaced which built-in.
    private static func gather(folders: [String]) -> (files: [(file: String, text: String)], replaced: [String: String]) {
        var files = BuiltinChecklists.files.map { (file: $0.name, text: $0.contents) }
        for folder in folders {
            for path in yamlFiles(in: folder) {
                if let text = try? AtomicFile.read(path) { files.append((path, text)) }
            }
        }
        var seen: [String: Int] = [:]
        var result: [(file: String, text: String)] = []
        var replaced: [String: String] = [:]
        for file in files {
            let name = AtomicFile.name(of: file.file)
            guard let index = seen[name] else {
                seen[name] = result.count
                result.append(file)
                continue
            }
            if let builtin = BuiltinChecklists.files.first(where: { $0.name == result[index].file }) {
                replaced[file.file] = builtin.name
            }
            result[index] = file
        }
        return (result, replaced)
    }

    /// Loads the built-in checklists and those in `folders`.
    public init(folders: [String]) {
        var (files, replaced) = Self.gather(folders: folders)
        if let builtins = Self.snapshot(of: files) {
            set = builtins
            diagnostics = []
            sources = Dictionary(files.map { ($0.file, $0.text) }, uniquingKeysWith: { first, _ in first })
            skipped = []
            return
        }
        var (set, diagnostics) = ChecklistSet.load(files)
        var errorCount: [String: Int] = [:]
        for d in diagnostics where d.severity == .error { errorCount[d.location.file, default: 0] += 1 }
        // A broken replacement of a built-in gives way to the built-in: load once more with it.
        var fallbacks: [String: String] = [:]
        for (index, file) in files.enumerated() where errorCount[file.file] != nil {
            guard let builtin = replaced[file.file], let original = BuiltinChecklists.files.first(where: { $0.name == builtin }) else { continue }
            fallbacks[file.file] = builtin
            files[index] = (original.name, original.contents)
        }
        var texts: [String: String] = [:]
        for f in files { texts[f.file] = f.text }
        if !fallbacks.isEmpty {
            let firstDiagnostics = diagnostics.filter { fallbacks[$0.location.file] != nil }
            (set, diagnostics) = ChecklistSet.load(files)
            errorCount = errorCount.filter { fallbacks[$0.key] != nil }
            for d in diagnostics where d.severity == .error { errorCount[d.location.file, default: 0] += 1 }
            diagnostics = firstDiagnostics + diagnostics
        }
        let builtinNames = Set(BuiltinChecklists.files.map(\.name))
        var skipped: [SkippedFile] = []
        for (file, count) in errorCount.sorted(by: { $0.key < $1.key }) where !builtinNames.contains(file) {
            let text = texts[file] ?? (try? AtomicFile.read(file))
            if let text { texts[file] = text }
            let id = text.flatMap { ChecklistLoader.parse(text: $0, file: file).0?.id }.flatMap { $0.isEmpty ? nil : $0 }
            skipped.append(SkippedFile(file: file, id: id, errors: count, replacedBuiltin: fallbacks[file]))
        }
        self.set = set
        self.diagnostics = diagnostics
        self.sources = texts
        self.skipped = skipped
    }

    /// The built-ins as the build loaded them, when `files` are the built-ins alone (no user
    /// file adds to or replaces one) and the snapshot reads back; nil sends the caller to the
    /// YAML. Checklists read each other's answers, so with any user file the whole set is
    /// loaded and checked together as before.
    public static func snapshot(of files: [(file: String, text: String)]) -> ChecklistSet? {
        let builtins = BuiltinChecklists.files
        guard files.map(\.file) == builtins.map(\.name), let checklists = decodedBuiltins.checklists else { return nil }
        // In the catalog's order, which is the order of a set loaded from `files`.
        let byFile = Dictionary(checklists.map { ($0.file, $0) }, uniquingKeysWith: { first, _ in first })
        let ordered = files.compactMap { byFile[$0.file] }
        guard ordered.count == files.count, checklists.count == files.count else { return nil }
        return ChecklistSet(unchecked: ordered)
    }

    /// Starts reading the built-ins' snapshot on another core, for a command that is about to
    /// load them: the command line is parsed meanwhile (its reflection takes longer than the
    /// read), so the built-ins are ready when the catalog asks. Later catalogs of the process
    /// share what was read.
    public static func prefetchBuiltins() {
        decodedBuiltins.start()
    }

    private static let decodedBuiltins = DecodedBuiltins()

    /// The built-ins' snapshot read back once per process, on another core when started early.
    private final class DecodedBuiltins: @unchecked Sendable {
        /// Guards `pending` and `result`.
        private let lock = DispatchQueue(label: "smaudit.builtin-snapshot")
        private var pending: DispatchGroup?
        private var result: [Checklist]??

        func start() {
            lock.sync {
                guard pending == nil, result == nil else { return }
                let group = DispatchGroup()
                group.enter()
                pending = group
                DispatchQueue.global().async {
                    let read = Self.read()
                    self.lock.sync {
                        self.result = .some(read)
                        self.pending = nil
                    }
                    group.leave()
                }
            }
        }

        /// The checklists, waiting for a read already under way, else reading them now.
        var checklists: [Checklist]? {
            if let pending = lock.sync(execute: { pending }) { pending.wait() }
            if let result = lock.sync(execute: { result }) { return result }
            let read = Self.read()
            lock.sync { result = .some(read) }
            return read
        }

        private static func read() -> [Checklist]? {
            BuiltinChecklists.snapshot.flatMap(ChecklistSnapshot.decode)
        }
    }

    /// One line per skipped file, e.g. `skipping /home/dana/.config/smaudit/checklists/x.yaml:
    /// 3 errors; \`smaudit check FILE\` shows them`.
    public var warnings: [String] {
        skipped.map { file in
            let fallback = file.replacedBuiltin.map { "; the built-in \($0) is used instead" } ?? ""
            return "skipping \(file.file): \(file.errors.counted("error"))\(fallback); `smaudit check \(file.file)` shows them"
        }
    }

    /// The skipped file that declares checklist `id`, if any.
    public func skippedFile(declaring id: String) -> SkippedFile? {
        skipped.first { $0.id == id }
    }

    /// The diagnostics as compiler-style text with source lines and carets.
    public var renderedDiagnostics: String { DiagnosticRenderer.render(diagnostics, sources: sources) }

    /// The `*.yaml` and `*.yml` files of a folder, sorted; none when it cannot be read.
    public static func yamlFiles(in folder: String) -> [String] {
        (DirectoryListing.names(in: folder) ?? [])
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
            .sorted()
            .map { folder + "/" + $0 }
    }
}
