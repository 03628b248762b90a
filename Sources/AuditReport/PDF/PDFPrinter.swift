import AuditKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Prints the HTML report to PDF through a real browser engine: headless Chromium, found on
/// `PATH` (`chromium-headless-shell`, then `chromium`) or named with `--browser`. The page is
/// written to a private temporary folder, the browser prints it with its own page numbers off
/// (the stylesheet's footer numbers the pages), and the PDF replaces the target in one rename.
public enum PDFPrinter {
    /// Why printing failed: what happened and where, worded in `description` as one line.
    public enum Failure: Error, CustomStringConvertible, Sendable, Equatable {
        /// The folder the PDF goes in does not exist.
        case noFolder(output: String, folder: String)
        /// No private temporary folder could be made (with `errno`).
        case noTemporaryFolder(base: String, errno: Int32)
        /// The page could not be written for the browser.
        case pageNotWritten(reason: String)
        /// The browser ran out of time, could not start (with `errno`), wrote no PDF, or failed.
        case browserTimedOut(browser: String), browserDidNotStart(browser: String, errno: Int32)
        case browserWroteNothing(browser: String), browserFailed(browser: String, status: Int32)
        /// The printed PDF could not take the target's place (with `errno`).
        case notMoved(output: String, errno: Int32)

        public var description: String {
            switch self {
            case .noFolder(let output, let folder):
                return "cannot write \(output): the folder \(folder) does not exist; create it first or choose another place"
            case .noTemporaryFolder(let base, let code):
                return "cannot print the PDF: cannot create a temporary folder in \(base): \(String(cString: strerror(code)))"
            case .pageNotWritten(let reason):
                return "cannot print the PDF: \(reason)"
            case .browserTimedOut(let browser):
                return "cannot print the PDF with \(browser): it did not finish within \(PDFPrinter.timeoutSeconds) seconds"
            case .browserDidNotStart(let browser, let code):
                return "cannot print the PDF with \(browser): it could not be started: \(String(cString: strerror(code)))"
            case .browserWroteNothing(let browser):
                return "cannot print the PDF with \(browser): it wrote no PDF"
            case .browserFailed(let browser, let status):
                return "cannot print the PDF with \(browser): it exited with status \(status)"
            case .notMoved(let output, let code):
                return "cannot write \(output): \(String(cString: strerror(code)))"
            }
        }
    }

    /// Executables tried on `PATH`, in order: Debian's `chromium-headless-shell` and `chromium`,
    /// then the names other systems use.
    public static let browserNames = ["chromium-headless-shell", "chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]

    /// The one line said when no browser is installed.
    public static let noBrowserMessage = "printing a PDF needs headless Chromium: install the Debian package chromium-headless-shell (apt-get install chromium-headless-shell) or name a browser with --browser PATH; `--format html` and the browser's Print give the same document"

    /// How long the browser may take before it is stopped.
    public static let timeoutSeconds = 120

    /// The browser to print with: `explicit` when given (it must be executable), else the first
    /// of `browserNames` on `path` (a `PATH`-style list); nil when there is none.
    public static func findBrowser(explicit: String? = nil, path: String?) -> String? {
        if let explicit { return access(explicit, X_OK) == 0 ? explicit : nil }
        let folders = (path ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":").map(String.init)
        for name in browserNames {
            for folder in folders where !folder.isEmpty {
                let candidate = folder + "/" + name
                if access(candidate, X_OK) == 0, !AtomicFile.isFolder(candidate) { return candidate }
            }
        }
        return nil
    }

    /// Prints `html` to the PDF file `output` with `browser`.
    public static func print(html: String, to output: String, browser: String) throws(Failure) {
        let target = AtomicFile.resolvingLinks(output)
        let folder = AtomicFile.parent(of: target)
        guard AtomicFile.isFolder(folder) else {
            throw .noFolder(output: output, folder: folder)
        }
        let base = (getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp")
        var template = Array((base + "/smaudit-pdf-XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw .noTemporaryFolder(base: base, errno: errno)
        }
        let work = String(cString: made)
        defer { removeTree(work) }
        let page = work + "/report.html"
        do {
            try AtomicFile.write(html, to: page, sync: false)
        } catch {
            throw .pageNotWritten(reason: "\(error)")
        }
        let temporary = folder + "/." + AtomicFile.name(of: target) + ".tmp-\(getpid())"
        unlink(temporary)
        var arguments = [browser, "--headless", "--disable-gpu", "--no-pdf-header-footer", "--no-first-run",
                         "--no-default-browser-check", "--disable-extensions", "--disable-background-networking",
                         "--disable-component-update", "--disable-sync", "--user-data-dir=" + work + "/profile"]
        // Chromium refuses to start as root with its sandbox on; the page is ours and runs no script.
        if geteuid() == 0 { arguments.append("--no-sandbox") }
        arguments += ["--print-to-pdf=" + temporary, fileURL(page)]
        let (status, spawnError) = run(arguments, log: work + "/browser.log")
        guard status == 0, isPDF(temporary) else {
            unlink(temporary)
            switch status {
            case -1: throw .browserTimedOut(browser: browser)
            case -2: throw .browserDidNotStart(browser: browser, errno: spawnError)
            case 0: throw .browserWroteNothing(browser: browser)
            default: throw .browserFailed(browser: browser, status: status)
            }
        }
        let fd = open(temporary, O_RDONLY | O_CLOEXEC)
        if fd >= 0 { fsync(fd); close(fd) }
        guard rename(temporary, target) == 0 else {
            let code = errno
            unlink(temporary)
            throw .notMoved(output: output, errno: code)
        }
    }

    /// Runs the browser in its own process group with output to `log`; its exit status, -1
    /// after the timeout (the whole group is killed), -2 when it cannot start (with the error).
    private static func run(_ arguments: [String], log: String) -> (status: Int32, spawnError: Int32) {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, arguments[0], &actions, &attributes, &argv, environ)
        guard spawned == 0 else { return (-2, spawned) }
        var status: Int32 = 0
        let deadline = timeoutSeconds * 50
        for _ in 0..<deadline {
            let done = waitpid(pid, &status, WNOHANG)
            if done == pid {
                kill(-pid, SIGKILL)  // helpers the browser left behind
                return ((status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f), 0)
            }
            if done < 0 && errno != EINTR { return (1, 0) }
            usleep(20_000)
        }
        kill(-pid, SIGKILL)
        waitpid(pid, &status, 0)
        return (-1, 0)
    }

    /// Whether the file starts as a PDF does.
    private static func isPDF(_ path: String) -> Bool {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var head = [UInt8](repeating: 0, count: 5)
        return read(fd, &head, 5) == 5 && head == Array("%PDF-".utf8)
    }

    /// `file:///tmp/…/report.html`, with every byte outside the unreserved set percent-encoded.
    static func fileURL(_ path: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out = Array("file://".utf8)
        for byte in path.utf8 {
            let c = Character(Unicode.Scalar(byte))
            if byte < 0x80 && (c.isLetter || c.isNumber || "/-._~".contains(c)) {
                out.append(byte)
            } else {
                out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Removes a folder the printer made, and everything in it (the browser's profile).
    private static func removeTree(_ path: String, depth: Int = 0) {
        guard depth < 32, let directory = opendir(path) else { unlink(path); return }
        var children: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            if name != "." && name != ".." { children.append(name) }
        }
        closedir(directory)
        for child in children {
            let full = path + "/" + child
            var info = stat()
            if lstat(full, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
                removeTree(full, depth: depth + 1)
            } else {
                unlink(full)
            }
        }
        rmdir(path)
    }
}
