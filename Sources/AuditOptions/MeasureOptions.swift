import ArgumentParser
import AuditServices
import PresenceData

/// The options of `measure`, the same in the shell and on the command line: which exports to
/// read, how, over which period, and what to do with answers the team typed.
public struct MeasureOptions: ParsableArguments {
    /// The declarations, in the order `help measure` lists them.
    public enum Spec {
        public static let posts = CommandOption("posts", value: .file("FILE"), repeatable: true,
                                                help: "Posts export (CSV); repeat for several platforms.")
        public static let inbox = CommandOption("inbox", value: .file("FILE"), repeatable: true,
                                                help: "Inbox or mentions export (CSV); repeatable.")
        public static let followers = CommandOption("followers", value: .file("FILE"), repeatable: true,
                                                    help: "Follower counts by date (CSV); repeatable.")
        public static let traffic = CommandOption("traffic", value: .file("FILE"), repeatable: true,
                                                  help: "Web analytics sessions and conversions by channel (CSV); repeatable.")
        public static let period = CommandOption("period", value: .text("PERIOD"),
                                                 help: "Measure last-month, last-90-days, all (default) or a month YYYY-MM.")
        public static let since = CommandOption("since", value: .text("DATE"), help: "Measure from this day (YYYY-MM-DD).")
        public static let until = CommandOption("until", value: .text("DATE"), help: "Measure until this day, included (YYYY-MM-DD).")
        public static let map = CommandOption("map", value: .text("FIELD=COLUMN"), repeatable: true,
                                              help: "Read FIELD from COLUMN (repeatable).")
        public static let delimiter = CommandOption("delimiter", value: .text("C"), help: "Field delimiter: , ; or tab (default: detected).")
        public static let socialChannels = CommandOption("social-channels", value: .text("LIST"),
                                                         help: "Comma-separated channel names that count as social.")
        public static let windowMinutes = CommandOption("window-minutes", value: .number("N"),
                                                        help: "Clustered-updates window in minutes (default 10).")
        public static let replace = CommandOption("replace", help: "Replace answers the team typed with the measured values (the typed answers are kept as estimates).")
        public static let keepTyped = CommandOption("keep-typed", help: "Keep answers the team typed; fill only unanswered questions.")
        public static let all = CommandOption("all", help: "List every responder in the table, not only the five who replied most (--json always has them all).")

        /// Every option of `measure`.
        public static let options = [posts, inbox, followers, traffic, period, since, until, map, delimiter,
                                     socialChannels, windowMinutes, replace, keepTyped, all]
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
    @Option(name: Spec.windowMinutes.names, help: Spec.windowMinutes.argumentHelp) public var windowMinutes: Double = 10
    @Flag(name: Spec.replace.names, help: Spec.replace.argumentHelp) public var replace = false
    @Flag(name: Spec.keepTyped.names, help: Spec.keepTyped.argumentHelp) public var keepTyped = false
    @Flag(name: Spec.all.names, help: Spec.all.argumentHelp) public var all = false

    public init() {}

    public func validate() throws {
        if posts.isEmpty && inbox.isEmpty && followers.isEmpty && traffic.isEmpty {
            throw ValidationError("give at least one of --posts, --inbox, --followers, --traffic")
        }
        if windowMinutes <= 0 { throw ValidationError("--window-minutes must be positive") }
        if replace && keepTyped { throw ValidationError("--replace and --keep-typed contradict each other; give one") }
        if period != nil && (since != nil || until != nil) {
            throw ValidationError("--period cannot be combined with --since or --until")
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
        request.windowMinutes = windowMinutes
        request.window = try MeasureRequest.window(period: period, since: since, until: until)
        request.typedAnswers = typedAnswers
        request.today = today
        return request
    }
}
