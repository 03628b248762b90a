import ArgumentParser
import AuditKit
import AuditOptions
import AuditServices

/// `smaudit score`: the score of a session or answers file, as the shell's `score` shows it.
struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Print the score of a session or answers file, with its range and coverage.",
        discussion: "One line overall and one per checklist, as the shell's `score`; --explain (as in the shell) shows every formula with its numbers, each rule's outcome and what fixing each problem would add."
    )

    @Argument(help: ArgumentHelp("The session or answers file.", valueName: "SESSION")) var session: String
    @OptionGroup var options: ScoreOptions
    @OptionGroup var checklistOptions: ChecklistOptions

    func run() throws {
        let catalog = checklistOptions.catalog()
        let clock = Clock(environment: Environment.current)
        let loaded = try SessionFiles.load(session, set: catalog.set, catalog: catalog, clock: clock,
                                           action: "score") { Output.message($0) }
        let card = AcceptedRisks.scorecard(loaded, set: catalog.set, clock: clock)
        for line in AcceptedRisks.notes(loaded, set: catalog.set, clock: clock) { Output.message(line) }
        if options.explain {
            Output.print(card.explain())
        } else {
            Output.print(ScoreText.lines(card))
        }
        if let note = TeamSessions.scoreNote(loaded, set: catalog.set) { Output.print(note) }
    }
}
