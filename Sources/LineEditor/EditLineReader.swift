#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CLibEditShims
import CLibEdit

/// The interactive line editor over libedit: emacs keys, history with Ctrl-R search, Tab
/// completion through a callback, Ctrl-C to discard a line, live redraw on resize.
///
/// Use it only when both standard input and output are terminals (`Terminal.isInteractive`).
public final class EditLineReader: LineReading {
    public let isInteractive = true

    /// Supplies Tab completions for the text before the cursor.
    public var completer: Completer?
    /// Whether the prompt's styles are drawn.
    public var colored: Bool

    private let editLine: OpaquePointer
    private let history: HistoryFile?
    private var promptStorage: UnsafeMutablePointer<CChar>?
    private var interruptRequested = false
    private static let promptMarker: Character = "\u{1}"

    /// Creates the editor. `programName` selects `~/.editrc` settings for this program.
    public init?(programName: String, history settings: HistorySettings, colored: Bool) {
        guard let editLine = sm_el_init(programName) else { return nil }
        self.editLine = editLine
        self.colored = colored
        self.history = HistoryFile(settings: settings)

        sm_el_set_client_data(editLine, Unmanaged.passUnretained(self).toOpaque())
        sm_el_set_editor(editLine, "emacs")
        sm_el_set_prompt(editLine, { el in
            guard let el, let reader = EditLineReader.from(el) else { return nil }
            return reader.promptStorage
        }, CChar(bitPattern: UInt8(ascii: "\u{1}")))
        if let history { sm_el_set_history(editLine, history.handle) }

        // Ctrl-C is an ordinary key while editing, so it can discard the line deterministically.
        sm_el_disable_tty_signals(editLine)
        sm_el_add_function(editLine, "smaudit-interrupt", "Discard the line", { el, _ in
            guard let el, let reader = EditLineReader.from(el) else { return UInt8(CC_ERROR) }
            reader.interruptRequested = true
            return UInt8(CC_NEWLINE)
        })
        sm_el_bind(editLine, "^C", "smaudit-interrupt")
        sm_el_add_function(editLine, "smaudit-complete", "Complete the word", { el, _ in
            guard let el, let reader = EditLineReader.from(el) else { return UInt8(CC_ERROR) }
            return reader.complete()
        })
        sm_el_bind(editLine, "^I", "smaudit-complete")
        // Incremental history search, as in bash.
        sm_el_bind(editLine, "^R", "em-inc-search-prev")
        sm_el_source_user_config(editLine)
        sm_el_use_signal_aware_reader(editLine)
    }

    deinit {
        el_end(editLine)
        free(promptStorage)
    }

    private static func from(_ el: OpaquePointer) -> EditLineReader? {
        guard let data = sm_el_get_client_data(el) else { return nil }
        return Unmanaged<EditLineReader>.fromOpaque(data).takeUnretainedValue()
    }

    /// A message when the history file could not be written, else nil.
    public var historyProblem: String? { history?.lastSaveError }

    /// A message to show once at start, when the history file was another program's and was
    /// kept aside; else nil.
    public var historyNotice: String? { history?.notice }

    public func readLine(prompt: Prompt) -> LineReadResult {
        free(promptStorage)
        promptStorage = strdup(prompt.editorText(colored: colored, marker: Self.promptMarker))
        sm_el_set_prompt_columns(Int32(prompt.columns))
        interruptRequested = false
        StandardStream.output.flush()
        sm_el_prepare_terminal(editLine, 1)
        var count: Int32 = 0
        let raw = el_gets(editLine, &count)
        // The terminal stays in edit mode between reads (el_gets leaves it cooked): keys typed
        // while a command prints are then kept for the next read instead of being echoed by the
        // kernel, and a Ctrl-D typed ahead stays a key instead of becoming a cooked EOF.
        sm_el_prepare_terminal(editLine, 1)
        if let signal = Terminal.terminationSignal { return .terminated(signal: signal) }
        if interruptRequested {
            var out = StandardStream.output
            out.write("^C\u{1B}[J\n")
            out.flush()
            return .interrupted
        }
        guard let raw, count > 0 else {
            var out = StandardStream.output
            out.write("\n")
            out.flush()
            return .endOfInput
        }
        var line = String(cString: raw)
        if line.hasSuffix("\n") { line.removeLast() }
        history?.add(line)
        return .line(line)
    }

    /// Saves the history file (it is also saved after every line) and gives the terminal back
    /// its original settings. Call it before the program exits.
    public func finish() {
        history?.save()
        sm_el_prepare_terminal(editLine, 0)
        StandardStream.output.flush()
    }

    private func complete() -> UInt8 {
        guard let completer, let info = el_line(editLine)?.pointee else { return UInt8(CC_REFRESH_BEEP) }
        let before = String(
            decoding: UnsafeRawBufferPointer(start: info.buffer, count: info.cursor - info.buffer),
            as: UTF8.self
        )
        let result = completer(before)
        let typed = String(String.UnicodeScalarView(before.unicodeScalars.suffix(result.replacing)))
        switch result.candidates.count {
        case 0:
            return UInt8(CC_REFRESH_BEEP)
        case 1:
            replace(typed, with: result.candidates[0] + (result.appendSpace ? " " : ""))
            return UInt8(CC_REFRESH)
        default:
            let prefix = commonPrefix(result.candidates)
            if prefix.unicodeScalars.count > typed.unicodeScalars.count {
                replace(typed, with: prefix)
                return UInt8(CC_REFRESH)
            }
            var out = StandardStream.output
            out.write("\n" + candidateColumns(result.candidates, width: Terminal.width) + "\n")
            out.flush()
            return UInt8(CC_REDISPLAY)
        }
    }

    private func replace(_ typed: String, with replacement: String) {
        if replacement.hasPrefix(typed) {
            let suffix = String(String.UnicodeScalarView(replacement.unicodeScalars.dropFirst(typed.unicodeScalars.count)))
            _ = el_insertstr(editLine, suffix)
        } else {
            el_deletestr(editLine, Int32(typed.unicodeScalars.count))
            _ = el_insertstr(editLine, replacement)
        }
    }
}
