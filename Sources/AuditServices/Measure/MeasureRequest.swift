import AuditKit
import AuditReport
import PresenceData

/// One `measure` run: which exports to read and how, shared by `smaudit measure` and the
/// shell's `measure` (both build it from `MeasureOptions`).
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
    /// Keep a helpdesk export's tickets of every channel.
    public var allChannels = false
    /// Only the posts of one account (`--account`).
    public var account: String?
    public var windowMinutes: Double = 10
    /// What to do with typed answers the measurement also covers; nil means ask (or, where
    /// nobody can be asked, refuse).
    public var typedAnswers: MeasuredAnswers.TypedAnswers?
    /// Files given after the first of each kind (`--posts fb.csv --posts ig.csv`).
    public var moreFiles: [ExportKind: [String]] = [:]
    /// Which part of the exports to measure (`--period`, `--since`, `--until`); all of them by default.
    public var window: MeasurementWindow = .all
    /// Today's date, so that a month still running is never taken as the last full month.
    public var today: CalendarDay?

    public init() {}

    /// Every file of one kind, the first one first, without a `PLATFORM=` in front.
    public func files(_ kind: ExportKind) -> [String] { arguments(kind).map { Self.platformAndFile($0).file } }

    /// The files of one kind as given, `Instagram=followers.csv` included.
    func arguments(_ kind: ExportKind) -> [String] {
        let first: String?
        switch kind {
        case .posts: first = posts
        case .inbox: first = inbox
        case .followers: first = followers
        case .traffic: first = traffic
        }
        return (first.map { [$0] } ?? []) + (moreFiles[kind] ?? [])
    }

    /// `Instagram=followers.csv` → (Instagram, followers.csv): a file that names no platform in
    /// its header (a generic follower count) can be given one. Only a platform's name before
    /// `=` counts, so a file name with `=` in it is read as it is.
    public static func platformAndFile(_ argument: String) -> (platform: Platform?, file: String) {
        guard let equals = argument.firstIndex(of: "=") else { return (nil, argument) }
        let name = argument[..<equals].lowercased()
        guard let platform = Platform.allCases.first(where: { $0.description.lowercased() == name || $0.rawValue == name }) else {
            return (nil, argument)
        }
        return (platform, String(argument[argument.index(after: equals)...]))
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

    /// The window of `--period` or `--since`/`--until` (which cannot be combined).
    public static func window(period: String?, since: String?, until: String?) throws -> MeasurementWindow {
        do {
            if let period {
                guard since == nil && until == nil else { throw AuditError.periodWithDates }
                return try MeasurementWindow(parsing: period)
            }
            return try MeasurementWindow(since: since, until: until)
        } catch let error as PresenceError {
            throw AuditError.presence(error)
        }
    }

    /// The export file that feeds a metric path (`inbox.response_rate` → the inbox file);
    /// several files of the kind are named together (`fb.csv, ig.csv`).
    public func file(for metric: String) -> String? {
        guard let kind = ExportKind(metric: metric) else { return nil }
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
            input.allChannels = allChannels
            input.account = account
            input.window = window
            input.today = today
            input.posts = files(.posts)
            input.inbox = files(.inbox)
            input.followers = files(.followers)
            input.traffic = files(.traffic)
            for kind in ExportKind.allCases {
                for argument in arguments(kind) {
                    let (platform, file) = Self.platformAndFile(argument)
                    if let platform { input.platformOf[file] = platform }
                }
            }
            return try PresenceMeasurer.measure(input, progress: progress)
        } catch let error as PresenceError {
            throw AuditError.presence(error)
        }
    }
}
