import AuditShell
import AuditServices

/// A failure already explained to the user: its message goes to standard error and smaudit
/// exits with status 1.
struct Failure: Error {
    let message: String
    init(_ message: String) { self.message = message }
}

/// Writes a line to standard error.
func printError(_ text: String, terminator: String = "\n") {
    var err = StandardError()
    // Messages carry names and lines from files: nothing in them may act on the terminal.
    print(Console.safe(text), terminator: terminator, to: &err)
}
