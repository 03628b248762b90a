#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CLibEditShims

/// Standard output or standard error through C stdio, the same buffers libedit writes to,
/// so editor output and program output never interleave out of order.
public struct StandardStream: TextOutputStream, Sendable {
    private let isError: Bool

    /// Standard output.
    public static let output = StandardStream(isError: false)
    /// Standard error.
    public static let error = StandardStream(isError: true)

    public mutating func write(_ string: String) {
        let file = isError ? sm_stderr() : sm_stdout()
        var copy = string
        copy.withUTF8 { bytes in _ = fwrite(bytes.baseAddress, 1, bytes.count, file) }
        if isError { fflush(file) }
    }

    /// Flushes buffered output.
    public func flush() { fflush(isError ? sm_stderr() : sm_stdout()) }

    /// Flushes the stream and says whether everything written to it so far arrived: nil when it
    /// did, else the system's reason (a full disk, a closed pipe), so a command can fail loudly
    /// instead of exiting 0 with its output lost.
    public func finish() -> String? {
        let file = isError ? sm_stderr() : sm_stdout()
        if fflush(file) != 0 || ferror(file) != 0 {
            let reason = errno == 0 ? "write error" : String(cString: strerror(errno))
            clearerr(file)
            return reason
        }
        return nil
    }
}
