import Foundation
import Testing
import TestSupport

/// `smaudit report` in its four formats, as a consultant runs it: the HTML page, the PDF
/// printed by headless Chromium (or one line saying what to install), and `report FILE.html`
/// in the shell.
@Suite struct ReportFormatsTests {
    let smaudit: Smaudit

    init() throws {
        smaudit = try Smaudit()
        try smaudit.installMiniChecklist()
    }

    static let session = "organisation: Hearth & Crumb\nstarted: \"2026-11-02T09:00:00Z\"\nanswers:\n  mini: {top_priority: growing followers, answers_on_social: no}\n"

    /// The folder holding a Chromium on this machine, if any.
    static var browserFolder: String? {
        for folder in ["/usr/bin", "/usr/local/bin", "/bin"] {
            for name in ["chromium-headless-shell", "chromium"] where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
                return folder
            }
        }
        return nil
    }

    @Test func htmlIsOneSelfContainedPageChosenByTheExtension() throws {
        let session = try smaudit.write(Self.session, to: "hearth.yaml")
        let page = smaudit.home.appendingPathComponent("hearth.html").path
        let result = try smaudit.run(["report", session, "-o", page])
        #expect(result.status == 0, "\(result.stderr)")
        let html = try String(contentsOfFile: page, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(html.contains("<title>Social media audit: Hearth &amp; Crumb</title>"))
        #expect(html.contains("<svg ") && html.contains("@media print"))
        #expect(!html.lowercased().contains("<script") && !html.contains(" src="))
        let stdout = try smaudit.run(["report", session, "--format", "html", "-o", "-"])
        #expect(stdout.status == 0 && stdout.stdout == html)
    }

    @Test func withoutABrowserThePDFSaysWhatToInstallInOneLine() throws {
        let session = try smaudit.write(Self.session, to: "hearth.yaml")
        let empty = smaudit.home.appendingPathComponent("empty-bin")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let pdf = smaudit.home.appendingPathComponent("hearth.pdf").path
        let result = try smaudit.run(["report", session, "--format", "pdf", "-o", pdf], environment: ["PATH": empty.path])
        #expect(result.status == 1)
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(result.stderr.contains("install the Debian package chromium-headless-shell"))
        #expect(result.stderr.contains("`--format html` and the browser's Print give the same document"))
        #expect(!FileManager.default.fileExists(atPath: pdf))
        // A PDF cannot go to standard output; --browser is for PDF only: usage errors.
        #expect(try smaudit.run(["report", session, "--format", "pdf", "-o", "-"]).status == 2)
        #expect(try smaudit.run(["report", session, "--browser", "/bin/true", "-o", "-"]).status == 2)
        // A browser that fails leaves no file behind.
        let failed = try smaudit.run(["report", session, "-o", pdf, "--browser", "/bin/false"])
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("cannot print the PDF with /bin/false: it exited with status 1"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: smaudit.home.path).filter { $0.contains("pdf") } == [])
    }

    @Test func thePDFIsPrintedByHeadlessChromium() throws {
        guard let folder = Self.browserFolder else {
            print("skipped: no chromium (install chromium-headless-shell)")
            return
        }
        let session = try smaudit.write(Self.session, to: "hearth.yaml")
        let result = try smaudit.run(["report", session, "--format", "pdf"], environment: ["PATH": folder + ":/usr/bin:/bin"],
                                     currentDirectory: smaudit.home)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("Report written to hearth-crumb-2026-11-02.pdf."))
        let data = try Data(contentsOf: smaudit.home.appendingPathComponent("hearth-crumb-2026-11-02.pdf"))
        #expect(data.starts(with: Array("%PDF-".utf8)))
    }

    @Test func theShellWritesHTMLForAnHTMLFileName() throws {
        let page = smaudit.home.appendingPathComponent("open.html").path
        let result = try smaudit.run(["audit", "mini", "--organisation", "Hearth & Crumb", "--auditors", "Dana"],
                                     input: "sales\n/report \(page)\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Report written to \(page)."))
        let html = try String(contentsOfFile: page, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<h1>Social media audit: Hearth &amp; Crumb</h1>"))

        // A PDF name without a browser says what to install, and the audit goes on.
        let empty = smaudit.home.appendingPathComponent("empty-bin")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let pdf = smaudit.home.appendingPathComponent("open.pdf").path
        let noBrowser = try smaudit.run(["audit", "mini", "--organisation", "Hearth & Crumb", "--auditors", "Dana"],
                                        input: "sales\n/report \(pdf)\n/report \(page).json\n", environment: ["PATH": empty.path])
        #expect(noBrowser.stderr.contains("<stdin>:2: error: printing a PDF needs headless Chromium: install the Debian package chromium-headless-shell"), "\(noBrowser.stderr)")
        #expect(!FileManager.default.fileExists(atPath: pdf))
        let json = try String(contentsOfFile: page + ".json", encoding: .utf8)
        #expect(json.hasPrefix("{\n  \"schema\": \"smaudit-report/4\""))
    }

    @Test func aHandWrittenBaselineIsUndated() throws {
        let now = try smaudit.write(Self.session, to: "now.yaml")
        let before = try smaudit.write("organisation: Hearth & Crumb\nanswers:\n  mini: {top_priority: sales}\n", to: "before.yaml")
        let result = try smaudit.run(["report", now, "--baseline", before, "-o", "-"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("**Since the previous audit (undated):**"))
        #expect(result.stdout.contains("The previous audit is undated: its file records no start date."))
    }
}
