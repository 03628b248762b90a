@testable import AuditKit

/// Joins lines with newlines, so a fixture's line N is the Nth argument: positions in the
/// tests can be read straight off the call.
func yaml(_ lines: String...) -> String { yaml(lines) }
func yaml(_ lines: [String]) -> String { lines.joined(separator: "\n") + "\n" }

/// Loads files together and returns the diagnostics as `LINE:COL message` strings.
func problems(_ files: [(String, String)]) -> [String] {
    let (_, diagnostics) = ChecklistSet.load(files.map { (file: $0.0, text: $0.1) })
    return diagnostics.map { "\($0.location.line):\($0.location.column) \($0.message)" }
}

/// Diagnostics of one file named `t.yaml`.
func problems(_ text: String) -> [String] { problems([("t.yaml", text)]) }

/// A small valid checklist, the base that error fixtures change one line at a time.
let baseHeader = [
    "id: four-mistakes",                 // 1
    "title: The four mistakes audit",    // 2
    "version: 1.0.0",                    // 3
    "sources: [004_414b4cef5ac34fae.txt]", // 4
    "sections:",                         // 5
    "  - id: network",                   // 6
    "    title: Network size versus relationships", // 7
    "    questions:",                    // 8
    "      - id: top_priority",          // 9
    "        prompt: What is the top priority?", // 10
    "        type: choice",              // 11
    "        choices: [growing followers, engagement with followers, sales, customer service]", // 12
    "      - id: followers",             // 13
    "        prompt: How many followers?", // 14
    "        type: number",              // 15
    "        min: 0",                    // 16
    "rules:",                            // 17
]

/// The base checklist plus `more` lines starting at line 18.
func checklist(_ more: String...) -> String {
    (baseHeader + more).joined(separator: "\n") + "\n"
}

/// Loads one text that must be valid.
func mustLoad(_ texts: String...) -> ChecklistSet {
    let (set, diagnostics) = ChecklistSet.load(texts.enumerated().map { (file: "f\($0.offset).yaml", text: $0.element) })
    precondition(!diagnostics.hasErrors, "fixture has errors: \(diagnostics)")
    return set
}
