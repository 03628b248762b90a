/// Reads one checklist file: YAML through libyaml (`YAMLComposer`; every node has a line and column),
/// then a hand-written walk that checks every field and reports every problem, never only the
/// first. Cross-checklist checks (references, types, examples) run in `ChecklistSet.load`.
/// The walk is split by node kind, one file each (ChecklistLoader+Checklist, +Sources, +Themes,
/// +Sections, +Questions, +Targets, +Rules, +Examples), each with its kind's fields.
public enum ChecklistLoader {
    /// Loads and fully validates one file on its own (references to other checklists are errors).
    /// Returns the checklist when it has no errors, and all diagnostics.
    public static func load(text: String, file: String) -> (Checklist?, [Diagnostic]) {
        let (set, diagnostics) = ChecklistSet.load([(file: file, text: text)])
        return (set.checklists.first, diagnostics)
    }

    /// The structural pass over one file: YAML syntax, fields, kinds, ids, duplicates within the
    /// file, choices, bounds, expression syntax and `source` files. The checklist returned may
    /// be partial (items with errors left out) so later passes can still check the rest.
    public static func parse(text: String, file: String) -> (Checklist?, [Diagnostic]) {
        parse(text: text, file: file, parallelRulesFrom: parallelRulesFrom)
    }

    /// From this many rules, a checklist is worth a second thread: its rules are read on another
    /// core while its sections are read, the set's checks run beside the type checks, and half
    /// its rules are scored there. Below it, the thread would cost more than it saves.
    static let parallelRulesFrom = 2_000

    static func parse(text: String, file: String, parallelRulesFrom: Int) -> (Checklist?, [Diagnostic]) {
        var src = YAMLSource(file: file, text: text)
        guard let root = src.root(ifEmpty: "the file is empty; a checklist needs at least `id`, `title`, `version` and `sections`") else {
            return (nil, src.diagnostics)
        }
        var builder = Builder(src: src, text: text)
        builder.parallelRulesFrom = parallelRulesFrom
        let checklist = builder.checklist(root)
        return (checklist, builder.src.diagnostics)
    }

    private static let idCharacters = Set("abcdefghijklmnopqrstuvwxyz0123456789-".unicodeScalars)

    static func isValidChecklistID(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, first >= "a" && first <= "z" else { return false }
        return s.unicodeScalars.allSatisfy { idCharacters.contains($0) } && !s.hasSuffix("-")
    }

    static func isValidQuestionID(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, Lexer.isIdentStart(first) else { return false }
        return s.unicodeScalars.allSatisfy(Lexer.isIdentPart) && !Lexer.isKeyword(s)
            && Expr.Function(rawValue: s) == nil
    }

    static func isValidRuleID(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, Lexer.isIdentStart(first) else { return false }
        return s.unicodeScalars.allSatisfy { Lexer.isIdentPart($0) || $0 == "-" }
    }

    /// The walk over one file's nodes.
    struct Builder {
        var src: YAMLSource
        let text: String
        var sources: Set<String> = []
        /// From this many rules, they are read on another core (`checklist(_:)`).
        var parallelRulesFrom = ChecklistLoader.parallelRulesFrom

        init(src: YAMLSource, text: String) {
            self.src = src
            self.text = text
        }
    }
}

/// The fields one kind of checklist node may have: a String enum whose cases, in order, are
/// what "known fields are" lists.
protocol NodeField: CaseIterable, RawRepresentable, Equatable where RawValue == String {}

extension NodeField {
    /// The field written `name`. Lengths are compared before text: most field names differ in
    /// length, which a String holds without reading its bytes; `init(rawValue:)` compares the
    /// text of every case in turn, at three times the cost for the dozen keys of every node.
    static func named(_ name: String) -> Self? {
        let length = name.utf8.count
        for field in allCases where field.rawValue.utf8.count == length && field.rawValue == name { return field }
        return nil
    }
}

/// The fields found on one node, each under its case: reading one compares a one-byte case, not
/// a name, and a misspelt field in the loader does not compile. Keys and values are kept as
/// node numbers of the one document, so the list holds no reference per entry.
struct KnownFields<Field: NodeField> {
    let document: YDocument
    fileprivate var entries: [(field: Field, key: Int, value: Int)] = []

    subscript(field: Field) -> (key: YNode, value: YNode)? {
        for entry in entries where entry.field == field {
            return (YNode(document: document, index: entry.key), YNode(document: document, index: entry.value))
        }
        return nil
    }
}

extension YAMLSource {
    /// The fields of a node whose kind's fields are the cases of `Field`: unknown ones are
    /// reported with the closest known one, missing `required` ones too (as `fields(_:what:allowed:required:)`
    /// does for names given as text).
    mutating func fields<Field: NodeField>(_ node: YNode, _ kind: Field.Type, what: String,
                                           required: [Field]) -> KnownFields<Field>? {
        guard let mapping = mapping(node, what: what) else { return nil }
        var result = KnownFields<Field>(document: node.document)
        result.entries.reserveCapacity(mapping.count)
        for (keyNode, value) in mapping {
            guard let key = key(keyNode, what: what) else { continue }
            if let field = Field.named(key) {
                result.entries.append((field, keyNode.index, value.index))
            } else {
                unknownField(key, keyNode, what: what, allowed: Field.allCases.map(\.rawValue))
            }
        }
        for field in required {
            if let entry = result[field], !Self.isNull(entry.value) { continue }
            missingField(field.rawValue, node, what: what)
        }
        return result
    }
}
