#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The built-in checklists as loaded and validated when smaudit was built, written as data the
/// binary reads back without parsing YAML again.
///
/// Why: every audit loads the four built-ins, and reading their 230 KB of YAML, building the
/// model and type-checking every expression was about 15 ms of a 37 ms replayed audit
/// (`bench/replay`); reading the snapshot back is a small fraction of that. The build writes it
/// only when the built-ins load without a single diagnostic, and a snapshot that does not read
/// back whole gives nil, so the caller loads the YAML as before.
///
/// The format is private to one build (the same build writes and reads it), so it has no
/// version: counts and numbers in decimal, each ended by `,`; a text is its UTF-8 length then
/// its bytes; `N`/`S` mark an absent or present optional, `F`/`T` a Boolean. Being valid UTF-8
/// throughout, it is embedded as an ordinary string literal. No library fits: Foundation's
/// coders would need the model to be `Codable` and decode several times slower than this.
public enum ChecklistSnapshot {
    /// The checklists written as a snapshot.
    public static func encode(_ checklists: [Checklist]) -> String {
        var writer = SnapshotWriter()
        writer.array(checklists) { $0.checklist($1) }
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    /// The checklists a snapshot holds, or nil when it does not read back whole.
    public static func decode(_ snapshot: String) -> [Checklist]? {
        var snapshot = snapshot
        return snapshot.withUTF8 { bytes in
            var reader = SnapshotReader(bytes: bytes)
            do throws(SnapshotReader.Corrupt) {
                let checklists = try reader.array { reader throws(SnapshotReader.Corrupt) in try reader.checklist() }
                return reader.isAtEnd ? checklists : nil
            } catch {
                return nil
            }
        }
    }
}

// MARK: - Writing

struct SnapshotWriter {
    private(set) var bytes: [UInt8] = []

    mutating func int(_ value: Int) {
        bytes.append(contentsOf: String(value).utf8)
        bytes.append(UInt8(ascii: ","))
    }

    mutating func string(_ value: String) {
        int(value.utf8.count)
        bytes.append(contentsOf: value.utf8)
    }

    /// A number exactly, as its bit pattern.
    mutating func double(_ value: Double) {
        bytes.append(contentsOf: String(value.bitPattern).utf8)
        bytes.append(UInt8(ascii: ","))
    }

    mutating func bool(_ value: Bool) { bytes.append(UInt8(ascii: value ? "T" : "F")) }

    mutating func optional<T>(_ value: T?, _ write: (inout SnapshotWriter, T) -> Void) {
        guard let value else { return bytes.append(UInt8(ascii: "N")) }
        bytes.append(UInt8(ascii: "S"))
        write(&self, value)
    }

    mutating func array<T>(_ values: [T], _ write: (inout SnapshotWriter, T) -> Void) {
        int(values.count)
        for value in values { write(&self, value) }
    }

    mutating func raw<T: RawRepresentable>(_ value: T) where T.RawValue == String { string(value.rawValue) }

    mutating func strings(_ values: [String]) { array(values) { $0.string($1) } }
    mutating func optionalString(_ value: String?) { optional(value) { $0.string($1) } }
    mutating func optionalDouble(_ value: Double?) { optional(value) { $0.double($1) } }

    mutating func location(_ l: SourceLocation) {
        string(l.file)
        int(l.line)
        int(l.column)
    }

    mutating func checklist(_ c: Checklist) {
        string(c.id)
        string(c.title)
        string(c.version)
        optionalString(c.description)
        strings(c.sources)
        // Sorted, so the same checklists always give the same bytes.
        array(c.sourceDetails.sorted { $0.key < $1.key }) { w, pair in
            w.string(pair.key)
            w.source(pair.value)
        }
        array(c.themes) { $0.theme($1) }
        array(c.sections) { $0.section($1) }
        array(c.rules) { $0.rule($1) }
        array(c.targets) { $0.question($1) }
        array(c.examples) { $0.example($1) }
        string(c.file)
        string(c.contentHash)
        location(c.idLocation)
        array(c.ruleReads.numbers) { $0.int(Int($1)) }
        array(c.ruleReads.ends) { $0.int(Int($1)) }
    }

    mutating func source(_ s: Source) {
        string(s.file)
        optionalString(s.title)
        optionalString(s.author)
        optionalString(s.date)
        optionalString(s.description)
    }

    mutating func theme(_ t: Theme) {
        string(t.id)
        string(t.title)
        string(t.problem)
        optionalString(t.help)
        optionalString(t.recommendation)
        optionalString(t.source)
        optionalString(t.owner)
        optionalString(t.success)
        location(t.location)
    }

    mutating func section(_ s: Section) {
        string(s.id)
        string(s.title)
        optionalString(s.help)
        array(s.questions) { $0.question($1) }
        location(s.location)
    }

    mutating func question(_ q: Question) {
        string(q.id)
        string(q.prompt)
        raw(q.type)
        strings(q.choices)
        strings(q.exclusiveChoices.sorted())
        optionalString(q.defaultText)
        bool(q.allowNA)
        optionalString(q.help)
        optionalString(q.source)
        optional(q.when) { $0.expression($1) }
        optionalDouble(q.min)
        optionalDouble(q.max)
        optionalString(q.unit)
        bool(q.integer)
        optionalString(q.measure)
        optional(q.measureLocation) { $0.location($1) }
        optional(q.measurePeriod) { $0.raw($1) }
        string(q.sectionID)
        location(q.location)
        location(q.idLocation)
    }

    mutating func rule(_ r: Rule) {
        string(r.id)
        string(r.title)
        optional(r.applies) { $0.expression($1) }
        expression(r.check)
        raw(r.severity)
        optionalDouble(r.explicitPoints)
        optionalString(r.finding)
        optionalString(r.recommendation)
        optionalString(r.source)
        optionalString(r.problem)
        optional(r.theme) { w, theme in
            w.optionalString(theme.checklist)
            w.string(theme.id)
        }
        switch r.capSetting {
        case .byDefault: string("")
        case .none: string("none")
        case .band(let band): raw(band)
        }
        optionalString(r.untested)
        optionalString(r.bar)
        optional(r.themeLocation) { $0.location($1) }
        optionalString(r.explicitSection)
        string(r.sectionID)
        location(r.location)
        location(r.idLocation)
    }

    mutating func example(_ e: Example) {
        string(e.name)
        array(e.answers) { w, a in
            w.optionalString(a.checklistID)
            w.string(a.questionID)
            w.string(a.text)
            w.location(a.keyLocation)
            w.location(a.valueLocation)
        }
        let x = e.expect
        for list in [x.fails, x.passes, x.open, x.notApplicable] { optional(list) { $0.strings($1) } }
        optional(x.provisional) { $0.bool($1) }
        optional(x.band) { $0.raw($1) }
        optionalDouble(x.score)
        optional(x.scoreBetween) { w, range in
            w.double(range.lowerBound)
            w.double(range.upperBound)
        }
        array(x.ruleLocations.sorted { $0.key < $1.key }) { w, pair in
            w.string(pair.key)
            w.location(pair.value)
        }
        location(e.location)
        location(e.expectLocation)
    }

    mutating func expression(_ e: RuleExpression) {
        string(e.text)
        expr(e.root)
        location(e.location)
        array(e.segments) { w, s in
            w.int(s.start)
            w.int(s.length)
            w.location(s.location)
        }
    }

    mutating func expr(_ e: Expr) {
        int(e.offset)
        switch e.kind {
        case .number(let n): int(0); double(n)
        case .percent(let n): int(1); double(n)
        case .duration(let n): int(2); double(n)
        case .string(let s): int(3); string(s)
        case .bool(let b): int(4); bool(b)
        case .list(let items): int(5); array(items) { $0.expr($1) }
        case .reference(let checklist, let question): int(6); optionalString(checklist); string(question)
        case .unary(let op, let operand): int(7); raw(op); expr(operand)
        case .binary(let op, let left, let right): int(8); raw(op); expr(left); expr(right)
        case .chain(let first, let links):
            int(9)
            expr(first)
            array(links) { w, link in
                w.raw(link.op)
                w.expr(link.operand)
                w.int(link.offset)
            }
        case .call(let function, let arguments): int(10); raw(function); array(arguments) { $0.expr($1) }
        }
    }
}

// MARK: - Reading

struct SnapshotReader {
    /// The snapshot does not read back as written (never for one this build wrote).
    struct Corrupt: Error {}

    private let bytes: UnsafeBufferPointer<UInt8>
    private var at = 0
    /// Nesting of expressions, bounded as the YAML loader bounds it.
    private var depth = 0

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    var isAtEnd: Bool { at == bytes.count }

    private mutating func byte() throws(Corrupt) -> UInt8 {
        guard at < bytes.count else { throw Corrupt() }
        defer { at += 1 }
        return bytes[at]
    }

    /// Decimal digits ended by `,`. Read in one loop over the bytes: numbers are a third of
    /// a snapshot's fields, and a call per byte cost more than the rest of reading them.
    private mutating func unsigned() throws(Corrupt) -> UInt64 {
        var value: UInt64 = 0
        var i = at
        while i < bytes.count {
            let digit = bytes[i] &- UInt8(ascii: "0")
            guard digit < 10 else { break }
            let (times10, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(UInt64(digit))
            guard !o1, !o2 else { throw Corrupt() }
            value = sum
            i += 1
        }
        guard i > at, i < bytes.count, bytes[i] == UInt8(ascii: ",") else { throw Corrupt() }
        at = i + 1
        return value
    }

    mutating func int() throws(Corrupt) -> Int {
        let negative = at < bytes.count && bytes[at] == UInt8(ascii: "-")
        if negative { at += 1 }
        let magnitude = try unsigned()
        guard magnitude <= UInt64(Int.max) else { throw Corrupt() }
        return negative ? -Int(magnitude) : Int(magnitude)
    }

    /// A count of things still to read: each takes at least one byte, so a larger count is corrupt.
    mutating func count() throws(Corrupt) -> Int {
        let n = try int()
        guard n >= 0, n <= bytes.count - at else { throw Corrupt() }
        return n
    }

    mutating func string() throws(Corrupt) -> String {
        let n = try count()
        defer { at += n }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[at..<at + n]), as: UTF8.self)
    }

    mutating func double() throws(Corrupt) -> Double { Double(bitPattern: try unsigned()) }

    mutating func bool() throws(Corrupt) -> Bool {
        switch try byte() {
        case UInt8(ascii: "T"): return true
        case UInt8(ascii: "F"): return false
        default: throw Corrupt()
        }
    }

    mutating func optional<T>(_ read: (inout SnapshotReader) throws(Corrupt) -> T) throws(Corrupt) -> T? {
        switch try byte() {
        case UInt8(ascii: "N"): return nil
        case UInt8(ascii: "S"): return try read(&self)
        default: throw Corrupt()
        }
    }

    mutating func array<T>(_ read: (inout SnapshotReader) throws(Corrupt) -> T) throws(Corrupt) -> [T] {
        let n = try count()
        var values: [T] = []
        values.reserveCapacity(n)
        for _ in 0..<n { values.append(try read(&self)) }
        return values
    }

    mutating func raw<T: RawRepresentable>(_: T.Type = T.self) throws(Corrupt) -> T where T.RawValue == String {
        guard let value = T(rawValue: try string()) else { throw Corrupt() }
        return value
    }

    mutating func strings() throws(Corrupt) -> [String] { try array { r throws(Corrupt) in try r.string() } }
    mutating func optionalString() throws(Corrupt) -> String? { try optional { r throws(Corrupt) in try r.string() } }
    mutating func optionalDouble() throws(Corrupt) -> Double? { try optional { r throws(Corrupt) in try r.double() } }

    mutating func location() throws(Corrupt) -> SourceLocation {
        SourceLocation(file: try file(), line: try int(), column: try int())
    }

    /// Where the last file name read sits, and the text made of it.
    private var lastFile: (start: Int, count: Int, text: String)?

    /// A location's file name: every node has a location, nearly all in the same file, and a
    /// name such as `four-mistakes.yaml` is too long to be stored inline, so the text made for
    /// the last one is shared instead of allocating each anew.
    private mutating func file() throws(Corrupt) -> String {
        let n = try count()
        if let last = lastFile, last.count == n,
           memcmp(bytes.baseAddress! + last.start, bytes.baseAddress! + at, n) == 0 {
            at += n
            return last.text
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[at..<at + n]), as: UTF8.self)
        lastFile = (at, n, text)
        at += n
        return text
    }

    mutating func checklist() throws(Corrupt) -> Checklist {
        let id = try string(), title = try string(), version = try string()
        let description = try optionalString()
        let sources = try strings()
        let details = try array { r throws(Corrupt) in (try r.string(), try r.source()) }
        let themes = try array { r throws(Corrupt) in try r.theme() }
        let sections = try array { r throws(Corrupt) in try r.section() }
        let rules = try array { r throws(Corrupt) in try r.rule() }
        let targets = try array { r throws(Corrupt) in try r.question() }
        let examples = try array { r throws(Corrupt) in try r.example() }
        let file = try string(), contentHash = try string()
        var checklist = Checklist(id: id, title: title, version: version, description: description, sources: sources,
                                  sections: sections, rules: rules, examples: examples, file: file,
                                  contentHash: contentHash, idLocation: try location())
        checklist.sourceDetails = Dictionary(details, uniquingKeysWith: { first, _ in first })
        checklist.themes = themes
        checklist.targets = targets
        let numbered = checklist.questionCount + targets.count
        let numbers = try array { r throws(Corrupt) in try r.int32(below: numbered) }
        let ends = try array { r throws(Corrupt) in try r.int32(below: numbers.count + 1) }
        // Empty, or one run a rule, in order, covering every number.
        guard ends == [0] && numbers.isEmpty || ends.count == rules.count + 1 && ends.first == 0
                && ends.last == Int32(numbers.count) && zip(ends, ends.dropFirst()).allSatisfy({ $0 <= $1 }) else { throw Corrupt() }
        checklist.ruleReads = Checklist.RuleReads(numbers: numbers, ends: ends)
        return checklist
    }

    /// A count or index under `limit`.
    mutating func int32(below limit: Int) throws(Corrupt) -> Int32 {
        let value = try int()
        guard value >= 0, value < limit, let small = Int32(exactly: value) else { throw Corrupt() }
        return small
    }

    mutating func source() throws(Corrupt) -> Source {
        Source(file: try string(), title: try optionalString(), author: try optionalString(), date: try optionalString(),
               description: try optionalString())
    }

    mutating func theme() throws(Corrupt) -> Theme {
        let id = try string(), title = try string(), problem = try string()
        let help = try optionalString(), recommendation = try optionalString(), source = try optionalString()
        let owner = try optionalString(), success = try optionalString()
        var theme = Theme(id: id, title: title, problem: problem, help: help, location: try location())
        theme.recommendation = recommendation
        theme.source = source
        theme.owner = owner
        theme.success = success
        return theme
    }

    mutating func section() throws(Corrupt) -> Section {
        Section(id: try string(), title: try string(), help: try optionalString(),
                questions: try array { r throws(Corrupt) in try r.question() }, location: try location())
    }

    mutating func question() throws(Corrupt) -> Question {
        let id = try string(), prompt = try string()
        let type: QuestionType = try raw()
        let choices = try strings(), exclusive = try strings()
        let defaultText = try optionalString()
        let allowNA = try bool()
        let help = try optionalString(), source = try optionalString()
        let when = try optional { r throws(Corrupt) in try r.expression() }
        let min = try optionalDouble(), max = try optionalDouble()
        let unit = try optionalString()
        let integer = try bool()
        let measure = try optionalString()
        let measureLocation = try optional { r throws(Corrupt) in try r.location() }
        let measurePeriod: MeasurePeriod? = try optional { r throws(Corrupt) in try r.raw() }
        let sectionID = try string()
        var question = Question(id: id, prompt: prompt, type: type, choices: choices, defaultText: defaultText,
                                allowNA: allowNA, help: help, source: source, when: when, min: min, max: max,
                                unit: unit, measure: measure, sectionID: sectionID, location: try location(),
                                idLocation: try location())
        question.exclusiveChoices = Set(exclusive)
        question.integer = integer
        question.measureLocation = measureLocation
        question.measurePeriod = measurePeriod
        return question
    }

    mutating func rule() throws(Corrupt) -> Rule {
        let id = try string(), title = try string()
        let applies = try optional { r throws(Corrupt) in try r.expression() }
        let check = try expression()
        let severity: Severity = try raw()
        let points = try optionalDouble()
        let finding = try optionalString(), recommendation = try optionalString(), source = try optionalString()
        let problem = try optionalString()
        let theme = try optional { r throws(Corrupt) in ThemeRef(checklist: try r.optionalString(), id: try r.string()) }
        let cap: CapSetting
        switch try string() {
        case "": cap = .byDefault
        case "none": cap = .none
        case let band: guard let b = Band(rawValue: band) else { throw Corrupt() }; cap = .band(b)
        }
        let untested = try optionalString(), bar = try optionalString()
        let themeLocation = try optional { r throws(Corrupt) in try r.location() }
        let explicitSection = try optionalString()
        var rule = Rule(id: id, title: title, applies: applies, check: check, severity: severity, explicitPoints: points,
                        finding: finding, recommendation: recommendation, source: source,
                        explicitSection: explicitSection, sectionID: try string(), location: try location(),
                        idLocation: try location())
        rule.problem = problem
        rule.theme = theme
        rule.capSetting = cap
        rule.untested = untested
        rule.bar = bar
        rule.themeLocation = themeLocation
        return rule
    }

    mutating func example() throws(Corrupt) -> Example {
        let name = try string()
        let answers = try array { r throws(Corrupt) in
            Example.Answer(checklistID: try r.optionalString(), questionID: try r.string(), text: try r.string(),
                           keyLocation: try r.location(), valueLocation: try r.location())
        }
        var expect = Example.Expectation()
        expect.fails = try optional { r throws(Corrupt) in try r.strings() }
        expect.passes = try optional { r throws(Corrupt) in try r.strings() }
        expect.open = try optional { r throws(Corrupt) in try r.strings() }
        expect.notApplicable = try optional { r throws(Corrupt) in try r.strings() }
        expect.provisional = try optional { r throws(Corrupt) in try r.bool() }
        expect.band = try optional { r throws(Corrupt) in try r.raw() }
        expect.score = try optionalDouble()
        expect.scoreBetween = try optional { r throws(Corrupt) in
            let low = try r.double(), high = try r.double()
            guard low <= high else { throw Corrupt() }
            return low...high
        }
        let locations = try array { r throws(Corrupt) in (try r.string(), try r.location()) }
        expect.ruleLocations = Dictionary(locations, uniquingKeysWith: { first, _ in first })
        return Example(name: name, answers: answers, expect: expect, location: try location(), expectLocation: try location())
    }

    mutating func expression() throws(Corrupt) -> RuleExpression {
        let text = try string()
        let root = try expr()
        let location = try location()
        let segments = try array { r throws(Corrupt) in
            RuleExpression.Segment(start: try r.int(), length: try r.int(), location: try r.location())
        }
        return RuleExpression(text: text, root: root, location: location, segments: segments)
    }

    mutating func expr() throws(Corrupt) -> Expr {
        depth += 1
        defer { depth -= 1 }
        guard depth <= 1_000 else { throw Corrupt() }
        let offset = try int()
        let kind: Expr.Kind
        switch try int() {
        case 0: kind = .number(try double())
        case 1: kind = .percent(try double())
        case 2: kind = .duration(try double())
        case 3: kind = .string(try string())
        case 4: kind = .bool(try bool())
        case 5: kind = .list(try array { r throws(Corrupt) in try r.expr() })
        case 6: kind = .reference(checklist: try optionalString(), question: try string())
        case 7: kind = .unary(try raw(), try expr())
        case 8: kind = .binary(try raw(), try expr(), try expr())
        case 9:
            kind = .chain(try expr(), try array { r throws(Corrupt) in
                Expr.Link(op: try r.raw(), operand: try r.expr(), offset: try r.int())
            })
        case 10: kind = .call(try raw(), try array { r throws(Corrupt) in try r.expr() })
        default: throw Corrupt()
        }
        return Expr(kind, at: offset)
    }
}
