import ArgumentParser
import AuditKit
import AuditServices

/// `smaudit check`: validates checklists and runs their embedded examples.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate checklists and run their embedded example cases.",
        discussion: "Without FILE every built-in and user checklist is checked. Errors and warnings are printed as FILE:LINE:COL: error: MESSAGE with the source line and a caret; each failing example prints what it expected and what it got, at its `expect:`. Every rule should be listed in some example's `fails` and in some example's `passes` or `not_applicable` (SwiftLint's triggering and non-triggering examples): a rule that is not is a warning, an error with --strict, unless it carries `untested: REASON`. Two rules with the same check and applies that share no theme are a warning. Exit 0 when everything passes, 1 otherwise."
    )

    @Argument(help: "Checklist files to check (the installed checklists are loaded beside them).") var files: [String] = []
    @Flag(help: "Fail when a rule is not shown both failing and passing (or not applicable) by some example, unless it says `untested: REASON` (what CI runs on the built-ins).")
    var strict = false
    @OptionGroup var checklistOptions: ChecklistOptions

    func run() throws {
        let environment = Environment.current
        let all = ChecklistCatalog.files(folders: ChecklistCatalog.userFolders(environment: environment, extra: checklistOptions.folders))
        var report = CheckRunner.run(files: all, strict: strict, metricProblem: MeasuredAnswers.metricProblem)
        if !files.isEmpty {
            var named: [(file: String, text: String)] = []
            for path in files {
                do { named.append((path, try AtomicFile.read(path))) } catch { throw AuditError.cannotRead(error) }
            }
            // A named file replaces an installed one with the same file name.
            let names = Set(named.map { AtomicFile.name(of: $0.file) })
            report = CheckRunner.run(files: named, context: all.filter { !names.contains(AtomicFile.name(of: $0.file)) }, strict: strict,
                                     metricProblem: MeasuredAnswers.metricProblem)
        }
        if !report.diagnosticsText.isEmpty { Output.message(report.diagnosticsText) }
        Output.print(report.reportText)
        if !report.success { throw ExitCode(1) }
    }
}
