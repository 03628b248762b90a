import ArgumentParser
import AuditKit
import AuditOptions
import AuditServices
import LineEditor

/// `smaudit history`: an organisation's audits over time.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "List an organisation's audits, oldest first, with score and the problems solved and new since each previous one.",
        discussion: "Audits are the session files in the sessions folder ($XDG_DATA_HOME/smaudit/sessions) and in every --sessions DIR; an auditor's own session (audit --as NAME) is left out, its team session counts. Organisations match without case or extra spaces. `report` compares with the previous audit of the same organisation found the same way, and with three or more draws the score over time."
    )

    @OptionGroup var options: HistoryOptions
    @OptionGroup var checklistOptions: ChecklistOptions

    func run() throws {
        let catalog = checklistOptions.catalog()
        for folder in options.sessions where !AtomicFile.isFolder(folder) { throw AuditError.noSuchFolder(option: "--sessions", folder: folder) }
        let store = SessionStore(environment: Environment.current)
        let history = AuditHistory(folders: AuditHistory.folders(store: store, extra: options.sessions), set: catalog.set)
        let listing = try history.listing(for: options.organisation)
        Output.print(listing.heading)
        if !listing.rows.isEmpty { Output.printRaw(ChecklistText.table(listing.rows, cell: TerminalSafe.escape)) }
    }
}
