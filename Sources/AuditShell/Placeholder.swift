// AuditShell
