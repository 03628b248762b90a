#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Waits for files in a folder to change, by the kernel's notice (inotify) rather than by
/// sleeping and looking again: a test that waits for what a program saves wakes when it is
/// saved, however slow or busy the machine. Linux only, where the end-to-end tests run.
public final class FolderWatch {
    private let fd: Int32

    /// Starts watching `folder`; make it before the program that writes there starts, so no
    /// change is missed.
    public init(_ folder: String) throws {
        fd = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        // A file written in place, or replaced by a rename (atomic saves), or created.
        let events = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE)
        guard fd >= 0, inotify_add_watch(fd, folder, events) >= 0 else {
            throw PseudoTerminalError(message: "cannot watch \(folder): \(String(cString: strerror(errno)))", transcript: "")
        }
    }

    deinit { close(fd) }

    /// Returns once `condition` holds, checking it now and after every change in the folder;
    /// throws, naming `what`, when `timeout` seconds pass first.
    public func waitUntil(timeout: Double = 15, _ what: String, _ condition: () -> Bool) throws {
        let deadline = Date().addingTimeInterval(timeout)
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !condition() {
            let left = deadline.timeIntervalSinceNow
            var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard left > 0, poll(&entry, 1, Int32(left * 1000) + 1) > 0 else {
                throw PseudoTerminalError(message: "timed out after \(timeout)s waiting for \(what)", transcript: "")
            }
            // The events only say that something changed; the condition says whether it is the change awaited.
            while read(fd, &buffer, buffer.count) > 0 {}
        }
    }
}
