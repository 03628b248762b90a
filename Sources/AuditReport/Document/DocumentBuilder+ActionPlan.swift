import AuditKit

/// The action plan: the recommendations of the problems found, in three phases.
extension DocumentBuilder {

    func actionPlan() -> DocumentSection {
        var blocks: [Block] = []
        if model.plan.isEmpty {
            let open = model.openRules.count
            blocks.append(.paragraph([.text(open > 0 ? "Nothing to fix among the practices judged so far; answer the open questions first (\(open == 1 ? "1 rule waits" : "\(open) rules wait") for them)."
                                                     : "Nothing to fix: every practice checked is in place.")]))
        } else {
            blocks.append(.paragraph([.text("Critical problems first, then high ones, then those worth most points; each recommendation appears once. The number in brackets is what the overall score gains.")]))
            var number = 1
            for phase in model.plan {
                blocks.append(.heading(3, [.text(phase.title)]))
                blocks.append(.list(ordered: true, start: number, items: phase.items.map { item in
                    let gain = Band.displayed(item.gain) > 0 ? ReportFormat.gain(item.gain) + "; " : ""
                    var line: [Inline] = [.text(item.recommendations.joined(separator: " ") + " (" + gain + "restores ")]
                    for (i, p) in item.problems.enumerated() {
                        if i > 0 { line.append(.text(i == item.problems.count - 1 ? " and " : ", ")) }
                        line.append(.emphasis([.text(p.title)]))
                    }
                    line.append(.text(")"))
                    return line
                }))
                number += phase.items.count
            }
        }
        return DocumentSection(id: "plan", title: "Action plan", startsPage: false, blocks: blocks)
    }
}
