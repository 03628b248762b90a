// The one trim lives below AuditKit, shared with PresenceData; every module built on AuditKit
// uses it as AuditKit's own.
@_exported import TextTrim
