/// Collects the malformed rows of one file: keeps the first `limit` warnings, counts the rest,
/// and counts the rows they cost (an unterminated quote can swallow several).
struct ProblemLog {
    let file: String
    let limit: Int
    private(set) var kept: [PresenceWarning] = []
    /// All problems, kept or not.
    private(set) var count = 0
    /// Rows skipped because of them.
    private(set) var skippedRows = 0
    /// Notes about the file as a whole (not about a row), always kept.
    private(set) var notes: [PresenceWarning] = []

    init(file: String, limit: Int = 20) {
        self.file = file
        self.limit = limit
    }

    /// A problem that cost `rows` rows (0 for a note that skipped none).
    mutating func add(_ warning: PresenceWarning, rows: Int = 1) {
        if rows == 0 {
            notes.append(warning)
            return
        }
        count += 1
        skippedRows += rows
        if kept.count < limit { kept.append(warning) }
    }

    mutating func add(line: Int, _ message: String) {
        add(PresenceWarning(file: file, line: line, message: message))
    }

    /// Takes over the problems of the rest of the file, logged apart (a split read's second half).
    mutating func append(_ later: ProblemLog) {
        count += later.count
        skippedRows += later.skippedRows
        kept += later.kept.prefix(limit - kept.count)
        notes += later.notes
    }

    /// A note about the whole file.
    mutating func note(_ message: String) {
        notes.append(PresenceWarning(file: file, line: nil, message: message))
    }

    /// The kept warnings, then `… and N more` when some were left out, then the file notes.
    var warnings: [PresenceWarning] {
        var all = kept
        if count > kept.count {
            all.append(PresenceWarning(file: file, line: nil, message: "… and \(count - kept.count) more malformed rows"))
        }
        return all + notes
    }
}

extension CSVRow {
    /// A short quotation of field `i` for a warning.
    func excerpt(_ i: Int) -> String {
        var s = string(i)
        if s.count > 40 { s = String(s.prefix(40)) + "…" }
        return "'" + s + "'"
    }
}
