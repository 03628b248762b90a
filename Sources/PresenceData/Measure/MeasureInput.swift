/// What `PresenceMeasurer.measure` reads, and how: the exports of each kind (several per kind,
/// e.g. a Facebook and an Instagram posts export), column overrides, and the window to measure.
public struct MeasureInput: Sendable {
    /// Posts exports.
    public var posts: [String] = []
    /// Inbox (customer messages and replies) exports.
    public var inbox: [String] = []
    /// Follower counts by date (or followers gained per day).
    public var followers: [String] = []
    /// The platform a file is of, when the command line says so (`--followers Instagram=f.csv`):
    /// a generic file names none, and with posts of several platforms it fits none of them alone.
    public var platformOf: [String: Platform] = [:]
    /// Keep the tickets of every channel of a helpdesk export, not only social media's.
    public var allChannels = false
    /// Only the posts of this account or page, when an export holds several (`--account`).
    public var account: String?
    /// Web traffic by channel.
    public var traffic: [String] = []
    /// `--map` overrides, field name → column name (see `ColumnMapping.Field`).
    public var mappings: [String: String] = [:]
    /// The delimiter of every file, or `nil` to detect it per file.
    public var delimiter: Character?
    /// Channels counted as social, or `nil` for `TrafficMetrics.defaultSocialChannels`.
    public var socialChannels: [String]?
    /// The clustered-updates window, in minutes.
    public var windowMinutes: Double = 10
    /// Files from this size on are read in two halves at once (`SplitRead`); tests set it to
    /// compare a split read with a whole one.
    var splitFrom = SplitRead.minimumBytes
    /// Which part of the exports to measure.
    public var window: MeasurementWindow = .all
    /// Today's date, when known: a month that is not over is never the last full month.
    public var today: CalendarDay?

    /// Nothing to read yet.
    public init() {}

    /// The files of one kind.
    public func files(_ kind: ExportKind) -> [String] {
        switch kind {
        case .posts: return posts
        case .inbox: return inbox
        case .followers: return followers
        case .traffic: return traffic
        }
    }
}

/// How far an import has got, reported after each chunk read (1 MiB).
public struct ImportProgress: Sendable, Equatable {
    /// The file as the user named it.
    public var file: String
    /// Bytes read so far.
    public var bytesRead: Int
    /// The file's size, when known.
    public var totalBytes: Int?
    /// Records read so far.
    public var rows: Int
    /// Whether this is the quick pass that only reads dates, to place a window such as the
    /// last full month before measuring.
    public var isDatePass: Bool

    /// Creates a report.
    public init(file: String, bytesRead: Int, totalBytes: Int?, rows: Int, isDatePass: Bool = false) {
        self.file = file
        self.bytesRead = bytesRead
        self.totalBytes = totalBytes
        self.rows = rows
        self.isDatePass = isDatePass
    }
}

/// One export read: the file, the layout recognised from its header and its platform, and
/// how much of the window it covers.
public struct ExportSource: Sendable, Equatable {
    /// The file as the user named it.
    public var file: String
    /// The layout, e.g. `Meta Business Suite posts` (or `generic posts file`).
    public var format: String
    /// The platform, `nil` for a generic file.
    public var platform: Platform?
    /// Rows measured from it (inside the window).
    public var rows: Int
    /// Rows skipped as malformed.
    public var skippedRows: Int
    /// What it covers of the window.
    public var coverage: Coverage

    /// Creates a source.
    public init(file: String, format: String, platform: Platform?, rows: Int, skippedRows: Int, coverage: Coverage) {
        self.file = file
        self.format = format
        self.platform = platform
        self.rows = rows
        self.skippedRows = skippedRows
        self.coverage = coverage
    }
}

/// The metrics of one platform when exports of several platforms were measured together.
public struct PlatformMetrics<Metrics: Sendable & Equatable>: Sendable, Equatable {
    /// The platform, `nil` for generic files.
    public var platform: Platform?
    /// Its metrics.
    public var metrics: Metrics
    /// What its exports cover of the window.
    public var coverage: Coverage

    /// Creates the metrics of one platform.
    public init(platform: Platform?, metrics: Metrics, coverage: Coverage) {
        self.platform = platform
        self.metrics = metrics
        self.coverage = coverage
    }

    /// `Instagram`, or `generic` for files of no recognised platform.
    public var name: String { platform?.description ?? "generic" }
}
