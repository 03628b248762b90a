/// Computes `InboxMetrics` in one streaming pass over an inbox export, in any row order.
///
/// It keeps one small entry per message id that is a starter or has been replied to by the
/// brand (time of the starter, time and responder of the earliest reply so far), so memory is
/// proportional to the conversations, not to the bytes; replies may come before the message
/// they answer. Row rules: `id` and `inbound` are required (an empty or unreadable one makes
/// the row malformed); an empty `in_reply_to` means "not a reply"; an empty time leaves the
/// message's time unknown (an unreadable one makes the row malformed).
struct InboxAccumulator {
    private struct Entry {
        var starterTime = Double.nan
        var isStarter = false
        var hasReply = false
        var replyTime = Double.nan
        var responder: Int32 = -1
    }

    private let idColumn: Int, inboundColumn: Int, replyColumn: Int
    private let timeColumn: Int?, fromColumn: Int?
    private(set) var messages = 0
    private var entries: [MessageID: Entry] = [:]
    private var responders = TextInterner(empty: "(unknown)")
    private var responderNames: [String] { responders.names }

    init(columns: [ColumnMapping.Field: Int]) {
        idColumn = columns[.id]!
        inboundColumn = columns[.inbound]!
        replyColumn = columns[.inReplyTo]!
        timeColumn = columns[.time]
        fromColumn = columns[.from]
    }

    mutating func add(_ row: CSVRow, log: inout ProblemLog) {
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
        messages += 1

        if inbound {
            if target == nil {
                Self.markStarter(&entries[id, default: Entry()], time: time)
            }
        } else if let target {
            let responder = responderID(row)
            update(&entries[target, default: Entry()], time: time, responder: responder)
        }
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

    /// The metrics; consumes the entries.
    mutating func finish(skippedRows: Int) -> InboxMetrics {
        var m = InboxMetrics(messages: messages, skippedRows: skippedRows)
        var minutes: [Double] = []
        var perResponder = [[Double]](repeating: [], count: responderNames.count)
        var repliedBy = [Int](repeating: 0, count: responderNames.count)
        var within60 = 0
        for entry in entries.values where entry.isStarter {
            m.starters += 1
            guard entry.hasReply else { continue }
            m.replied += 1
            repliedBy[Int(entry.responder)] += 1
            let delta = (entry.replyTime - entry.starterTime) / 60
            if !delta.isNaN {
                minutes.append(delta)
                perResponder[Int(entry.responder)].append(delta)
                if delta <= 60 { within60 += 1 }
            }
        }
        entries = [:]
        if m.starters > 0 {
            m.responseRate = Double(m.replied) / Double(m.starters)
        } else {
            m.unavailable["response_rate"] = "no conversation starters"
        }
        if timeColumn == nil {
            m.unavailable["first_response_minutes"] = "no time column"
            m.unavailable["replied_within_60m_share"] = "no time column"
        } else if minutes.isEmpty {
            m.unavailable["first_response_minutes"] = "no answered conversation with times"
            if m.starters > 0 { m.repliedWithin60mShare = 0 }
        } else {
            let mean = minutes.reduce(0, +) / Double(minutes.count)
            let median = Quantile.median(&minutes)!
            let p90 = Quantile.of(&minutes, 0.9)!
            m.firstResponseMinutes = ResponseTimes(median: median, p90: p90, mean: mean)
            m.repliedWithin60mShare = Double(within60) / Double(m.starters)
        }
        for i in responderNames.indices where repliedBy[i] > 0 {
            let median = timeColumn == nil ? nil : Quantile.median(&perResponder[i])
            m.byResponder.append(ResponderStatistics(responder: responderNames[i], replied: repliedBy[i], medianMinutes: median))
        }
        m.byResponder.sort { $0.responder < $1.responder }
        return m
    }
}
