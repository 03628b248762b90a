import AuditShell
import Foundation
import Testing

/// The guided conversation, step by step: what each step's prompt is, and what a line,
/// Ctrl-C and Ctrl-D do in it.
@Suite struct ConversationTests {
    let driver: ShellDriver

    init() throws {
        driver = try ShellDriver()
        try driver.installMini()
    }

    var sessionPath: String { driver.home.appendingPathComponent(ShellDriver.acmeSession).path }

    @Test func eachStepShowsItsOwnPrompt() {
        let run = driver.run([.line("audit mini"), .line("Acme"), .line("Dana"), .line("sales"), .line("/quit")], interactive: true)
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.prompts == ["smaudit> ", "Organisation: ", "Auditors, separated by commas: ",
                                "smaudit [mini 1/3]> ", "smaudit [mini 2/3]> "])
    }

    /// Issue 18, item 5: Ctrl-C at the organisation or auditors prompt cancels the audit
    /// (it used to ask again), and nothing is created.
    @Test(arguments: [[Keys.line("audit mini"), .ctrlC], [.line("audit mini"), .line("Acme"), .ctrlC]])
    func ctrlCWhileSettingUpCancelsTheAudit(keys: [Keys]) {
        let run = driver.run(keys + [.line("version")], interactive: true)
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.contains("Cancelled: no audit was started."))
        #expect(run.prompts.suffix(2) == ["smaudit> ", "smaudit> "])
        #expect(run.output.contains("smaudit 0.1.0\n"))
        #expect(!driver.exists("data/smaudit/sessions/acme-2026-11-23.yaml"))
    }

    @Test func ctrlDWhileSettingUpCancelsAndLeaves() {
        let run = driver.run([.line("audit mini"), .line("Acme"), .ctrlD, .line("version")], interactive: true)
        #expect(run.status == 0)
        #expect(run.output.contains("Cancelled: no audit was started."))
        #expect(!run.output.contains("smaudit 0.1.0\n"))
    }

    /// Issue 18, item 5: leaving in the middle of an audit says where it is saved and how to
    /// continue it, whether by Ctrl-D, `quit` or `/quit`.
    @Test(arguments: [Keys.ctrlD, .line("/quit"), .line("/exit")])
    func leavingMidAuditSaysWhereItIsSaved(leave: Keys) {
        let run = driver.run([.line("sales"), leave], interactive: true, start: ShellDriver.miniAudit)
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.hasSuffix("The audit is saved in \(sessionPath); `resume` continues it.\n"), "\(run.output)")
    }

    /// Issue 18, item 4: a prompt that needs a line the script does not have is an error of the
    /// line that asked, and the exit status says so.
    @Test func aScriptEndingAtTheOrganisationPromptFailsAtTheLineThatAsked() {
        let run = driver.script("version\naudit mini\n")
        #expect(run.status == 1)
        #expect(run.errors.hasPrefix("<stdin>:2: error: audit: the input ended before the organisation was given, so no audit was started;"), "\(run.errors)")
        #expect(!driver.exists("data/smaudit/sessions"))
        let auditors = driver.script("audit mini\nAcme\n")
        #expect(auditors.status == 1)
        #expect(auditors.errors.hasPrefix("<stdin>:1: error: audit: the input ended before the auditors were given"), "\(auditors.errors)")
    }

    /// Issue 18, item 6: a command word typed as an answer is refused as an answer, and the
    /// error says how to run the command.
    @Test func aCommandTypedWithoutItsSlashSaysHowToRunIt() {
        let run = driver.script("sales\nback\nskip now\n", start: ShellDriver.miniAudit)
        #expect(run.errors.contains(#"<stdin>:2: error: mini.followers: "back" is not a number"#), "\(run.errors)")
        #expect(run.errors.contains("; to run the command `back`, type /back\n"), "\(run.errors)")
        #expect(run.errors.contains("; to run the command `skip`, type /skip now\n"), "\(run.errors)")
    }

    /// Issue 18, item 6: while a question waits, `/help` lists the commands as they must be typed.
    @Test func helpDuringAQuestionListsCommandsWithTheirSlash() {
        let during = driver.script("/help\n/help goto\n", start: ShellDriver.miniAudit).output
        #expect(during.contains("\n/back "))
        #expect(during.contains("\n/report [FILE] [OPTIONS] "))
        #expect(during.contains("A line without `/` is the answer to the question; `?` explains it."))
        #expect(during.contains("\n/goto ID\n"))
        #expect(during.contains("    /goto response_time"))
        let outside = driver.script("help\n").output
        #expect(outside.contains("\nback ") && !outside.contains("/back"))
    }

    /// At the end of an audit at a terminal: who owns each action (Enter keeps the suggested
    /// role), then the report offer, each a step of its own.
    @Test func theOwnersAndTheReportOfferAreStepsOfTheirOwn() {
        let run = driver.run([.line("sales"), .line("900"), .line("no"), .line(""), .line("no")], interactive: true, start: ShellDriver.miniAudit)
        #expect(Array(run.prompts.suffix(3)) == ["Who owns action 1 (whoever posts for you): ",
                                                 "Write the report to acme-2026-11-23.md now? yes or no (yes): ", "smaudit> "])
        #expect(run.output.contains("The plan has 1 action. Who owns each?"))
        #expect(run.output.contains("Type `report` whenever you want it"))
    }

    /// `plan` lists the actions with owners and dates; `plan N --owner --due` changes one, and a
    /// wrong number, date or missing action number is an error naming what is accepted.
    @Test func planShowsAndChangesOwnersAndDates() {
        let run = driver.script("growing followers\n900\nno\nplan 2 --owner Priya --due 2027-01-15\nplan 3 --owner Sam\nplan 1 --due soon\nplan --owner Sam\nplan 2 --owner -\n",
                                start: ShellDriver.miniAudit)
        // Two problems fail: answering on social (critical) and relationships before reach (high).
        #expect(run.output.contains("""
        First 30 days
          1. Reply to customer requests on social.
             Who: whoever posts for you (suggested); by 23 December 2026; worked when: the next audit finds this in place: “Reply to customer requests on social”
          2. Relationships before reach.
             Who: Priya; by 15 January 2027; worked when: the next audit finds this in place: “Relationships before reach”
        """), "\(run.output)")
        let errors = run.errors.split(separator: "\n").map(String.init)
        #expect(errors == ["<stdin>:5: error: no action 3: the plan has actions 1 to 2",
                           "<stdin>:6: error: --due soon is not a date: write it as YYYY-MM-DD, such as 2027-01-31",
                           "<stdin>:7: error: plan: say which action: plan N --owner NAME (plan lists the numbers)"], "\(run.errors)")
        // `--owner -` goes back to the suggested role.
        #expect(run.output.hasSuffix("""
          2. Relationships before reach.
             Who: whoever posts for you (suggested); by 15 January 2027; worked when: the next audit finds this in place: “Relationships before reach”

        """), "\(run.output)")
    }

    /// Replacing a report is a question of its own; Ctrl-C (or no) keeps the file.
    @Test func replacingAReportIsAskedAndCtrlCKeepsTheFile() throws {
        let path = try driver.write("keep me", to: "r.md")
        let run = driver.run([.line("sales"), .line("/report \(path)"), .ctrlC, .line("/report \(path)"), .line("yes")],
                             interactive: true, start: ShellDriver.miniAudit)
        #expect(run.prompts.filter { $0 == "\(path) exists. Replace it? yes or no (no): " }.count == 2)
        #expect(run.output.contains("Left \(path) as it was."))
        #expect(run.output.contains("Report written to \(path)."))
        #expect(try driver.read("r.md").hasPrefix("# Social media audit: Acme"))
        // Back at the question that was waiting.
        #expect(run.prompts.last == "smaudit [mini 2/3]> ")
    }

    /// `/skip` once every question is answered or skipped says so and how to get back to one;
    /// it sent the team to `audit` or `resume`, with the audit still open.
    @Test func skipAfterTheLastQuestionSaysHowToGetBack() {
        let run = driver.script("sales\n900\nno\n/skip\n", start: ShellDriver.miniAudit)
        #expect(run.errors == "<stdin>:4: error: no question is waiting: every question is answered or skipped; `goto ID` returns to one, `review` lists them\n",
                "\(run.errors)")
    }

    /// `measure` asks once before replacing typed answers; the answer keeps or replaces them.
    @Test func measureAsksOnceBeforeReplacingTypedAnswers() throws {
        let inbox = try driver.write("id,from,inbound,time,in_reply_to\n1,alice,true,2026-01-01 10:00,\n2,Brand,false,2026-01-01 10:30,1\n", to: "inbox.csv")
        let run = driver.run([.line("sales"), .line("900"), .line("yes"), .line("2h"), .line("no"),
                              .line("measure --inbox \(inbox)"), .line("no")], interactive: true, start: ShellDriver.miniAudit)
        #expect(run.status == 0, "\(run.errors)")
        // Every conflict is listed above a short prompt: a prompt wider than the terminal wraps
        // mid-word in the line editor, and "and 4 more" hid what would be replaced.
        #expect(run.output.contains("1 question already has a typed answer:\n  mini.response_time: 2h → 30m\nReplacing keeps the typed answer as the team's estimate.\n"), "\(run.output)")
        #expect(run.prompts.contains("Replace it with the measured value? yes or no (yes): "), "\(run.prompts)")
        #expect(run.output.contains("Kept 1 typed answer:\n  mini.response_time: you said 2h, the inbox shows 30m (2026-01-01); yours is kept"), "\(run.output)")
    }
}
