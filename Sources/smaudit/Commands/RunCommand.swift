import ArgumentParser
import AuditKit
import AuditShell
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
    @Option(help: ArgumentHelp("Exit 1 when the overall score is below N (0–100), or when there are too few answers for a score.", valueName: "N")) var failUnder: Double?

    func validate() throws {
        if let failUnder, !(0...100).contains(failUnder) { throw ValidationError("--fail-under takes a score from 0 to 100, not \(ScoreText.number(failUnder))") }
    }
    @Flag(help: "Replace report files that exist.") var force = false
    @OptionGroup var checklistOptions: ChecklistOptions

    func run() throws {
        let environment = Environment.current
        let catalog = checklistOptions.catalog()
        // Every output is checked before any is written: a refused second file must not leave
        // the first one written.
        try SessionFiles.checkTargets([report, json].compactMap { $0 }, force: force)
        var session = try SessionFiles.load(answers, set: catalog.set, catalog: catalog, environment: environment, action: "score") { printError($0) }
        if !only.isEmpty {
            for id in only where catalog.set.checklist(id) == nil {
                throw Failure("no checklist `\(id)`; installed: \(catalog.set.ids.joined(separator: ", "))")
            }
            session.checklists = only.compactMap { catalog.set.checklist($0).map(ChecklistStamp.init) }
        }
        let card = Scorer.score(catalog.set, answers: session.answers, checklists: session.checklistIDs)
        let refs = session.checklistIDs.flatMap { id in
            (catalog.set.checklist(id)?.questionIDs ?? []).map { QuestionRef(checklist: id, question: $0) }
        }
        let open = refs.filter { session.entries[$0]?.value == nil && catalog.set.isAsked($0, in: session.answers) }
        if !open.isEmpty {
            printError("\(answers): \(open.count.counted("question")) unanswered (counted as open): " + open.map(\.description).joined(separator: ", "))
        }
        // Answers to questions whose condition is false are kept (and shown in the report), but
        // not scored, as in the shell.
        let inactive = refs.filter { session.entries[$0]?.value != nil && !catalog.set.isAsked($0, in: session.answers) }
        if !inactive.isEmpty {
            printError("\(answers): \(inactive.count.counted("answer")) kept but not scored, because the question is not asked with these answers: "
                       + inactive.map(\.description).joined(separator: ", "))
        }
        if !session.retired.isEmpty {
            printError("\(answers): \(session.retired.count.counted("answer")) kept aside for questions the checklist no longer has: "
                       + session.retired.keys.sorted().map(\.description).joined(separator: ", "))
        }
        print("overall        " + ScoreText.line(card.standing))
        for checklist in card.checklists { print(checklist.id.padded(toWidth: 14) + " " + ScoreText.line(checklist.standing)) }
        if let report {
            try SessionFiles.writeNew(ReportRendering.markdown(session: session, set: catalog.set), to: report, force: force)
        }
        if let json {
            try SessionFiles.writeNew(ReportRendering.json(session: session, set: catalog.set), to: json, force: force)
        }
        if let failUnder { try FailUnder.check(card.standing, against: failUnder) }
    }
}
