/// Errors that stop an import: the file cannot be read, or its header cannot be understood.
public enum PresenceError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file could not be opened or read.
    case cannotRead(file: String, reason: String)
    /// The file has no header line.
    case emptyFile(file: String)
    /// The header lacks columns the export kind needs; `format` names the layout it was read as.
    case unrecognisedHeader(file: String, kind: String, columns: [String], missing: [String], format: String? = nil)
    /// A `--map FIELD=COLUMN` argument is malformed or names an unknown field.
    case invalidMapping(String)
    /// A `--map` names a column the file does not have.
    case mappedColumnNotFound(file: String, field: String, column: String, columns: [String])
    /// The delimiter given is not one byte of ASCII other than a quote or a line end.
    case invalidDelimiter(String)
    /// The file is an Excel workbook (`.xlsx` or `.xls`), not CSV.
    case spreadsheet(file: String)
    /// The file is UTF-16 text, not UTF-8.
    case utf16(file: String)
    /// A `--period`, `--since` or `--until` value that is not a period.
    case invalidPeriod(String)
    /// A record longer than `CSVParser.maxRecordBytes`, most likely a quote never closed.
    case recordTooLong(file: String, line: Int, quoteLine: Int?)

    /// Columns named in a message, at most this many: a file read with the wrong line ends can
    /// have a "header" of a hundred thousand cells.
    static let listedColumns = 20
    /// Characters shown of one column name.
    static let columnNameWidth = 40

    /// A message for the user, naming the file and what to do.
    public var description: String {
        switch self {
        case let .cannotRead(file, reason):
            return "\(file): cannot read: \(reason)"
        case let .emptyFile(file):
            return "\(file): empty file (no header line)"
        case let .unrecognisedHeader(file, kind, columns, missing, format):
            let missingList = missing.joined(separator: ", ")
            let first = missing.first ?? "FIELD"
            let what = format.map { "read as \($0), but the header lacks a column it needs" } ?? "not a recognised \(kind) export"
            return "\(file): \(what); columns found: " + Self.list(columns)
                + "; missing: \(missingList). Name the columns with --map, e.g. --map \(first)=COLUMN"
        case let .invalidMapping(text):
            return "invalid --map '\(Self.shortened(text))': expected FIELD=COLUMN with FIELD one of "
                + ColumnMapping.Field.allCases.map(\.rawValue).joined(separator: ", ")
        case let .mappedColumnNotFound(file, field, column, columns):
            return "\(file): --map \(field)=\(Self.shortened(column)): no such column; columns found: " + Self.list(columns)
        case let .invalidDelimiter(text):
            return "invalid delimiter '\(Self.shortened(text))': expected one ASCII character such as ',' ';' or a tab"
        case let .spreadsheet(file):
            return "\(file): an Excel workbook, not CSV: open it and save the sheet that holds the rows as CSV "
                + "(LinkedIn: 'All posts' of the content export, 'New followers' of the followers export)"
        case let .utf16(file):
            return "\(file): UTF-16 text; save it as CSV in UTF-8 (or convert it: iconv -f UTF-16 -t UTF-8)"
        case let .recordTooLong(file, line, quoteLine):
            let size = "\(CSVParser.maxRecordBytes >> 20) MiB"
            if let quoteLine {
                return "\(file):\(quoteLine): a quoted field opened here runs on for more than \(size), so its quote is probably never closed; close it (or export the file again) and measure again"
            }
            return "\(file):\(line): one row of more than \(size); this is not a CSV export smaudit can read"
        case let .invalidPeriod(text):
            return "invalid period '\(Self.shortened(text))': expected YYYY-MM (2026-10), last-month, last-90-days or all, "
                + "and dates as YYYY-MM-DD"
        }
    }

    /// `'a', 'b', … and 12 more`: at most `listedColumns` names, each cut to `columnNameWidth`.
    static func list(_ columns: [String]) -> String {
        var text = columns.prefix(listedColumns).map { "'" + shortened($0) + "'" }.joined(separator: ", ")
        if columns.count > listedColumns { text += " … and \(columns.count - listedColumns) more" }
        return text
    }

    /// Text cut to `columnNameWidth` characters, with an ellipsis when cut.
    static func shortened(_ text: String) -> String {
        text.count > columnNameWidth ? String(text.prefix(columnNameWidth)) + "…" : text
    }
}
