import AuditKit
import PresenceData

/// One `measure` run: which exports to read and how, shared by `smaudit measure` and the
/// shell's `measure`.
public struct MeasureRequest: Sendable {
    public var posts: String?
    public var inbox: String?
    public var followers: String?
    public var traffic: String?
    /// `FIELD=COLUMN` overrides.
    public var mappings: [String] = []
    public var delimiter: String?
    /// Comma-separated channel names that count as social.
    public var socialChannels: String?
    public var windowMinutes: Double = 10
    /// Files given after the first of each kind (`--posts fb.csv --posts ig.csv`).
    public var moreFiles: [ExportKind: [String]] = [:]
    /// Which part of the exports to measure (`--period`, `--since`, `--until`); all of them by default.
    public var window: MeasurementWindow = .all
    /// Today's date, so that a month still running is never taken as the last full month.
    public var today: CalendarDay?

    public init() {}

    /// Every file of one kind, the first one first.
    public func files(_ kind: ExportKind) -> [String] {
        let first: String?
        switch kind {
        case .posts: first = posts
        case .inbox: first = inbox
        case .followers: first = followers
        case .traffic: first = traffic
        }
        return (first.map { [$0] } ?? []) + (moreFiles[kind] ?? [])
    }

    /// Sets the file of a kind, or adds it after the first when one is already set.
    public mutating func add(_ file: String, as kind: ExportKind) {
        switch kind {
        case .posts where posts == nil: posts = file
        case .inbox where inbox == nil: inbox = file
        case .followers where followers == nil: followers = file
        case .traffic where traffic == nil: traffic = file
        default: moreFiles[kind, default: []].append(file)
        }
    }

    /// Reads the shell's words: `--posts F --inbox F --followers F --traffic F` (each
    /// repeatable) `--map F=C --delimiter C --social-channels LIST --window-minutes N
    /// --period P --since DATE --until DATE`.
    public init(words: [String]) throws {
        var index = 0
        func value(_ option: String) throws -> String {
            index += 1
            guard index < words.count else { throw ShellError("\(option) needs a value") }
            return words[index]
        }
        var since: String?, until: String?, period: String?
        while index < words.count {
            let word = words[index]
            switch word {
            case "--posts": add(try value(word), as: .posts)
            case "--inbox": add(try value(word), as: .inbox)
            case "--followers": add(try value(word), as: .followers)
            case "--traffic": add(try value(word), as: .traffic)
            case "--period": period = try value(word)
            case "--since": since = try value(word)
            case "--until": until = try value(word)
            case "--map": mappings.append(try value(word))
            case "--delimiter": delimiter = try value(word)
            case "--social-channels": socialChannels = try value(word)
            case "--window-minutes":
                let text = try value(word)
                guard let minutes = Double(text), minutes > 0 else { throw ShellError("--window-minutes takes a positive number, not `\(text)`") }
                windowMinutes = minutes
            default:
                throw ShellError("unknown option `\(word)`; measure takes --posts, --inbox, --followers, --traffic FILE, --map FIELD=COLUMN, --delimiter C, --social-channels LIST, --window-minutes N, --period P, --since DATE, --until DATE")
            }
            index += 1
        }
        window = try Self.window(period: period, since: since, until: until)
        guard posts != nil || inbox != nil || followers != nil || traffic != nil else {
            throw ShellError("give at least one of --posts, --inbox, --followers, --traffic")
        }
    }

    /// The window of `--period` or `--since`/`--until` (which cannot be combined).
    public static func window(period: String?, since: String?, until: String?) throws -> MeasurementWindow {
        do {
            if let period {
                guard since == nil && until == nil else { throw ShellError("--period cannot be combined with --since or --until") }
                return try MeasurementWindow(parsing: period)
            }
            return try MeasurementWindow(since: since, until: until)
        } catch let error as PresenceError {
            throw ShellError("\(error)")
        }
    }

    /// The export file that feeds a metric path (`inbox.response_rate` → the inbox file);
    /// several files of the kind are named together (`fb.csv, ig.csv`).
    public func file(for metric: String) -> String? {
        guard let kind = ExportKind(rawValue: String(metric.prefix(while: { $0 != "." }))) else { return nil }
        let all = files(kind)
        return all.isEmpty ? nil : all.joined(separator: ", ")
    }

    /// Reads the exports and computes the metrics; `progress` is called after each chunk read.
    public func measure(progress: ((ImportProgress) -> Void)? = nil) throws -> (PresenceMeasurement, [PresenceWarning]) {
        do {
            let mapping = try ColumnMapping(arguments: mappings)
            var input = MeasureInput()
            for (field, column) in mapping.columns { input.mappings[field.rawValue] = column }
            input.delimiter = try delimiter.map { Character(UnicodeScalar(try CSVReader.delimiterByte($0))) }
            input.socialChannels = socialChannels.map { $0.split(separator: ",").map(String.init).filter { !$0.isEmpty } }
            input.windowMinutes = windowMinutes
            input.window = window
            input.today = today
            input.posts = files(.posts)
            input.inbox = files(.inbox)
            input.followers = files(.followers)
            input.traffic = files(.traffic)
            return try PresenceMeasurer.measure(input, progress: progress)
        } catch let error as PresenceError {
            throw ShellError("\(error)")
        }
    }
}

/// Fills audit questions that declare `measure: METRIC` with measured values.
public enum MeasuredAnswers {
    /// The answer a metric gives a question, converted to its type (minutes for durations,
    /// fractions for percentages), or nil when the type does not fit or the value is out of bounds.
    ///
    /// The answer is rounded as a person would type it (66.67%, not 66.6666666667%; whole
    /// seconds); the exact figure stays in the answer's `measured` record.
    public static func answer(for question: Question, metric: String, value: Double) -> AnswerValue? {
        let candidate: AnswerValue
        switch question.type {
        case .duration: candidate = .duration(seconds: (metric.contains("minutes") ? value * 60 : value).rounded())
        case .percent: candidate = .percent((value * 10_000).rounded() / 10_000)
        case .number: candidate = .number((value * 100).rounded() / 100)
        case .scale: candidate = .scale(Int(value.rounded()))
        default: return nil
        }
        // Through the parser, so bounds are checked and the stored value is what the file re-reads.
        return try? question.parse(candidate.displayText).get()
    }

    /// Records every measurable question of the session's checklists; returns what was filled.
    @discardableResult
    public static func fill(_ session: inout AuditSession, set: ChecklistSet, measurement: PresenceMeasurement,
                            request: MeasureRequest, now: String) -> [(ref: QuestionRef, answer: String, metric: String)] {
        var filled: [(QuestionRef, String, String)] = []
        for id in session.checklistIDs {
            guard let checklist = set.checklist(id) else { continue }
            for (_, question) in checklist.allQuestions {
                guard let metric = question.measure, let value = measurement.value(at: metric),
                      let file = request.file(for: metric),
                      let answer = answer(for: question, metric: metric, value: value) else { continue }
                let ref = QuestionRef(checklist: id, question: question.id)
                var entry = session[ref]
                entry.value = answer
                entry.text = answer.displayText
                entry.skipped = false
                entry.at = now
                entry.measured = MeasuredValue(file: file, metric: metric, value: value, at: now)
                session[ref] = entry
                filled.append((ref, answer.displayText, metric))
            }
        }
        return filled
    }

    /// `four-mistakes.response_rate = 92% (inbox.response_rate from inbox.csv)` lines.
    public static func describe(_ filled: [(ref: QuestionRef, answer: String, metric: String)], request: MeasureRequest) -> String {
        guard !filled.isEmpty else { return "No audit question could be filled from these exports." }
        return "Filled \(filled.count) questions from the exports:\n" + filled.map {
            "  \($0.ref) = \($0.answer) (\($0.metric) from \(request.file(for: $0.metric) ?? "?"))"
        }.joined(separator: "\n")
    }
}
