#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import AuditKit
import BuiltinChecklists

/// Every checklist smaudit can use: the built-in ones compiled into the binary, then user
/// files from `$XDG_CONFIG_HOME/smaudit/checklists` (default `~/.config/smaudit/checklists`)
/// and any `--checklists DIR`. A user file with a built-in's id replaces it.
public struct ChecklistCatalog {
    /// The loaded, cross-checked checklists.
    public let set: ChecklistSet
    /// Problems found while loading, rendered for the terminal.
    public let diagnostics: [Diagnostic]
    /// The text of each file by the name shown in diagnostics.
    public let sources: [String: String]

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

    /// The built-in files plus the YAML files of `folders` (missing folders are skipped).
    public static func files(folders: [String]) -> [(file: String, text: String)] {
        var files = BuiltinChecklists.files.map { (file: $0.name, text: $0.contents) }
        for folder in folders {
            for path in yamlFiles(in: folder) {
                if let text = try? AtomicFile.read(path) { files.append((path, text)) }
            }
        }
        // A user file replaces a built-in of the same id (by file name).
        var seen: [String: Int] = [:]
        var result: [(file: String, text: String)] = []
        for file in files {
            let name = AtomicFile.name(of: file.file)
            if let index = seen[name] { result[index] = file } else { seen[name] = result.count; result.append(file) }
        }
        return result
    }

    /// Loads the built-in checklists and those in `folders`.
    public init(folders: [String]) {
        let files = Self.files(folders: folders)
        let (set, diagnostics) = ChecklistSet.load(files)
        self.set = set
        self.diagnostics = diagnostics
        self.sources = Dictionary(files.map { ($0.file, $0.text) }, uniquingKeysWith: { $1 })
    }

    /// The diagnostics as compiler-style text with source lines and carets.
    public var renderedDiagnostics: String { DiagnosticRenderer.render(diagnostics, sources: sources) }

    static func yamlFiles(in folder: String) -> [String] {
        (DirectoryListing.names(in: folder) ?? [])
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
            .map { folder + "/" + $0 }
    }
}

