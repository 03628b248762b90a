import ArgumentParser
import AuditServices

extension ParsableArguments {
    /// Parses the words of a shell line (after the command's name) with the same definition the
    /// command line uses; a problem is an error that names the command, e.g.
    /// `report: the value 'pdf' is invalid for '--format'…`.
    public static func parse(shellWords words: [String], command: String) throws -> Self {
        do {
            return try parse(words)
        } catch {
            var message = self.message(for: error)
            if message.hasPrefix("Error: ") { message.removeFirst("Error: ".count) }
            if let first = message.first, first.isUppercase,
               message.dropFirst().first.map({ !$0.isUppercase }) ?? true {
                message = first.lowercased() + message.dropFirst()
            }
            throw AuditError.optionsRejected(command: command, message: message)
        }
    }
}
