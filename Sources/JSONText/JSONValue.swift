/// A JSON value whose object keys keep the order they were written in, so every document
/// smaudit writes (the report's `--json`, `measure --json`) is deterministic and reads in the
/// same order as its Markdown counterpart.
///
/// Foundation's `JSONSerialization` sorts or scrambles keys and turns whole doubles into
/// `1.0`, which is why this small tree exists; both the report and the measurement build one.
public indirect enum JSONValue: Sendable, Equatable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A whole number.
    case integer(Int)
    /// A number; NaN and the infinities, which JSON cannot carry, render as `null`.
    case number(Double)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object whose keys keep their order.
    case object([Member])

    /// One key of an object and its value.
    public struct Member: Sendable, Equatable {
        /// The key.
        public var key: String
        /// The value.
        public var value: JSONValue

        /// Creates a member.
        public init(_ key: String, _ value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    /// `.string(s)`, or `.null` when there is no string.
    public static func string(_ s: String?) -> JSONValue { s.map { .string($0) } ?? .null }

    /// `.number(v)`, or `.null` when there is no number.
    public static func number(_ v: Double?) -> JSONValue { v.map { .number($0) } ?? .null }

    /// An object from `(key, value)` pairs, in their order. (An empty literal matches both this
    /// and the `object` case; write an empty object as `.object([JSONValue.Member]())`.)
    public static func object(_ pairs: [(String, JSONValue)]) -> JSONValue {
        .object(pairs.map { Member($0.0, $0.1) })
    }

    /// The value of the member named `key`, when this is an object that has one.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// The value as a finite number, when it is one.
    public var doubleValue: Double? {
        switch self {
        case .integer(let i): return Double(i)
        case .number(let d): return d.isFinite ? d : nil
        default: return nil
        }
    }
}
