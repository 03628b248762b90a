/// A problem found while importing an export that did not stop the import: a skipped row,
/// or a note about the file as a whole (`line` is then `nil`).
public struct PresenceWarning: Sendable, Equatable, CustomStringConvertible {
    /// The file as the user named it.
    public let file: String
    /// 1-based physical line where the offending record starts, if the warning is about a row.
    public let line: Int?
    /// What is wrong, e.g. `expected 7 fields, found 6`.
    public let message: String

    /// Creates a warning.
    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `FILE:LINE: reason`, or `FILE: reason` for a file-level note.
    public var description: String {
        if let line { return "\(file):\(line): \(message)" }
        return "\(file): \(message)"
    }
}
