import ArgumentParser
import AuditKit
import AuditServices

/// `smaudit list`: the installed checklists.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the installed checklists: question and rule counts, and where each comes from (built-in, or the file's path).")

    @OptionGroup var checklistOptions: ChecklistOptions

    func run() throws {
        // With only the built-ins installed their listing is known from the build: `list` then
        // parses nothing and costs little more than the argument parser.
        if let listing = ChecklistText.builtinListing(unlessFilesIn: checklistOptions.userFolders) {
            Output.print(listing)
            return
        }
        Output.print(ChecklistText.listing(checklistOptions.catalog().set))
    }
}

/// `smaudit show`: one checklist's questions and rules.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show the sections, questions and rules of one checklist.")

    @Argument(help: "The checklist id, e.g. four-mistakes.") var checklist: String
    @OptionGroup var checklistOptions: ChecklistOptions

    func run() throws {
        let catalog = checklistOptions.catalog()
        guard let found = catalog.set.checklist(checklist) else {
            throw AuditError.unknownChecklist(id: checklist, suggestion: Suggest.closest(to: checklist, in: catalog.set.ids),
                                              installed: catalog.set.ids, lister: "smaudit list")
        }
        Output.print(ChecklistText.describe(found))
    }
}
