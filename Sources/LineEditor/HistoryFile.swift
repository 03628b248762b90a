#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CLibEditShims

/// Where and how much history is kept. libedit's own file format is used (first line
/// `_HiStOrY_V2_`), so the file belongs to one program only.
public struct HistorySettings: Sendable, Equatable {
    /// The history file, or nil to keep history in memory only (`/dev/null` also disables saving).
    public var path: String?
    /// The most entries kept.
    public var limit: Int

    public init(path: String?, limit: Int = 1000) {
        self.path = path == "/dev/null" ? nil : path
        self.limit = limit
    }
}

/// libedit's history list, loaded from and saved to a file.
final class HistoryFile {
    let handle: OpaquePointer
    private let settings: HistorySettings
    private(set) var lastSaveError: String?
    /// Said once at start when the file was not libedit's and was set aside.
    private(set) var notice: String?

    /// libedit's first line; a file without it (GNU readline's, say) is another program's.
    static let signature = "_HiStOrY_V2_"

    init?(settings: HistorySettings) {
        guard let handle = sm_history_init(Int32(settings.limit)) else { return nil }
        self.handle = handle
        self.settings = settings
        if let path = settings.path {
            // Saving over another format's file would lose it without a word: keep it aside.
            if let first = Self.firstLine(of: path), first != Self.signature {
                let kept = Self.unusedPath(path + ".orig")
                if rename(path, kept) == 0 {
                    notice = "the history file \(path) is not in smaudit's format; it is kept as \(kept) and a new one is started"
                }
            }
            _ = sm_history_load(handle, path)
        }
    }

    /// The first line of a file, nil when it cannot be read or is empty.
    static func firstLine(of path: String) -> String? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        while bytes.count < 64 {
            let c = fgetc(file)
            if c == EOF || c == 0x0A { break }
            bytes.append(UInt8(truncatingIfNeeded: c))
        }
        return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self)
    }

    /// `path`, or `path.2`, … whichever does not exist.
    static func unusedPath(_ path: String) -> String {
        var candidate = path
        var n = 2
        while access(candidate, F_OK) == 0 {
            candidate = "\(path).\(n)"
            n += 1
        }
        return candidate
    }

    deinit { history_end(handle) }

    /// Adds a line unless it is blank or repeats the newest entry, then saves, so even a
    /// killed process keeps what was typed before.
    func add(_ typed: String) {
        // Completion leaves a trailing space; keep the entry as the command reads.
        var line = typed
        while line.last?.isWhitespace == true { line.removeLast() }
        guard !line.allSatisfy(\.isWhitespace) else { return }
        if let newest = sm_history_newest(handle), String(cString: newest) == line { return }
        _ = sm_history_enter(handle, line)
        save()
    }

    /// Writes the history file, creating its folder first.
    func save() {
        guard let path = settings.path else { return }
        createParentDirectory(of: path)
        if sm_history_save(handle, path) < 0 {
            lastSaveError = "cannot write history file \(path)"
        } else {
            lastSaveError = nil
        }
    }

    private func createParentDirectory(of path: String) {
        var parent = ""
        let components = path.split(separator: "/", omittingEmptySubsequences: false).dropLast()
        for (index, component) in components.enumerated() {
            // String's own `append(contentsOf: Substring)`: `"/" + component` is the generic
            // one, whose first call scans every protocol conformance in the binary.
            if index > 0 { parent.append("/") }
            parent.append(contentsOf: component)
            if !parent.isEmpty { mkdir(parent, 0o700) }
        }
    }
}
