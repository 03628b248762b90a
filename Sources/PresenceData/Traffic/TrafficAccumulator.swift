/// Sums a traffic-by-channel export per channel (memory: one entry per channel).
/// Empty sessions or conversions cells count as 0; unreadable numbers make the row malformed.
struct TrafficAccumulator {
    private let channelColumn: Int, sessionsColumn: Int, conversionsColumn: Int?
    private let commaDelimited: Bool
    private let social: Set<String>
    private var index: [String: Int] = [:]
    private var channels: [(name: String, sessions: Double, conversions: Double)] = []

    init(columns: [ColumnMapping.Field: Int], delimiter: UInt8, socialChannels: [String]) {
        channelColumn = columns[.channel]!
        sessionsColumn = columns[.sessions]!
        conversionsColumn = columns[.conversions]
        commaDelimited = delimiter == UInt8(ascii: ",")
        social = Set(socialChannels.map { $0.trimmingSpaces().lowercased() })
    }

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
        var name = row.string(channelColumn).trimmingSpaces()
        if name.isEmpty { name = "(not set)" }
        if let i = index[name] {
            channels[i].sessions += sessions
            channels[i].conversions += conversions
        } else {
            index[name] = channels.count
            channels.append((name, sessions, conversions))
        }
    }

    func finish(skippedRows: Int) -> TrafficMetrics {
        var m = TrafficMetrics(skippedRows: skippedRows)
        var conversions = 0.0, socialConversions = 0.0
        for c in channels {
            let isSocial = social.contains(c.name.lowercased())
            m.sessions += c.sessions
            conversions += c.conversions
            if isSocial {
                m.socialSessions += c.sessions
                socialConversions += c.conversions
            }
            m.byChannel.append(ChannelStatistics(channel: c.name, sessions: c.sessions,
                                                 conversions: conversionsColumn == nil ? nil : c.conversions,
                                                 isSocial: isSocial))
        }
        m.byChannel.sort { $0.channel < $1.channel }
        if m.sessions > 0 {
            m.socialShare = m.socialSessions / m.sessions
        } else {
            m.unavailable["social_share"] = "no sessions"
        }
        if conversionsColumn == nil {
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
}
