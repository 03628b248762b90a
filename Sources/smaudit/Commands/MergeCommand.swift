import ArgumentParser
import AuditOptions
import AuditServices

/// `smaudit merge`: auditors' sessions gathered into a team session.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge auditors' sessions (each answered alone with `audit --as NAME`) into one team session.",
        discussion: """
        The team session keeps every auditor's answers, notes and evidence under `by_auditor:`. Where all who answered agree, that is the team's answer; numbers count as agreeing within 10 % of the larger, percentages within 10 points, durations within 25 % of the longer; choices, yes/no, scales and dates must be equal. Anything else is a disagreement: the rules that read it stay open (the score is provisional) until the team decides, with `resolve` in the shell or a `resolved:` entry in the file, or until `measure --into` settles it with data.

        Merging an auditor into an earlier team session works the same way, and merging the same file twice changes nothing. Sessions of different organisations are refused, and nothing is written over one of the files merged.

        Example: smaudit merge priya.yaml sam.yaml -o team.yaml
        """
    )

    @OptionGroup var options: MergeOptions
    @OptionGroup var checklistOptions: ChecklistOptions

    func run() throws {
        let catalog = checklistOptions.catalog()
        let merged = try TeamSessions.merge(options.files, into: options.output, force: options.force, set: catalog.set,
                                            catalog: catalog, clock: Clock(environment: Environment.current)) { Output.message($0) }
        Output.print(TeamSessions.summary(merged).joined(separator: "\n"))
    }
}
