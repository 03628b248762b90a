extension ChecklistLoader.Builder {
    /// The fields a theme may have, in the order "known fields are" lists them.
    enum ThemeField: String, NodeField { case id, title, problem, help, recommendation, source, owner, success }

    /// `themes:`: `{id, title, problem, help, recommendation, source}` each.
    mutating func themes(_ node: YNode?) -> [Theme] {
        guard let node, !YAMLSource.isNull(node) else { return [] }
        guard let items = node.sequence else {
            src.error("`themes` must be a list of themes, each with `id`, `title` and `problem`", src.location(node))
            return []
        }
        var out: [Theme] = []
        var seen: [String: SourceLocation] = [:]
        for item in items {
            guard let f = src.fields(item, ThemeField.self, what: "a theme", required: [.id, .title, .problem]),
                  let idNode = f[.id]?.value, let id = src.string(idNode, field: "id") else { continue }
            let location = src.location(idNode)
            if !ChecklistLoader.isValidRuleID(id) {
                src.error("theme id `\(id)` must start with a letter and use letters, digits, `_` and `-`", location)
            }
            if let first = seen[id] {
                src.error("duplicate theme id `\(id)`; first defined at line \(first.line)", location)
                continue
            }
            seen[id] = location
            var theme = Theme(id: id, title: src.string(f[.title]?.value, field: "title") ?? "",
                              problem: src.string(f[.problem]?.value, field: "problem") ?? "",
                              help: src.string(f[.help]?.value, field: "help"), location: location)
            theme.recommendation = src.string(f[.recommendation]?.value, field: "recommendation")
            theme.source = checkSource(f[.source]?.value)
            theme.owner = src.string(f[.owner]?.value, field: "owner")
            theme.success = src.string(f[.success]?.value, field: "success")
            out.append(theme)
        }
        return out
    }
}
