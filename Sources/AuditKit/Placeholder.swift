// AuditKit
