import TextTrim

/// User overrides naming which column holds a field (`--map FIELD=COLUMN`).
///
/// A mapping applies to every export kind that uses the field (`date` to posts and followers,
/// `followers` to posts and the followers series); column names match case-insensitively,
/// ignoring surrounding spaces.
public struct ColumnMapping: Sendable, Equatable {
    /// The fields the measurements read.
    public enum Field: String, Sendable, CaseIterable, Hashable {
        case date, type, reach, impressions, likes, comments, shares, followers, account
        case id, from, inbound, time
        case inReplyTo = "in_reply_to"
        case channel, sessions, conversions
        /// Web analytics: the share of a row's sessions with a key event (GA4's "Session key
        /// event rate"), a fraction of the row's sessions.
        case keyEventRate = "key_event_rate"
        /// Helpdesk tickets: minutes to the first reply, in calendar time and in business hours,
        /// the time of the first reply, and the number of agent replies.
        case firstReplyMinutes = "first_reply_minutes"
        case firstReplyBusinessMinutes = "first_reply_business_minutes"
        case firstReplyAt = "first_reply_at"
        case replies
    }

    /// Column name per overridden field.
    public private(set) var columns: [Field: String]

    /// No overrides.
    public init() { columns = [:] }

    /// Overrides from `FIELD: COLUMN` pairs; throws on an unknown field name.
    public init(_ pairs: [String: String]) throws {
        columns = [:]
        for (field, column) in pairs {
            let key = String(field.trimmed(.spacesAndTabs).lowercased().map { $0 == "-" ? "_" : $0 })
            guard let f = Field(rawValue: key) else { throw PresenceError.invalidMapping("\(field)=\(column)") }
            columns[f] = column.trimmed(.spacesAndTabs)
        }
    }

    /// Parses `--map` arguments written `FIELD=COLUMN`.
    public init(arguments: [String]) throws {
        var pairs: [String: String] = [:]
        for argument in arguments {
            guard let eq = argument.firstIndex(of: "="), eq != argument.startIndex,
                  argument.index(after: eq) != argument.endIndex else {
                throw PresenceError.invalidMapping(argument)
            }
            pairs[String(argument[..<eq])] = String(argument[argument.index(after: eq)...])
        }
        try self.init(pairs)
    }

    /// The column given for `field`, if any.
    public subscript(field: Field) -> String? { columns[field] }
}
