#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LineEditor
import AuditServices

extension Shell {
    /// Tab completion: the pending question's answers, else command names, else the
    /// arguments the command table says a command takes.
    public func completions(for text: String) -> Completions {
        if let handler = inputHandler, !text.hasPrefix("/") {
            return handler.completions(for: text, shell: self)
        }
        let body = text.hasPrefix("/") ? String(text.dropFirst()) : text
        let word = String(body.reversed().prefix { !$0.isWhitespace }.reversed())
        guard body.contains(where: \.isWhitespace) else {
            return Completions(replacing: word.unicodeScalars.count,
                               candidates: commands.allNames.filter { $0.hasPrefix(word.lowercased()) })
        }
        let name = String(body.prefix { !$0.isWhitespace })
        guard let command = commands.command(named: name) else { return .none }
        switch command.arguments {
        case .none, .freeText:
            return .none
        case .filePath:
            return Self.fileCompletions(for: word)
        case .commandName:
            return Completions(replacing: word.unicodeScalars.count,
                               candidates: commands.allNames.filter { $0.hasPrefix(word.lowercased()) })
        case .checklistID, .questionID, .sessionName:
            return Completions(replacing: word.unicodeScalars.count,
                               candidates: argumentCandidates(command.arguments).filter { $0.hasPrefix(word) })
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
