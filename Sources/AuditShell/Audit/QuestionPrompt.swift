import AuditKit
import LineEditor
import AuditServices

/// The current audit question as the shell's input handler: a typed line is the answer,
/// `?` explains the question, an empty line takes the default.
final class QuestionPrompt: InputHandler {
    let flow: AuditFlow

    init(flow: AuditFlow) { self.flow = flow }

    var prompt: Prompt {
        guard let ref = flow.current else { return Prompt("smaudit> ") }
        let (n, total) = flow.position(of: ref)
        return Prompt([.init("smaudit", style: "1;32"), .init(" [\(ref.checklist) \(n)/\(total)]> ")])
    }

    func handle(_ line: String, shell: Shell) throws {
        if line.trimmingWhitespace() == "?" {
            try AuditCommands.why(shell)
            return
        }
        let question = flow.current.flatMap { flow.set.question($0) }
        try flow.answer(line)
        if let note = question?.readingNote(for: line) { shell.console.print(shell.console.styled(note, .dim)) }
        AuditCommands.showCurrentOrFinish(shell)
    }

    /// Completes choice labels (case-insensitively, by the whole answer typed so far); for a
    /// multi question, the item after the last comma.
    func completions(for text: String, shell: Shell) -> Completions {
        guard let ref = flow.current, let question = flow.set.question(ref) else { return .none }
        switch question.type {
        case .choice:
            let typed = text.lowercased()
            return Completions(replacing: text.unicodeScalars.count,
                               candidates: question.choices.filter { $0.lowercased().hasPrefix(typed) }, appendSpace: false)
        case .multi:
            let item = String(text.reversed().prefix { $0 != "," }.reversed())
            let stem = item.drop { $0 == " " }
            return Completions(replacing: stem.unicodeScalars.count,
                               candidates: question.choices.filter { $0.lowercased().hasPrefix(stem.lowercased()) }, appendSpace: false)
        case .yesno:
            return Completions(replacing: text.unicodeScalars.count,
                               candidates: ["yes", "no"].filter { $0.hasPrefix(text.lowercased()) }, appendSpace: false)
        default:
            return .none
        }
    }
}

/// A one-line question the shell asks outside the checklists (organisation, auditors).
final class TextPrompt: InputHandler {
    let label: String
    let defaultValue: String?
    let onAnswer: (String, Shell) throws -> Void

    init(label: String, defaultValue: String?, onAnswer: @escaping (String, Shell) throws -> Void) {
        self.label = label
        self.defaultValue = defaultValue
        self.onAnswer = onAnswer
    }

    var prompt: Prompt {
        Prompt([.init(label), .init(defaultValue.map { " (\($0))" } ?? ""), .init(": ")])
    }

    func handle(_ line: String, shell: Shell) throws {
        var text = line.trimmingWhitespace()
        if text.isEmpty, let defaultValue { text = defaultValue }
        guard !text.isEmpty else { throw UserError("\(label.lowercased()) is needed") }
        try onAnswer(text, shell)
    }

    func completions(for text: String, shell: Shell) -> Completions { .none }
}
