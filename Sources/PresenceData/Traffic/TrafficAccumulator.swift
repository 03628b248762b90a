import TextTrim

/// Sums the traffic-by-channel exports of one source per channel (memory: one entry per channel).
/// Empty sessions or conversions cells count as 0; unreadable numbers make the row malformed.
///
/// A file with a date column (GA4's Date dimension) is filtered row by row to the window. A
/// file without one sums its whole stated range (GA4's `# Start date:` preamble), so it is
/// measured whole or not at all: the caller decides with `Coverage.ofStatedRange` and skips
/// the rows of a file it leaves out.
struct TrafficAccumulator: FileAccumulator {
    private var channelColumn = 0, sessionsColumn = 0
    private var conversionsColumn: Int?, rateColumn: Int?, dateColumn: Int?
    private var commaDelimited = true
    /// Whether the rows of the file being read are measured (a stated-range file left out is not).
    private var including = true
    private let social: Set<String>
    private var index: [String: Int] = [:]
    /// Per channel: sessions, conversions, and sessions with a key event (rate × sessions).
    private var channels: [(name: String, sessions: Double, conversions: Double, converting: Double)] = []
    /// Whether some file had a conversions column.
    private(set) var hasConversions = false
    /// Whether every file measured had the session key event rate column: then conversion rates
    /// are shares of sessions. Mixed files fall back to conversions, which every GA4 file has.
    private var hasRate: Bool?
    /// Rows measured.
    private(set) var rows = 0
    /// Which rows fall in the window, and their dates (or the ranges stated).
    private(set) var dates: DatedRows

    init(window: Period?, socialChannels: [String]) {
        dates = DatedRows(window: window)
        social = Set(socialChannels.map { $0.trimmed(.spacesAndTabs).lowercased() })
    }

    /// Starts reading a file; `statedRange` is its preamble's range and `include` whether a
    /// file without a date column is measured.
    mutating func beginFile(columns: [ColumnMapping.Field: Int], delimiter: UInt8, statedRange: Period?, include: Bool) {
        channelColumn = columns[.channel]!
        sessionsColumn = columns[.sessions]!
        conversionsColumn = columns[.conversions]
        rateColumn = columns[.keyEventRate]
        if include || dateColumn != nil { hasRate = (hasRate ?? true) && rateColumn != nil }
        dateColumn = columns[.date]
        commaDelimited = delimiter == UInt8(ascii: ",")
        if conversionsColumn != nil { hasConversions = true }
        including = dateColumn != nil || include
        dates.beginFile(stated: dateColumn == nil ? statedRange.map(TimeSpan.init(days:)) : nil, including: including)
    }

    /// Ends the file being read.
    mutating func endFile() { dates.endFile() }

    private func number(_ row: CSVRow, _ column: Int, _ name: String, log: inout ProblemLog) -> Double? {
        switch FieldParser.number(row.bytes(column), thousands: !commaDelimited || row.isQuoted(column)) {
        case .value(let v): return v
        case .missing: return 0
        case .invalid:
            log.add(line: row.line, "\(name): not a number: \(row.excerpt(column)); row skipped")
            return nil
        }
    }

    mutating func add(_ row: CSVRow, log: inout ProblemLog) {
        guard let sessions = number(row, sessionsColumn, "sessions", log: &log) else { return }
        var conversions = 0.0
        if let conversionsColumn {
            guard let c = number(row, conversionsColumn, "conversions", log: &log) else { return }
            conversions = c
        }
        var rate = 0.0
        if let rateColumn {
            guard let r = number(row, rateColumn, "session key event rate", log: &log) else { return }
            guard r >= 0 && r <= 1 else {
                log.add(line: row.line, "session key event rate: \(row.excerpt(rateColumn)) is not a share between 0 and 1; row skipped")
                return
            }
            rate = r
        }
        if let dateColumn {
            let bytes = row.bytes(dateColumn)
            let time = TimestampParser.parse(bytes)
            if time == nil && !FieldParser.trimmed(bytes).isEmpty {
                log.add(line: row.line, "date: not a date: \(row.excerpt(dateColumn)); row skipped")
                return
            }
            guard dates.admit(time) else { return }
        } else if including {
            dates.admitStated()
        } else {
            return
        }
        rows += 1
        var name = row.string(channelColumn).trimmed(.spacesAndTabs)
        if name.isEmpty { name = "(not set)" }
        if let i = index[name] {
            channels[i].sessions += sessions
            channels[i].conversions += conversions
            channels[i].converting += rate * sessions
        } else {
            index[name] = channels.count
            channels.append((name, sessions, conversions, rate * sessions))
        }
    }

    /// Adds another source's channels.
    mutating func absorb(_ other: TrafficAccumulator) {
        for c in other.channels {
            if let i = index[c.name] {
                channels[i].sessions += c.sessions
                channels[i].conversions += c.conversions
                channels[i].converting += c.converting
            } else {
                index[c.name] = channels.count
                channels.append(c)
            }
        }
        hasConversions = hasConversions || other.hasConversions
        if let theirs = other.hasRate { hasRate = (hasRate ?? true) && theirs }
        rows += other.rows
        dates.absorb(other.dates)
    }

    func metrics(skippedRows: Int) -> TrafficMetrics {
        var m = TrafficMetrics(skippedRows: skippedRows)
        let byRate = hasRate == true
        var conversions = 0.0, socialConversions = 0.0
        var organic = (sessions: 0.0, converting: 0.0), paid = (sessions: 0.0, converting: 0.0)
        for c in channels {
            let isSocial = social.contains(c.name.lowercased())
            let converting = byRate ? c.converting : c.conversions
            m.sessions += c.sessions
            conversions += converting
            if isSocial {
                m.socialSessions += c.sessions
                socialConversions += converting
                if c.name.lowercased().hasPrefix("paid") {
                    paid.sessions += c.sessions
                    paid.converting += converting
                } else {
                    organic.sessions += c.sessions
                    organic.converting += converting
                }
            }
            m.byChannel.append(ChannelStatistics(channel: c.name, sessions: c.sessions,
                                                 conversions: hasConversions ? c.conversions : nil,
                                                 isSocial: isSocial,
                                                 keyEventRate: byRate && c.sessions > 0 ? c.converting / c.sessions : nil))
        }
        if organic.sessions > 0 && paid.sessions > 0 && (hasConversions || byRate) {
            m.organicSocialConversionRate = organic.converting / organic.sessions
            m.paidSocialConversionRate = paid.converting / paid.sessions
        }
        m.byChannel.sort { $0.channel < $1.channel }
        if m.sessions > 0 {
            m.socialShare = m.socialSessions / m.sessions
        } else {
            m.unavailable["social_share"] = "no sessions"
        }
        let hasConversions = self.hasConversions || byRate
        m.conversionBasis = byRate ? "sessions with a key event" : hasConversions ? "key events" : nil
        if !hasConversions {
            m.unavailable["conversion_rate"] = "no conversions column"
            m.unavailable["social_conversion_rate"] = "no conversions column"
        } else {
            if m.sessions > 0 { m.conversionRate = conversions / m.sessions } else { m.unavailable["conversion_rate"] = "no sessions" }
            if m.socialSessions > 0 {
                m.socialConversionRate = socialConversions / m.socialSessions
            } else {
                m.unavailable["social_conversion_rate"] = "no sessions from social channels"
            }
        }
        return m
    }

    /// The date range a GA4 preamble states (`# Start date: 20261001`, `# End date: 20261031`).
    static func statedRange(_ preamble: [String]) -> Period? {
        func day(_ label: String) -> CalendarDay? {
            for line in preamble {
                let lower = line.lowercased()
                guard lower.hasPrefix(label) else { continue }
                let value = lower.dropFirst(label.count).filter { !$0.isWhitespace }
                guard value.count == 8, let y = Int(value.prefix(4)), let m = Int(value.dropFirst(4).prefix(2)),
                      let d = Int(value.suffix(2)) else { return nil }
                return CalendarDay(year: y, month: m, day: d)
            }
            return nil
        }
        guard let first = day("start date:"), let last = day("end date:") else { return nil }
        return Period(first: first, last: last)
    }
}
