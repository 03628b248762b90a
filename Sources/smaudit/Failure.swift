/// A failure already explained to the user: its message goes to standard error and smaudit
/// exits with status 1.
struct Failure: Error {
    let message: String
    init(_ message: String) { self.message = message }
}

/// Writes a line to standard error.
func printError(_ text: String, terminator: String = "\n") {
    var err = StandardError()
    print(text, terminator: terminator, to: &err)
}
