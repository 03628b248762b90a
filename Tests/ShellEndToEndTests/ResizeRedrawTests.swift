import Foundation
import Testing
import TestSupport

/// Issue 18, item 7: after a window resize the prompt and the line being typed are drawn once,
/// where they were, as a terminal emulator (tmux) shows the screen, not only that the next
/// command still runs.
@Suite(.enabled(if: TmuxScreen.isAvailable, "tmux is needed to see the screen"))
struct ResizeRedrawTests {
    let smaudit: Smaudit

    init() throws {
        smaudit = try Smaudit()
        try smaudit.installMiniChecklist()
    }

    func launch(_ arguments: [String] = []) throws -> TmuxScreen {
        var environment = smaudit.environment()
        environment["TERM"] = "screen"
        return try TmuxScreen([Smaudit.executable] + arguments, environment: environment, columns: 80, rows: 24)
    }

    /// Waits until the shell has handled everything before this moment, a resize included: a
    /// key typed now is echoed only after the window change before it was read, so its echo
    /// (and its erasure) is the sign, not a fixed pause.
    func settle(_ screen: TmuxScreen, _ line: String) throws {
        try screen.type("~")
        try screen.waitFor("the echo of a key typed after the resize") { rows in rows.contains { $0.hasSuffix(line + "~") } }
        try screen.press("BSpace")
        try screen.waitFor("the key erased") { rows in rows.contains { $0.hasSuffix(line) } && !rows.contains { $0.hasSuffix(line + "~") } }
    }

    /// Rows of the screen that show the prompt.
    func promptRows(_ screen: [String], _ prompt: String) -> [String] { screen.filter { $0.contains(prompt) } }

    @Test func theLineIsDrawnOnceAfterTheWindowGrowsAndShrinks() throws {
        let screen = try launch()
        try screen.waitFor("smaudit>")
        try screen.type("show four")
        try screen.waitFor("smaudit> show four")
        try screen.resize(columns: 100, rows: 24)
        try settle(screen, "smaudit> show four")
        try screen.resize(columns: 70, rows: 24)
        let shown = try screen.waitFor(timeout: 5, "the redrawn line") { rows in
            rows.filter { $0.contains("smaudit>") }.count == 1 && rows.contains("smaudit> show four")
        }
        #expect(promptRows(shown, "smaudit>") == ["smaudit> show four"], "\(shown.joined(separator: "\n"))")
        // The line is still being edited: finishing it runs the command.
        try screen.type("-mistakes")
        try screen.press("Enter")
        try screen.waitFor("the checklist shown, then the next prompt") { rows in
            rows.contains { $0.contains("points]") } && rows.last { !$0.isEmpty } == "smaudit>"
        }
    }

    @Test func aQuestionsPromptIsDrawnOnceAfterResizes() throws {
        let screen = try launch(["audit", "mini", "--organisation", "Acme", "--auditors", "Dana"])
        try screen.waitFor("smaudit [mini 1/3]>")
        try screen.type("engagement")
        try screen.waitFor("smaudit [mini 1/3]> engagement")
        for columns in [100, 60, 90] {
            try screen.resize(columns: columns, rows: 24)
            try settle(screen, "smaudit [mini 1/3]> engagement")
        }
        let shown = try screen.waitFor(timeout: 5, "the redrawn question prompt") { rows in
            rows.filter { $0.contains("smaudit [mini") }.count == 1
        }
        #expect(promptRows(shown, "smaudit [mini") == ["smaudit [mini 1/3]> engagement"], "\(shown.joined(separator: "\n"))")
        #expect(shown.filter { $0.contains("What is the top priority") }.count == 1)
        try screen.type(" with followers")
        try screen.press("Enter")
        try screen.waitFor("smaudit [mini 2/3]>")
    }

    /// A line longer than the window, wrapped over two rows, is redrawn in place too.
    @Test func aWrappedLineIsRedrawnInPlace() throws {
        let screen = try launch()
        try screen.waitFor("smaudit>")
        let long = "help " + String(repeating: "x", count: 90)
        try screen.type(long)
        try screen.waitFor(timeout: 5, "the long line") { $0.joined().contains(long) }
        try screen.resize(columns: 120, rows: 24)
        let shown = try screen.waitFor(timeout: 5, "the long line on one row") { $0.contains("smaudit> " + long) }
        #expect(shown.filter { $0.contains("smaudit>") }.count == 1, "\(shown.joined(separator: "\n"))")
        #expect(!shown.contains { $0.hasPrefix("xxxx") }, "\(shown.joined(separator: "\n"))")
    }
}
