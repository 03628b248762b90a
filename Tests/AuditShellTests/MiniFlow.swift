import AuditKit
import AuditServices
import Foundation
import TestSupport

/// A new audit of the mini checklist by Acme, saved as `acme.yaml` in `folder` (made here), at a
/// fixed time.
func miniFlow(in folder: String, set: ChecklistSet) throws -> AuditFlow {
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let session = AuditSession(organisation: "Acme", auditors: ["Dana"], started: "2026-11-23T10:00:00Z",
                               checklists: [ChecklistStamp(set.checklist("mini")!)])
    return try AuditFlow(set: set, session: session, path: folder + "/acme.yaml",
                         clock: Clock(environment: ["SMAUDIT_NOW": "2026-11-23T10:00:00Z"]))
}
