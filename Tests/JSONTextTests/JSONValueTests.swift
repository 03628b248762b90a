import Foundation
import JSONText
import Testing
import TestSupport

@Suite struct JSONValueTests {
    @Test func numbersAreWholeWhenTheyCanBeAndNullWhenTheyCannotBe() {
        #expect(JSONValue.number(12).rendered() == "12")
        #expect(JSONValue.number(-3).rendered() == "-3")
        #expect(JSONValue.number(0.1).rendered() == "0.1")
        #expect(JSONValue.number(1e-5).rendered() == "1e-05")
        // Beyond 1e15 a double is not printed as digits plus "." (which JSON rejects).
        #expect(JSONValue.number(1e16).rendered() == "1e+16")
        #expect(JSONValue.number(-0.0).rendered() == "0")
        #expect(JSONValue.number(.nan).rendered() == "null")
        #expect(JSONValue.number(.infinity).rendered() == "null")
        #expect(JSONValue.number(nil as Double?).rendered() == "null")
        #expect(JSONValue.string(nil as String?).rendered() == "null")
    }

    @Test func stringsEscapeWhatJSONAndJavaScriptReject() {
        let text = "say \"hi\"\\ \n\t\r \u{1} \u{2028}\u{2029} café 🎉"
        #expect(JSONValue.string(text).rendered()
            == #""say \"hi\"\\ \n\t\r \u0001 \u2028\u2029 café 🎉""#)
    }

    /// JSON printed to a terminal must not act on it: DEL, C1 controls (U+009B is ESC [) and the
    /// bidirectional overrides are written as escapes, still valid JSON.
    @Test func stringsEscapeWhatATerminalWouldActOn() throws {
        let text = "a\u{7F}b\u{9B}2Jc\u{202E}d\u{2067}e"
        let rendered = JSONValue.string(text).rendered()
        #expect(rendered == #""a\u007fb\u009b2Jc\u202ed\u2067e""#)
        let back = try JSONSerialization.jsonObject(with: Data(rendered.utf8), options: [.fragmentsAllowed]) as? String
        #expect(back == text)
    }

    @Test func objectsKeepTheirKeyOrderOnOneLineAndPretty() {
        let value = JSONValue.object([
            ("z", .integer(1)), ("a", .array([.bool(true), .null])), ("m", .object([JSONValue.Member]())), ("e", .array([])),
        ])
        #expect(value.rendered() == #"{"z": 1, "a": [true, null], "m": {}, "e": []}"#)
        #expect(value.prettyPrinted() == """
            {
              "z": 1,
              "a": [
                true,
                null
              ],
              "m": {},
              "e": []
            }

            """)
        #expect(value["a"] == .array([.bool(true), .null]))
        #expect(value["missing"] == nil)
        #expect(value["z"]?.doubleValue == 1)
    }

    /// Random trees, rendered both ways, read back by Foundation's parser as the same values:
    /// whatever the strings hold, the output is JSON and loses nothing.
    @Test func randomTreesReadBackThroughFoundation() throws {
        var random = SeededRandom(seed: 2026_11_23)
        for _ in 0..<400 {
            let value = Self.tree(&random, depth: 0)
            for text in [value.rendered(), value.prettyPrinted()] {
                let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8), options: .fragmentsAllowed)
                #expect(Self.matches(parsed, value), "\(text)")
            }
        }
    }

    // No U+FEFF: Foundation's parser on Linux drops it from strings, which says nothing of
    // the text written here.
    private static let scalars: [Unicode.Scalar] = ["a", "Z", " ", "\"", "\\", "/", "\n", "\t", "\u{0}", "\u{1F}",
                                                     "\u{7F}", "é", "\u{2028}", "\u{2029}", "€", "🎉", "\u{200D}", "\u{10FFFF}"]

    private static func tree(_ r: inout SeededRandom, depth: Int) -> JSONValue {
        switch r.int(0...(depth < 4 ? 7 : 4)) {
        case 0: return .null
        case 1: return .bool(r.chance(0.5))
        case 2: return .integer(r.int(-1_000_000...1_000_000))
        case 3:
            let d = r.pick([0.1, -2.5, 1e-7, 123_456.789, 1e300, -0.0, Double(r.int(-99...99)) / 7, .nan, .infinity])
            return .number(d)
        case 4: return .string(text(&r))
        case 5: return .array((0..<r.int(0...4)).map { _ in tree(&r, depth: depth + 1) })
        default:
            // Distinct keys: Foundation's dictionaries keep one value per key.
            return .object((0..<r.int(0...4)).map { JSONValue.Member("\($0)" + text(&r), tree(&r, depth: depth + 1)) })
        }
    }

    private static func text(_ r: inout SeededRandom) -> String {
        var s = String.UnicodeScalarView()
        for _ in 0..<r.int(0...6) { s.append(r.pick(scalars)) }
        return String(s)
    }

    private static func matches(_ parsed: Any, _ value: JSONValue) -> Bool {
        switch value {
        case .null: return parsed is NSNull
        case .bool(let b): return (parsed as? NSNumber)?.boolValue == b
        case .integer(let i): return (parsed as? NSNumber)?.doubleValue == Double(i)
        case .number(let d):
            guard d.isFinite else { return parsed is NSNull }
            return (parsed as? NSNumber)?.doubleValue == d
        case .string(let s): return (parsed as? String) == s
        case .array(let items):
            guard let list = parsed as? [Any], list.count == items.count else { return false }
            return zip(list, items).allSatisfy { matches($0, $1) }
        case .object(let members):
            guard let dict = parsed as? [String: Any], dict.count == members.count else { return false }
            return members.allSatisfy { m in dict[m.key].map { matches($0, m.value) } ?? false }
        }
    }
}
