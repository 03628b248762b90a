import AuditKit
import AuditReport
import Foundation
import Testing

/// The JSON report parses, follows `docs/report-schema.json`, and carries numbers as numbers.
@Suite struct JSONReportTests {
    static let schemaURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/report-schema.json")

    static func parse(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test(arguments: ["strong", "typical", "struggling", "comparison", "hostile"])
    func followsTheSchema(_ name: String) throws {
        let text: String
        switch name {
        case "strong": text = JSONReport.render(Fixtures.strong)
        case "typical": text = JSONReport.render(Fixtures.typical)
        case "struggling": text = JSONReport.render(Fixtures.struggling)
        case "comparison": text = JSONReport.render(Fixtures.improved, baseline: Fixtures.struggling)
        default: text = JSONReport.render(CmarkRenderingTests.hostileInput, baseline: Fixtures.struggling)
        }
        let validator = try SchemaValidator(schemaAt: Self.schemaURL)
        let errors = validator.validate(try Self.parse(text))
        #expect(errors.isEmpty, "\(errors.prefix(10).joined(separator: "\n"))")
    }

    @Test func validatorCatchesDrift() throws {
        // The checker itself must notice a wrong type, a missing key and an unknown key.
        var doc = try Self.parse(JSONReport.render(Fixtures.strong))
        var overall = try #require(doc["overall"] as? [String: Any])
        overall["score"] = "98.0"
        doc["overall"] = overall
        doc.removeValue(forKey: "date")
        doc["extra"] = 1
        let errors = try SchemaValidator(schemaAt: Self.schemaURL).validate(doc)
        #expect(errors.contains { $0.contains("$.overall.score") })
        #expect(errors.contains { $0.contains("missing required key date") })
        #expect(errors.contains { $0.contains("unexpected key extra") })
    }

    @Test func numbersAreNumbersAndUnknownIsNull() throws {
        let text = JSONReport.render(Fixtures.improved, baseline: Fixtures.struggling)
        #expect(text.hasPrefix("{\n  \"schema\": \"smaudit-report/4\",\n  \"organisation\": \"Acme Widgets\","))
        let doc = try Self.parse(text)
        let overall = try #require(doc["overall"] as? [String: Any])
        // 27 of 57 points, problems charged once (ComparisonTests) = 47.368 → 47.37 (two
        // decimals); 16 of 17 asked questions answered.
        #expect(overall["score"] as? Double == 47.37)
        #expect(overall["known_points"] as? Double == 57)
        #expect(overall["band"] as? String == "at risk")
        #expect(overall["coverage"] as? Double == 0.9412)
        let answers = try #require(doc["answers"] as? [[String: Any]])
        let byID = Dictionary(uniqueKeysWithValues: answers.map { ($0["question"] as! String, $0) })
        #expect(byID["response_time"]?["value"] as? Double == 21600)
        #expect(byID["response_time"]?["answer"] as? String == "6h")
        #expect(byID["helpful_share"]?["value"] as? Double == 0.5)
        #expect(byID["objectives"]?["value"] as? [String] == ["lead generation", "service and support"])
        #expect(byID["voice_consistency"]?["value"] as? Int == 2)
        #expect(byID["sells_immediately"]?["value"] as? Bool == false)
        let comparison = try #require(doc["comparison"] as? [String: Any])
        let scores = try #require(comparison["scores"] as? [[String: Any]])
        #expect(scores.first?["checklist"] is NSNull)
        #expect(scores.first?["change"] as? Double == 44.6)
        let first = try #require(comparison["first_judged"] as? [[String: Any]])
        #expect(first.map { $0["rule"] as? String } == ["measured-objectives", "fast-replies"])
        #expect(first.map { $0["previous_status"] as? String } == ["not_applicable", "open"])

        let alone = try Self.parse(JSONReport.render(Fixtures.struggling))
        #expect(alone["comparison"] is NSNull)
        let open = try #require(alone["open_rules"] as? [[String: Any]])
        #expect(open.count == 5)
        let rules = try #require((alone["checklists"] as? [[String: Any]])?.first?["rules"] as? [[String: Any]])
        #expect(rules.first { $0["id"] as? String == "written-voice" }?["gain"] is NSNull)
    }

    @Test func themesThePlanAndEstimatesAreThere() throws {
        let doc = try Self.parse(JSONReport.render(Fixtures.improved, baseline: Fixtures.struggling))
        #expect(doc["top_problems"] as? [String] == ["seven-steps.unmeasured", "seven-steps.plan-metrics", "four-mistakes.relationships-first"])
        let plan = try #require(doc["action_plan"] as? [[String: Any]])
        // Eight problems, two of which share a recommendation: seven actions, four in the first
        // 30 days, three in days 31–60, dated from the audit's 2024-04-15.
        #expect(plan.map { $0["phase"] as? Int } == [30, 30, 30, 30, 60, 60, 60])
        #expect(plan.map { $0["due"] as? String } == ["2024-05-15", "2024-05-15", "2024-05-15", "2024-05-15", "2024-06-14", "2024-06-14", "2024-06-14"])
        let first = try #require(plan.first)
        // One action for the two problems that share a recommendation: 10 of 57 points = 17.54.
        #expect(first["action"] as? String == "Give each objective one metric and a monthly target.")
        #expect(first["themes"] as? [String] == ["seven-steps.unmeasured", "seven-steps.plan-metrics"])
        #expect(first["gain"] as? Double == 17.54)
        #expect(first["owner"] as? String == "whoever posts for you" && first["owner_suggested"] as? Bool == true)
        #expect(first["success"] as? String == "The next audit finds this in place: “Every objective is measured”")

        let typical = try Self.parse(JSONReport.render(Fixtures.typical))
        let estimates = try #require(typical["estimates"] as? [[String: Any]])
        #expect(estimates.count == 1)
        #expect(estimates.first?["estimate"] as? String == "50%")
        #expect(estimates.first?["measured"] as? String == "89.8%")
        #expect(estimates.first?["file"] as? String == "inbox-oct.csv")
        #expect(estimates.first?["period"] as? String == "Oct 2026")
        #expect(estimates.first?["metric_words"] as? String == "share of customer messages answered")
        let themes = try #require(typical["themes"] as? [[String: Any]])
        // 89.8 % are answered; sending requests away fails, and the problem heads its finding.
        #expect(themes.first?["problem"] as? String == "Customer requests are not answered where they are asked")
        #expect(themes.first?["cap"] as? String == "developing")
        let findings = try #require(typical["findings"] as? [[String: Any]])
        let source = try #require(findings.last?["source"] as? [String: Any])
        #expect(source["author"] as? String == "Martin Zwilling" && source["date"] as? String == "2013-08-18")
    }

    @Test func hostileTextRoundTripsExactly() throws {
        var input = CmarkRenderingTests.hostileInput
        input.organisation += "\u{1}\t\"quoted\" \\ \u{2028}"
        let doc = try Self.parse(JSONReport.render(input))
        #expect(doc["organisation"] as? String == input.organisation)
        let answers = try #require(doc["answers"] as? [[String: Any]])
        #expect(answers.first?["answer"] as? String == CmarkRenderingTests.hostileText)
    }

    /// A finding's `why` is the one the Markdown shows: its theme's help, written for the reader,
    /// before the help of the question it reads, which also guides the auditor.
    @Test func aFindingsWhyIsItsThemesHelpFirst() throws {
        let text = """
        id: why
        title: Why
        version: "1"
        themes:
          - {id: inbox, title: Requests answered, problem: Requests go unanswered, help: Customers judge a brand by its replies.}
        sections:
          - id: s
            title: S
            questions:
              - {id: owner, prompt: Does someone own the inbox?, type: yesno, help: Answer n/a if nobody writes to you.}
        rules:
          - {id: r-owner, title: The inbox has an owner, theme: inbox, severity: high, check: owner}
        """
        let json = try Self.parse(JSONReport.render(Fixtures.input(checklist: "why", text, answers: ["owner": .bool(false)])))
        let findings = try #require(json["findings"] as? [[String: Any]])
        #expect(findings.first?["why"] as? String == "Customers judge a brand by its replies.")
    }
}
