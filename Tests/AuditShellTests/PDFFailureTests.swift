#if canImport(Glibc)
import Glibc
#endif
import AuditReport
import Testing

/// Each way printing a PDF fails, as the user reads it.
@Suite struct PDFFailureTests {
    @Test(arguments: [
        (PDFPrinter.Failure.noFolder(output: "out/r.pdf", folder: "out"),
         "cannot write out/r.pdf: the folder out does not exist; create it first or choose another place"),
        (.noTemporaryFolder(base: "/tmp", errno: ENOENT),
         "cannot print the PDF: cannot create a temporary folder in /tmp: No such file or directory"),
        (.pageNotWritten(reason: "disk full"), "cannot print the PDF: disk full"),
        (.browserTimedOut(browser: "/usr/bin/chromium"),
         "cannot print the PDF with /usr/bin/chromium: it did not finish within 120 seconds"),
        (.browserDidNotStart(browser: "/opt/c", errno: ENOENT),
         "cannot print the PDF with /opt/c: it could not be started: No such file or directory"),
        (.browserWroteNothing(browser: "c"), "cannot print the PDF with c: it wrote no PDF"),
        (.browserFailed(browser: "c", status: 3), "cannot print the PDF with c: it exited with status 3"),
        (.notMoved(output: "r.pdf", errno: EACCES), "cannot write r.pdf: Permission denied"),
    ])
    func message(_ failure: PDFPrinter.Failure, _ expected: String) {
        #expect(failure.description == expected)
    }

    /// A folder that is not there is refused before any browser runs, as that case.
    @Test func aMissingFolderIsTheNoFolderCase() {
        #expect(throws: PDFPrinter.Failure.noFolder(output: "/nonexistent/x/r.pdf", folder: "/nonexistent/x")) {
            try PDFPrinter.print(html: "<p>x</p>", to: "/nonexistent/x/r.pdf", browser: "/bin/false")
        }
    }
}
