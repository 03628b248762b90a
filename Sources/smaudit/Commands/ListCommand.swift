import ArgumentParser
import AuditKit
import AuditShell
import AuditServices

/// `smaudit list`: the installed checklists.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the installed checklists with their question and rule counts.")

    @OptionGroup var checklistOptions: ChecklistOptions

    func run() throws {
        // With only the built-ins installed their listing is known from the build: `list` then
        // parses nothing and costs little more than the argument parser.
        if let listing = ChecklistText.builtinListing(unlessFilesIn: checklistOptions.userFolders) {
            print(listing)
            return
        }
        print(Console.safe(ChecklistText.listing(checklistOptions.catalog().set)))
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
            throw Failure("no checklist `\(checklist)`; installed: \(catalog.set.ids.joined(separator: ", "))")
        }
        print(Console.safe(ChecklistText.describe(found)))
    }
}
