import AuditKit

/// Numbers as a director reads them in the report's body: durations in words ("about 1 hour
/// 10 minutes", "18 hours", "2 days"), never "1h7m30s"; interactions per 100 followers as a
/// rate, never a percentage. The annex keeps the answers exactly as typed.
public enum HumanNumbers {
    /// `45 seconds`, `12 minutes`, `about 1 hour 10 minutes`, `18 hours`, `2 days`, `about 3 weeks`;
    /// "about" when rounding changed the value.
    public static func duration(seconds: Double) -> String {
        let s = max(0, seconds)
        func unit(_ n: Int, _ word: String) -> String { n == 1 ? "1 \(word)" : "\(n) \(word)s" }
        let minute = 60.0, hour = 3_600.0, day = 86_400.0, week = 604_800.0
        let shown: (text: String, value: Double)
        switch s {
        case ..<minute:
            let n = Int(s.rounded())
            shown = (unit(n, "second"), Double(n))
        case ..<hour:
            let n = Int((s / minute).rounded())
            shown = n == 60 ? (unit(1, "hour"), hour) : (unit(n, "minute"), Double(n) * minute)
        case ..<(10 * hour):
            // Hours and minutes, the minutes to the nearest five.
            var h = Int(s / hour)
            var m = Int(((s - Double(h) * hour) / minute / 5).rounded()) * 5
            if m == 60 { h += 1; m = 0 }
            shown = (m == 0 ? unit(h, "hour") : unit(h, "hour") + " " + unit(m, "minute"), Double(h) * hour + Double(m) * minute)
        case ..<(2 * day):
            let n = Int((s / hour).rounded())
            shown = (unit(n, "hour"), Double(n) * hour)
        case ..<(3 * week):
            let n = Int((s / day).rounded())
            shown = (unit(n, "day"), Double(n) * day)
        default:
            let n = Int((s / week).rounded())
            shown = (unit(n, "week"), Double(n) * week)
        }
        return abs(shown.value - s) < 0.5 ? shown.text : "about " + shown.text
    }

    /// An answer as the body quotes it: durations in words, interactions per 100 followers as
    /// a rate, anything else as typed.
    static func answer(_ value: AnswerValue, of question: Question?) -> String {
        switch value {
        case .duration(let seconds): return duration(seconds: seconds)
        case .percent(let fraction) where question.map(isPer100Followers) == true:
            return NumberText.count((fraction * 100 * 10).rounded() / 10) + " per 100 followers"
        case .number(let n) where question?.unit == "per 100 followers":
            return NumberText.count(n) + " per 100 followers"
        default: return value.displayText
        }
    }

    /// An answer as typed (`1h`), as the body says it (`1 hour`); text that does not parse as
    /// the question's answer stays as typed.
    static func typed(_ text: String, of question: Question?) -> String {
        guard let question, case .success(let value) = question.parse(text) else { return text }
        return answer(value, of: question)
    }

    /// A share-like question that is really a rate per 100 followers (more than 100 is normal).
    static func isPer100Followers(_ question: Question) -> Bool {
        question.unit == "per 100 followers" || question.prompt.lowercased().contains("per 100 followers")
    }

    static let months = ["January", "February", "March", "April", "May", "June", "July", "August",
                         "September", "October", "November", "December"]

    /// `6 January 2027`.
    public static func date(_ date: CalendarDate) -> String { "\(date.day) \(months[date.month - 1]) \(date.year)" }

    /// A period as `measure` recorded it (`Oct 2026`, `2026-08-03 – 2026-10-31`) with its months
    /// and dates by name: `October 2026`, `3 August 2026 – 31 October 2026`.
    public static func period(_ text: String) -> String {
        var words: [String] = []
        for word in text.split(separator: " ", omittingEmptySubsequences: false).map(String.init) {
            if let month = months.first(where: { $0.hasPrefix(word) && word.count == 3 }) {
                words.append(month)
            } else if word.count == 10, let day = CalendarDate(iso: word) {
                words.append(date(day))
            } else {
                words.append(word)
            }
        }
        return words.joined(separator: " ")
    }
}

extension CalendarDate {
    /// The date as the report and the shell write it: `6 January 2027`.
    public var inWords: String { HumanNumbers.date(self) }
}
