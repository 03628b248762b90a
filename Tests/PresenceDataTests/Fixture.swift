import Foundation
@testable import PresenceData

/// Writes fixture text to a fresh temporary file and returns its path.
func fixture(_ text: String, name: String = "fixture.csv") throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("presence-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let url = dir.appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    return url.path
}

/// Reads in-memory CSV text with the given chunk size.
func readCSV(_ text: String, delimiter: UInt8? = nil, chunkSize: Int = 1 << 20) throws
    -> (header: [String], records: [CSVRecord], problems: [PresenceWarning]) {
    try CSVReader(bytes: Array(text.utf8), name: "t.csv", delimiter: delimiter, chunkSize: chunkSize).readAll()
}

/// Whether two numbers agree to 1e-12 relative.
func close(_ a: Double?, _ b: Double) -> Bool {
    guard let a else { return false }
    return abs(a - b) <= 1e-12 * max(1, abs(b))
}

/// The path of a fixture export in `Tests/PresenceDataTests/Fixtures` (see SOURCES.md there).
func exportFixture(_ name: String) -> String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)").path
}

/// October 2026, the month the fixtures are about.
let october2026 = Period.month(year: 2026, month: 10)!

extension PresenceMeasurer {
    /// One file of each kind (any may be `nil`), the whole of each export: the short form the
    /// tests use (kept here, out of the shipped code).
    static func measure(
        posts: String? = nil, inbox: String? = nil, followers: String? = nil, traffic: String? = nil,
        mappings: [String: String] = [:], delimiter: Character? = nil, socialChannels: [String]? = nil,
        windowMinutes: Double = 10, window: MeasurementWindow = .all
    ) throws -> (PresenceMeasurement, [PresenceWarning]) {
        var input = MeasureInput()
        input.posts = posts.map { [$0] } ?? []
        input.inbox = inbox.map { [$0] } ?? []
        input.followers = followers.map { [$0] } ?? []
        input.traffic = traffic.map { [$0] } ?? []
        input.mappings = mappings
        input.delimiter = delimiter
        input.socialChannels = socialChannels
        input.windowMinutes = windowMinutes
        input.window = window
        return try measure(input)
    }
}
