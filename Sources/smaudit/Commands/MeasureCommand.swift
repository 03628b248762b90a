import ArgumentParser
import AuditKit
import AuditOptions
import CivilCalendar
import PresenceData
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import AuditServices

/// `smaudit measure`: scores an existing presence from the platforms' exports.
struct MeasureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "measure",
        abstract: "Measure a presence from posts, inbox, followers and traffic exports.",
        discussion: """
            Reads CSV exports (delimiter , ; or tab, detected from the header unless --delimiter is \
            given; quoted fields may hold newlines; a UTF-8 BOM is ignored; lines may end with \
            CR LF, LF or, as Excel for Mac writes, CR alone) and prints a table, or one JSON object \
            with --json. Malformed rows are reported as FILE:LINE: reason (the first 20 per file, \
            then a count) and skipped. A metric the columns cannot support is null, and the table \
            says which column is missing. Rates are fractions in JSON (0.0213) and percentages in \
            the table. Give --posts (or any kind) several times for several platforms: the figures \
            come over all of them, then per platform.

            Recognised headers (case-insensitive; --map FIELD=COLUMN for anything else):
              posts      Meta Business Suite (Facebook: Reactions are the likes;
                         Instagram), X analytics tweet activity (replies are the
                         comments, retweets the shares), TikTok Studio content
                         (total views read as impressions), YouTube Studio content
                         (Table data.csv: views read as impressions, the Total row
                         skipped), LinkedIn page content (the All posts sheet as
                         CSV; reposts are the shares), Facebook Page Insights;
                         generic: date, type, reach, impressions, likes, comments,
                         shares, followers, account
              inbox      Twitter customer support (tweet_id,
                         in_response_to_tweet_id); helpdesk ticket exports, one
                         row per ticket: Zendesk's CSV export (Via, Created at,
                         First reply time in minutes [within business hours]),
                         Zendesk Explore (Ticket channel, Ticket created -
                         Timestamp, First reply time (min)), Freshdesk (Source,
                         Created time, Initial response time, First response
                         time (in hrs) as business hours); generic: id, from,
                         inbound, time, in_reply_to, or for tickets time,
                         channel, first_reply_minutes or first_reply_at
              followers  LinkedIn page followers (the New followers sheet as CSV:
                         followers gained per day); generic: date, followers
              traffic    GA4 traffic acquisition (the "# Start date" lines give
                         its period; Key events are the conversions); generic:
                         channel, sessions, conversions, date
            Fields for --map: date type reach impressions likes comments shares followers account \
            id from inbound time in_reply_to channel sessions conversions first_reply_minutes \
            first_reply_business_minutes first_reply_at replies. An .xlsx or .xls \
            workbook is refused with the sheet to save as CSV.
            Timestamps: ISO 8601 (2017-10-31T22:10:47Z, offsets, fractions), YYYY-MM-DD HH:MM[:SS], \
            Twitter's "Tue Oct 31 22:10:47 +0000 2017", 10/31/2017 10:10 PM, Oct 31, 2017 and \
            20171031; no zone means the export's own clock, which is how months are read.

            Periods: every section shows the period it covers (first and last timestamp, or \
            GA4's stated range). --period last-month measures the last calendar month that is \
            over and that the export covers; last-90-days the 90 days ending on its last day; \
            YYYY-MM one month; --since/--until YYYY-MM-DD the days between, both included. Rows \
            dated by what happened (posts, messages, counts) cover a period when they come within \
            7 days of both its ends; a GA4 report, which cannot be split, must state that very \
            period. A section that does not cover the whole period says so (partly, not covered).

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
              engagement_per_follower
                                    total engagement of the posts in the period /
                                    the follower count at its end, each platform
                                    against its own followers (--followers series,
                                    else the latest post's followers column); all
                                    platforms together only when every one has its
                                    followers; shown per 100 followers (a fraction
                                    in the JSON), never as a percentage
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
              tickets               each ticket of a helpdesk export is a starter,
                                    answered when it has a first reply (and more
                                    than 0 replies); only social channels
                                    (Facebook, Instagram, X/Twitter, WhatsApp,
                                    TikTok, Messenger, LinkedIn, or
                                    --social-channels) unless --all-channels; the
                                    others are counted and named
              first_response_business_minutes
                                    the export's first reply in business hours:
                                    median, p90, mean
              growth_rate           (last − first) / first follower count, by date
              monthly_growth_rate   (last / first)^(1 / months) − 1, months of
                                    30.436875 days
              new_followers         last − first, or the sum of a series of
                                    followers gained per day
              social_share          sessions from social channels / all sessions
              conversion_rate       conversions / sessions
              social_conversion_rate
                                    conversions / sessions of social channels only
            Social channels: Organic Social, Paid Social, Social, Social Network (any case), or the \
            comma-separated list given with --social-channels.
            """
    )

    @OptionGroup var options: MeasureOptions

    @Flag(help: "Print one JSON object instead of a table.")
    var json = false

    @Option(help: ArgumentHelp("Fill the measurable questions of this session or answers file (saved in place).", valueName: "SESSION"))
    var into: String?

    func validate() throws {
        if (options.replace || options.keepTyped) && into == nil {
            throw AuditError.typedAnswersWithoutSession.usage
        }
    }

    @OptionGroup var checklistOptions: ChecklistOptions

    func run() throws {
        let today = CalendarDay(containing: Double(Clock(environment: Environment.current).now.seconds))
        let request = try options.request(today: today)
        let line = progressLine()
        let (measurement, warnings): (PresenceMeasurement, [PresenceWarning])
        do {
            defer { line?.finish() }
            (measurement, warnings) = try request.measure(progress: line.map { line in { line.update($0) } })
        }
        for warning in warnings { Output.warning("\(warning)") }
        // JSON escapes every control character itself; the table is made safe for a terminal.
        if json {
            Output.printRaw(measurement.json())
        } else {
            Output.print(measurement.table(responders: options.responderLimit,
                                           more: "--all lists them all; --json has every figure"), terminator: "")
        }
        guard let into else { return }
        let catalog = checklistOptions.catalog()
        let messages = try MeasuredAnswers.fillSession(at: into, catalog: catalog, measurement: measurement, request: request,
                                                       clock: Clock(environment: Environment.current)) { question in
            // Asked only when a person is there to answer; a script must say --replace or --keep-typed.
            guard isatty(STDIN_FILENO) == 1 && isatty(STDERR_FILENO) == 1 else { return nil }
            Output.message(question, terminator: " ")
            return readLine().map { ["y", "yes"].contains($0.trimmed(.unicodeWhitespace).lowercased()) } ?? false
        }
        Output.message(messages)
    }

    /// The progress line for a long import, only when standard error is a terminal and the
    /// output is the table (a script reading `--json` wants no redraws on its stderr).
    /// `SMAUDIT_PROGRESS_DELAY` (seconds, default 1) sets when it appears; tests set it to 0.
    func progressLine() -> ProgressLine? {
        guard !json, isatty(2) != 0 else { return nil }
        let delay = getenv("SMAUDIT_PROGRESS_DELAY").flatMap { Double(String(cString: $0)) } ?? 1
        return ProgressLine(delay: delay) { text in
            var err = StandardError()
            err.write(text)
        }
    }

}
