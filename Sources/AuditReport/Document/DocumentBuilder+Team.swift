import AuditKit

extension DocumentBuilder {
    /// "Where the team disagreed" (issue 27): in a team audit, how much the auditors agreed in one
    /// line, then each question they answered differently in words, with every auditor's answer
    /// by name, the data where it was measured, and the decision with its reason, or that it is
    /// still open. Nil when one person (or the team together) answered.
    func teamSection() -> DocumentSection? {
        guard let agreement = input.agreement else { return nil }
        let names = input.auditors.map { $0.trimmed() }.filter { !$0.isEmpty }
        var blocks: [Block] = [.paragraph([.text(
            "\(NumberText.list(names)) answered alone, without seeing each other's answers. They agreed on \(agreement.agreed) of the \(agreement.of) questions two or more of them answered"
                + (input.disagreements.isEmpty ? "." : "; where they did not, the team's answer is below."))])]
        let open = input.disagreements.filter(\.isOpen).count
        if open > 0 {
            blocks.append(.paragraph([.strong([.text("\(open == 1 ? "One question is" : "\(open) questions are") still to be decided.")]),
                                      .text(" The rules that read \(open == 1 ? "it are" : "them are") open, so the score is provisional until the team decides.")]))
        }
        for d in input.disagreements {
            let question = input.set.question(d.ref)
            var line: [Inline] = [.strong([.text(question?.prompt.trimmed() ?? d.ref.description)]), .text(" ")]
            var said = d.answers.map { "\($0.auditor.trimmed()): \(HumanNumbers.answer($0.entry.value ?? .text($0.entry.text ?? ""), of: question))" }
            if let measured = d.measured {
                let figure = d.team.map { HumanNumbers.typed($0, of: question) } ?? ExpressionPrinter.formatNumber(measured.value)
                said.append("the \(MetricWords.export(measured.metric)): \(figure)\(measured.period.map { ", " + HumanNumbers.period($0) } ?? "")")
            }
            line.append(.text(said.joined(separator: "; ") + ". "))
            if let resolution = d.resolution {
                line.append(.emphasis([.text("Decided: \(HumanNumbers.typed(resolution.text, of: question))")]))
                line.append(.text(resolution.reason.map { ", because \($0.trimmed())." } ?? "."))
            } else if d.measured != nil {
                line.append(.emphasis([.text("Settled by the data.")]))
            } else if !d.isAsked {
                line.append(.emphasis([.text("Not asked, given the team's other answers.")]))
            } else {
                line.append(.emphasis([.text("Still open.")]))
            }
            blocks.append(.paragraph(line))
        }
        return DocumentSection(id: "team", title: "Where the team disagreed", startsPage: false, blocks: blocks)
    }
}
