import TextTrim

/// Computes `InboxMetrics` in one streaming pass over the inbox exports of one platform, in
/// any row order.
///
/// It keeps one small entry per message id that is a starter or has been replied to by the
/// brand (time of the starter, time and responder of the earliest reply so far), so memory is
/// proportional to the conversations, not to the bytes; replies may come before the message
/// they answer, and may be in another file of the same platform. Row rules: `id` and
/// `inbound` are required (an empty or unreadable one makes the row malformed); an empty
/// `in_reply_to` means "not a reply"; an empty time leaves the message's time unknown (an
/// unreadable one makes the row malformed). With a window, a conversation belongs to it when
/// its starter does (its reply may come after the window ends), and undated messages are left out.
///
/// A helpdesk ticket export (one row per ticket, with its channel, creation time and first
/// reply) is read into the same entries: each ticket is a conversation starter, answered when
/// it has a first reply, and its business-hours minutes are kept beside the calendar ones.
/// Tickets of channels that are not social (email, phone, web) are left out unless the filter
/// is nil (`--all-channels`), and counted by channel.
struct InboxAccumulator: FileAccumulator {
    /// One per conversation; the wide fields first, so it packs into 32 bytes.
    private struct Entry {
        var starterTime = Double.nan
        var replyTime = Double.nan
        /// A ticket's first reply in business-hours minutes (NaN: not given).
        var businessMinutes = Double.nan
        var responder: Int32 = -1
        var isStarter = false
        var hasReply = false
    }

    /// Which ticket channels count as social media.
    struct ChannelFilter: Sendable {
        /// Lower-cased names a channel is social by when it contains one.
        let words: [String]
        /// Lower-cased names a channel is social by when it is exactly one.
        let exact: Set<String>

        /// Facebook, Instagram, X/Twitter, WhatsApp, TikTok (and Messenger, LinkedIn), as
        /// Zendesk's "Via" and Freshdesk's "Source" write them.
        static let social = ChannelFilter(words: ["facebook", "instagram", "twitter", "whatsapp", "tiktok", "messenger", "linkedin"],
                                          exact: ["x", "x dm", "x (twitter)", "x direct message", "x post"])

        /// The channels named by the user (`--social-channels`), matched the same way.
        init(names: [String]) {
            words = names.map { $0.trimmed(.spacesAndTabs).lowercased() }.filter { !$0.isEmpty }
            exact = []
        }

        init(words: [String], exact: Set<String>) {
            self.words = words
            self.exact = exact
        }

        func isSocial(_ channel: String) -> Bool {
            let name = channel.lowercased()
            return exact.contains(name) || words.contains { name.contains($0) }
        }
    }

    private var idColumn = 0, inboundColumn = 0, replyColumn = 0
    private var timeColumn: Int?, fromColumn: Int?
    /// Whether some file had a time column.
    private(set) var hasTimes = false
    /// Messages measured (inside the window).
    private(set) var messages = 0
    /// Which messages fall in the window, and their dates; a conversation whose starter falls
    /// outside it is not measured.
    private(set) var dates: DatedRows
    private var entries = MessageTable(blank: Entry())
    private var responders = TextInterner(empty: "(unknown)")
    /// Ticket columns, when the file being read is a ticket export.
    private var ticketColumns: (id: Int?, channel: Int?, minutes: Int?, business: Int?, repliedAt: Int?, replies: Int?)?
    /// Social channels only, or every one (nil).
    private let channels: ChannelFilter?
    /// Tickets of channels left out, by channel.
    private(set) var otherChannels: [String: Int] = [:]
    /// Whether some file gave business-hours first replies.
    private(set) var hasBusinessMinutes = false
    /// Tickets without an id of their own are numbered from here (below any real id).
    private var nextAnonymousTicket = -1

    init(window: Period?, channels: ChannelFilter? = .social) {
        dates = DatedRows(window: window)
        self.channels = channels
    }

    /// Starts reading a file whose header resolved to `columns`.
    mutating func beginFile(columns: [ColumnMapping.Field: Int]) {
        timeColumn = columns[.time]
        fromColumn = columns[.from]
        if timeColumn != nil { hasTimes = true }
        if ExportKind.isTicketLayout(Set(columns.keys)) {
            ticketColumns = (columns[.id], columns[.channel], columns[.firstReplyMinutes], columns[.firstReplyBusinessMinutes],
                             columns[.firstReplyAt], columns[.replies])
            if columns[.firstReplyBusinessMinutes] != nil { hasBusinessMinutes = true }
        } else {
            ticketColumns = nil
            idColumn = columns[.id]!
            inboundColumn = columns[.inbound]!
            replyColumn = columns[.inReplyTo]!
        }
        dates.beginFile()
    }

    /// Ends the file being read.
    mutating func endFile() { dates.endFile() }

    mutating func add(_ row: CSVRow, log: inout ProblemLog) {
        if let columns = ticketColumns {
            addTicket(row, columns: columns, log: &log)
            return
        }
        let id: MessageID
        switch FieldParser.messageID(row.bytes(idColumn)) {
        case .value(let v): id = v
        case .missing, .invalid:
            log.add(line: row.line, "id: empty; row skipped")
            return
        }
        let inbound: Bool
        switch FieldParser.bool(row.bytes(inboundColumn)) {
        case .value(let v): inbound = v
        case .missing:
            log.add(line: row.line, "inbound: empty; row skipped")
            return
        case .invalid:
            log.add(line: row.line, "inbound: not true/false: \(row.excerpt(inboundColumn)); row skipped")
            return
        }
        var time = Double.nan
        if let timeColumn {
            let bytes = row.bytes(timeColumn)
            if let t = TimestampParser.parse(bytes) {
                time = t
            } else if !FieldParser.trimmed(bytes).isEmpty {
                log.add(line: row.line, "time: not a timestamp: \(row.excerpt(timeColumn)); row skipped")
                return
            }
        }
        var target: MessageID?
        if case .value(let v) = FieldParser.messageID(row.bytes(replyColumn)) { target = v }
        if dates.admit(time.isNaN ? nil : time) { messages += 1 }

        // Every message is linked whatever the window: a reply after the window still answers a starter in it.
        if inbound {
            if target == nil {
                let i = entries.index(of: id)
                Self.markStarter(&entries.entries[i], time: time)
            }
        } else if let target {
            let responder = responderID(row)
            let i = entries.index(of: target)
            update(&entries.entries[i], time: time, responder: responder)
        }
    }

    /// One ticket: a conversation starter at its creation time, answered at its first reply.
    private mutating func addTicket(_ row: CSVRow, columns: (id: Int?, channel: Int?, minutes: Int?, business: Int?, repliedAt: Int?, replies: Int?),
                                    log: inout ProblemLog) {
        if let channelColumn = columns.channel, let channels {
            let name = String(decoding: FieldParser.trimmed(row.bytes(channelColumn)), as: UTF8.self)
            if !channels.isSocial(name) {
                otherChannels[name.isEmpty ? "(no channel)" : name, default: 0] += 1
                return
            }
        }
        guard let created = TimestampParser.parse(row.bytes(timeColumn!)) else {
            let empty = FieldParser.trimmed(row.bytes(timeColumn!)).isEmpty
            log.add(line: row.line, empty ? "time: empty; row skipped" : "time: not a timestamp: \(row.excerpt(timeColumn!)); row skipped")
            return
        }
        var id: MessageID
        if let idColumn = columns.id, case .value(let v) = FieldParser.messageID(row.bytes(idColumn)) {
            id = v
        } else {
            id = FieldParser.anonymousID(nextAnonymousTicket)
            nextAnonymousTicket -= 1
        }
        if dates.admit(created) { messages += 1 }
        var entry = Entry()
        entry.isStarter = true
        entry.starterTime = created
        // No agent reply: an empty first reply, or a reply count of 0.
        var replied = true
        if let repliesColumn = columns.replies, case .value(let n) = FieldParser.number(row.bytes(repliesColumn), thousands: true), n == 0 {
            replied = false
        }
        if replied, let minutesColumn = columns.minutes, case .value(let minutes) = FieldParser.number(row.bytes(minutesColumn), thousands: true) {
            entry.hasReply = true
            entry.replyTime = created + minutes * 60
        } else if replied, let atColumn = columns.repliedAt, let at = TimestampParser.parse(row.bytes(atColumn)) {
            entry.hasReply = true
            entry.replyTime = at
        }
        if entry.hasReply, let businessColumn = columns.business, let minutes = FieldParser.minutes(row.bytes(businessColumn)) {
            entry.businessMinutes = minutes
        }
        let i = entries.index(of: id)
        entries.entries[i] = entry
    }

    @inline(__always)
    private static func markStarter(_ entry: inout Entry, time: Double) {
        entry.isStarter = true
        entry.starterTime = time
    }

    @inline(__always)
    private func update(_ entry: inout Entry, time: Double, responder: Int32) {
        // Earliest wins; an unknown time only counts when nothing better is known.
        if !entry.hasReply || (!time.isNaN && (entry.replyTime.isNaN || time < entry.replyTime)) {
            entry.hasReply = true
            entry.replyTime = time
            entry.responder = responder
        }
    }

    private mutating func responderID(_ row: CSVRow) -> Int32 {
        guard let fromColumn else {
            return Int32(responders.intern(UnsafeBufferPointer(start: nil, count: 0)).index)
        }
        return Int32(responders.intern(row.bytes(fromColumn)).index)
    }

    /// The figures the metrics are made of; consumes the entries.
    mutating func tally() -> InboxTally {
        var t = InboxTally(messages: messages, hasTimes: hasTimes, extent: dates.extent, span: dates.span)
        t.hasBusinessMinutes = hasBusinessMinutes
        t.otherChannels = otherChannels
        let names = responders.names
        var perResponder = [[Double]](repeating: [], count: names.count)
        var repliedBy = [Int](repeating: 0, count: names.count)
        for entry in entries.entries where entry.isStarter {
            if let window = dates.window, entry.starterTime.isNaN || !window.contains(entry.starterTime) { continue }
            t.starters += 1
            guard entry.hasReply else { continue }
            t.replied += 1
            // A ticket names no responder (-1): it counts overall, not by responder.
            if entry.responder >= 0 { repliedBy[Int(entry.responder)] += 1 }
            let delta = (entry.replyTime - entry.starterTime) / 60
            if !entry.businessMinutes.isNaN { t.businessMinutes.append(entry.businessMinutes) }
            if !delta.isNaN {
                t.minutes.append(delta)
                if entry.responder >= 0 { perResponder[Int(entry.responder)].append(delta) }
                if delta <= 60 { t.within60 += 1 }
            }
        }
        entries = MessageTable(blank: Entry())
        for i in names.indices where repliedBy[i] > 0 {
            t.responders[names[i], default: (0, [])].replied += repliedBy[i]
            t.responders[names[i], default: (0, [])].minutes += perResponder[i]
        }
        return t
    }
}

/// What inbox metrics are computed from, for one platform or several added together.
struct InboxTally {
    var messages = 0
    var starters = 0
    var replied = 0
    /// First-response minutes of the answered starters with times.
    var minutes: [Double] = []
    /// The same in business hours, where a ticket export gives them.
    var businessMinutes: [Double] = []
    var hasBusinessMinutes = false
    /// Tickets of channels left out, by channel.
    var otherChannels: [String: Int] = [:]
    var within60 = 0
    var responders: [String: (replied: Int, minutes: [Double])] = [:]
    var hasTimes = false
    var extent: TimeSpan?
    var span: TimeSpan?

    /// Adds another platform's figures (whose arrays are released).
    mutating func absorb(_ other: inout InboxTally) {
        messages += other.messages
        starters += other.starters
        replied += other.replied
        minutes += other.minutes
        businessMinutes += other.businessMinutes
        hasBusinessMinutes = hasBusinessMinutes || other.hasBusinessMinutes
        for (name, count) in other.otherChannels { otherChannels[name, default: 0] += count }
        within60 += other.within60
        for (name, figures) in other.responders {
            responders[name, default: (0, [])].replied += figures.replied
            responders[name, default: (0, [])].minutes += figures.minutes
        }
        hasTimes = hasTimes || other.hasTimes
        extent = TimeSpan.union(extent, other.extent)
        span = TimeSpan.union(span, other.span)
        other = InboxTally()
    }

    /// Median, p90 and mean of some minutes (reordered), the mean summed in whole milliseconds
    /// so that it does not depend on their order.
    static func times(_ minutes: inout [Double]) -> ResponseTimes {
        var milliseconds: Int64 = 0
        for m in minutes { milliseconds &+= Int64((m * 60_000).rounded()) }
        let mean = Double(milliseconds) / 60_000 / Double(minutes.count)
        return ResponseTimes(median: Quantile.median(&minutes)!, p90: Quantile.of(&minutes, 0.9)!, mean: mean)
    }

    /// The metrics (reorders the minutes, keeps them).
    mutating func metrics(skippedRows: Int) -> InboxMetrics {
        var m = InboxMetrics(messages: messages, skippedRows: skippedRows, starters: starters, replied: replied)
        if starters > 0 {
            m.responseRate = Double(replied) / Double(starters)
        } else {
            m.unavailable["response_rate"] = "no conversation starters"
        }
        if !hasTimes {
            m.unavailable["first_response_minutes"] = "no time column"
            m.unavailable["replied_within_60m_share"] = "no time column"
        } else if minutes.isEmpty {
            m.unavailable["first_response_minutes"] = "no answered conversation with times"
            if starters > 0 { m.repliedWithin60mShare = 0 }
        } else {
            // Summed as whole milliseconds, exactly: a sum of doubles depends on the order the
            // conversations come out of a dictionary, which changes from run to run, and the
            // same export must always give the same bytes.
            var milliseconds: Int64 = 0
            for m in minutes { milliseconds &+= Int64((m * 60_000).rounded()) }
            let mean = Double(milliseconds) / 60_000 / Double(minutes.count)
            let median = Quantile.median(&minutes)!
            let p90 = Quantile.of(&minutes, 0.9)!
            m.firstResponseMinutes = ResponseTimes(median: median, p90: p90, mean: mean)
            m.repliedWithin60mShare = Double(within60) / Double(starters)
        }
        if !businessMinutes.isEmpty {
            m.firstResponseBusinessMinutes = Self.times(&businessMinutes)
        } else if hasBusinessMinutes {
            m.unavailable["first_response_business_minutes"] = "no answered ticket with business-hours times"
        } else {
            m.unavailable["first_response_business_minutes"] = "no business-hours column"
        }
        m.otherChannels = otherChannels
        for name in responders.keys.sorted() {
            var figures = responders[name]!
            let median = hasTimes ? Quantile.median(&figures.minutes) : nil
            m.byResponder.append(ResponderStatistics(responder: name, replied: figures.replied, medianMinutes: median))
            responders[name] = figures
        }
        return m
    }
}
