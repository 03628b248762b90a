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

    init?(settings: HistorySettings) {
        guard let handle = sm_history_init(Int32(settings.limit)) else { return nil }
        self.handle = handle
        self.settings = settings
        if let path = settings.path { _ = sm_history_load(handle, path) }
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
