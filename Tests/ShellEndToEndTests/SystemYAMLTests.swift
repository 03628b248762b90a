import Testing
import TestSupport
@testable import AuditKit

/// The shipped binary reads YAML with the system's libyaml; this test process links the copy
/// inside Yams (the reference the composer is compared with). Broken files must get the same
/// message at the same place from both, so the tests' reference is the library users run.
@Suite struct SystemYAMLTests {
    static let brokenFiles = [
        "id: x\ntitle: [a, b\n",                      // a flow sequence never closed
        "id: x\ntitle: a: b\n",                       // a mapping value inside a plain scalar
        "id: x\n\u{01}\n",                            // a control character (a reader error)
        "id: x\n\ttitle: y\n",                        // a tab where indentation is expected
        "id: x\ntitle: \"open\n",                     // a quoted scalar never closed
        "id: x\nid: y\n",                             // a duplicate key
        "id: x\nother: *nowhere\n",                   // an alias of no anchor
        "id: x\n---\nid: y\n",                        // a second document
        "sections:\n  - id: a\n   title: b\n",        // mis-indented block mapping
        "id: 'it''s\n",                               // a single-quoted scalar never closed
    ]

    @Test(arguments: brokenFiles.indices)
    func brokenYAMLIsReportedAsTheReferenceLibyamlReportsIt(_ index: Int) throws {
        let text = Self.brokenFiles[index]
        let smaudit = try Smaudit()
        let path = try smaudit.write(text, to: "broken-\(index).yaml")
        var expected = ""
        do {
            // A duplicate key is reported without stopping the read.
            if let duplicate = try YAMLComposer.compose(text).duplicates.first {
                expected = "\(path):\(duplicate.line):\(duplicate.column): error: \(duplicate.message)"
            }
        } catch {
            expected = "\(path):\(error.line):\(error.column): error: \(error.message)"
        }
        #expect(!expected.isEmpty, "the reference accepted \(String(reflecting: text))")
        let result = try smaudit.run(["check", path])
        #expect(result.status == 1)
        // A syntax error is the file's only (first) line; a duplicate key comes with the file's
        // other problems, in line order.
        #expect(result.stderr.split(separator: "\n").contains { $0 == expected }, "\(result.stderr)")
    }
}
