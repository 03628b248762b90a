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

    /// Takes the lock, or throws saying which process holds it.
    public init(sessionPath: String) throws {
        path = sessionPath + ".lock"
        try AtomicFile.createDirectories(AtomicFile.parent(of: path))
        fd = open(path, O_RDWR | O_CREAT, 0o644)
        guard fd >= 0 else { throw FileWriteError(description: "cannot create lock file \(path)") }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            var buffer = [UInt8](repeating: 0, count: 32)
            let count = pread(fd, &buffer, buffer.count, 0)
            let holder = count > 0 ? String(decoding: buffer[0..<count], as: UTF8.self).trimmed() : "another process"
            close(fd)
            throw FileWriteError(description: "\(sessionPath) is open in another smaudit (pid \(holder)); finish there first, or work on a copy")
        }
        ftruncate(fd, 0)
        let pid = "\(getpid())\n"
        _ = pid.withCString { pwrite(fd, $0, strlen($0), 0) }
    }

    deinit {
        unlink(path)
        close(fd)
    }
}
