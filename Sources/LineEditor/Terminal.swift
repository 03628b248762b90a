#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CLibEditShims

/// Facts about the process's terminal, and the start-up settings the editor relies on.
public enum Terminal {
    /// Whether the file descriptor is a terminal.
    public static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) == 1 }

    /// Whether both standard input and standard output are terminals, so the editor can be used.
    public static var isInteractive: Bool { isTerminal(STDIN_FILENO) && isTerminal(STDOUT_FILENO) }

    /// The width of the terminal on standard output, 80 when unknown.
    public static var width: Int {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }

    /// Selects the user's character locale so libedit keeps accents and emoji; falls back to
    /// C.UTF-8 when the environment names none (common under tmux, cron and CI).
    public static func useUTF8Locale() {
        setlocale(LC_CTYPE, "")
        if let codeset = nl_langinfo(nl_item(CODESET)), String(cString: codeset) != "UTF-8" {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
    }

    /// Installs the flag-only signal handlers the readers check (resize, Ctrl-C, SIGTERM, SIGHUP, SIGQUIT).
    /// Pass `restartReads: false` for script mode, so Ctrl-C stops a blocked read.
    public static func installSignalHandlers(restartReads: Bool) {
        sm_install_signal_handlers(restartReads ? 1 : 0)
    }

    /// The terminating signal received so far (SIGTERM, SIGHUP or SIGQUIT), if any.
    public static var terminationSignal: Int32? {
        let signal = sm_termination_signal()
        return signal == 0 ? nil : signal
    }

    /// Whether Ctrl-C (SIGINT) arrived since the last call.
    public static func takeInterrupt() -> Bool { sm_take_interrupt() != 0 }
}
