import AuditKit

/// How a report is laid out, beyond its content: the annex or not, and the paper it prints on.
public struct ReportSettings: Sendable, Hashable {
    /// The paper sizes a PDF prints on.
    public enum Paper: String, Sendable, CaseIterable {
        case a4, letter

        /// The CSS `@page` size.
        var css: String { self == .a4 ? "A4" : "letter" }

        /// The paper of the locale: `LC_PAPER`, else `LC_ALL`, else `LANG` (the first one set,
        /// as the C library reads them); Letter in the United States and Canada, A4 elsewhere
        /// and when no locale is set.
        public static func fromLocale(_ environment: [String: String]) -> Paper {
            let locale = ["LC_PAPER", "LC_ALL", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
            // `en_US.UTF-8`, `fr_CA@euro`: the territory follows the underscore.
            let territory = locale.split(separator: "_").dropFirst().first.map { String($0.prefix(2)) }
            return territory == "US" || territory == "CA" ? .letter : .a4
        }
    }

    /// Leave the annex out (`--brief`).
    public var brief = false
    /// The paper the print stylesheet and the PDF use.
    public var paper = Paper.a4
    /// The day the report is written, against which accepted problems expire; the audit's
    /// date when nil.
    public var today: CalendarDate?

    public init(brief: Bool = false, paper: Paper = .a4, today: CalendarDate? = nil) {
        self.brief = brief
        self.paper = paper
        self.today = today
    }
}
