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
    @Option(name: ReportOptions.Spec.baseline.names, help: ReportOptions.Spec.baseline.argumentHelp) var baseline: String?
    @Flag(name: ReportOptions.Spec.noBaseline.names, help: ReportOptions.Spec.noBaseline.argumentHelp) var noBaseline = false
    @Option(name: ReportOptions.Spec.sessions.names, help: ReportOptions.Spec.sessions.argumentHelp) var sessions: [String] = []
    @OptionGroup var checklistOptions: ChecklistOptions

    func run() throws {
        let environment = Environment.current
        let clock = Clock(environment: environment)
        let catalog = checklistOptions.catalog()
        // Every output is checked before any is written: a refused second file must not leave
        // the first one written.
        try SessionFiles.checkTargets([report, json].compactMap { $0 }, force: force)
        var session = try SessionFiles.load(answers, set: catalog.set, catalog: catalog, clock: clock,
                                            action: "score") { Output.message($0) }
        if !only.isEmpty {
            for id in only where catalog.set.checklist(id) == nil {
                throw AuditError.unknownChecklist(id: id, suggestion: Suggest.closest(to: id, in: catalog.set.ids),
                                                  installed: catalog.set.ids, lister: "smaudit list")
            }
            session.checklists = only.compactMap { catalog.set.checklist($0).map(ChecklistStamp.init) }
        }
        // Answers to questions whose condition is false are kept (and shown in the report), but
        // not scored, as in the shell.
        for line in SessionCheck(session, set: catalog.set).lines(file: answers) { Output.message(line) }
        let card = AcceptedRisks.scorecard(session, set: catalog.set, clock: clock)
        for line in AcceptedRisks.notes(session, set: catalog.set, clock: clock) { Output.message(line) }
        Output.print(ScoreText.lines(card))
        if let note = TeamSessions.scoreNote(session, set: catalog.set) { Output.print(note) }
        if report != nil || json != nil {
            // Compared with the previous audit of the organisation, as `report` is.
            let store = SessionStore(environment: environment)
            let context = try AuditHistory.context(for: session, path: answers, explicit: baseline, none: noBaseline, store: store,
                                                    extra: sessions, set: catalog.set, catalog: catalog, clock: clock)
            if let note = context.note { Output.message(note) }
            // Through ReportJob, as `report` writes: checked, then written atomically.
            for (path, format) in [(report, ReportRendering.Format.markdown), (json, .json)] {
                guard let path else { continue }
                var job = try ReportJob(session, set: catalog.set, baseline: context.baseline, path: path, format: format,
                                        searchPath: environment["PATH"])
                job.history = context.trend
                try job.write(force: force)
            }
        }
        try failUnder.check(card.standing)
    }
}
