#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import AuditKit

/// Where sessions live: `$XDG_DATA_HOME/smaudit/sessions/` (default
/// `~/.local/share/smaudit/sessions/`), one YAML file per audit named from organisation and date.
public struct SessionStore {
    public let folder: String

    public init(environment: [String: String]) {
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") {
            folder = data + "/smaudit/sessions"
        } else {
            folder = (environment["HOME"] ?? ".") + "/.local/share/smaudit/sessions"
        }
    }

    /// A new file name for an audit of `organisation` on `date` that does not exist yet; the
    /// sessions folder is created when missing.
    public func newPath(organisation: String, date: String) throws -> String {
        try AtomicFile.createDirectories(folder)
        let base = folder + "/" + Self.slug(organisation) + "-" + date
        var path = base + ".yaml"
        var counter = 2
        while AtomicFile.exists(path) {
            path = base + "-\(counter).yaml"
            counter += 1
        }
        return path
    }

    /// Longest slug in bytes. File names may hold 255 bytes, and a session's name gains a date,
    /// a counter, `.lock` and a temporary suffix; 80 keeps every one of them well inside.
    static let slugLimit = 80

    /// `Acme Coffee & Co.` → `acme-coffee-co`. A long name is cut at a character boundary and
    /// gets a short hash of the whole slug, so two long names that start alike stay apart.
    public static func slug(_ text: String) -> String {
        let full = fullSlug(text)
        guard full.utf8.count > slugLimit else { return full }
        let hash = String(fnv1a64Hex(full).prefix(6))
        var cut = ""
        for scalar in full.unicodeScalars {
            if cut.utf8.count + String(scalar).utf8.count > slugLimit - hash.count - 1 { break }
            cut.unicodeScalars.append(scalar)
        }
        while cut.last == "-" { cut.removeLast() }
        return cut + "-" + hash
    }

    private static func fullSlug(_ text: String) -> String {
        var out = ""
        for scalar in text.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                out.unicodeScalars.append(scalar)
            } else if !out.isEmpty, out.last != "-" {
                out += "-"
            }
        }
        while out.last == "-" { out.removeLast() }
        return out.isEmpty ? "audit" : out
    }

    /// The session files, newest first.
    public func sessionPaths() -> [String] {
        let names = DirectoryListing.names(in: folder) ?? []
        let paths = names.filter { $0.hasSuffix(".yaml") }.map { folder + "/" + $0 }
        return paths.sorted { modified($0) > modified($1) }
    }

    /// Finds a session by path, file name or name without `.yaml`.
    public func resolve(_ name: String) -> String? {
        for candidate in [name, folder + "/" + name, folder + "/" + name + ".yaml"] where AtomicFile.exists(candidate) {
            return candidate
        }
        return nil
    }

    private func modified(_ path: String) -> Double {
        var info = stat()
        guard stat(path, &info) == 0 else { return 0 }
        // The modification time is `st_mtim` on Linux, `st_mtimespec` on Darwin.
        #if canImport(Darwin)
        let time = info.st_mtimespec
        #else
        let time = info.st_mtim
        #endif
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
