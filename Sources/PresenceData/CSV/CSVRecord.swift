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
