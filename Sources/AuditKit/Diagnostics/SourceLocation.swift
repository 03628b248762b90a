/// A position in a checklist file: 1-based line and column, columns counted in Unicode scalars
/// (as libyaml counts them, so Yams marks can be used unchanged).
public struct SourceLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The file name as shown to the user (a path or a built-in checklist's name).
    public var file: String
    /// Line number starting from 1.
    public var line: Int
    /// Column number starting from 1, in Unicode scalars.
    public var column: Int

    /// Creates a location.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `FILE:LINE:COL`, the prefix compilers and editors understand.
    public var description: String { "\(file):\(line):\(column)" }

    /// The same line, `delta` columns further right; used to point inside a scalar.
    public func advanced(by delta: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column + delta)
    }
}
