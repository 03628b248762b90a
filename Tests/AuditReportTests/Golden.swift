import Foundation
import Testing

/// Compares rendered text with a file under `Golden/`, byte for byte. With
/// `SMAUDIT_UPDATE_GOLDEN=1` in the environment the file is rewritten instead (then read the
/// diff as a manager would before committing it).
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func check(_ actual: String, against name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["SMAUDIT_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            print("updated golden file \(url.path)")
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Issue.record("missing golden file \(url.path); run with SMAUDIT_UPDATE_GOLDEN=1 to create it", sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        if expected != actual {
            let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(e, a).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(e.count, a.count)
            let want = first < e.count ? String(e[first]) : "<end of file>"
            let got = first < a.count ? String(a[first]) : "<end of file>"
            Issue.record("\(name) differs at line \(first + 1):\n  expected: \(want)\n  actual:   \(got)\n(SMAUDIT_UPDATE_GOLDEN=1 rewrites it)",
                         sourceLocation: sourceLocation)
        }
    }
}
