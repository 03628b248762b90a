import ArgumentParser
import AuditKit
import AuditShell
import PresenceData
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `smaudit measure`: scores an existing presence from the platforms' exports.
struct MeasureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "measure",
        abstract: "Measure a presence from posts, inbox, followers and traffic exports.",
        discussion: """
            Reads CSV exports (delimiter , ; or tab, detected from the header unless --delimiter is \
            given; quoted fields may hold newlines; a UTF-8 BOM is ignored) and prints a table, or \
            one JSON object with --json. Malformed rows are reported as FILE:LINE: reason (the first \
            20 per file, then a count) and skipped. A metric the columns cannot support is null, and \
            the table says which column is missing. Rates are fractions in JSON (0.0213) and \
            percentages in the table.

            Recognised headers (case-insensitive; --map FIELD=COLUMN for anything else):
              posts      date/Posted, type/Type, reach/Lifetime Post Total Reach,
                         impressions/Lifetime Post Total Impressions,
                         likes/like, comments/comment, shares/share,
                         followers/Page total likes, account
              inbox      id/tweet_id, from/author_id, inbound, time/created_at,
                         in_reply_to/in_response_to_tweet_id
              followers  date, followers
              traffic    channel/Default Channel Group, sessions, conversions
            Fields for --map: date type reach impressions likes comments shares followers account \
            id from inbound time in_reply_to channel sessions conversions.
            Timestamps: ISO 8601 (2017-10-31T22:10:47Z, offsets, fractions), YYYY-MM-DD HH:MM[:SS], \
            Twitter's "Tue Oct 31 22:10:47 +0000 2017", and 10/31/2017 10:10 PM; no zone means UTC.

            Definitions:
              engagement            likes + comments + shares of a post
                                    (empty count cells are 0)
              applause_rate         mean engagement per post (seed 001)
              likes_per_post        likes / posts
              amplification_rate    shares / posts
              conversation_rate     comments / posts
              engagement_rate_by_X  X = reach, impressions or followers (a followers
                                    column, or the --followers series at the post's
                                    date): over posts with X > 0, median and mean of
                                    engagement / X, and aggregate = total engagement
                                    / total X
              by_type               posts per type and their median engagement rate
                                    by reach
              clustered_updates     runs of 2+ posts of the same account, each less
                                    than --window-minutes (default 10) after the
                                    previous one
              starter               an inbound message that replies to nothing
              first response        the earliest non-inbound message replying to a
                                    starter
              response_rate         starters with a first response / starters
              first_response_minutes
                                    response time − starter time: median, p90 and
                                    mean; p90 by linear interpolation between
                                    closest ranks at (n − 1) × 0.9
              replied_within_60m_share
                                    starters answered within 60 minutes / all
                                    starters
              growth_rate           (last − first) / first follower count, by date
              monthly_growth_rate   (last / first)^(1 / months) − 1, months of
                                    30.436875 days
              social_share          sessions from social channels / all sessions
              conversion_rate       conversions / sessions
              social_conversion_rate
                                    conversions / sessions of social channels only
            Social channels: Organic Social, Paid Social, Social, Social Network (any case), or the \
            comma-separated list given with --social-channels.
            """
    )

    @Option(help: "Posts export (CSV).")
    var posts: String?

    @Option(help: "Inbox or mentions export (CSV).")
    var inbox: String?

    @Option(help: "Follower counts by date (CSV).")
    var followers: String?

    @Option(help: "Web analytics sessions and conversions by channel (CSV).")
    var traffic: String?

    @Option(name: .customLong("map"), help: ArgumentHelp("Read FIELD from COLUMN (repeatable).", valueName: "FIELD=COLUMN"))
    var mappings: [String] = []

    @Option(help: ArgumentHelp("Field delimiter: , ; or tab (default: detected).", valueName: "C"))
    var delimiter: String?

    @Option(help: ArgumentHelp("Comma-separated channel names that count as social.", valueName: "LIST"))
    var socialChannels: String?

    @Option(help: ArgumentHelp("Clustered-updates window in minutes.", valueName: "N"))
    var windowMinutes: Double = 10

    @Flag(help: "Print one JSON object instead of a table.")
    var json = false

    func validate() throws {
        if posts == nil && inbox == nil && followers == nil && traffic == nil {
            throw ValidationError("give at least one of --posts, --inbox, --followers, --traffic")
        }
        if windowMinutes <= 0 { throw ValidationError("--window-minutes must be positive") }
        if replace && keepTyped { throw ValidationError("--replace and --keep-typed contradict each other; give one") }
        if (replace || keepTyped) && into == nil { throw ValidationError("--replace and --keep-typed apply only with --into SESSION") }
    }

    @Option(help: ArgumentHelp("Fill the measurable questions of this session or answers file (saved in place).", valueName: "SESSION"))
    var into: String?

    @Flag(help: "With --into: replace answers the team typed with the measured values (the typed answers are kept as estimates).")
    var replace = false

    @Flag(help: "With --into: keep answers the team typed; fill only unanswered questions.")
    var keepTyped = false

    @OptionGroup var checklistOptions: ChecklistOptions

    func run() throws {
        var request = MeasureRequest()
        request.posts = posts
        request.inbox = inbox
        request.followers = followers
        request.traffic = traffic
        request.mappings = mappings
        request.delimiter = delimiter
        request.socialChannels = socialChannels
        request.windowMinutes = windowMinutes
        let (measurement, warnings) = try request.measure()
        for warning in warnings { printError("warning: \(warning)") }
        // JSON escapes every control character itself; the table is made safe for a terminal.
        print(json ? measurement.json() : Console.safe(measurement.table()), terminator: json ? "\n" : "")
        guard let into else { return }
        request.typedAnswers = replace ? .replace : keepTyped ? .keep : nil
        let catalog = checklistOptions.catalog()
        let messages = try MeasuredAnswers.fillSession(at: into, catalog: catalog, measurement: measurement, request: request,
                                                       environment: Environment.current) { question in
            // Asked only when a person is there to answer; a script must say --replace or --keep-typed.
            guard isatty(STDIN_FILENO) == 1 && isatty(STDERR_FILENO) == 1 else { return nil }
            printError(question, terminator: " ")
            return readLine().map { ["y", "yes"].contains($0.trimmingWhitespace().lowercased()) } ?? false
        }
        printError(messages)
    }
}
