/// The version printed by `smaudit --version`, the banner and reports.
public enum SmauditVersion {
    public static let current = "0.1.0"
}
