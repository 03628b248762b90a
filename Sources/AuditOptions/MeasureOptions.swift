import ArgumentParser
import AuditServices
import PresenceData

/// The options of `measure`, the same in the shell and on the command line: which exports to
/// read, how, over which period, and what to do with answers the team typed.
public struct MeasureOptions: ParsableArguments {
    /// The declarations, in the order `help measure` lists them.
    public enum Spec {
        /// `--posts FILE`.
        public static let posts = CommandOption("posts", value: .file("FILE"), repeatable: true,
                                                help: "Posts export (CSV); repeat for several platforms.")
        /// `--inbox FILE`.
        public static let inbox = CommandOption("inbox", value: .file("FILE"), repeatable: true,
                                                help: "Inbox or mentions export, or a helpdesk's ticket export (Zendesk, Freshdesk) (CSV); repeatable.")
        /// `--followers [PLATFORM=]FILE`.
        public static let followers = CommandOption("followers", value: .file("[PLATFORM=]FILE"), repeatable: true,
                                                    help: "Follower counts by date (CSV); repeatable, one per account. A file whose header names no platform counts the followers of the posts' one platform; with posts of several, name it: Instagram=followers.csv.")
        /// `--traffic FILE`.
        public static let traffic = CommandOption("traffic", value: .file("FILE"), repeatable: true,
                                                  help: "Web analytics sessions and conversions by channel (CSV); repeatable.")
        /// `--period PERIOD`.
        public static let period = CommandOption("period", value: .text("PERIOD"),
                                                 help: "Measure last-month, last-90-days, all (default) or a month YYYY-MM.")
        /// `--since DATE`.
        public static let since = CommandOption("since", value: .text("DATE"), help: "Measure from this day (YYYY-MM-DD).")
        /// `--until DATE`.
        public static let until = CommandOption("until", value: .text("DATE"), help: "Measure until this day, included (YYYY-MM-DD).")
        /// `--map FIELD=COLUMN`.
        public static let map = CommandOption("map", value: .text("FIELD=COLUMN"), repeatable: true,
                                              help: "Read FIELD from COLUMN (repeatable).")
        /// `--delimiter C`.
        public static let delimiter = CommandOption("delimiter", value: .text("C"), help: "Field delimiter: , ; or tab (default: detected).")
        /// `--social-channels LIST`.
        public static let socialChannels = CommandOption("social-channels", value: .text("LIST"),
                                                         help: "Comma-separated channel names that count as social (web analytics channels, helpdesk ticket channels).")
        /// `--account NAME`.
        public static let account = CommandOption("account", value: .text("NAME"),
                                                  help: "Only the posts of this account or page, when an export holds several (the table lists them).")
        /// `--all-channels`.
        public static let allChannels = CommandOption("all-channels", help: "Keep a helpdesk export's tickets of every channel (email, phone, web), not only social media's.")
        /// `--window-minutes N`.
        public static let windowMinutes = CommandOption("window-minutes", value: .number("N"),
                                                        help: "Clustered-updates window in minutes (default 10).")
        /// `--replace`.
        public static let replace = CommandOption("replace", help: "Replace answers the team typed with the measured values (the typed answers are kept as estimates).")
        /// `--keep-typed`.
        public static let keepTyped = CommandOption("keep-typed", help: "Keep answers the team typed; fill only unanswered questions.")
        /// `--all`.
        public static let all = CommandOption("all", help: "List every responder in the table, not only the five who replied most (--json always has them all).")

        /// Every option of `measure`.
        public static let options = [posts, inbox, followers, traffic, period, since, until, map, delimiter,
                                     socialChannels, allChannels, account, windowMinutes, replace, keepTyped, all]
    }

    @Option(name: Spec.posts.names, help: Spec.posts.argumentHelp) public var posts: [String] = []
    @Option(name: Spec.inbox.names, help: Spec.inbox.argumentHelp) public var inbox: [String] = []
    @Option(name: Spec.followers.names, help: Spec.followers.argumentHelp) public var followers: [String] = []
    @Option(name: Spec.traffic.names, help: Spec.traffic.argumentHelp) public var traffic: [String] = []
    @Option(name: Spec.period.names, help: Spec.period.argumentHelp) public var period: String?
    @Option(name: Spec.since.names, help: Spec.since.argumentHelp) public var since: String?
    @Option(name: Spec.until.names, help: Spec.until.argumentHelp) public var until: String?
    @Option(name: Spec.map.names, help: Spec.map.argumentHelp) public var mappings: [String] = []
    @Option(name: Spec.delimiter.names, help: Spec.delimiter.argumentHelp) public var delimiter: String?
    @Option(name: Spec.socialChannels.names, help: Spec.socialChannels.argumentHelp) public var socialChannels: String?
    @Flag(name: Spec.allChannels.names, help: Spec.allChannels.argumentHelp) public var allChannels = false
    @Option(name: Spec.account.names, help: Spec.account.argumentHelp) public var account: String?
    // Optional, so the parser does not add its own "(default: 10.0)" to the help, which says it already.
    @Option(name: Spec.windowMinutes.names, help: Spec.windowMinutes.argumentHelp) public var windowMinutes: Double?
    @Flag(name: Spec.replace.names, help: Spec.replace.argumentHelp) public var replace = false
    @Flag(name: Spec.keepTyped.names, help: Spec.keepTyped.argumentHelp) public var keepTyped = false
    @Flag(name: Spec.all.names, help: Spec.all.argumentHelp) public var all = false

    /// Options with their defaults (swift-argument-parser fills them in).
    public init() {}

    /// At least one export, a positive window, and no options that contradict each other.
    public func validate() throws {
        if posts.isEmpty && inbox.isEmpty && followers.isEmpty && traffic.isEmpty {
            throw AuditError.noExports.usage
        }
        if let windowMinutes, windowMinutes <= 0 { throw AuditError.windowNotPositive.usage }
        if replace && keepTyped { throw AuditError.conflictingOptions("--replace", "--keep-typed").usage }
        if period != nil && (since != nil || until != nil) {
            throw AuditError.periodWithDates.usage
        }
    }

    /// What to do with typed answers a measurement also covers; nil: ask (or refuse in a script).
    public var typedAnswers: MeasuredAnswers.TypedAnswers? { replace ? .replace : keepTyped ? .keep : nil }

    /// How many responders the table lists: all with `--all`, else the busiest few.
    public var responderLimit: Int? { all ? nil : MeasureOptions.busiestShown }

    /// The responders and channels the table shows without `--all`.
    public static let busiestShown = 5

    /// The measurement these options ask for, on `today` (so a month still running is never
    /// taken as the last full month).
    public func request(today: CalendarDay?) throws -> MeasureRequest {
        var request = MeasureRequest()
        for file in posts { request.add(file, as: .posts) }
        for file in inbox { request.add(file, as: .inbox) }
        for file in followers { request.add(file, as: .followers) }
        for file in traffic { request.add(file, as: .traffic) }
        request.mappings = mappings
        request.delimiter = delimiter
        request.socialChannels = socialChannels
        request.allChannels = allChannels
        request.account = account
        if let windowMinutes { request.windowMinutes = windowMinutes }
        request.window = try MeasureRequest.window(period: period, since: since, until: until)
        request.typedAnswers = typedAnswers
        request.today = today
        return request
    }
}
