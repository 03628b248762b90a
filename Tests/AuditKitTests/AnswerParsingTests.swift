import Testing
@testable import AuditKit

@Suite struct AnswerParsingTests {
    func q(_ type: QuestionType, choices: [String] = [], min: Double? = nil, max: Double? = nil,
           allowNA: Bool = false, unit: String? = nil) -> Question {
        Question(id: "q", prompt: "Q?", type: type, choices: choices, allowNA: allowNA, min: min, max: max, unit: unit)
    }

    func accepts(_ question: Question, _ table: [(String, AnswerValue)], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        for (text, value) in table {
            #expect((try? question.parse(text).get()) == value, "\(text)", sourceLocation: sourceLocation)
        }
    }

    func rejects(_ question: Question, _ text: String) -> String {
        switch question.parse(text) {
        case .success(let v): return "accepted as \(v)"
        case .failure(let e): return e.description
        }
    }

    /// Found in a consultant's trial: "How many micro-segments?" took 2.5. A count says
    /// `integer: true`, and then only whole numbers are read (12k is one).
    @Test func anIntegerQuestionTakesWholeNumbersOnly() throws {
        var count = q(.number, min: 0, unit: "segments")
        count.integer = true
        accepts(count, [("3", .number(3)), ("12k", .number(12000)), ("1,200", .number(1200)), ("1.5k", .number(1500)), ("4 segments", .number(4))])
        #expect(rejects(count, "2.5") == "\"2.5\" is not a whole number: type a whole number such as 12, 1,200 or 12k, at least 0")
        #expect((try? q(.number).parse("2.5").get()) == .number(2.5))
        func checklist(_ question: String) -> String {
            "id: c\ntitle: C\nversion: \"1\"\nsections:\n  - id: s\n    title: S\n    questions:\n      - \(question)\n"
        }
        let set = mustLoad(checklist("{id: n, prompt: How many?, type: number, integer: true}"))
        #expect(set.question(QuestionRef(checklist: "c", question: "n"))?.integer == true)
        let (_, diagnostics) = ChecklistSet.load([(file: "c.yaml", text: checklist("{id: p, prompt: Share?, type: percent, integer: true}"))])
        #expect(diagnostics.map(\.message).contains("`integer` applies only to number questions"), "\(diagnostics)")
    }

    @Test func yesno() {
        let yn = q(.yesno)
        accepts(yn, [("yes", .bool(true)), ("Y", .bool(true)), ("TRUE", .bool(true)), ("no", .bool(false)),
                     ("n", .bool(false)), (" False ", .bool(false))])
        #expect(rejects(yn, "maybe") == "\"maybe\" is not yes or no: type yes or no (y/n)")
        #expect(rejects(yn, "n/a") == "\"not applicable\" is not accepted for this question: type yes or no (y/n)")
        #expect((try? q(.yesno, allowNA: true).parse("Not applicable").get()) == .notApplicable)
        #expect(q(.yesno, allowNA: true).acceptedAnswers == "type yes or no (y/n), or n/a")
    }

    @Test func choiceByNumberLabelOrUniquePrefix() {
        let c = q(.choice, choices: ["growing followers", "engagement with followers", "sales", "customer service"])
        accepts(c, [("2", .choice("engagement with followers")), ("SALES", .choice("sales")),
                    ("cust", .choice("customer service")), ("g", .choice("growing followers"))])
        #expect(rejects(c, "5") == "5 is not a choice number: type a number from 1 to 4 or a choice (a unique beginning is enough): growing followers, engagement with followers, sales, customer service")
        #expect(rejects(c, "marketing").hasPrefix("\"marketing\" is not a choice: "))
        let ambiguous = q(.choice, choices: ["sales", "satisfaction"])
        #expect(rejects(ambiguous, "sa").hasPrefix("\"sa\" matches several choices (sales, satisfaction): "))
        #expect(c.numberedChoices == ["1) growing followers", "2) engagement with followers", "3) sales", "4) customer service"])
    }

    @Test func multiAsCommaList() {
        let m = q(.multi, choices: ["facebook", "twitter", "linkedin"])
        accepts(m, [("linkedin, 1", .choices(["facebook", "linkedin"])), ("none", .choices([])),
                    ("tw,tw", .choices(["twitter"])), ("LinkedIn", .choices(["linkedin"]))])
        #expect(rejects(m, "facebook, myspace").hasPrefix("\"myspace\" is not a choice: type numbers or choices"))
    }

    @Test func numbers() {
        let n = q(.number, min: 0, unit: "followers")
        accepts(n, [("12000", .number(12000)), ("12,000", .number(12000)), ("12k", .number(12000)),
                    ("1.5m", .number(1_500_000)), ("1,234,567.5", .number(1_234_567.5)), ("20000 followers", .number(20000)),
                    ("0", .number(0))])
        #expect(rejects(n, "twelve") == "\"twelve\" is not a number: type a number such as 12000, 12,000 or 12k, at least 0")
        #expect(rejects(n, "-5").hasPrefix("-5 is below the minimum 0"))
        #expect(rejects(n, "1,2").hasPrefix("\"1,2\" is not a number"))
        #expect(rejects(q(.number, max: 100), "120").hasPrefix("120 is above the maximum 100"))
    }

    @Test func percentRule() {
        // Documented rule: `%` is explicit; bare numbers above 1 are percentages; 0…1 are fractions.
        let p = q(.percent)
        accepts(p, [("3.5%", .percent(0.035)), ("3.5", .percent(0.035)), ("0.035", .percent(0.035)),
                    ("1", .percent(1)), ("150%", .percent(1.5)), ("0.5%", .percent(0.005))])
        #expect(AnswerValue.percent(0.035).displayText == "3.5%")
        #expect(rejects(p, "lots").hasPrefix("\"lots\" is not a percentage: type a percentage such as 3.5%"))
        #expect(rejects(q(.percent, max: 1), "120%").hasPrefix("120% is above the maximum 100%"))
        // The bounds read as bounds of the answer, before the note on bare numbers.
        #expect(rejects(q(.percent, min: 0), "no") == "\"no\" is not a percentage: type a percentage such as 3.5%, or a count such as 12 of 20, at least 0% (a bare 3.5 means 3.5%; 1 or less is a fraction: 0.035 is 3.5%)")
    }

    @Test func scale() {
        let s = q(.scale)
        accepts(s, [("1", .scale(1)), ("5", .scale(5))])
        #expect(rejects(s, "6") == "\"6\" is not on the scale: type a whole number from 1 to 5")
        #expect(rejects(s, "2.5").hasPrefix("\"2.5\" is not on the scale"))
        accepts(q(.scale, min: 0, max: 10), [("10", .scale(10))])
    }

    @Test func durations() {
        let d = q(.duration)
        accepts(d, [("45m", .duration(seconds: 2700)), ("2h", .duration(seconds: 7200)),
                    ("1h30m", .duration(seconds: 5400)), ("1d", .duration(seconds: 86400)),
                    ("90s", .duration(seconds: 90)), ("2w", .duration(seconds: 1_209_600)),
                    ("0", .duration(seconds: 0)), ("2 hours", .duration(seconds: 7200)),
                    ("1h 15min", .duration(seconds: 4500))])
        #expect(rejects(d, "soon") == "\"soon\" is not a duration: type a duration with its unit, such as 45m, 2h, 1h30m, 1d or 90s")
        // A bare number could mean minutes, hours or days: it needs a unit (it once passed a
        // one-hour rule as 2 minutes when 2 days were meant).
        #expect(rejects(d, "2") == "\"2\" needs a unit: 2m for minutes, 2h for hours, 2d for days: type a duration with its unit, such as 45m, 2h, 1h30m, 1d or 90s")
        #expect(AnswerValue.duration(seconds: 5400).displayText == "1h30m")
    }

    @Test func datesAndText() {
        accepts(q(.date), [("2024-05-01", .date(CalendarDate(year: 2024, month: 5, day: 1)!)),
                           ("2024-02-29", .date(CalendarDate(year: 2024, month: 2, day: 29)!))])
        #expect(rejects(q(.date), "2023-02-29") == "\"2023-02-29\" is not a date: type a date as YYYY-MM-DD, such as 2024-05-01")
        #expect(rejects(q(.date), "May 1") .hasPrefix("\"May 1\" is not a date"))
        accepts(q(.text), [("We post daily", .text("We post daily")), ("n/a", .text("n/a"))])
        #expect(rejects(q(.text), "   ") == "an answer is needed: type any text")
    }

    /// `YYYY-MM-DD` in ASCII digits, the day existing; nothing looser or stranger.
    @Test func isoDatesAreExactlyTenASCIICharacters() {
        #expect(CalendarDate(iso: "2024-05-01") == CalendarDate(year: 2024, month: 5, day: 1))
        #expect(CalendarDate(iso: "0001-01-01") == CalendarDate(year: 1, month: 1, day: 1))
        #expect(CalendarDate(iso: "9999-12-31") == CalendarDate(year: 9999, month: 12, day: 31))
        for text in ["2024-5-01", "2024-05-1", "24-05-01", "2024/05/01", "2024-05-01 ", " 2024-05-01", "2024-0501-",
                     "2024-13-01", "2024-00-10", "2023-02-29", "0000-01-01", "２０２４-05-01", "2024-05-0١",
                     "2024-05-01\u{301}", "+024-05-01", "2024--5-01", ""] {
            #expect(CalendarDate(iso: text) == nil, "\(text)")
        }
    }

    @Test func calendarDayNumbersRoundTrip() {
        let d = CalendarDate(year: 1970, month: 1, day: 1)!
        #expect(d.dayNumber == 0)
        #expect(CalendarDate(year: 2024, month: 5, day: 1)!.dayNumber == 19844)
        for n in stride(from: -800_000, to: 2_900_000, by: 997) {
            #expect(CalendarDate(dayNumber: n).dayNumber == n)
        }
    }

    @Test func answerValuesAreCodable() throws {
        let values: [AnswerValue] = [.bool(true), .choices(["a", "b"]), .percent(0.5), .duration(seconds: 60),
                                     .date(CalendarDate(year: 2024, month: 1, day: 2)!), .notApplicable]
        let data = try JSONEncoder().encode(values)
        #expect(try JSONDecoder().decode([AnswerValue].self, from: data) == values)
    }
}

import Foundation
