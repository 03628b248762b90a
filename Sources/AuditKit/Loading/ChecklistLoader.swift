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
        var src = YAMLSource(file: file, text: text)
        guard let root = src.root(ifEmpty: "the file is empty; a checklist needs at least `id`, `title`, `version` and `sections`") else {
            return (nil, src.diagnostics)
        }
        var builder = Builder(src: src, text: text)
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

        init(src: YAMLSource, text: String) {
            self.src = src
            self.text = text
        }
    }
}

extension YAMLSource {
    /// The fields of a node whose kind's fields are the cases of `Field` (a `CaseIterable`
    /// String enum, in the order "known fields are" lists them): unknown ones are reported
    /// with the closest known one, missing `required` ones too. The names are listed per node:
    /// a dozen literals, less work than reading the node.
    mutating func fields<Field: CaseIterable & RawRepresentable>(_ node: YNode, _ kind: Field.Type, what: String,
                                                                 required: [Field]) -> Fields? where Field.RawValue == String {
        fields(node, what: what, allowed: Field.allCases.map(\.rawValue), required: required.map(\.rawValue))
    }
}
