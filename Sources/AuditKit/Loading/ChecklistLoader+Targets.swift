extension ChecklistLoader.Builder {
    /// `targets:`: bars a team may set, each `{id, prompt, type: number|percent|duration,
    /// default, min, max, help}`; the prompt names the bar ("First reply target"). Ids share
    /// the questions' namespace, since rules read both by name.
    mutating func targets(_ node: YNode?, read: QuestionsRead, sections: [Section]) -> [Question] {
        guard let node, !YAMLSource.isNull(node) else { return [] }
        guard let seq = node.sequence else {
            src.error("`targets` must be a list of targets", src.location(node))
            return []
        }
        var targets: [Question] = []
        for item in seq {
            guard let q = question(item, sectionID: "targets") else { continue }
            // Targets are few: an earlier one is found by looking through them.
            if let first = read.location(of: q.id, kept: sections, reading: []) ?? targets.first(where: { $0.id == q.id })?.idLocation {
                src.error("duplicate question id `\(q.id)`; first defined at line \(first.line)", q.idLocation)
                continue
            }
            guard [.number, .percent, .duration].contains(q.type) else {
                src.error("target `\(q.id)` must be a number, percent or duration, not \(q.type.rawValue)", q.idLocation)
                continue
            }
            guard q.defaultText != nil else {
                src.error("target `\(q.id)` needs a `default`: the bar that holds until a team sets its own", q.idLocation)
                continue
            }
            if q.when != nil || q.measure != nil {
                src.error("target `\(q.id)` is a bar, not a question: it takes no `when` or `measure`", q.idLocation)
                continue
            }
            targets.append(q)
        }
        return targets
    }
}
