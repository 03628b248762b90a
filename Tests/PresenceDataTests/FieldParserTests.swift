import Testing
@testable import PresenceData

@Suite struct FieldParserTests {
    private func number(_ s: String, thousands: Bool = true) -> Double?? {
        var s = s
        return s.withUTF8 { b -> Double?? in
            switch FieldParser.number(b, thousands: thousands) {
            case .value(let v): return .some(v)
            case .missing: return .some(nil)
            case .invalid: return nil
            }
        }
    }

    private func id(_ s: String) -> MessageID? {
        var s = s
        return s.withUTF8 { b -> MessageID? in
            if case .value(let v) = FieldParser.messageID(b) { return v }
            return nil
        }
    }

    private func bool(_ s: String) -> Bool? {
        var s = s
        return s.withUTF8 { b -> Bool? in
            if case .value(let v) = FieldParser.bool(b) { return v }
            return nil
        }
    }

    @Test func plainNumbers() {
        #expect(number("42") == .some(42))
        #expect(number(" -3.25 ") == .some(-3.25))
        #expect(number("+0.05") == .some(0.05))
        #expect(number(".5") == .some(0.5))
        #expect(number("1e3") == .some(1000))
        #expect(number("2.5E-2") == .some(0.025))
        #expect(number("12345678901234567890") == .some(12345678901234567890.0))
        #expect(number("0.1234567890123456789") == .some(0.1234567890123456789))
    }

    @Test func emptyCellsAreMissing() {
        #expect(number("") == .some(nil))
        #expect(number("   ") == .some(nil))
    }

    @Test func garbageIsInvalid() {
        #expect(number("abc") == nil)
        #expect(number("12abc") == nil)
        #expect(number("-") == nil)
        #expect(number("1e") == nil)
        #expect(number("1.2.3") == nil)
    }

    @Test func thousandsSeparators() {
        #expect(number("12,345") == .some(12345))
        #expect(number("1,234,567.5") == .some(1234567.5))
        #expect(number("1,23,4") == nil)
        // A lone comma before other than three digits is a decimal comma.
        #expect(number("12,5") == .some(12.5))
        // Not allowed at all when the field was an unquoted comma-delimited cell.
        #expect(number("12,345", thousands: false) == nil)
    }

    @Test func floatIDsEqualIntegerIDs() {
        #expect(id("3.0") == .number(3))
        #expect(id("3") == .number(3))
        #expect(id(" 119237.000 ") == .number(119_237))
        #expect(id("3.5") == .text("3.5"))
        #expect(id("abc-1") == .text("abc-1"))
        #expect(id("99999999999999999999999") == .text("99999999999999999999999"))
        #expect(id("") == nil)
    }

    @Test func booleans() {
        for s in ["True", "true", "TRUE", "t", "yes", "Y", "1", "1.0"] { #expect(bool(s) == true, "\(s)") }
        for s in ["False", "false", "f", "no", "N", "0", "0.0"] { #expect(bool(s) == false, "\(s)") }
        #expect(bool("maybe") == nil)
        #expect(bool(" TRUE ") == true)
        for s in ["truex", "nope", "ye", "1.00", "tru", "0.", "yes please"] { #expect(bool(s) == nil, "\(s)") }
        #expect(bool("") == nil)
    }
}
