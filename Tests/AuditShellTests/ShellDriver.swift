import AuditShell
import Foundation
import LineEditor
import TestSupport

/// A console that records what the shell writes, at a fixed width (nil: not a terminal).
final class RecordingOutput: ConsoleOutput {
    var standardOutput = ""
    var standardError = ""
    /// Both streams in the order written, as a terminal shows them.
    var screen = ""
    let columns: Int?

    init(columns: Int?) { self.columns = columns }

    func write(_ text: String, error: Bool) {
        if error { standardError += text } else { standardOutput += text }
        screen += text
    }

    func flush() {}
    func width(error: Bool) -> Int? { columns }
    func isTerminal(error: Bool) -> Bool { columns != nil }
}

/// What a person or a script does at the prompt.
enum Keys {
    case line(String)
    case ctrlC
    case ctrlD
}

/// Input for the shell without a terminal: the keys given, then the end of input. Records the
/// prompt shown for each read, so tests can see which step the conversation is in.
final class ScriptedReader: LineReading {
    let isInteractive: Bool
    private var keys: [Keys]
    private(set) var prompts: [String] = []

    init(_ keys: [Keys], interactive: Bool) {
        self.keys = keys
        self.isInteractive = interactive
    }

    var hasPendingInput: Bool { !keys.isEmpty }

    func readLine(prompt: Prompt) -> LineReadResult {
        prompts.append(prompt.plainText)
        guard !keys.isEmpty else { return .endOfInput }
        switch keys.removeFirst() {
        case .line(let text): return .line(text)
        case .ctrlC: return .interrupted
        case .ctrlD: return .endOfInput
        }
    }
}

/// Runs the smaudit shell in this process, with a private home, driving it line by line
/// through its conversation: no subprocess and no terminal, so each step can be checked.
struct ShellDriver {
    let home: URL

    init() throws {
        home = FileManager.default.temporaryDirectory.appendingPathComponent("smaudit-shell-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
    }

    /// What a run printed and how it ended.
    struct Run {
        let status: Int32
        let output: String
        let errors: String
        /// Output and errors interleaved, as on a terminal.
        let screen: String
        /// The prompt of every read, in order.
        let prompts: [String]
    }

    var environment: [String: String] {
        ["HOME": home.path, "XDG_STATE_HOME": home.path + "/state", "XDG_DATA_HOME": home.path + "/data",
         "XDG_CONFIG_HOME": home.path + "/config", "SMAUDIT_NOW": "2026-11-23T10:00:00Z", "NO_COLOR": "1"]
    }

    /// Runs the keys; `interactive` makes the shell behave as at a terminal, `columns` the
    /// terminal's width (nil: output is not a terminal, nothing is wrapped).
    func run(_ keys: [Keys], interactive: Bool = false, columns: Int? = nil, start: AuditRequest? = nil,
             sessionPath: String? = nil) -> Run {
        let output = RecordingOutput(columns: columns)
        let shell = ShellFactory.make(configuration: ShellConfiguration(colorMode: .never, environment: environment),
                                      checklistFolders: [], sessionPath: sessionPath, start: start, output: output)
        let reader = ScriptedReader(keys, interactive: interactive)
        let status = shell.run(reader: reader)
        return Run(status: status, output: output.standardOutput, errors: output.standardError, screen: output.screen,
                   prompts: reader.prompts)
    }

    /// Lines typed as a script.
    func script(_ lines: String, columns: Int? = nil, start: AuditRequest? = nil) -> Run {
        run(lines.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { .line(String($0)) },
            columns: columns, start: start)
    }

    /// Writes a file in the home; returns its path.
    @discardableResult
    func write(_ text: String, to name: String) throws -> String {
        let url = home.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    func read(_ name: String) throws -> String {
        try String(contentsOf: home.appendingPathComponent(name), encoding: .utf8)
    }

    func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: home.appendingPathComponent(name).path) }

    /// The mini checklist of the end-to-end tests as a user checklist of this home, its
    /// response time measurable from an inbox export.
    func installMini() throws {
        try write(miniChecklist.replacingOccurrences(
            of: "        when: answers_on_social\n",
            with: "        when: answers_on_social\n        measure: inbox.first_response_minutes.median\n"),
                  to: "config/smaudit/checklists/mini.yaml")
    }

    /// The session file of the mini audit of Acme started on 2026-11-23.
    static let acmeSession = "data/smaudit/sessions/acme-2026-11-23.yaml"

    /// Starts the mini audit of Acme with the organisation and auditors given.
    static let miniAudit = AuditRequest(checklists: ["mini"], organisation: "Acme", auditors: ["Dana"])
}
