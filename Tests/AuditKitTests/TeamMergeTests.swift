import Testing
import TestSupport
@testable import AuditKit

/// Issue 27: auditors answer alone, `merge` keeps every answer and shows where they disagree.
@Suite struct TeamMergeTests {
    let set: ChecklistSet = {
        let text = """
        id: mini
        title: Mini
        version: 1.0.0
        sections:
          - id: s
            title: S
            questions:
              - id: priority
                prompt: Priority?
                type: choice
                choices: [growing followers, engagement, sales]
              - id: followers
                prompt: Followers?
                type: number
              - id: share
                prompt: Share of posts that sell?
                type: percent
              - id: reply
                prompt: Reply time?
                type: duration
              - id: written
                prompt: Written down?
                type: yesno
                allow_na: true
              - id: words
                prompt: In your words?
                type: text
              - id: answers_dms
                prompt: Do you answer direct messages?
                type: yesno
              - id: dm_time
                prompt: How fast?
                type: duration
                when: answers_dms
        rules:
          - id: fast
            title: Fast replies
            check: reply <= 1h
            severity: high
        """
        return ChecklistSet.load([(file: "mini.yaml", text: text)]).0
    }()

    func ref(_ id: String) -> QuestionRef { QuestionRef(checklist: "mini", question: id) }

    /// One auditor's session with answers typed as in the shell.
    func alone(_ name: String, _ answers: [String: String], organisation: String = "Acme", at: String = "2026-12-01T10:00:00Z",
               notes: [String: [String]] = [:], evidence: [String: [String]] = [:]) -> AuditSession {
        var session = AuditSession(organisation: organisation, auditors: [name], started: at,
                                   checklists: [ChecklistStamp(set.checklist("mini")!)])
        session.answeredBy = name
        for (id, text) in answers {
            var entry = AnswerEntry(text: text, value: try? set.question(ref(id))!.parse(text).get(), at: at)
            entry.notes = notes[id] ?? []
            entry.evidence = evidence[id] ?? []
            session[ref(id)] = entry
        }
        for (id, list) in notes where answers[id] == nil {
            var entry = session[ref(id)]
            entry.notes = list
            session[ref(id)] = entry
        }
        return session
    }

    func merge(_ sessions: AuditSession...) throws -> AuditSession {
        try TeamMerge.merge(sessions.enumerated().map { ("\($0.offset).yaml", $0.element) }, set: set)
    }

    @Test func agreedAnswersAreTheTeamsAndTheOthersAreOpenDisagreements() throws {
        let team = try merge(
            alone("Priya", ["priority": "sales", "followers": "1000", "share": "20%", "reply": "1d", "written": "yes"]),
            alone("Sam", ["priority": "engagement", "followers": "1080", "share": "28%", "reply": "1h", "written": "n/a"]))
        #expect(team.auditors == ["Priya", "Sam"])
        #expect(team.isTeam && team.answeredBy == nil)
        // 1,000 and 1,080 are within 10 %; 20 % and 28 % within 10 points: the team's answer is
        // the lower median's.
        #expect(team[ref("followers")].text == "1000")
        #expect(team[ref("share")].text == "20%")
        // A choice, a duration 24 times longer, and "not applicable" beside a yes disagree.
        let open = TeamMerge.disagreements(in: team, set: set)
        #expect(open.map(\.ref.question) == ["priority", "reply", "written"])
        #expect(open.allSatisfy { $0.isOpen })
        #expect(team[ref("priority")].value == nil && team[ref("reply")].value == nil)
        #expect(open[0].answers.map { "\($0.auditor)=\($0.entry.text ?? "")" } == ["Priya=sales", "Sam=engagement"])
        let agreement = TeamMerge.agreement(in: team, set: set)
        #expect(agreement.agreed == 2 && agreement.of == 5)
        // The rule reading the open reply time is open, not decided by either auditor.
        let card = Scorer.score(set, answers: team.answers, checklists: ["mini"])
        #expect(card.overall.openRules == 1)
    }

    @Test func theTolerancesAreTheDocumentedOnes() {
        #expect(TeamMerge.agree([.number(100), .number(110)], type: .number))
        #expect(!TeamMerge.agree([.number(100), .number(112)], type: .number))
        #expect(TeamMerge.agree([.percent(0.20), .percent(0.30)], type: .percent))
        #expect(!TeamMerge.agree([.percent(0.20), .percent(0.31)], type: .percent))
        #expect(TeamMerge.agree([.duration(seconds: 3600), .duration(seconds: 4800)], type: .duration))
        #expect(!TeamMerge.agree([.duration(seconds: 3600), .duration(seconds: 5000)], type: .duration))
        #expect(!TeamMerge.agree([.scale(3), .scale(4)], type: .scale))
        #expect(TeamMerge.agree([.text("a"), .text("b")], type: .text))
        #expect(!TeamMerge.agree([.bool(true), .notApplicable], type: .yesno))
        #expect(TeamMerge.agree([.notApplicable, .notApplicable], type: .yesno))
    }

    @Test func aDecisionSettlesADisagreementAndSurvivesAnotherMerge() throws {
        var team = try merge(alone("Priya", ["reply": "1d"]), alone("Sam", ["reply": "1h"]))
        TeamMerge.resolve(ref("reply"), answer: "4h", reason: "the inbox shows half a day", at: "2026-12-02T09:00:00Z", in: &team, set: set)
        #expect(team[ref("reply")].value == .duration(seconds: 4 * 3600))
        let decided = TeamMerge.disagreements(in: team, set: set)
        #expect(decided.count == 1 && !decided[0].isOpen && decided[0].resolution?.reason == "the inbox shows half a day")
        // A third auditor merged in later: the decision stands.
        let again = try merge(team, alone("Ana", ["reply": "2h"]))
        #expect(again[ref("reply")].text == "4h")
        #expect(again.auditors == ["Ana", "Priya", "Sam"])
    }

    /// A disagreement on a question the team's decision no longer asks is moot, not open: it
    /// must not keep the score provisional nor be walked by `resolve`.
    @Test func aDisagreementOnAQuestionNoLongerAskedIsNotOpen() throws {
        var team = try merge(alone("Priya", ["answers_dms": "yes", "dm_time": "1h"]), alone("Sam", ["answers_dms": "no", "dm_time": "1d"]))
        #expect(TeamMerge.disagreements(in: team, set: set).filter(\.isOpen).map(\.ref.question) == ["answers_dms"])
        TeamMerge.resolve(ref("answers_dms"), answer: "no", reason: nil, at: "2026-12-02T09:00:00Z", in: &team, set: set)
        let after = TeamMerge.disagreements(in: team, set: set)
        #expect(after.map(\.ref.question) == ["answers_dms", "dm_time"])
        #expect(after.filter(\.isOpen).isEmpty)
        #expect(after.last?.isAsked == false)
    }

    /// A note the facilitator adds to the team's answer (`/note` in a team session) is the
    /// team's own: merging another auditor in, or deciding, must not drop it.
    @Test func theTeamsOwnNotesSurviveAnotherMergeAndADecision() throws {
        var team = try merge(alone("Priya", ["reply": "1d"], notes: ["reply": ["weekends"]]), alone("Sam", ["reply": "1h"]))
        var entry = team[ref("reply")]
        entry.notes.append("checked against the inbox on Monday")
        entry.evidence.append("https://example.com/inbox.png")
        team[ref("reply")] = entry
        let again = try merge(team, alone("Ana", ["reply": "2h"]))
        #expect(again[ref("reply")].notes == ["Priya: weekends", "checked against the inbox on Monday"])
        #expect(again[ref("reply")].evidence == ["https://example.com/inbox.png"])
        var decided = again
        TeamMerge.resolve(ref("reply"), answer: "4h", reason: nil, at: "2026-12-02T09:00:00Z", in: &decided, set: set)
        #expect(decided[ref("reply")].notes == ["Priya: weekends", "checked against the inbox on Monday"])
    }

    @Test func measuredDataSettlesADisagreementOnItsOwn() throws {
        var team = try merge(alone("Priya", ["reply": "1d"]), alone("Sam", ["reply": "1h"]))
        var entry = team[ref("reply")]
        entry.text = "18h"
        entry.value = .duration(seconds: 18 * 3600)
        entry.measured = MeasuredValue(file: "tickets.csv", metric: "inbox.first_response_minutes.median", value: 1080,
                                       at: "2026-12-03T10:00:00Z", period: "Nov 2026")
        team[ref("reply")] = entry
        let found = TeamMerge.disagreements(in: team, set: set)
        #expect(found.count == 1 && !found[0].isOpen && found[0].measured?.value == 1080)
        // Merging again keeps the figure the team measured.
        let again = try merge(team, alone("Priya", ["reply": "1d"]))
        #expect(again[ref("reply")].text == "18h" && again[ref("reply")].measured?.file == "tickets.csv")
    }

    @Test func sessionsOfDifferentOrganisationsAreRefusedButSpacingAndCaseAreNot() throws {
        #expect(throws: TeamMerge.Refusal.self) {
            try merge(alone("Priya", ["reply": "1d"], organisation: "Lakeside Physio"), alone("Sam", ["reply": "1h"], organisation: "Hearth & Crumb"))
        }
        let team = try merge(alone("Priya", ["reply": "1d"], organisation: "Lakeside Physio"),
                             alone("Sam", ["reply": "1h"], organisation: " lakeside  physio"))
        #expect(team.auditors == ["Priya", "Sam"])
    }

    @Test func aSessionWithoutAnAuditorIsRefusedAndOneAnsweredTogetherIsOneVoice() throws {
        var nobody = alone("x", ["reply": "1d"])
        nobody.answeredBy = nil
        nobody.auditors = []
        #expect(throws: TeamMerge.Refusal.self) { try merge(nobody, alone("Sam", ["reply": "1h"])) }
        var together = alone("x", ["reply": "1d"])
        together.answeredBy = nil
        together.auditors = ["Dana", "Lee"]
        let team = try merge(together, alone("Sam", ["reply": "1h"]))
        #expect(team.auditors == ["Dana and Lee (together)", "Sam"])
    }

    @Test func aTeamSessionReadsBackAsWritten() throws {
        var team = try merge(
            alone("Priya", ["priority": "sales", "reply": "1d"], notes: ["reply": ["we check once a day"]], evidence: ["reply": ["inbox.png"]]),
            alone("Sam", ["priority": "engagement", "reply": "1h"]))
        TeamMerge.resolve(ref("priority"), answer: "sales", reason: "the owner decides", at: "2026-12-02T09:00:00Z", in: &team, set: set)
        let text = SessionWriter.render(team, set: set)
        #expect(text.contains("format: 3\n"))
        let read = SessionReader.read(text: text, file: "team.yaml", set: set, now: "2026-12-05T00:00:00Z")
        let back = try #require(read.session, "\(read.diagnostics)")
        #expect(back == team)
        #expect(SessionWriter.render(back, set: set) == text)
        // A one-person session stays in format 2.
        #expect(SessionWriter.render(alone("Priya", ["reply": "1d"]), set: set).contains("format: 2\n"))
    }

    @Test func aDecisionThatIsNoValidAnswerIsAnErrorAtItsPlace() {
        let text = """
        organisation: Acme
        answers: {}
        resolved:
          mini:
            reply: {answer: "soon"}
        """
        let read = SessionReader.read(text: text, file: "team.yaml", set: set, now: "2026-12-05T00:00:00Z")
        #expect(read.session == nil)
        #expect(read.diagnostics.first.map { "\($0.location.line):\($0.location.column)" } == "5:21")
    }

    // MARK: Properties over random sessions

    static let choices = ["growing followers", "engagement", "sales"]

    func randomSession(_ r: inout SeededRandom, name: String) -> AuditSession {
        var answers: [String: String] = [:]
        var notes: [String: [String]] = [:]
        var evidence: [String: [String]] = [:]
        for id in ["priority", "followers", "share", "reply", "written", "words"] where Int.random(in: 0..<3, using: &r) > 0 {
            switch id {
            case "priority": answers[id] = Self.choices.randomElement(using: &r)!
            case "followers": answers[id] = String(Int.random(in: 900...1300, using: &r))
            case "share": answers[id] = "\(Int.random(in: 10...35, using: &r))%"
            case "reply": answers[id] = ["1h", "70m", "2h", "1d"].randomElement(using: &r)!
            case "written": answers[id] = ["yes", "no", "n/a"].randomElement(using: &r)!
            default: answers[id] = ["we post daily", "mostly photos"].randomElement(using: &r)!
            }
            if Bool.random(using: &r) { notes[id] = ["\(name) on \(id) #\(Int.random(in: 0..<100, using: &r))"] }
            if Bool.random(using: &r) { evidence[id] = ["https://example.com/\(name)/\(id)"] }
        }
        return alone(name, answers, at: "2026-12-0\(Int.random(in: 1...9, using: &r))T10:00:00Z", notes: notes, evidence: evidence)
    }

    @Test func mergingIsOrderIndependentIdempotentAndLosesNothing() throws {
        var r = SeededRandom(seed: 27)
        let names = ["Ana", "Priya", "Sam", "Lee"]
        for _ in 0..<200 {
            let count = Int.random(in: 2...4, using: &r)
            let sessions = names.prefix(count).map { randomSession(&r, name: $0) }
            let inputs = sessions.enumerated().map { ("\($0.offset).yaml", $0.element) }
            let team = try TeamMerge.merge(inputs, set: set)
            // A+B = B+A, whatever the order.
            #expect(try TeamMerge.merge(inputs.shuffled(using: &r), set: set) == team)
            // A+A = A, and merging a team session with one of its auditors again changes nothing.
            #expect(try TeamMerge.merge(inputs + inputs, set: set) == team)
            #expect(try TeamMerge.merge([("team.yaml", team), inputs[0]], set: set) == team)
            // Every answer, note and piece of evidence of every input is kept under its auditor.
            for session in sessions {
                let own = try #require(team.byAuditor[session.answeredBy!])
                for (ref, entry) in session.entries {
                    #expect(own[ref]?.text == entry.text)
                    #expect(own[ref]?.notes == entry.notes)
                    #expect(own[ref]?.evidence == entry.evidence)
                }
            }
            // An open disagreement never takes one auditor's answer.
            for d in TeamMerge.disagreements(in: team, set: set) where d.isOpen {
                #expect(team[d.ref].value == nil)
            }
        }
    }
}
