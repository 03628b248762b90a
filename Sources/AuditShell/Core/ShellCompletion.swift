#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import AuditOptions
import AuditServices
import LineEditor

extension Shell {
    /// Tab completion: input for the current step (a question's choices), else command names,
    /// else what the command's row says comes next: an option's name, an option's value
    /// (a file, one of its choices), or the next operand (checklist, question, session, file).
    public func completions(for text: String) -> Completions {
        if let conversation, conversation.takesInput(in: self), !text.hasPrefix("/") {
            return conversation.inputCompletions(for: text, in: self)
        }
        let body = text.hasPrefix("/") ? String(text.dropFirst()) : text
        let word = String(body.reversed().prefix { !$0.isWhitespace }.reversed())
        guard body.contains(where: \.isWhitespace) else {
            return Completions(replacing: word.unicodeScalars.count,
                               candidates: commands.allNames.filter { $0.hasPrefix(word.lowercased()) })
        }
        var before = body.split(whereSeparator: \.isWhitespace).map(String.init)
        if !word.isEmpty { before.removeLast() }
        guard let name = before.first, let command = commands.command(named: name) else { return .none }
        before.removeFirst()
        if command.syntax == .text && !before.isEmpty { return .none }  // past the ID of `note ID TEXT`
        if word.hasPrefix("-") && command.syntax == .words {
            return Completions(replacing: word.unicodeScalars.count,
                               candidates: command.options.map(\.flag).filter { $0.hasPrefix(word) })
        }
        if let previous = before.last, let option = command.options.first(where: { $0.isNamed(previous) }) {
            switch option.value {
            case .none: break
            case .file: return Self.fileCompletions(for: word)
            case .choice(let words): return Completions(replacing: word.unicodeScalars.count, candidates: words.filter { $0.hasPrefix(word) })
            case .number, .text: return .none
            }
        }
        var operandIndex = 0
        var index = 0
        while index < before.count {
            if let option = command.options.first(where: { $0.isNamed(before[index]) }) {
                index += option.takesValue ? 2 : 1
            } else {
                operandIndex += 1
                index += 1
            }
        }
        guard let kind = command.operand(at: operandIndex)?.kind else { return .none }
        switch kind {
        case .none, .freeText:
            return .none
        case .filePath:
            return Self.fileCompletions(for: word)
        case .commandName:
            return Completions(replacing: word.unicodeScalars.count,
                               candidates: commands.allNames.filter { $0.hasPrefix(word.lowercased()) })
        case .checklistID, .questionID, .sessionName, .problemKey:
            var candidates = conversation?.candidates(for: kind, in: self) ?? []
            // Tab on nothing lists the bare question ids only; the qualified ones come once typed.
            if kind == .questionID && word.isEmpty { candidates.removeAll { $0.contains(".") } }
            return Completions(replacing: word.unicodeScalars.count, candidates: candidates.filter { $0.hasPrefix(word) })
        }
    }

    /// File and folder names that start with `word`; folders end in `/`.
    static func fileCompletions(for word: String) -> Completions {
        let slash = word.lastIndex(of: "/")
        let folder = slash.map { String(word[...$0]) } ?? ""
        let stem = slash.map { String(word[word.index(after: $0)...]) } ?? word
        var directoryPath = folder.isEmpty ? "." : folder
        if directoryPath.hasPrefix("~/"), let home = getenv("HOME") {
            directoryPath = String(cString: home) + directoryPath.dropFirst()
        }
        guard let names = DirectoryListing.names(in: directoryPath) else { return .none }
        var candidates: [String] = []
        for name in names where name.hasPrefix(stem) && (stem.hasPrefix(".") || !name.hasPrefix(".")) {
            var info = stat()
            let isFolder = stat(directoryPath + "/" + name, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
            candidates.append(folder + name + (isFolder ? "/" : ""))
        }
        candidates.sort()
        let single = candidates.count == 1 ? candidates[0] : ""
        return Completions(replacing: word.unicodeScalars.count, candidates: candidates,
                           appendSpace: !single.hasSuffix("/"))
    }
}
