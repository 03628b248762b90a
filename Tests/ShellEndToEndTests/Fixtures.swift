import TestSupport

/// Answers to the organisation profile, which a built-in audit asks first: a local service
/// business after more customers, two people, none of the functions, on Facebook, nothing new.
let profileAnswers = "1\n1\n2\nnone\nFacebook\nnone\n"

/// How many lines `profileAnswers` takes.
let profileLines = 6

extension Smaudit {
    /// Installs the mini checklist as a user checklist of this home (XDG config folder).
    func installMiniChecklist(_ text: String = miniChecklist) throws {
        try write(text, to: "config/smaudit/checklists/mini.yaml")
    }

    /// The one session file this home has.
    func onlySessionFile() throws -> String {
        let folder = home.appendingPathComponent("data/smaudit/sessions")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }
        guard names.count == 1 else { throw PseudoTerminalError(message: "expected one session, found \(names)", transcript: "") }
        return try String(contentsOf: folder.appendingPathComponent(names[0]), encoding: .utf8)
    }
}

import Foundation
