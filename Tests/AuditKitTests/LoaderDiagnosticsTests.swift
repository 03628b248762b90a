import Testing
@testable import AuditKit

/// Every error kind the loader reports, each at an exact line and column. Fixture lines are
/// numbered in comments; columns are counted from 1, in characters.
@Suite struct LoaderDiagnosticsTests {
    let rule = [
        "  - id: network-size-not-priority",              // 18
        "    title: Relationships before reach",           // 19
    ]

    @Test func validBaseChecklistLoadsWithoutProblems() {
        let text = checklist("  - id: network-size-not-priority", "    title: Relationships before reach",
                             "    check: top_priority != \"growing followers\"", "    severity: high")
        #expect(problems(text) == [])
        let (c, _) = ChecklistLoader.load(text: text, file: "t.yaml")
        #expect(c?.id == "four-mistakes")
        #expect(c?.rules.first?.sectionID == "network")
        #expect(c?.contentHash.count == 16)
    }

    @Test func yamlSyntaxErrorPointsWhereLibyamlStopped() {
        // Line 2 opens a flow sequence that line 3 never closes properly.
        let p = problems(yaml("id: a", "title: [x, y", "version: 1"))
        // libyaml stops at the `:` of line 3, which a flow sequence cannot hold.
        #expect(p == ["3:8 YAML syntax error: did not find expected ',' or ']' (while parsing a flow sequence at line 2, column 8)"])
    }

    @Test func mappingValueInPlainScalarIsASyntaxError() {
        // "mapping values are not allowed here": libyaml reports the second colon, line 2 col 13.
        let p = problems(yaml("id: a", "title: plain: colon"))
        #expect(p == ["2:13 YAML syntax error: mapping values are not allowed in this context"])
    }

    @Test func unknownFieldSuggestsAndMissingFieldPointsAtTheMapping() {
        let text = yaml(
            "id: t",                // 1
            "title: T",             // 2
            "version: 1",           // 3
            "sections:",            // 4
            "  - id: s",            // 5
            "    title: S",         // 6
            "    questions:",       // 7
            "      - id: q1",       // 8: the mapping starts at col 9
            "        promt: Hello?", // 9: key at col 9
            "        type: yesno")  // 10
        #expect(problems(text) == [
            "8:9 missing required field `prompt` in a question",
            "9:9 unknown field `promt` in a question; did you mean `prompt`?",
        ])
    }

    @Test func aKeyThatIsNotANameIsReportedAndTheOtherFieldsStillRead() {
        let text = yaml(
            "id: t", "title: T", "version: 1", "sections:", "  - id: s", "    title: S", "    questions:", // 1-7
            "      - id: q",            // 8
            "        prompt: Q?",       // 9
            "        type: number",     // 10
            "        [min]: 1",         // 11: a list as a key, at col 9
            "        measure_period: last_90_days", // 12: a field written with `_`, read (not unknown)
            "        allow_na: maybe")  // 13: read, and its value judged: col 19
        #expect(problems(text) == [
            "11:9 keys in a question must be plain names",
            "12:25 `measure_period` matters only with `measure:`",
            "13:19 `allow_na` must be true or false, not `maybe`",
        ])
    }

    @Test func missingTopLevelFieldsAreAllReported() {
        #expect(problems(yaml("id: t", "sections: []")) == [
            "1:1 missing required field `title` in the checklist",
            "1:1 missing required field `version` in the checklist",
            "2:11 `sections` is empty; a checklist needs at least one section",
        ])
    }

    @Test func duplicateChecklistIDAcrossFilesPointsAtTheSecondID() {
        let text = checklist()
        let p = problems([("a.yaml", text), ("b.yaml", text)])
        #expect(p == ["1:5 duplicate checklist id `four-mistakes`; already loaded from a.yaml"])
        let (_, diagnostics) = ChecklistSet.load([(file: "a.yaml", text: text), (file: "b.yaml", text: text)])
        #expect(diagnostics.first?.location.file == "b.yaml")
    }

    /// Lines 1-13 of the two tests below: section `s1` with question `q`, then a second
    /// section `s1` (a repeated id, at line 11, column 9).
    private static let repeatedSection = [
        "id: d", "title: D", "version: 1", "sections:",  // 1-4
        "  - id: s1",                // 5
        "    title: S1",             // 6
        "    questions:",            // 7
        "      - id: q",             // 8
        "        prompt: Q?",        // 9
        "        type: yesno",       // 10
        "  - id: s1",                // 11
        "    title: S1 again",       // 12
        "    questions:",            // 13
    ]

    @Test func duplicateSectionQuestionAndRuleIDs() {
        let text = yaml(Self.repeatedSection + [
            "      - id: q",             // 14: duplicate question id at col 13
            "        prompt: Q again?",  // 15
            "        type: yesno",       // 16
            "rules:",                    // 17
            "  - id: r",                 // 18
            "    title: R",              // 19
            "    check: q",              // 20
            "    severity: low",         // 21
            "  - id: r",                 // 22: duplicate rule id at col 9
            "    title: R again",        // 23
            "    check: not q",          // 24
            "    severity: low",         // 25
        ])
        #expect(problems(text) == [
            "11:9 duplicate section id `s1`; first defined at line 5",
            "14:13 duplicate question id `q`; first defined at line 8",
            "22:9 duplicate rule id `r`; first defined at line 18",
        ])
    }

    /// The loader keeps one table of the question ids it has read (for repeated ids, the rules'
    /// default sections and the checklist's index): the questions of a section left out for
    /// its repeated id still count as taken, but no rule finds them, and targets share the ids.
    @Test func questionIdsOfALeftOutSectionAndOfTargets() {
        let text = yaml(Self.repeatedSection + [
            "      - id: left",          // 14
            "        prompt: L?",        // 15
            "        type: yesno",       // 16
            "  - id: s2",                // 17
            "    title: S2",             // 18
            "    questions:",            // 19
            "      - id: left",          // 20: repeats the left-out section's question
            "        prompt: L again?",  // 21
            "        type: yesno",       // 22
            "      - id: p",             // 23
            "        prompt: P?",        // 24
            "        type: yesno",       // 25
            "targets:",                  // 26
            "  - id: q",                 // 27: repeats a question
            "    prompt: Bar Q",         // 28
            "    type: number",          // 29
            "    default: 1",            // 30
            "  - id: bar",               // 31
            "    prompt: Bar",           // 32
            "    type: number",          // 33
            "    default: 1",            // 34
            "  - id: bar",               // 35: repeats a target
            "    prompt: Bar again",     // 36
            "    type: number",          // 37
            "    default: 2",            // 38
            "rules:",                    // 39
            "  - id: r1",                // 40
            "    title: R1",             // 41
            "    check: bar > 0 and p",  // 42
            "    severity: low",         // 43
            "  - id: r2",                // 44
            "    title: R2",             // 45
            "    check: q",              // 46
            "    severity: low",         // 47
        ])
        #expect(problems(text) == [
            "11:9 duplicate section id `s1`; first defined at line 5",
            "20:13 duplicate question id `left`; first defined at line 14",
            "27:9 duplicate question id `q`; first defined at line 8",
            "35:9 duplicate question id `bar`; first defined at line 31",
        ])
        let (checklist, _) = ChecklistLoader.parse(text: text, file: "t.yaml")
        // A rule takes the section of the first question of its own that it reads; a target is none.
        #expect(checklist?.rule("r1")?.sectionID == "s2")
        #expect(checklist?.rule("r2")?.sectionID == "s1")
        #expect(checklist?.question("left") == nil)
        #expect(checklist?.question("bar")?.prompt == "Bar")
        #expect(checklist?.position(of: "p") == Checklist.QuestionPosition(section: 1, question: 0))
    }

    @Test func defaultThatIsNotAChoice() {
        let text = yaml(
            "id: t", "title: T", "version: 1", "sections:", "  - id: s", "    title: S", "    questions:", // 1-7
            "      - id: top_priority",                          // 8
            "        prompt: Priority?",                         // 9
            "        type: choice",                              // 10
            "        choices: [growing followers, sales]",       // 11
            "        default: grow followers")                   // 12: value at col 18
        #expect(problems(text) == [
            "12:18 default `grow followers` is not a choice of top_priority; did you mean `growing followers`? choices are: growing followers, sales",
        ])
    }

    @Test func minGreaterThanMaxPointsAtMax() {
        let text = yaml(
            "id: t", "title: T", "version: 1", "sections:", "  - id: s", "    title: S", "    questions:", // 1-7
            "      - id: rate",         // 8
            "        prompt: Rate?",    // 9
            "        type: number",     // 10
            "        min: 10",          // 11
            "        max: 5")           // 12: value at col 14
        #expect(problems(text) == ["12:14 `min` (10) is greater than `max` (5)"])
    }

    @Test func badTypeListsAcceptedTypes() {
        let text = yaml(
            "id: t", "title: T", "version: 1", "sections:", "  - id: s", "    title: S", "    questions:", // 1-7
            "      - id: n",            // 8
            "        prompt: N?",       // 9
            "        type: nmber")      // 10: value at col 15
        #expect(problems(text) == [
            "10:15 unknown type `nmber`; did you mean `number`? accepted types: yesno, choice, multi, number, percent, scale, duration, date, text",
        ])
    }

    @Test func choicesRequiredForChoiceAndForbiddenElsewhere() {
        let text = yaml(
            "id: t", "title: T", "version: 1", "sections:", "  - id: s", "    title: S", "    questions:", // 1-7
            "      - id: c",            // 8: mapping at col 9
            "        prompt: C?",       // 9
            "        type: choice",     // 10
            "      - id: y",            // 11
            "        prompt: Y?",       // 12
            "        type: yesno",      // 13
            "        choices: [a, b]")  // 14: key at col 9
        #expect(problems(text) == [
            "8:9 question `c` of type choice needs `choices`",
            "14:9 `choices` is only for choice and multi questions; `y` is of type yesno",
        ])
    }

    @Test func expressionSyntaxErrorInPlainScalar() {
        // "    check: " is 11 characters, so the expression starts at col 12; its end (offset 12) at col 24.
        let text = checklist(rule[0], rule[1], "    check: followers >=", "    severity: high")
        #expect(problems(text) == ["20:24 in `check`: expected a value, found end of expression"])
    }

    @Test func expressionSyntaxErrorPointsInsideTheExpression() {
        // `=` alone at offset 10 → col 22.
        let text = checklist(rule[0], rule[1], "    check: followers = 3", "    severity: high")
        #expect(problems(text) == ["20:22 in `check`: use `==` to compare, `=` alone is not an operator"])
    }

    @Test func typeErrorInQuotedScalarCountsTheQuote() {
        // Single-quoted: the quote is col 12, the text starts at col 13, `==` (offset 10) at col 23.
        let text = checklist(rule[0], rule[1], "    check: 'followers == \"many\"'", "    severity: high")
        #expect(problems(text) == ["20:23 in `check`: cannot compare a number with a string"])
    }

    @Test func choiceTypoPointsAtTheStringLiteral() {
        // "top_priority != " is 16 characters: the literal starts at col 12 + 16 = 28.
        let text = checklist(rule[0], rule[1], "    check: top_priority != \"growing folowers\"", "    severity: high")
        #expect(problems(text) == [
            "20:28 in `check`: `growing folowers` is not a choice of top_priority; did you mean `growing followers`? choices are: growing followers, engagement with followers, sales, customer service",
        ])
    }

    @Test func typeErrorOnSecondLineOfLiteralBlock() {
        let text = checklist(rule[0], rule[1],
                             "    severity: low",                       // 20
                             "    check: |",                            // 21
                             "      followers > 10 and",                // 22
                             "      top_priority == \"salez\"")         // 23: literal at col 7 + 16 = 23
        #expect(problems(text).first?.hasPrefix("23:23 in `check`: `salez` is not a choice of top_priority") == true)
    }

    @Test func typeErrorOnFirstLineOfFoldedBlock() {
        let text = checklist(rule[0], rule[1],
                             "    severity: low",                       // 20
                             "    check: >",                            // 21
                             "      followers > \"x\"")                 // 22: `>` at col 7 + 10 = 17
        #expect(problems(text) == ["22:17 in `check`: cannot compare a number with a string"])
    }

    @Test func notAConditionIsAnError() {
        let text = checklist(rule[0], rule[1], "    check: followers + 1", "    severity: high")
        #expect(problems(text) == ["20:22 in `check`: `check` must be true or false, but this expression is a number"])
    }

    /// A one-line expression in ASCII is placed by comparing bytes; one with other text in it,
    /// or after other text on its line, scalar by scalar. Both give the same columns.
    @Test func positionsInsideExpressionsWhateverTheirCharacters() {
        let quoted = checklist(rule[0], rule[1], "    check: \"folowers > 10\"", "    severity: high")
        #expect(problems(quoted) == ["20:13 in `check`: unknown question `folowers`; did you mean `followers`?"])
        // Not ASCII inside the expression: `café` at column 28, `folowers` after it at 38.
        let accented = checklist(rule[0], rule[1], "    check: top_priority != \"café\" or folowers > 10", "    severity: high")
        #expect(problems(accented) == [
            "20:28 in `check`: `café` is not a choice of top_priority; choices are: growing followers, engagement with followers, sales, customer service",
            "20:38 in `check`: unknown question `folowers`; did you mean `followers`?",
        ])
        // Not ASCII before it on its line (a flow mapping): columns count characters.
        let flow = checklist("  - { id: network-size-not-priority, title: Réponse, severity: high, check: folowers > 10 }")
        #expect(problems(flow) == ["18:77 in `check`: unknown question `folowers`; did you mean `followers`?"])
    }

    @Test func unknownQuestionReferenceSuggests() {
        let text = checklist(rule[0], rule[1], "    check: folowers > 10", "    severity: high")
        #expect(problems(text) == ["20:12 in `check`: unknown question `folowers`; did you mean `followers`?"])
    }

    @Test func referenceToChecklistNotLoaded() {
        // `applies` on line 20, col 14.
        let text = checklist(rule[0], rule[1], "    applies: other-list.q > 1", "    check: followers > 10", "    severity: high")
        #expect(problems(text) == [
            "20:14 in `applies`: unknown checklist `other-list` in `other-list.q`: no checklist with that id is loaded",
        ])
    }

    @Test func crossChecklistReferenceResolvesWhenLoadedTogether() {
        let other = yaml(
            "id: launch", "title: L", "version: 1", "sections:", "  - id: s", "    title: S", "    questions:",
            "      - id: response_time", "        prompt: R?", "        type: duration", "rules: []")
        let text = checklist(rule[0], rule[1], "    check: launch.response_time <= 2h and four-mistakes.followers > 10",
                             "    severity: high")
        #expect(problems([("a.yaml", other), ("b.yaml", text)]) == [])
        #expect(problems([("b.yaml", text)]) == [
            "20:12 in `check`: unknown checklist `launch` in `launch.response_time`: no checklist with that id is loaded",
        ])
    }

    @Test func cyclicWhenDependencies() {
        let text = yaml(
            "id: c", "title: C", "version: 1", "sections:", "  - id: s", "    title: S", "    questions:", // 1-7
            "      - id: a",                    // 8
            "        prompt: A?",               // 9
            "        type: yesno",              // 10
            "        when: b",                  // 11
            "      - id: b",                    // 12
            "        prompt: B?",               // 13
            "        type: yesno",              // 14
            "        when: a or answered(c)",   // 15: `a` at col 15
            "      - id: c",                    // 16
            "        prompt: C?",               // 17
            "        type: yesno",              // 18
            "        when: answered(c)")        // 19: `c` at col 15 + 9 = 24
        #expect(problems(text) == [
            "15:15 cyclic `when`: a → b → a; a question cannot depend on itself",
            "19:24 cyclic `when`: c → c; a question cannot depend on itself",
        ])
    }

    /// A cycle may run through another checklist's questions; a question without a `when`
    /// ends every path through it, so no cycle runs through it.
    @Test func cyclicWhenDependenciesAcrossChecklists() {
        let one = yaml(
            "id: one", "title: One", "version: 1", "sections:", "  - id: s", "    title: S", "    questions:", // 1-7
            "      - {id: a, prompt: A?, type: yesno, when: two.b}",   // 8
            "      - {id: plain, prompt: P?, type: yesno}",            // 9
            "      - {id: c, prompt: C?, type: yesno, when: plain}")   // 10
        let two = yaml(
            "id: two", "title: Two", "version: 1", "sections:", "  - id: s", "    title: S", "    questions:", // 1-7
            "      - {id: b, prompt: B?, type: yesno, when: one.c or one.a}",  // 8: `one.a` at col 57
            "      - {id: d, prompt: D?, type: yesno, when: one.plain}")       // 9
        #expect(problems([("one.yaml", one), ("two.yaml", two)]) == [
            "8:57 cyclic `when`: one.a → b → one.a; a question cannot depend on itself",
        ])
    }

    @Test func sourceFileNotListed() {
        let text = checklist(rule[0], rule[1], "    check: followers > 10", "    severity: high",
                             "    source: \"other.txt#a quote\"")   // 22: the quoted value starts at col 13
        #expect(problems(text) == [
            "22:13 source file `other.txt` is not listed in the checklist's `sources` (listed: 004_414b4cef5ac34fae.txt)",
        ])
        let ok = checklist(rule[0], rule[1], "    check: followers > 10", "    severity: high",
                           "    source: \"004_414b4cef5ac34fae.txt#fewer, strong, active relationships\"")
        #expect(problems(ok) == [])
    }

    @Test func exampleAnswersAndExpectationsAreChecked() {
        let text = checklist(
            "  - id: r1",                                                        // 18
            "    title: T",                                                      // 19
            "    check: followers > 100",                                        // 20
            "    severity: low",                                                 // 21
            "examples:",                                                         // 22
            "  - name: John",                                                    // 23
            "    answers: {followers: twenty, folowers: 3, top_priority: growing}", // 24
            "    expect:",                                                       // 25
            "      fails: [r1, r2]",                                             // 26
            "      band: at risk")                                               // 27
        #expect(problems(text) == [
            "24:26 example \"John\": answer `twenty` to `followers` is rejected: \"twenty\" is not a number: type a number such as 12000, 12,000 or 12k, at least 0",
            "24:34 example \"John\": unknown question `folowers`; did you mean `followers`?",
            "26:19 example \"John\": unknown rule `r2` in `expect`; did you mean `r1`?",
        ])
    }

    @Test func unknownBandAndRuleSection() {
        let text = checklist(
            "  - id: r1", "    title: T", "    check: followers > 100", "    severity: low", // 18-21
            "    section: netwrk",                                               // 22
            "examples:",                                                         // 23
            "  - name: John",                                                    // 24
            "    expect: {band: great}")                                         // 25: value at col 20
        #expect(problems(text) == [
            "18:5 rule `r1` names unknown section `netwrk`; did you mean `network`?",
            "25:20 unknown band `great`; bands are: at risk, developing, strong, leading",
        ])
    }

    @Test func multiChoiceWithCommaIsAWarningAndStillLoads() {
        let text = yaml(
            "id: t", "title: T", "version: 1", "sections:", "  - id: s", "    title: S", "    questions:", // 1-7
            "      - id: m",                                   // 8
            "        prompt: M?",                              // 9
            "        type: multi",                             // 10
            "        choices: [\"tips, tricks\", news]")       // 11: the quoted label starts at col 19
        #expect(problems(text) == [
            "11:19 choice `tips, tricks` of a multi question cannot be typed in a comma list; avoid commas and `none` in its labels",
        ])
        let (c, diagnostics) = ChecklistLoader.load(text: text, file: "t.yaml")
        #expect(c != nil)
        #expect(DiagnosticRenderer.summary(diagnostics, file: "t.yaml") == "1 warning in t.yaml")
    }

    @Test func allErrorsOfAFileAreReportedAtOnce() {
        let text = yaml(
            "id: Bad_ID",               // 1: col 5
            "title: T", "version: 1", "sections:", "  - id: s", "    title: S", "    questions:", // 2-7
            "      - id: q",            // 8
            "        prompt: Q?",       // 9
            "        type: yesno",      // 10
            "        colour: red",      // 11
            "rules:",                   // 12
            "  - id: r",                // 13
            "    title: R",             // 14
            "    check: q and",         // 15: end at col 12 + 5 = 17
            "    severity: severe")     // 16: col 15
        #expect(problems(text) == [
            "1:5 checklist id `Bad_ID` must use lowercase letters, digits and `-`, starting with a letter",
            "11:9 unknown field `colour` in a question; known fields are id, prompt, type, choices, default, allow_na, help, source, when, min, max, unit, integer, measure, measure_period",
            "15:17 in `check`: expected a value, found end of expression",
            "16:15 unknown severity `severe`; accepted: info, low, medium, high, critical",
        ])
    }

    @Test func renderedLikeACompilerWithCaretAndSummary() {
        let text = yaml(
            "id: t", "title: T", "version: 1", "sections:", "  - id: s", "    title: S", "    questions:",
            "      - id: q1", "        promt: Hello?", "        type: yesno")
        let (_, diagnostics) = ChecklistSet.load([(file: "t.yaml", text: text)])
        let rendered = DiagnosticRenderer.render(diagnostics, sources: ["t.yaml": text])
        #expect(rendered == """
            t.yaml:8:9: error: missing required field `prompt` in a question
                  - id: q1
                    ^
            t.yaml:9:9: error: unknown field `promt` in a question; did you mean `prompt`?
                    promt: Hello?
                    ^
            """)
        #expect(DiagnosticRenderer.summary(diagnostics, file: "t.yaml") == "2 errors in t.yaml")
        let mixed = [Diagnostic.error("a", at: .init(file: "x", line: 1, column: 1)),
                     .error("b", at: .init(file: "x", line: 1, column: 1)),
                     .warning("c", at: .init(file: "x", line: 1, column: 1))]
        #expect(DiagnosticRenderer.summary(mixed, file: "four-mistakes.yaml") == "2 errors, 1 warning in four-mistakes.yaml")
    }

    @Test func checklistWithErrorsIsLeftOutOfTheSet() {
        let good = checklist()
        let bad = yaml("id: other", "title: O")
        let (set, diagnostics) = ChecklistSet.load([(file: "a.yaml", text: good), (file: "b.yaml", text: bad)])
        #expect(set.ids == ["four-mistakes"])
        #expect(diagnostics.allSatisfy { $0.location.file == "b.yaml" })
    }
}
