extension Question {
    /// Parses what a user typed into a value for this question, forgiving where people are
    /// sloppy (case, thousands separators, `12k`, unique prefixes) and precise in the error.
    ///
    /// Percentages follow one documented rule: `3.5%` is 3.5 percent; a bare number above 1 is
    /// read as a percentage (`3.5` → 3.5%); a bare number from 0 to 1 is read as a fraction
    /// (`0.035` → 3.5%, `1` → 100%). The value is stored as a fraction (0.035).
    public func parse(_ text: String) -> Result<AnswerValue, AnswerError> {
        AnswerParser.parse(text, for: self)
    }

    /// How an accepted answer was read, when the reading may not be what the person meant:
    /// a bare `1` to a percent question is 100%, not 1%. Nil when the answer is plain.
    public func readingNote(for text: String) -> String? {
        guard type == .percent, let reading = AnswerParser.readPercent(text), reading.bareFraction,
              reading.fraction != 0 else { return nil }
        let raw = text.trimmed()
        return "read as \(AnswerParser.formatNumber100(reading.fraction)): a bare number of 1 or less is a fraction; "
            + "type \(raw)% for \(raw) per cent"
    }

    /// What the prompt shows as accepted input, e.g. `yes or no`, with `, or n/a` when allowed.
    public var acceptedAnswers: String {
        AnswerParser.accepted(for: self) + (allowNA ? ", or n/a" : "")
    }

    /// The `default:` parsed as an answer (the loader guarantees it parses), for `(yes)`-style prompts.
    public var defaultAnswer: AnswerValue? {
        defaultText.flatMap { try? parse($0).get() }
    }

    /// The choices numbered for the prompt: `1) growing followers`, …; empty for other types.
    public var numberedChoices: [String] {
        choices.enumerated().map { "\($0.offset + 1)) \($0.element)" }
    }
}

/// The parsers behind `Question.parse`, one per type.
enum AnswerParser {
    static let naSpellings: Set<String> = ["na", "n/a", "not applicable"]

    static func parse(_ raw: String, for q: Question) -> Result<AnswerValue, AnswerError> {
        let text = raw.trimmed()
        let fail = { (reason: String) -> Result<AnswerValue, AnswerError> in
            .failure(AnswerError(reason: reason, accepted: accepted(for: q) + (q.allowNA ? ", or n/a" : "")))
        }
        if text.isEmpty { return fail("an answer is needed") }
        let lower = text.lowercased()
        if naSpellings.contains(lower) {
            if q.allowNA { return .success(.notApplicable) }
            if q.type != .text { return fail("\"not applicable\" is not accepted for this question") }
        }
        switch q.type {
        case .yesno:
            switch lower {
            case "yes", "y", "true": return .success(.bool(true))
            case "no", "n", "false": return .success(.bool(false))
            default: return fail("\"\(text)\" is not yes or no")
            }
        case .choice:
            return matchChoice(text, in: q.choices).map { .choice($0) }.mapError { _ in
                AnswerError(reason: choiceReason(text, q.choices), accepted: accepted(for: q))
            }
        case .multi:
            return parseMulti(text, q)
        case .number:
            guard let v = parseNumber(text, unit: q.unit) else { return fail("\"\(text)\" is not a number") }
            if q.integer && v != v.rounded() { return fail("\"\(text)\" is not a whole number") }
            return bounded(v, q, text: text, display: ExpressionPrinter.formatNumber).map { .number($0) }
        case .percent:
            guard let v = parsePercent(text) else { return fail("\"\(text)\" is not a percentage") }
            return bounded(v, q, text: text) { formatNumber100($0) }.map { .percent($0) }
        case .scale:
            let lo = q.min ?? 1, hi = q.max ?? 5
            guard let n = Int(text), Double(n) >= lo, Double(n) <= hi else {
                return fail("\"\(text)\" is not on the scale")
            }
            return .success(.scale(n))
        case .duration:
            if let bare = Double(text), bare != 0 {
                // "2" could be 2 minutes, hours or days; reading it as one of them silently let
                // "2" (meant as days) pass a one-hour rule.
                let n = ExpressionPrinter.formatNumber(bare)
                return fail("\"\(text)\" needs a unit: \(n)m for minutes, \(n)h for hours, \(n)d for days")
            }
            guard let s = parseDuration(text) else { return fail("\"\(text)\" is not a duration") }
            return bounded(s, q, text: text) { ExpressionPrinter.formatDuration($0) }.map { .duration(seconds: $0) }
        case .date:
            guard let d = CalendarDate(iso: text) else { return fail("\"\(text)\" is not a date") }
            return .success(.date(d))
        case .text:
            return .success(.text(text))
        }
    }

    static func accepted(for q: Question) -> String {
        switch q.type {
        case .yesno: return "type yes or no (y/n)"
        case .choice:
            return "type a number from 1 to \(q.choices.count) or a choice (a unique beginning is enough): "
                + q.choices.joined(separator: ", ")
        case .multi:
            return q.multiHint + ": " + q.choices.joined(separator: ", ")
        case .number:
            return (q.integer ? "type a whole number such as 12, 1,200 or 12k" : "type a number such as 12000, 12,000 or 12k")
                + boundsText(q, ExpressionPrinter.formatNumber)
        case .percent:
            // The bounds come before the note on bare numbers, so they read as bounds of the answer.
            return "type a percentage such as 3.5%, or a count such as 12 of 20" + boundsText(q, formatNumber100)
                + " (a bare 3.5 means 3.5%; 1 or less is a fraction: 0.035 is 3.5%)"
        case .scale:
            return "type a whole number from \(ExpressionPrinter.formatNumber(q.min ?? 1)) to \(ExpressionPrinter.formatNumber(q.max ?? 5))"
        case .duration:
            return "type a duration with its unit, such as 45m, 2h, 1h30m, 1d or 90s"
                + boundsText(q, ExpressionPrinter.formatDuration)
        case .date: return "type a date as YYYY-MM-DD, such as 2024-05-01"
        case .text: return "type any text"
        }
    }

    /// `, at least 0`: set off by a comma, so it reads as a bound of the answer, not of the example.
    private static func boundsText(_ q: Question, _ show: (Double) -> String) -> String {
        switch (q.min, q.max) {
        case let (lo?, hi?): return ", between \(show(lo)) and \(show(hi))"
        case let (lo?, nil): return ", at least \(show(lo))"
        case let (nil, hi?): return ", at most \(show(hi))"
        default: return ""
        }
    }

    private static func bounded(_ v: Double, _ q: Question, text: String,
                                display: (Double) -> String) -> Result<Double, AnswerError> {
        if let lo = q.min, v < lo {
            return .failure(AnswerError(reason: "\(text) is below the minimum \(display(lo))", accepted: accepted(for: q)))
        }
        if let hi = q.max, v > hi {
            return .failure(AnswerError(reason: "\(text) is above the maximum \(display(hi))", accepted: accepted(for: q)))
        }
        return .success(v)
    }

    /// Percent values are kept on a 1e-12 grid so that display → parse is exact.
    static func normalizeFraction(_ f: Double) -> Double { (f * 1e12).rounded() / 1e12 }

    /// Percent shown with at most 10 decimals, enough for any typed value.
    static func roundPercent(_ p: Double) -> Double { (p * 1e10).rounded() / 1e10 }

    static func formatNumber100(_ f: Double) -> String { ExpressionPrinter.formatNumber(roundPercent(f * 100)) + "%" }

    // MARK: numbers

    /// `12000`, `12,000`, `12k`, `1.5m`, `-3`, optionally followed by the question's unit.
    static func parseNumber(_ raw: String, unit: String? = nil) -> Double? {
        var text = raw.lowercased().trimmed()
        if let unit, !unit.isEmpty, text.hasSuffix(unit.lowercased()) {
            text = String(text.dropLast(unit.count)).trimmed()
        }
        var factor = 1.0
        if text.hasSuffix("k") { factor = 1000; text.removeLast() }
        else if text.hasSuffix("m") { factor = 1_000_000; text.removeLast() }
        text = text.trimmed()
        if text.contains(",") {
            // Only thousands separators: groups of exactly three digits after the first.
            let intPart = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)[0]
            let groups = intPart.split(separator: ",", omittingEmptySubsequences: false)
            guard groups.count > 1, (1...4).contains(groups[0].filter(\.isNumber).count),
                  groups.dropFirst().allSatisfy({ $0.count == 3 && $0.allSatisfy(\.isNumber) }) else { return nil }
            text = text.replacing(",", with: "")
        }
        guard !text.isEmpty, text.unicodeScalars.allSatisfy({ "0123456789.+-".unicodeScalars.contains($0) }),
              let v = Double(text), v.isFinite else { return nil }
        let result = v * factor
        return result.isFinite ? result : nil
    }

    static func parsePercent(_ raw: String) -> Double? { readPercent(raw)?.fraction }

    /// The percent rule in one place: `3.5%` and a bare `3.5` are percentages, a bare number
    /// of 1 or less is a fraction (`bareFraction`, which the shell points out), and a count
    /// `12 of 20` or `12/20` is the share it names (60%).
    static func readPercent(_ raw: String) -> (fraction: Double, bareFraction: Bool)? {
        var text = raw.trimmed()
        if let share = readCount(text) { return (normalizeFraction(share), false) }
        var explicit = false
        if text.hasSuffix("%") {
            explicit = true
            text = String(text.dropLast()).trimmed()
        }
        guard let v = parseNumber(text) else { return nil }
        let bareFraction = !explicit && abs(v) <= 1
        return (normalizeFraction(bareFraction ? v : v / 100), bareFraction)
    }

    /// `12 of 20` or `12/20` as a fraction (0.6); nil for anything else or a zero total.
    static func readCount(_ text: String) -> Double? {
        let lower = text.lowercased()
        let parts: [String]
        if let range = lower.firstRange(of: " of ") {
            parts = [String(lower[..<range.lowerBound]), String(lower[range.upperBound...])]
        } else if lower.contains("/") && !lower.contains("n/a") {
            parts = lower.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        } else {
            return nil
        }
        guard parts.count == 2, let part = parseNumber(parts[0]), let whole = parseNumber(parts[1]),
              whole > 0, part >= 0 else { return nil }
        return part / whole
    }

    // MARK: durations

    private static let durationUnits: [String: Double] = [
        "s": 1, "sec": 1, "secs": 1, "second": 1, "seconds": 1,
        "m": 60, "min": 60, "mins": 60, "minute": 60, "minutes": 60,
        "h": 3600, "hr": 3600, "hrs": 3600, "hour": 3600, "hours": 3600,
        "d": 86400, "day": 86400, "days": 86400,
        "w": 604_800, "wk": 604_800, "week": 604_800, "weeks": 604_800,
    ]

    /// `45m`, `2h`, `1h30m`, `1d`, `90s`, `2w`, `2 hours`, and `0`; any other bare number has no
    /// unit and is not a duration.
    static func parseDuration(_ raw: String) -> Double? {
        let text = raw.lowercased().trimmed()
        if let bare = Double(text) { return bare == 0 ? 0 : nil }
        var total = 0.0
        var i = text.startIndex
        var parts = 0
        func skipSpaces() { while i < text.endIndex, text[i] == " " { i = text.index(after: i) } }
        skipSpaces()
        while i < text.endIndex {
            var number = ""
            while i < text.endIndex, text[i].isASCII, text[i].isNumber || text[i] == "." {
                number.append(text[i]); i = text.index(after: i)
            }
            skipSpaces()
            var unit = ""
            while i < text.endIndex, text[i].isASCII, text[i].isLetter { unit.append(text[i]); i = text.index(after: i) }
            skipSpaces()
            guard let amount = Double(number), amount.isFinite, let factor = durationUnits[unit] else { return nil }
            total += amount * factor
            parts += 1
        }
        guard parts > 0, total.isFinite else { return nil }
        return (total * 1000).rounded() / 1000
    }

    // MARK: choices

    /// Exact label (case-insensitive), then 1-based number, then unique prefix.
    static func matchChoice(_ text: String, in choices: [String]) -> Result<String, AnswerError> {
        let lower = text.lowercased()
        if let exact = choices.first(where: { $0.lowercased() == lower }) { return .success(exact) }
        if let n = Int(text), n >= 1, n <= choices.count { return .success(choices[n - 1]) }
        let prefixed = choices.filter { $0.lowercased().hasPrefix(lower) }
        if prefixed.count == 1 { return .success(prefixed[0]) }
        return .failure(AnswerError(reason: choiceReason(text, choices), accepted: ""))
    }

    static func choiceReason(_ text: String, _ choices: [String]) -> String {
        let lower = text.lowercased()
        let prefixed = choices.filter { $0.lowercased().hasPrefix(lower) }
        if prefixed.count > 1 {
            return "\"\(text)\" matches several choices (\(prefixed.joined(separator: ", ")))"
        }
        if let n = Int(text) { return "\(n) is not a choice number" }
        return "\"\(text)\" is not a choice"
    }

    private static func parseMulti(_ text: String, _ q: Question) -> Result<AnswerValue, AnswerError> {
        if let exact = q.choices.first(where: { $0.lowercased() == text.lowercased() }) {
            return .success(.choices([exact]))
        }
        if text.lowercased() == "none" {
            // One way to say "nothing": where the question offers a choice for it ("none yet"),
            // `none` is that choice, so that typing `none` cannot score differently from it.
            let nothing = q.choices.filter { q.exclusiveChoices.contains($0) }
            switch nothing.count {
            case 0: return .success(.choices([]))
            case 1: return .success(.choices(nothing))
            default:
                return .failure(AnswerError(reason: "\"none\" could mean " + nothing.map { "\"\($0)\"" }.joined(separator: " or "),
                                            accepted: "type the one you mean"))
            }
        }
        var picked = Set<String>()
        for part in text.split(separator: ",") {
            let item = part.trimmed()
            if item.isEmpty { continue }
            switch matchChoice(item, in: q.choices) {
            case .success(let label): picked.insert(label)
            case .failure:
                return .failure(AnswerError(reason: choiceReason(item, q.choices), accepted: accepted(for: q)))
            }
        }
        if picked.isEmpty {
            return .failure(AnswerError(reason: "no choice given", accepted: accepted(for: q)))
        }
        if picked.count > 1, let alone = q.choices.first(where: { picked.contains($0) && q.exclusiveChoices.contains($0) }) {
            return .failure(AnswerError(reason: "\"\(alone)\" cannot be combined with other choices",
                                        accepted: "choose \(alone) alone, or the other choices without it"))
        }
        return .success(.choices(q.choices.filter { picked.contains($0) }))
    }
}
