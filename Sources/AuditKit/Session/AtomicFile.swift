#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a file could not be written; the message names the file.
public struct FileWriteError: Error, CustomStringConvertible, Sendable {
    public let description: String
}

/// Writes files so that a crash at any moment leaves either the old or the new content, never
/// a mix: a temporary file in the same folder, fsync, rename over the target, fsync the folder.
public enum AtomicFile {
    /// Replaces `path` with `text`, creating missing parent folders. With `sync: false` the
    /// rename still makes the change all-or-nothing for other processes and survives the
    /// writer being killed; only the flush to disk (protection against power loss) is skipped.
    public static func write(_ text: String, to path: String, sync: Bool = true) throws {
        let folder = parent(of: path)
        try createDirectories(folder)
        let temporary = folder + "/." + name(of: path) + ".tmp-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw failure("cannot create", temporary) }
        var ok = true
        var copy = text
        copy.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 { if errno == EINTR { continue }; ok = false; return }
                offset += written
            }
        }
        if sync { ok = ok && fsync(fd) == 0 }
        close(fd)
        guard ok, rename(temporary, path) == 0 else {
            let error = failure("cannot write", path)
            unlink(temporary)
            throw error
        }
        if sync {
            let folderFD = open(folder, O_RDONLY)
            if folderFD >= 0 { fsync(folderFD); close(folderFD) }
        }
    }

    /// Reads a whole file as UTF-8, or throws naming it.
    public static func read(_ path: String) throws -> String {
        guard let file = fopen(path, "rb") else { throw failure("cannot read", path) }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = fread(&buffer, 1, buffer.count, file)
            if count > 0 { bytes += buffer[0..<count] }
            if count < buffer.count { break }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether something exists at `path`.
    public static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

    /// `mkdir -p`.
    public static func createDirectories(_ path: String) throws {
        var current = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            current += "/" + component
            if mkdir(current, 0o755) != 0 && errno != EEXIST { throw failure("cannot create folder", current) }
        }
    }

    /// The folder part of a path (`.` when there is none).
    public static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// The last component of a path.
    public static func name(of path: String) -> String {
        path.lastIndex(of: "/").map { String(path[path.index(after: $0)...]) } ?? path
    }

    private static func failure(_ what: String, _ path: String) -> FileWriteError {
        FileWriteError(description: "\(what) \(path): \(String(cString: strerror(errno)))")
    }
}
