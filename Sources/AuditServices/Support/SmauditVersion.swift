/// The version printed by `smaudit --version`, the shell's `version`, the banner and reports.
public enum SmauditVersion {
    /// The version number.
    public static let current = "0.1.0"
    /// `smaudit 0.1.0`: what `--version` and `version` print.
    public static let line = "smaudit " + current
}
