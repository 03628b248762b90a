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

/// Fills audit questions that declare `measure: METRIC` with measured values.
public enum MeasuredAnswers {
    /// What `check` says of a `measure:` metric that no measurement gives, with the closest one.
    public static func metricProblem(_ metric: String) -> String? {
        guard !Metric.isKnown(metric) else { return nil }
        let hint = Suggest.hint(Suggest.closest(to: metric, in: Metric.allPaths))
            ?? "; the metrics are listed by `smaudit measure --help`"
        return "unknown metric `\(metric)` in `measure:`\(hint)"
    }

    /// The answer a metric gives a question, converted to its type (minutes for durations,
    /// fractions for percentages), or nil when the type does not fit or the value is out of bounds.
    ///
    /// The answer is rounded as a person would type it (66.67%, not 66.6666666667%; whole
    /// seconds); the exact figure stays in the answer's `measured` record.
    public static func answer(for question: Question, metric: String, value: Double) -> AnswerValue? {
        let unit = Metric(path: metric)?.unit
        let candidate: AnswerValue
        switch question.type {
        case .duration: candidate = .duration(seconds: (unit == .minutes ? value * 60 : value).rounded())
        case .percent:
            // A rate per follower is not a share of anything: it belongs in a number question.
            guard unit != .perFollower else { return nil }
            candidate = .percent((value * 10_000).rounded() / 10_000)
        case .number: candidate = .number(((Metric(path: metric)?.shown(value) ?? value) * 100).rounded() / 100)
        case .scale: candidate = .scale(Int(value.rounded()))
        default: return nil
        }
        // Through the parser, so bounds are checked and the stored value is what the file re-reads.
        return try? question.parse(candidate.displayText).get()
    }

    /// One question a measurement fills.
    public struct Fill: Sendable {
        /// The question.
        public var ref: QuestionRef
        /// The answer the measured value gives, as the question reads it.
        public var answer: AnswerValue
        /// The metric path, e.g. `inbox.response_rate`.
        public var metric: String
        /// The exact measured value.
        public var value: Double
        /// The export file it came from.
        public var file: String
        /// The part of the export measured, in words (`Oct 2026`, `2026-01-01 – 2026-03-31`).
        public var period: String?
        /// The answer the team typed, when it differs and this fill would replace it.
        public var replacesTyped: String?
        /// The social platforms the figure covers, by their exports (`Instagram`); empty when
        /// not known or not a platform's (web analytics).
        public var platforms: [String] = []
        /// How many export files of its kind the figure comes from.
        public var exportCount = 1
        /// The same figure per platform, when the exports were of several.
        public var byPlatform: [PlatformFigure] = []
        /// Followers at each month's end over the whole export, for a follower figure.
        public var series: [PlatformFigure] = []
        /// The window asked for (the last full month, the last 90 days, all).
        public var window: MeasurementWindow = .all
        /// When the data is old for the audit: "the data ends on 31 August 2026, 98 days ago".
        public var staleNote: String?

        /// The period in words: `October 2026, the last full month in the exports`.
        public var periodInWords: String? {
            guard let period else { return nil }
            let words = HumanNumbers.period(period)
            switch window {
            case .lastFullMonth: return words + ", the last full month in the exports"
            case .lastDays(let n): return words + ", the last \(n) days in the exports"
            default: return words
            }
        }

        /// `, Instagram only` when the figure comes from one platform's exports: a question about
        /// every channel filled from one would otherwise read as the whole.
        var platformNote: String { platforms.count == 1 ? ", \(platforms[0]) only" : "" }
    }

    /// A measurable question left unanswered, and why (the export does not cover its period).
    public struct Unfilled: Sendable {
        public var ref: QuestionRef
        public var reason: String
    }

    /// What to do with answers the team typed when a measurement covers them too.
    public enum TypedAnswers: Sendable {
        /// Use the measured value; the typed answer is kept as the team's `estimated:`.
        case replace
        /// Leave the typed answer; the measured value is only reported.
        case keep
    }

    /// The exports measured once per window the questions ask about: the window the user gave
    /// (`--period`, `--since`, `--until`) for every question, else each question's own
    /// `measure_period` (the last full month, the last 90 days, or the whole export).
    public struct Measurements {
        let request: MeasureRequest
        private var cache: [(window: MeasurementWindow, measurement: PresenceMeasurement)] = []

        /// Starts from the measurement already made for `request.window` (the one printed).
        public init(request: MeasureRequest, measured: PresenceMeasurement) {
            self.request = request
            cache = [(request.window, measured)]
        }

        /// The window a question is filled from.
        public func window(for question: Question) -> MeasurementWindow {
            if request.window != .all { return request.window }
            switch question.measurePeriod {
            case .lastMonth?: return .lastFullMonth
            case .last90Days?: return .last90Days
            case .all?, nil: return .all
            }
        }

        /// The measurement of one window, read once.
        public mutating func measurement(for window: MeasurementWindow) throws -> PresenceMeasurement {
            if let cached = cache.first(where: { $0.window == window }) { return cached.measurement }
            var windowed = request
            windowed.window = window
            let measurement = try windowed.measure().0
            cache.append((window, measurement))
            return measurement
        }
    }

    /// The questions of the session's checklists that the exports can answer, each from the
    /// window it asks about; and those whose window the exports do not cover, left unanswered.
    public static func plan(_ session: AuditSession, set: ChecklistSet, measurements: inout Measurements) throws
        -> (fills: [Fill], unfilled: [Unfilled]) {
        var fills: [Fill] = []
        var unfilled: [Unfilled] = []
        for id in session.checklistIDs {
            guard let checklist = set.checklist(id) else { continue }
            for (_, question) in checklist.allQuestions {
                guard let metric = question.measure, let file = measurements.request.file(for: metric) else { continue }
                let ref = QuestionRef(checklist: id, question: question.id)
                let window = measurements.window(for: question)
                let measurement = try measurements.measurement(for: window)
                let coverage = measurement.coverage(of: metric)
                if let coverage, !coverage.isComplete {
                    unfilled.append(Unfilled(ref: ref, reason: coverage.note ?? "the export does not cover \(window)"))
                    continue
                }
                guard let value = measurement.value(at: metric) else {
                    // A measurable question is never left empty without a word.
                    unfilled.append(Unfilled(ref: ref, reason: measurement.unavailableReason(of: metric)
                                             ?? "the exports give no figure for \(metric)"))
                    continue
                }
                guard let answer = answer(for: question, metric: metric, value: value) else {
                    unfilled.append(Unfilled(ref: ref, reason: "the measured \(ExpressionPrinter.formatNumber(value)) is not an answer the question accepts (\(question.acceptedAnswers))"))
                    continue
                }
                let entry = session[ref]
                // A typed answer is one the team gave themselves: not measured, and different.
                let typed = entry.value != nil && entry.measured == nil && entry.value != answer ? entry.text : nil
                let period = coverage.flatMap { $0.window?.label ?? $0.extent?.description }
                let kind = ExportKind(metric: metric)
                let platforms = kind == nil || kind == .traffic ? []
                    : Set((measurement.sources[kind!] ?? []).compactMap(\.platform)).map(\.description).sorted()
                var fill = Fill(ref: ref, answer: answer, metric: metric, value: value, file: file, period: period,
                                replacesTyped: typed, platforms: platforms,
                                exportCount: kind.map { measurements.request.files($0).count } ?? 1)
                fill.window = window
                fill.byPlatform = measurement.byPlatform(metric).map { PlatformFigure(platform: $0.platform, value: $0.value) }
                if kind == .followers, let months = measurement.followers?.byMonth, months.count > 1 {
                    fill.series = months.map { PlatformFigure(platform: $0.month, value: $0.followers) }
                }
                // Social media's share travels with every channel's, most sessions first, so the
                // report can draw the visits by channel with social highlighted.
                if metric == "traffic.social_share", let traffic = measurement.traffic, traffic.sessions > 0, traffic.byChannel.count > 1 {
                    fill.series = traffic.byChannel.sorted { ($0.sessions, $1.channel) > ($1.sessions, $0.channel) }
                        .map { PlatformFigure(platform: $0.channel, value: $0.sessions / traffic.sessions) }
                }
                fill.staleNote = staleness(coverage, today: measurements.request.today)
                fills.append(fill)
            }
        }
        return (fills, unfilled)
    }

    /// A warning when the posts exports name accounts and none resembles the organisation
    /// audited: exports of another client measured into this audit would say nothing of it.
    public static func whoseData(_ measurement: PresenceMeasurement, organisation: String) -> String? {
        let accounts = measurement.posts?.accounts ?? []
        guard !accounts.isEmpty, !organisation.trimmed(.unicodeWhitespace).isEmpty else { return nil }
        guard !accounts.contains(where: { resembles($0, organisation) }) else { return nil }
        return "the posts exports are of \(accounts.prefix(3).map { "“\($0)”" }.joined(separator: ", "))\(accounts.count > 3 ? " and \(accounts.count - 3) more" : ""), and none looks like “\(organisation)”: check they are its own (--account NAME picks one)"
    }

    /// Whether an account name and an organisation's name share a word of three letters or
    /// more, or one holds the other, ignoring case and punctuation (`acme.outdoor` ~ `Acme Outdoor Ltd`).
    static func resembles(_ account: String, _ organisation: String) -> Bool {
        func words(_ text: String) -> [String] {
            text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init).filter { $0.count >= 3 }
        }
        let a = words(account), o = words(organisation)
        if a.contains(where: o.contains) { return true }
        let joinedA = a.joined(), joinedO = o.joined()
        return !joinedA.isEmpty && !joinedO.isEmpty && (joinedA.contains(joinedO) || joinedO.contains(joinedA))
    }

    /// Data that ends more than this many days before today describes the team as it was.
    public static let staleAfterDays = 45

    /// "the data ends on 31 August 2026, 98 days before today", when it is that old.
    static func staleness(_ coverage: Coverage?, today: CalendarDay?) -> String? {
        guard let today, let coverage else { return nil }
        let last = coverage.window?.last ?? coverage.span.map { CalendarDay(containing: $0.last) }
        guard let last else { return nil }
        let days = today.daysSinceEpoch - last.daysSinceEpoch
        guard days > staleAfterDays, let end = CalendarDate(iso: last.description) else { return nil }
        return "the data ends on \(HumanNumbers.date(end)), \(days) days before today: a newer export describes the team as it is now"
    }

    /// Records the fills in the session; returns those applied (with `.keep`, the ones that would
    /// replace a typed answer are left out).
    @discardableResult
    public static func apply(_ fills: [Fill], to session: inout AuditSession, typed: TypedAnswers, now: String) -> [Fill] {
        var applied: [Fill] = []
        for fill in fills {
            if fill.replacesTyped != nil && typed == .keep { continue }
            var entry = session[fill.ref]
            if let estimate = fill.replacesTyped { entry.estimated = estimate }
            entry.value = fill.answer
            entry.text = fill.answer.displayText
            entry.skipped = false
            entry.at = now
            entry.measured = MeasuredValue(file: fill.file, metric: fill.metric, value: fill.value, at: now, period: fill.period,
                                           byPlatform: fill.byPlatform, series: fill.series)
            session[fill.ref] = entry
            applied.append(fill)
        }
        return applied
    }

    /// A typed answer a measurement would replace: the question, what was typed, what was measured.
    public struct TypedConflict: Sendable, Hashable {
        public var ref: QuestionRef, typed: String, measured: String

        /// A conflict of `ref`'s `typed` answer with the `measured` one.
        public init(ref: QuestionRef, typed: String, measured: String) { (self.ref, self.typed, self.measured) = (ref, typed, measured) }
    }

    /// The typed answers `fills` would replace, in order.
    public static func typedConflicts(in fills: [Fill]) -> [TypedConflict] {
        fills.compactMap { fill in fill.replacesTyped.map { TypedConflict(ref: fill.ref, typed: $0, measured: fill.answer.displayText) } }
    }

    /// `2 questions already have typed answers (four-mistakes.response_rate 50% → 89.81%; …).`
    public static func typedConflicts(_ conflicts: [TypedConflict]) -> String {
        let names = conflicts.prefix(3).map { "\($0.ref) \($0.typed) → \($0.measured)" }.joined(separator: "; ")
        let more = conflicts.count > 3 ? " and \(conflicts.count - 3) more" : ""
        return "\(conflictsHeading(conflicts.count)) (\(names)\(more))."
    }

    /// `1 question already has a typed answer`, `3 questions already have typed answers`.
    static func conflictsHeading(_ count: Int) -> String {
        "\(count.counted("question")) already \(count == 1 ? "has a typed answer" : "have typed answers")"
    }

    /// Every typed answer the measurement would replace, one a line, for the shell to show
    /// above its question: `1 question already has a typed answer:`, `  mini.response_time: 2h → 30m`.
    public static func conflictLines(_ fills: [Fill]) -> [String] {
        let conflicts = fills.filter { $0.replacesTyped != nil }
        let one = conflicts.count == 1
        return [conflictsHeading(conflicts.count) + ":"]
            + conflicts.map { "  \($0.ref): \($0.replacesTyped!) → \($0.answer.displayText)" }
            + [one ? "Replacing keeps the typed answer as the team's estimate." : "Replacing keeps each typed answer as the team's estimate."]
    }

    /// The question asked before typed answers are replaced: short, since it is the prompt
    /// (`conflictLines` says what it is about).
    public static func replaceQuestion(_ fills: [Fill]) -> String {
        fills.filter { $0.replacesTyped != nil }.count == 1 ? "Replace it with the measured value? yes or no"
            : "Replace them with the measured values? yes or no"
    }

    /// What a script is told when it did not say what to do with typed answers.
    public static func refusal(_ fills: [Fill]) -> AuditError { .typedAnswersKept(typedConflicts(in: fills)) }

    /// What the export kind is called in a sentence: "the inbox shows 89.8%".
    static func exportName(_ metric: String) -> String {
        switch ExportKind(metric: metric) {
        case .posts: return "the posts export"
        case .inbox: return "the inbox"
        case .followers: return "the follower export"
        case .traffic: return "the traffic export"
        case nil: return "the export"
        }
    }

    /// One line per question: `four-mistakes.response_rate = 92% (measured from inbox.csv, Oct
    /// 2026: inbox.response_rate)`, or for a typed answer replaced `you said 50%, the inbox shows
    /// 89.81% (Oct 2026)`; then the answers kept and the questions left unanswered, with why.
    public static func describe(_ applied: [Fill], kept: [Fill] = [], unfilled: [Unfilled] = []) -> String {
        guard !applied.isEmpty || !kept.isEmpty || !unfilled.isEmpty else { return "No audit question could be filled from these exports." }
        var lines: [String] = []
        if !applied.isEmpty { lines.append("Filled \(applied.count.counted("question")) from the exports:") }
        for fill in applied {
            let name = AtomicFile.name(of: fill.file)
            let period = fill.periodInWords.map { ", \($0)" } ?? ""
            if let typed = fill.replacesTyped {
                lines.append("  \(fill.ref): you said \(typed), \(exportName(fill.metric)) shows \(fill.answer.displayText) (\(name)\(period)\(fill.platformNote)); replaced, with \(typed) kept as the estimate")
            } else {
                lines.append("  \(fill.ref) = \(fill.answer.displayText) (measured from \(name)\(period)\(fill.platformNote): \(fill.metric))")
            }
        }
        // Said once per export, however many questions it filled.
        var stale: [String] = []
        for fill in applied { if let note = fill.staleNote, !stale.contains(note) { stale.append(note) } }
        lines += stale.map { "  Note: \($0)." }
        // A follower count is summed over the follower exports given; one file is one account.
        if (applied + kept).contains(where: { ExportKind(metric: $0.metric) == .followers && $0.exportCount == 1 }) {
            lines.append("  (followers come from one export: give --followers once per account for the total across them)")
        }
        if !kept.isEmpty {
            lines.append("Kept \(kept.count.counted("typed answer")):")
            for fill in kept {
                let period = fill.period.map { " (\($0))" } ?? ""
                lines.append("  \(fill.ref): you said \(fill.replacesTyped ?? ""), \(exportName(fill.metric)) shows \(fill.answer.displayText)\(period); yours is kept")
            }
        }
        if !unfilled.isEmpty {
            lines.append("Left unanswered, and why:")
            for item in unfilled { lines.append("  \(item.ref): \(item.reason)") }
        }
        return lines.joined(separator: "\n")
    }

    /// `smaudit measure --into SESSION`: fills the session file's measurable questions under its
    /// lock. A file that does not load cleanly is refused and left as it is; a hand-written
    /// answers file is kept as `FILE.orig` before it becomes a session file. When typed answers
    /// would be replaced and `request.typedAnswers` does not say what to do, `ask` is asked
    /// (nil: nobody can answer, so nothing is written). Returns the lines to show.
    public static func fillSession(at path: String, catalog: ChecklistCatalog, measurement: PresenceMeasurement,
                                   request: MeasureRequest, environment: [String: String],
                                   ask: (String) -> Bool?) throws -> String {
        let lock = try SessionLock(sessionPath: path)
        defer { withExtendedLifetime(lock) {} }
        let loaded = try SessionFiles.read(path, set: catalog.set, catalog: catalog, environment: environment, action: "fill")
        var session = loaded.session
        var measurements = Measurements(request: request, measured: measurement)
        let (fills, unfilled) = try plan(session, set: catalog.set, measurements: &measurements)
        var typed = request.typedAnswers ?? .replace
        if request.typedAnswers == nil, fills.contains(where: { $0.replacesTyped != nil }) {
            guard let replace = ask(replaceQuestion(fills)) else { throw refusal(fills) }
            typed = replace ? .replace : .keep
        }
        let now = SessionStore.now(environment: environment)
        let applied = apply(fills, to: &session, typed: typed, now: now)
        session.updated = now
        let backup = try SessionFiles.keepOriginal(of: path, text: loaded.text)
        try AtomicFile.write(SessionWriter.render(session, set: catalog.set), to: path)
        var lines = loaded.warnings.map { [$0] } ?? []
        if let whose = whoseData(measurement, organisation: session.organisation) { lines.append("warning: " + whose) }
        lines.append(describe(applied, kept: fills.filter { $0.replacesTyped != nil && typed == .keep }, unfilled: unfilled))
        if let backup {
            lines.append("\(path) is now a session file; the answers file as you wrote it (with its comments) is kept as \(backup)")
        }
        return lines.joined(separator: "\n")
    }
}
