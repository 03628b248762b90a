import AuditKit

extension DocumentBuilder {
    /// "Accepted for now" (issue 28): the problems the team accepts, each with what failed, the
    /// reason, the owner and the end date, and those whose acceptance has expired (they count
    /// again). Nil when nothing is accepted.
    func acceptedSection() -> DocumentSection? {
        guard !input.accepted.isEmpty else { return nil }
        let index = ProblemIndex(input.set)
        let day = input.today ?? input.day
        let raw = input.scorecardWithoutAcceptance
        var blocks: [Block] = [.paragraph([.text(
            "The team accepts these problems for now: they are left out of the score, the priorities and the plan until the date given, and count again the day after.")])]
        var items: [[Inline]] = []
        for (key, risk) in input.accepted.sorted(by: { $0.key < $1.key }) {
            let heading = index.problem(key)?.heading ?? key
            let failing = raw.themes.first { $0.key == key }
            var item: [Inline] = [.strong([.text(heading)])]
            if risk.isActive(on: day) {
                item.append(.text(risk.until.map { " — accepted until \(HumanNumbers.date($0))" } ?? " — accepted with no end date"))
            } else {
                item.append(.text(" — the acceptance ended on \(HumanNumbers.date(risk.until!)); it counts again"))
            }
            item.append(.text(" by \(risk.owner.trimmed()), because \(risk.reason.trimmed())."))
            if let failing {
                let findings = failing.rules.compactMap { $0.rule.finding?.trimmed() }.filter { !$0.isEmpty }
                if let first = findings.first { item.append(.text(" What fails: \(first)")) }
            } else {
                item.append(.text(" It does not fail at present."))
            }
            items.append(item)
        }
        blocks.append(.list(ordered: false, start: 1, items: items))
        return DocumentSection(id: "accepted", title: "Accepted for now", startsPage: false, blocks: blocks)
    }

    /// What the score would be without the acceptances, for the summary; nil when none holds.
    func scoreWithoutAcceptance() -> String? {
        guard !input.acceptedNow.isEmpty else { return nil }
        let raw = input.scorecardWithoutAcceptance.standing
        let count = input.acceptedNow.count
        let what = raw.score.map { "\(ReportWording.score($0)) of 100" + (raw.band.map { " — \($0.label)" } ?? "") } ?? "not known yet"
        return "\(count == 1 ? "One accepted problem is" : "\(count) accepted problems are") left out of the score; without acceptance it would be \(what) (see “Accepted for now”)."
    }
}
