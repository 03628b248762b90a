/// Errors that stop an import: the file cannot be read, or its header cannot be understood.
public enum PresenceError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file could not be opened or read.
    case cannotRead(file: String, reason: String)
    /// The file has no header line.
    case emptyFile(file: String)
    /// The header lacks columns the export kind needs.
    case unrecognisedHeader(file: String, kind: String, columns: [String], missing: [String])
    /// A `--map FIELD=COLUMN` argument is malformed or names an unknown field.
    case invalidMapping(String)
    /// A `--map` names a column the file does not have.
    case mappedColumnNotFound(file: String, field: String, column: String, columns: [String])
    /// The delimiter given is not one byte of ASCII other than a quote or a line end.
    case invalidDelimiter(String)

    /// A message for the user, naming the file and what to do.
    public var description: String {
        switch self {
        case let .cannotRead(file, reason):
            return "\(file): cannot read: \(reason)"
        case let .emptyFile(file):
            return "\(file): empty file (no header line)"
        case let .unrecognisedHeader(file, kind, columns, missing):
            let missingList = missing.joined(separator: ", ")
            let first = missing.first ?? "FIELD"
            return "\(file): not a recognised \(kind) export; columns found: "
                + columns.map { "'\($0)'" }.joined(separator: ", ")
                + "; missing: \(missingList). Name the columns with --map, e.g. --map \(first)=COLUMN"
        case let .invalidMapping(text):
            return "invalid --map '\(text)': expected FIELD=COLUMN with FIELD one of "
                + ColumnMapping.Field.allCases.map(\.rawValue).joined(separator: ", ")
        case let .mappedColumnNotFound(file, field, column, columns):
            return "\(file): --map \(field)=\(column): no such column; columns found: "
                + columns.map { "'\($0)'" }.joined(separator: ", ")
        case let .invalidDelimiter(text):
            return "invalid delimiter '\(text)': expected one ASCII character such as ',' ';' or a tab"
        }
    }
}
