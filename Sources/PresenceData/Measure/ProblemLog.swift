/// Collects the malformed rows of one file: keeps the first `limit` as warnings and counts the rest.
struct ProblemLog {
    let file: String
    let limit: Int
    private(set) var kept: [PresenceWarning] = []
    /// All malformed rows, kept or not.
    private(set) var count = 0

    init(file: String, limit: Int = 20) {
        self.file = file
        self.limit = limit
    }

    mutating func add(_ warning: PresenceWarning) {
        count += 1
        if kept.count < limit { kept.append(warning) }
    }

    mutating func add(line: Int, _ message: String) {
        add(PresenceWarning(file: file, line: line, message: message))
    }

    /// The kept warnings, then `… and N more` when some were left out.
    var warnings: [PresenceWarning] {
        if count <= kept.count { return kept }
        return kept + [PresenceWarning(file: file, line: nil,
                                       message: "… and \(count - kept.count) more malformed rows")]
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
