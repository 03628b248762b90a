import ArgumentParser
import AuditKit
import AuditShell

/// `smaudit check`: validates checklists and runs their embedded examples.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate checklists and run their embedded example cases.",
        discussion: "Without FILE every built-in and user checklist is checked. Errors and warnings are printed as FILE:LINE:COL: error: MESSAGE with the source line and a caret; each failing example prints what it expected and what it got. Exit 0 when everything passes, 1 otherwise."
    )

    @Argument(help: "Checklist files to check (the installed checklists are loaded beside them).") var files: [String] = []
    @OptionGroup var checklistOptions: ChecklistOptions

    func run() throws {
        let environment = Environment.current
        let all = ChecklistCatalog.files(folders: ChecklistCatalog.userFolders(environment: environment, extra: checklistOptions.folders))
        var report = CheckRunner.run(files: all)
        if !files.isEmpty {
            var named: [(file: String, text: String)] = []
            for path in files {
                do { named.append((path, try AtomicFile.read(path))) } catch { throw Failure("\(error)") }
            }
            // A named file replaces an installed one with the same file name.
            let names = Set(named.map { AtomicFile.name(of: $0.file) })
            report = CheckRunner.run(files: named, context: all.filter { !names.contains(AtomicFile.name(of: $0.file)) })
        }
        if !report.diagnosticsText.isEmpty { printError(report.diagnosticsText) }
        print(Console.safe(report.reportText))
        if !report.success { throw ExitCode(1) }
    }
}
