#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a file could not be written: what happened and to which file; `description` is the one
/// place that turns it into words. `errno` cases keep the system's code, read as text there.
public enum FileWriteError: Error, Equatable, CustomStringConvertible, Sendable {
    /// Following the path's symbolic links never reaches a file.
    case linkLoop(path: String)
    /// The folder the file would go in does not exist.
    case missingFolder(path: String, folder: String)
    /// No temporary file could be created beside the target.
    case cannotCreateTemporary(path: String, folder: String, errno: Int32)
    /// Writing, syncing or renaming the file failed.
    case cannotWrite(path: String, errno: Int32)
    /// A folder of `mkdir -p` could not be created.
    case cannotCreateFolder(path: String, errno: Int32)
    /// A session's lock file could not be created.
    case cannotCreateLock(session: String, lock: String, errno: Int32)
    /// Another smaudit holds the session's lock; `holder` is its pid as written in the lock file.
    case locked(session: String, holder: String)
    /// The lock file was replaced each time it was locked.
    case lockReplaced(session: String, lock: String)

    /// The message: the file, what happened, and the system's reason when there is one.
    public var description: String {
        switch self {
        case let .linkLoop(path):
            return "cannot write \(path): symbolic link loop"
        case let .missingFolder(path, folder):
            return "cannot write \(path): the folder \(folder) does not exist; create it first or choose another place"
        case let .cannotCreateTemporary(path, folder, code):
            return "cannot write \(path): cannot create a temporary file in \(folder): \(AtomicFile.reason(code))"
        case let .cannotWrite(path, code):
            return "cannot write \(path): \(AtomicFile.reason(code))"
        case let .cannotCreateFolder(path, code):
            return "cannot create folder \(path): \(AtomicFile.reason(code))"
        case let .cannotCreateLock(session, lock, code):
            return "cannot open \(session): cannot create its lock file \(lock): \(AtomicFile.reason(code))"
        case let .locked(session, holder):
            return "\(session) is open in another smaudit (pid \(holder)); finish there first, or work on a copy"
        case let .lockReplaced(session, lock):
            return "cannot lock \(session): its lock file \(lock) keeps being replaced"
        }
    }
}

/// Why a file could not be read: what happened and to which file. When the problem has a place
/// in the file (a byte that is not UTF-8) `diagnostic` gives its line and column.
public enum FileReadError: Error, Equatable, CustomStringConvertible, Sendable {
    /// The path names a folder.
    case isFolder(path: String)
    /// Opening or reading failed with the system's `errno`.
    case cannotRead(path: String, errno: Int32)
    /// The byte at `line`:`column` does not start or continue a UTF-8 character.
    case notUTF8(path: String, line: Int, column: Int, byte: UInt8)

    /// The message; for a file that is not UTF-8, its diagnostic in the compiler format.
    public var description: String {
        switch self {
        case let .isFolder(path):
            return "cannot read \(path): it is a folder, not a file"
        case let .cannotRead(path, code):
            return "cannot read \(path): \(AtomicFile.reason(code))"
        case .notUTF8:
            let diagnostic = diagnostic!
            return "\(diagnostic.location): error: \(diagnostic.message)"
        }
    }

    /// The located diagnostic of a file that is not UTF-8; nil for the other cases.
    public var diagnostic: Diagnostic? {
        guard case let .notUTF8(path, line, column, byte) = self else { return nil }
        let hex = String(byte, radix: 16, uppercase: true)
        let message = "the file is not valid UTF-8: byte 0x\(hex.count == 1 ? "0" + hex : hex) cannot start or continue a character; save it as UTF-8 (it is left as it is)"
        return .error(message, at: SourceLocation(file: path, line: line, column: column))
    }
}

/// Writes files so that a crash at any moment leaves either the old or the new content, never
/// a mix: a temporary file in the same folder, fsync, rename over the target, fsync the folder.
/// A symbolic link is written through: the file it points to is replaced, the link stays.
public enum AtomicFile {
    /// Replaces `path` with `text`. The folder must exist (a missing folder is an error, never
    /// created behind the user's back). With `sync: false` the rename still makes the change
    /// all-or-nothing for other processes and survives the writer being killed; only the flush
    /// to disk (protection against power loss) is skipped.
    public static func write(_ text: String, to path: String, sync: Bool = true) throws(FileWriteError) {
        // A loop has no file to write through to; renaming over it would replace the link.
        guard !isLinkLoop(path) else { throw FileWriteError.linkLoop(path: path) }
        let target = resolvingLinks(path)
        let folder = parent(of: target)
        guard isFolder(folder) else {
            throw FileWriteError.missingFolder(path: path, folder: folder)
        }
        let temporary = folder + "/." + name(of: target) + ".tmp-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .cannotCreateTemporary(path: path, folder: folder, errno: errno) }
        var ok = true
        var copy = text
        copy.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                // The C function, not this type's `write`: named by its module on each platform.
                #if canImport(Glibc)
                let written = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
                #else
                let written = Darwin.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
                #endif
                if written < 0 { if errno == EINTR { continue }; ok = false; return }
                offset += written
            }
        }
        if ok && sync { ok = fsync(fd) == 0 }
        let writeErrno = errno
        close(fd)
        guard ok else {
            unlink(temporary)
            throw .cannotWrite(path: path, errno: writeErrno)
        }
        guard rename(temporary, target) == 0 else {
            let error = FileWriteError.cannotWrite(path: path, errno: errno)
            unlink(temporary)
            throw error
        }
        if sync {
            let folderFD = open(folder, O_RDONLY | O_CLOEXEC)
            if folderFD >= 0 { fsync(folderFD); close(folderFD) }
        }
    }

    /// Reads a whole file, which must be UTF-8: a file with invalid bytes is refused with the
    /// line and column of the first one, rather than read with replacement characters and
    /// perhaps written back without them.
    public static func read(_ path: String) throws(FileReadError) -> String {
        if isFolder(path) {
            throw .isFolder(path: path)
        }
        guard let file = fopen(path, "rb") else {
            throw .cannotRead(path: path, errno: errno)
        }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = fread(&buffer, 1, buffer.count, file)
            if count > 0 { bytes += buffer[0..<count] }
            if count < buffer.count {
                if ferror(file) != 0 {
                    throw .cannotRead(path: path, errno: errno)
                }
                break
            }
        }
        if let offset = firstInvalidUTF8(bytes) {
            let (line, column) = bytes.withUnsafeBufferPointer { YAMLComposer.position(ofByte: offset, in: $0) }
            throw .notUTF8(path: path, line: line, column: column, byte: bytes[offset])
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The offset of the first byte that does not start a well-formed UTF-8 sequence (overlong
    /// forms, surrogates and values above U+10FFFF included), or nil when all are.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let length: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return i
            }
            guard i + length <= n else { return i }
            // A malformed sequence is reported at the byte that starts it.
            if bytes[i + 1] < low || bytes[i + 1] > high { return i }
            for k in 2..<length where bytes[i + k] & 0xC0 != 0x80 { return i }
            i += length
        }
        return nil
    }

    /// Whether a file or folder exists at `path`, following links: a dangling link names
    /// nothing yet, and writing to it creates the file it points to.
    public static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }

    /// Whether `path` is a folder (following links).
    public static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// The file a path finally names: symbolic links followed (relative targets are relative to
    /// the link's folder), up to the first name that is not a link, which may not exist yet.
    public static func resolvingLinks(_ path: String) -> String {
        var current = path
        for _ in 0..<40 {
            var info = stat()
            guard lstat(current, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK else { return current }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = readlink(current, &buffer, buffer.count - 1)
            guard count > 0 else { return current }
            let target = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = target.hasPrefix("/") ? target : parent(of: current) + "/" + target
        }
        return current
    }

    /// Whether following `path`'s symbolic links never reaches anything but another link
    /// (`ln -s loop loop`, a → b → a): `resolvingLinks` gives up after 40, as the kernel does.
    public static func isLinkLoop(_ path: String) -> Bool {
        var info = stat()
        return lstat(resolvingLinks(path), &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }

    /// `mkdir -p`.
    public static func createDirectories(_ path: String) throws(FileWriteError) {
        var current = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            current += "/" + component
            if mkdir(current, 0o755) != 0 && errno != EEXIST { throw .cannotCreateFolder(path: current, errno: errno) }
        }
    }

    /// Removes temporary files a killed smaudit left beside `path` (`.NAME.tmp-PID` whose
    /// process no longer runs); those of a live process are its own business. Returns their names.
    @discardableResult
    public static func removeStaleTemporaries(of path: String) -> [String] {
        let target = resolvingLinks(path)
        let folder = parent(of: target)
        let prefix = "." + name(of: target) + ".tmp-"
        guard let directory = opendir(folder) else { return [] }
        defer { closedir(directory) }
        var removed: [String] = []
        while let entry = readdir(directory) {
            let entryName = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            guard entryName.hasPrefix(prefix), let pid = Int32(entryName.dropFirst(prefix.count)), pid > 0 else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH, unlink(folder + "/" + entryName) == 0 {
                removed.append(entryName)
            }
        }
        return removed
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

    /// The system's words for an `errno` code ("No such file or directory").
    public static func reason(_ code: Int32) -> String { String(cString: strerror(code)) }
}
