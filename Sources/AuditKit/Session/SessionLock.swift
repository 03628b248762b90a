#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Keeps two smaudit processes from writing the same session: an exclusive `flock` on
/// `SESSION.lock`, held while the session is open and released by the kernel if the process dies.
public final class SessionLock {
    private let fd: Int32
    private let path: String

    /// Takes the lock, or throws saying which process holds it. A refused attempt touches
    /// nothing: the holder's lock file stays where it is. A symbolic link is locked at the file
    /// it points to, so a link and its target cannot be open in two smaudits at once.
    public init(sessionPath: String) throws {
        let path = AtomicFile.resolvingLinks(sessionPath) + ".lock"
        // Every stored property is set only once the lock is held: a class whose initializer
        // throws after that runs its deinit, which would remove the holder's lock file.
        fd = try Self.acquire(path, sessionPath: sessionPath)
        self.path = path
        ftruncate(fd, 0)
        let pid = "\(getpid())\n"
        _ = pid.withCString { pwrite(fd, $0, strlen($0), 0) }
    }

    /// Opens and locks `path`. The holder removes its lock file as it finishes, so a lock taken
    /// between that removal and our open would be on a file nobody else sees; then try again.
    private static func acquire(_ path: String, sessionPath: String) throws -> Int32 {
        for _ in 0..<8 {
            let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            guard fd >= 0 else { throw FileWriteError.cannotCreateLock(session: sessionPath, lock: path, errno: errno) }
            if flock(fd, LOCK_EX | LOCK_NB) != 0 {
                var buffer = [UInt8](repeating: 0, count: 32)
                let count = pread(fd, &buffer, buffer.count, 0)
                let holder = count > 0 ? String(decoding: buffer[0..<count], as: UTF8.self).trimmed() : "another process"
                close(fd)
                throw FileWriteError.locked(session: sessionPath, holder: holder)
            }
            var held = stat(), current = stat()
            if fstat(fd, &held) == 0, stat(path, &current) == 0,
               held.st_dev == current.st_dev, held.st_ino == current.st_ino {
                return fd
            }
            close(fd)
        }
        throw FileWriteError.lockReplaced(session: sessionPath, lock: path)
    }

    deinit {
        // Removed while still locked, so no other process can lock this file after we let go.
        unlink(path)
        close(fd)
    }
}
