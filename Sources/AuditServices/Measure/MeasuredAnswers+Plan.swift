import AuditKit
import AuditReport
import PresenceData

/// What a measurement fills in a session: each measurable question's answer, from the window it
/// asks about, and recording them, in the shell's open audit or in a session file.
extension MeasuredAnswers {
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

    /// What one measurement fills in one session: planned once, then recorded, by the shell in
    /// its open audit and by `smaudit measure --into` in a session file alike.
    public struct Filling: Sendable {
        /// The questions the exports answer.
        public let fills: [Fill]
        /// The measurable questions left unanswered, and why.
        public let unfilled: [Unfilled]
        /// What to do with typed answers: as the request says, or replace when there are none to
        /// replace; nil when someone must be asked (or, where nobody can be, refused).
        public let decided: TypedAnswers?

        /// Plans what `measured` (the measurement of `request`, the one printed) fills in `session`.
        public init(_ session: AuditSession, set: ChecklistSet, request: MeasureRequest, measured: PresenceMeasurement) throws {
            var measurements = Measurements(request: request, measured: measured)
            (fills, unfilled) = try plan(session, set: set, measurements: &measurements)
            decided = request.typedAnswers ?? (fills.contains { $0.replacesTyped != nil } ? nil : .replace)
        }

        /// Records the fills in `session` at `now`, typed answers as `typed` says; returns what
        /// was filled, kept and left, in words.
        public func record(in session: inout AuditSession, typed: TypedAnswers, now: String) -> String {
            let applied = apply(fills, to: &session, typed: typed, now: now)
            return describe(applied, kept: fills.filter { $0.replacesTyped != nil && typed == .keep }, unfilled: unfilled)
        }

        /// The question asked before typed answers are replaced.
        public var replaceQuestion: String { MeasuredAnswers.replaceQuestion(fills) }

        /// Every typed answer it would replace, one a line.
        public var conflictLines: [String] { MeasuredAnswers.conflictLines(fills) }

        /// What a script is told when it did not say what to do with typed answers.
        public var refusal: AuditError { MeasuredAnswers.refusal(fills) }
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

    /// `smaudit measure --into SESSION`: fills the session file's measurable questions under its
    /// lock. A file that does not load cleanly is refused and left as it is; a hand-written
    /// answers file is kept as `FILE.orig` before it becomes a session file. When typed answers
    /// would be replaced and `request.typedAnswers` does not say what to do, `ask` is asked
    /// (nil: nobody can answer, so nothing is written). Returns the lines to show.
    public static func fillSession(at path: String, catalog: ChecklistCatalog, measurement: PresenceMeasurement,
                                   request: MeasureRequest, clock: Clock,
                                   ask: (String) -> Bool?) throws -> String {
        let lock = try SessionLock(sessionPath: path)
        defer { withExtendedLifetime(lock) {} }
        let loaded = try SessionFiles.read(path, set: catalog.set, catalog: catalog, clock: clock, action: "fill")
        var session = loaded.session
        let filling = try Filling(session, set: catalog.set, request: request, measured: measurement)
        var typed = filling.decided ?? .replace
        if filling.decided == nil {
            guard let replace = ask(filling.replaceQuestion) else { throw filling.refusal }
            typed = replace ? .replace : .keep
        }
        let now = clock.nowText
        let filled = filling.record(in: &session, typed: typed, now: now)
        session.updated = now
        let backup = try SessionFiles.keepOriginal(of: path, text: loaded.text)
        try AtomicFile.write(SessionWriter.render(session, set: catalog.set), to: path)
        var lines = loaded.warnings.map { [$0] } ?? []
        if let whose = whoseData(measurement, organisation: session.organisation) { lines.append("warning: " + whose) }
        lines.append(filled)
        if let backup {
            lines.append("\(path) is now a session file; the answers file as you wrote it (with its comments) is kept as \(backup)")
        }
        return lines.joined(separator: "\n")
    }
}
