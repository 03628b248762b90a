import AuditReport
import Testing

/// The Markdown and HTML reports of each persona, byte for byte. A person read each golden file
/// as a manager would before it was committed.
@Suite struct GoldenReportTests {
    static let cases: [(name: String, input: ReportInput, baseline: ReportInput?)] = [
        ("struggling", Fixtures.struggling, nil),
        ("typical", Fixtures.typical, nil),
        ("strong", Fixtures.strong, nil),
        ("comparison", Fixtures.improved, Fixtures.struggling),
    ]

    @Test(arguments: cases.map(\.name))
    func markdown(_ name: String) throws {
        let c = try #require(Self.cases.first { $0.name == name })
        try Golden.check(MarkdownReport.render(c.input, baseline: c.baseline), against: "\(name).md")
    }

    @Test(arguments: cases.map(\.name))
    func html(_ name: String) throws {
        let c = try #require(Self.cases.first { $0.name == name })
        try Golden.check(HTMLReport.render(c.input, baseline: c.baseline), against: "\(name).html")
    }
}
