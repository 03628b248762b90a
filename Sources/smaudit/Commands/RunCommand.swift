import ArgumentParser
import AuditKit
import AuditOptions
import AuditServices

/// `smaudit run`: scores an answers or session file without any prompt.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Score an answers or session file without prompts and write the outputs.",
        discussion: """
        The answers file is YAML: `organisation`, `auditors` and `answers` by checklist id and question id, each answer written as it would be typed in the shell (a session file is also an answers file). Unknown ids and invalid answers are errors at FILE:LINE:COL. Unanswered questions are listed on standard error and counted as open (the score range shows them).

        Exit status: 0, or 1 on errors or when the overall score is below --fail-under.
        """
    )

    @Option(help: ArgumentHelp("The answers or session file.", valueName: "FILE")) var answers: String
    @Option(name: .customLong("checklist"), help: ArgumentHelp("Score only this checklist; repeatable.", valueName: "ID")) var only: [String] = []
    @Option(help: ArgumentHelp("Write the Markdown report to OUT.md.", valueName: "OUT.md")) var report: String?
    @Option(help: ArgumentHelp("Write the JSON report to OUT.json.", valueName: "OUT.json")) var json: String?
    @OptionGroup var failUnder: FailUnderOption
    @Flag(help: "Replace report files that exist.") var force = false
    @OptionGroup var checklistOptions: ChecklistOptions

    func run() throws {
        let environment = Environment.current
        let catalog = checklistOptions.catalog()
        // Every output is checked before any is written: a refused second file must not leave
        // the first one written.
        try SessionFiles.checkTargets([report, json].compactMap { $0 }, force: force)
        var session = try SessionFiles.load(answers, set: catalog.set, catalog: catalog, environment: environment,
                                            action: "score") { Output.message($0) }
        if !only.isEmpty {
            for id in only where catalog.set.checklist(id) == nil {
                throw UserError("no checklist `\(id)`. Installed: \(ChecklistText.commaList(catalog.set.ids)) (`smaudit list` shows them).")
            }
            session.checklists = only.compactMap { catalog.set.checklist($0).map(ChecklistStamp.init) }
        }
        // Answers to questions whose condition is false are kept (and shown in the report), but
        // not scored, as in the shell.
        for line in SessionCheck(session, set: catalog.set).lines(file: answers) { Output.message(line) }
        let card = Scorer.score(catalog.set, answers: session.answers, checklists: session.checklistIDs)
        Output.print(ScoreText.lines(card))
        if let note = TeamSessions.scoreNote(session, set: catalog.set) { Output.print(note) }
        if let report {
            try SessionFiles.writeNew(ReportRendering.markdown(session: session, set: catalog.set), to: report, force: force)
        }
        if let json {
            try SessionFiles.writeNew(ReportRendering.json(session: session, set: catalog.set), to: json, force: force)
        }
        try failUnder.check(card.standing)
    }
}
