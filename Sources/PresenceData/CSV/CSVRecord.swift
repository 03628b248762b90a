/// A parsed CSV record with the physical line on which it starts.
public struct CSVRecord: Sendable, Equatable {
    /// 1-based physical line of the record's first byte (after a UTF-8 BOM, if any).
    public let line: Int
    /// The unescaped fields, in order.
    public let fields: [String]

    /// Creates a record.
    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }
}

/// The header record of an export, and the lines set aside before it.
struct CSVHeader {
    /// The column names, trimmed.
    let fields: [String]
    /// The delimiter in use.
    let delimiter: UInt8
    /// The physical line of the header.
    let line: Int
    /// `#` comment lines (without the `#`) and a title line found before the header; GA4
    /// writes its date range there.
    let preamble: [String]
    /// The file as the user named it.
    let file: String
}
