extension ChecklistLoader.Builder {
    /// The fields a source may have, in the order "known fields are" lists them.
    enum SourceField: String, NodeField { case file, title, author, date, description }

    /// `sources:`: file names, or mappings `{file, title, author, date, description}`.
    mutating func sourceList(_ node: YNode?) -> [Source] {
        guard let node, !YAMLSource.isNull(node) else { return [] }
        guard let items = node.sequence else {
            return (src.strings(node, field: "sources") ?? []).map { Source(file: $0.0) }
        }
        var out: [Source] = []
        for item in items {
            if let scalar = item.scalar {
                out.append(Source(file: scalar.string))
            } else if let f = src.fields(item, SourceField.self, what: "a source", required: [.file]),
                      let file = src.string(f[.file]?.value, field: "file") {
                let source = Source(file: file, title: src.string(f[.title]?.value, field: "title"),
                                    author: src.string(f[.author]?.value, field: "author"),
                                    date: src.string(f[.date]?.value, field: "date"),
                                    description: src.string(f[.description]?.value, field: "description"))
                if source.title == nil && source.description == nil && (source.author != nil || source.date != nil) {
                    src.warning("source `\(file)` has no `title` (or `description` when the article has none) for the report to cite", src.location(item))
                }
                out.append(source)
            }
        }
        return out
    }

    mutating func checkSource(_ node: YNode?) -> String? {
        guard let s = src.string(node, field: "source"), let node else { return nil }
        // The file part as `Citation` finds it, without making the quote a string of its own:
        // every question and rule of a big checklist cites a source.
        let filePart = s.utf8.firstIndex(of: UInt8(ascii: "#")).map { String(s[..<$0]) } ?? s
        if !sources.contains(filePart) {
            let listed = sources.isEmpty ? "the checklist lists no `sources`" : "listed: " + sources.sorted().joined(separator: ", ")
            src.error("source file `\(filePart)` is not listed in the checklist's `sources` (\(listed))", src.location(node))
        }
        return s
    }
}
