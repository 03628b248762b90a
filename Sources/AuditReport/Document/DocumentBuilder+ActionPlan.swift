import AuditKit

/// The action plan: at most four actions in each of the first 30 days, days 31–60 and 61–90,
/// each with who owns it, by when, and how the team will know it worked. Actions beyond the
/// twelfth are in the annex, under "Later".
extension DocumentBuilder {
    func actionPlan() -> DocumentSection {
        var blocks: [Block] = []
        let plan = model.actionPlan
        if plan.actions.isEmpty {
            let open = model.openRules.count
            blocks.append(.paragraph([.text(open > 0 ? "Nothing to fix among the practices judged so far; answer the open questions first."
                                                     : "Nothing to fix: every practice checked is in place.")]))
            return DocumentSection(id: "plan", title: "Action plan", startsPage: false, blocks: blocks)
        }
        let later = plan.actions(in: .later).count
        var intro = "At most \(NumberText.words(ActionPlan.perPhase)) actions a month, the most important first, each with who owns it, by when and how you will know it worked"
        intro += plan.actions.contains(where: \.ownerIsSuggested) ? " (an owner in italics is a suggested role)." : "."
        if later > 0 { intro += " \(later.counted("more action")) \(later == 1 ? "follows" : "follow") later (annex)." }
        blocks.append(.paragraph([.text(intro)]))
        for phase in [ActionPlan.Phase.first30, .days60, .days90] {
            let actions = plan.actions(in: phase)
            guard !actions.isEmpty else { continue }
            blocks.append(.heading(3, [.text(phase.title)]))
            blocks.append(.list(ordered: true, start: actions[0].number, items: actions.map(actionItem)))
        }
        return DocumentSection(id: "plan", title: "Action plan", startsPage: false, blocks: blocks)
    }

    /// `Text — who: Priya; by: 6 January 2027; you will know it worked when: …`.
    func actionItem(_ action: ActionPlan.Action) -> [Inline] {
        let owner: Inline = action.ownerIsSuggested ? .emphasis([.text(action.owner)]) : .text(action.owner)
        return [.text(action.text + " "), .strong([.text("Who:")]), .text(" "), owner, .text("; "),
                .strong([.text("by:")]), .text(" " + HumanNumbers.date(action.due) + "; "),
                .strong([.text("worked when:")]), .text(" " + action.success.lowercasedFirst + ".")]
    }
}
