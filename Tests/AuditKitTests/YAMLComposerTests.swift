import Foundation
import Testing
import TestSupport
import Yams
@testable import AuditKit

/// The loaders read YAML through `YAMLComposer` (libyaml events straight into `YNode`). Yams'
/// own composer is the reference: on every document both accept, the trees must agree in
/// shape, text, quoting style and position; and the composer's own checks (duplicate keys, one
/// document per file, aliases) must point at the exact place.
@Suite struct YAMLComposerTests {
    /// A readable rendering of a tree, with every node's line:column, for comparison.
    static func dump(_ node: YNode) -> String {
        let at = "@\(node.mark.line):\(node.mark.column)"
        if let s = node.scalar { return "\(s.style)\(at)\(String(reflecting: s.string))" }
        if let m = node.mapping { return "{\(at) " + m.map { dump($0.key) + ": " + dump($0.value) }.joined(separator: ", ") + "}" }
        return "[\(at) " + (node.sequence.map(Array.init) ?? []).map(dump).joined(separator: ", ") + "]"
    }

    static func dump(_ node: Yams.Node) -> String {
        let at = "@\(node.mark!.line):\(node.mark!.column)"
        switch node {
        case .scalar(let s):
            let style: YNode.Style = switch s.style {
            case .singleQuoted: .singleQuoted
            case .doubleQuoted: .doubleQuoted
            case .literal: .literal
            case .folded: .folded
            default: .plain
            }
            return "\(style)\(at)\(String(reflecting: s.string))"
        case .mapping(let m):
            return "{\(at) " + m.map { dump($0.key) + ": " + dump($0.value) }.joined(separator: ", ") + "}"
        case .sequence(let s):
            return "[\(at) " + s.map(dump).joined(separator: ", ") + "]"
        case .alias:
            return "alias"
        }
    }

    static var checklistsFolder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("checklists")
    }

    @Test(arguments: ["seven-steps.yaml", "four-mistakes.yaml", "launch.yaml"])
    func builtInChecklistsComposeExactlyAsYamsDoes(_ name: String) throws {
        let text = try String(contentsOf: Self.checklistsFolder.appendingPathComponent(name), encoding: .utf8)
        let ours = try #require(try YAMLComposer.compose(text).root)
        let reference = try #require(try Yams.compose(yaml: text, Resolver.basic, .default, .utf8))
        #expect(Self.dump(ours) == Self.dump(reference))
    }

    /// Random documents built from YAML's trickier pieces: every style of scalar, flow and
    /// block collections, comments, anchors, Unicode. Where Yams accepts a document the trees
    /// agree; where libyaml rejects it both reject it.
    @Test func randomDocumentsComposeAsYamsDoes() throws {
        var r = SeededRandom(seed: 77)
        let scalars = ["plain", "two words", "'single ''quoted'''", "\"double \\\"esc\\\" \\u00e9\"", "café 🎉", "12k",
                       "~", "null", "a: b", "- x", "# not", "|\n  literal\n  block\n", ">\n  folded\n  text\n", "[a, b]",
                       "{k: v}", "&a anchored", "*a", "\"\"", "''", "\"tab\\tend\"", ": odd", "x #comment"]
        var compared = 0, rejected = 0
        for _ in 0..<1500 {
            // A mapping or a sequence at the top, rarely mis-indented, so that most documents
            // are valid and get compared, and some are not.
            var lines: [String] = []
            let isSequence = r.chance(0.3)
            for i in 0..<r.int(1...8) {
                let indent = r.chance(0.95) ? "" : r.pick(["  ", "    "])
                let lead = isSequence ? "\(indent)- " : "\(indent)k\(i): "
                switch r.int(0...2) {
                case 0: lines.append(lead + r.pick(scalars))
                case 1: lines.append(lead.trimmingCharacters(in: .whitespaces) + "\n\(indent)  - \(r.pick(scalars))\n\(indent)  - \(r.pick(scalars))")
                default: lines.append(lead + "[\(r.pick(scalars)), \(r.pick(scalars))]")
                }
            }
            let text = lines.joined(separator: "\n") + "\n"
            let reference: Yams.Node?
            do {
                reference = try Yams.compose(yaml: text, Resolver.basic, .default, .utf8)
            } catch {
                // Yams rejects it (syntax, duplicate key, undefined alias): so must we, by
                // throwing or, for a duplicate key, by reporting it.
                let refused = (try? YAMLComposer.compose(text)).map { !$0.duplicates.isEmpty } ?? true
                #expect(refused, "accepted what Yams rejects:\n\(text)")
                rejected += 1
                continue
            }
            let ours = try YAMLComposer.compose(text).root
            if let reference, !Self.containsAlias(reference) {
                #expect(ours.map(Self.dump) == Self.dump(reference), "differs from Yams on:\n\(text)")
                compared += 1
            }
        }
        #expect(compared > 250 && rejected > 50, "compared \(compared), rejected \(rejected)")
    }

    /// What composing `text` gives, as text: the tree and duplicate keys, or the error.
    static func outcome(_ text: String, pipelineFrom: Int, batchSize: Int = EventPipe.batchSize) -> String {
        do {
            let (root, duplicates) = try YAMLComposer.compose(text, pipelineFrom: pipelineFrom, batchSize: batchSize)
            return (root.map(dump) ?? "no document") + " " + duplicates.map { "\($0)" }.joined(separator: "; ")
        } catch {
            return "error \(error)"
        }
    }

    /// A big document is parsed on another core, in batches, while this one composes: the tree,
    /// the duplicate keys and every error (libyaml's, and the composer's own: a second
    /// document, an unknown alias, nesting too deep) are those of parsing here, whatever the
    /// batch size, and an error found early stops the other core.
    @Test func parsingOnAnotherCoreComposesWhatParsingHereDoes() throws {
        var r = SeededRandom(seed: 91)
        let scalars = ["plain", "'q ''x'''", "\"d \\u00e9\"", "café 🎉", "~", "|\n  lit\n  block\n", "[a, b]", "{k: v}",
                       "&a anchored", "&a anchored", "*a", "x #c", "'a: b'", "plain", "~"]
        var texts = ["", "# only a comment\n", "id: a\n---\nid: b\n", "a: 1\nb: *y\n", "id: a\nid: b\n", "a: 1\nb: é\u{7}\n",
                     String(repeating: "[", count: 2_000), String(repeating: "- ", count: 600) + "x\n", "k: 'open\n"]
        for _ in 0..<300 {
            // A sequence or a mapping, with now and then a repeated key or an item of the other kind.
            let isSequence = r.chance(0.3)
            let lines = (0..<r.int(1...12)).map { i in
                isSequence != r.chance(0.03) ? "- \(r.pick(scalars))" : "k\(r.chance(0.1) ? 0 : i): \(r.pick(scalars))"
            }
            texts.append(lines.joined(separator: "\n") + "\n")
        }
        texts += try ["seven-steps.yaml", "four-mistakes.yaml", "launch.yaml"].map {
            try String(contentsOf: Self.checklistsFolder.appendingPathComponent($0), encoding: .utf8)
        }
        var errors = 0
        for text in texts {
            let here = Self.outcome(text, pipelineFrom: .max)
            if here.hasPrefix("error") { errors += 1 }
            for size in [1, 3, 64, EventPipe.batchSize] {
                let there = Self.outcome(text, pipelineFrom: 0, batchSize: size)
                #expect(there == here, "batches of \(size) on:\n\(text.prefix(300))")
            }
        }
        #expect(errors > 20 && errors < texts.count / 2, "\(errors) of \(texts.count) are errors")
    }

    static func containsAlias(_ node: Yams.Node) -> Bool {
        switch node {
        case .alias: return true
        case .scalar: return false
        case .mapping(let m): return m.contains { containsAlias($0.key) || containsAlias($0.value) }
        case .sequence(let s): return s.contains(where: containsAlias)
        }
    }

    @Test func anEmptyStreamHasNoDocument() throws {
        #expect(try YAMLComposer.compose("").root == nil)
        #expect(try YAMLComposer.compose("# only a comment\n").root == nil)
    }

    /// A duplicate key is reported at its second occurrence and that pair left out, and the
    /// read goes on, so the loaders can report the file's other problems too.
    @Test func aDuplicateKeyIsReportedAtItsSecondOccurrence() throws {
        let text = "id: a\ntitle: T\nid: b\n"
        let (root, duplicates) = try YAMLComposer.compose(text)
        #expect(duplicates == [YAMLComposer.SyntaxError(message: "duplicate key `id` in one mapping; the first one is used", line: 3, column: 1)])
        #expect(root?.mapping?.count == 2)
        #expect(root?.mapping?.first?.1.scalar?.string == "a")
        // Long mappings take the hashing path; same answer.
        let long = (0..<40).map { "k\($0): v" }.joined(separator: "\n") + "\n  \nk7: again\n"
        #expect(try YAMLComposer.compose(long).duplicates
                == [YAMLComposer.SyntaxError(message: "duplicate key `k7` in one mapping; the first one is used", line: 42, column: 1)])
    }

    @Test func deepNestingIsRefusedNotACrash() {
        #expect(throws: YAMLComposer.SyntaxError.self) { try YAMLComposer.compose(String(repeating: "[", count: 100_000)) }
        #expect(throws: YAMLComposer.SyntaxError.self) { try YAMLComposer.compose(String(repeating: "- ", count: 5000) + "x\n") }
    }

    @Test func aSecondDocumentIsRejectedWhereItStarts() {
        #expect(throws: YAMLComposer.SyntaxError(
            message: "YAML syntax error: a second document (`---`) in one file; a file holds one document", line: 2, column: 1)) {
            try YAMLComposer.compose("id: a\n---\nid: b\n")
        }
    }

    @Test func aliasesShareTheAnchoredNodeAndAnUnknownOneIsAnError() throws {
        let root = try #require(try YAMLComposer.compose("a: &x [1, 2]\nb: *x\n").root)
        let b = try #require(root.mapping?[1].value)
        #expect(b.sequence?.compactMap(\.scalar?.string) == ["1", "2"])
        #expect(throws: YAMLComposer.SyntaxError(message: "YAML syntax error: found undefined alias `*y`", line: 2, column: 4)) {
            try YAMLComposer.compose("a: 1\nb: *y\n")
        }
    }

    @Test func syntaxErrorsCarryLibyamlsMessageAndPosition() {
        #expect(throws: YAMLComposer.SyntaxError(
            message: "YAML syntax error: mapping values are not allowed in this context", line: 1, column: 7)) {
            try YAMLComposer.compose("key: a: b\n")
        }
        // A control character is a reader error with a byte offset, turned into line and column
        // (columns count characters, so the two-byte é before it counts once).
        #expect(throws: YAMLComposer.SyntaxError(
            message: "cannot read the file: control characters are not allowed", line: 2, column: 5)) {
            try YAMLComposer.compose("a: 1\nb: é\u{7}\n")
        }
    }

    /// libyaml reports what it finds at the end of the input on the (empty) line after the
    /// last; the error moves to just past the last character, so the caret lands on text.
    @Test func aProblemAtTheEndOfTheInputPointsAtTheLastCharacter() {
        #expect(throws: YAMLComposer.SyntaxError(
            message: "YAML syntax error: did not find expected node content at the end of the file", line: 2, column: 9)) {
            try YAMLComposer.compose("id: bad\ntitle: [\n\n")
        }
        #expect(throws: YAMLComposer.SyntaxError(
            message: "YAML syntax error: found unexpected end of stream (while scanning a quoted scalar at line 2, column 8)",
            line: 2, column: 12)) {
            try YAMLComposer.compose("id: bad\ntitle: 'abc\n")
        }
    }
}
