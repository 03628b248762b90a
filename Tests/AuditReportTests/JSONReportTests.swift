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

    @Test(arguments: ["strong", "struggling", "comparison", "hostile"])
    func followsTheSchema(_ name: String) throws {
        let text: String
        switch name {
        case "strong": text = JSONReport.render(Fixtures.strong)
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
        #expect(text.hasPrefix("{\n  \"schema\": \"smaudit-report/2\",\n  \"organisation\": \"Acme Widgets\","))
        let doc = try Self.parse(text)
        let overall = try #require(doc["overall"] as? [String: Any])
        // 28 of 49 points = 57.142857 → 57.14 (two decimals).
        #expect(overall["score"] as? Double == 57.14)
        #expect(overall["known_points"] as? Double == 49)
        #expect(overall["band"] as? String == "developing")
        #expect(overall["coverage"] as? Double == 1)
        let fixes = try #require(doc["top_fixes"] as? [[String: Any]])
        #expect(fixes.first?["overall_gain"] as? Double == 10.2)
        let answers = try #require(doc["answers"] as? [[String: Any]])
        let byID = Dictionary(uniqueKeysWithValues: answers.map { ($0["question"] as! String, $0) })
        #expect(byID["response_time"]?["value"] as? Double == 21600)
        #expect(byID["response_time"]?["answer"] as? String == "6h")
        #expect(byID["helpful_share"]?["value"] as? Double == 0.5)
        #expect(byID["objectives"]?["value"] as? [String] == ["lead generation", "service and support"])
        #expect(byID["voice_consistency"]?["value"] as? Int == 4)
        #expect(byID["sells_immediately"]?["value"] as? Bool == false)
        let comparison = try #require(doc["comparison"] as? [String: Any])
        let scores = try #require(comparison["scores"] as? [[String: Any]])
        #expect(scores.first?["checklist"] is NSNull)
        #expect(scores.first?["change"] as? Double == 57.1)

        let alone = try Self.parse(JSONReport.render(Fixtures.struggling))
        #expect(alone["comparison"] is NSNull)
        let open = try #require(alone["open_rules"] as? [[String: Any]])
        #expect(open.count == 4)
        let rules = try #require((alone["checklists"] as? [[String: Any]])?.first?["rules"] as? [[String: Any]])
        #expect(rules.first { $0["id"] as? String == "written-voice" }?["gain"] is NSNull)
    }

    @Test func hostileTextRoundTripsExactly() throws {
        var input = CmarkRenderingTests.hostileInput
        input.organisation += "\u{1}\t\"quoted\" \\ \u{2028}"
        let doc = try Self.parse(JSONReport.render(input))
        #expect(doc["organisation"] as? String == input.organisation)
        let answers = try #require(doc["answers"] as? [[String: Any]])
        #expect(answers.first?["answer"] as? String == CmarkRenderingTests.hostileText)
    }
}
