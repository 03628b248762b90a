import Foundation

/// A small JSON Schema (draft 2020-12) checker for the keywords `docs/report-schema.json`
/// uses: `$ref` to `#/$defs/…`, `type`, `const`, `enum`, `required`, `properties`,
/// `additionalProperties: false`, `items` and `oneOf`. Returns one message per violation.
struct SchemaValidator {
    let root: [String: Any]

    init(schemaAt url: URL) throws {
        let data = try Data(contentsOf: url)
        root = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    func validate(_ value: Any) -> [String] {
        var errors: [String] = []
        check(value, against: root, at: "$", errors: &errors)
        return errors
    }

    private static let boolType = type(of: NSNumber(value: true))

    private static func isBool(_ v: Any) -> Bool { type(of: v) == boolType }

    private static func typeMatches(_ v: Any, _ name: String) -> Bool {
        switch name {
        case "null": return v is NSNull
        case "boolean": return isBool(v)
        case "number": return !isBool(v) && v is NSNumber
        case "integer":
            guard !isBool(v), let n = v as? NSNumber else { return false }
            return n.doubleValue.rounded() == n.doubleValue
        case "string": return v is String
        case "array": return v is [Any]
        case "object": return v is [String: Any]
        default: return false
        }
    }

    private static func equal(_ a: Any, _ b: Any) -> Bool {
        switch (a, b) {
        case (is NSNull, is NSNull): return true
        case (let x as String, let y as String): return x == y
        case (let x as NSNumber, let y as NSNumber): return isBool(x) == isBool(y) && x == y
        default: return false
        }
    }

    private func check(_ value: Any, against schema: [String: Any], at path: String, errors: inout [String]) {
        if let ref = schema["$ref"] as? String {
            let name = String(ref.dropFirst("#/$defs/".count))
            guard let defs = root["$defs"] as? [String: Any], let target = defs[name] as? [String: Any] else {
                errors.append("\(path): unresolvable $ref \(ref)")
                return
            }
            check(value, against: target, at: path, errors: &errors)
        }
        if let types = schema["type"] {
            let names = (types as? [String]) ?? [(types as? String) ?? ""]
            if !names.contains(where: { Self.typeMatches(value, $0) }) {
                errors.append("\(path): expected \(names.joined(separator: " or ")), got \(value)")
                return
            }
        }
        if let constant = schema["const"], !Self.equal(value, constant) {
            errors.append("\(path): expected \(constant)")
        }
        if let options = schema["enum"] as? [Any], !options.contains(where: { Self.equal(value, $0) }) {
            errors.append("\(path): \(value) is not one of \(options)")
        }
        if let alternatives = schema["oneOf"] as? [[String: Any]] {
            let matching = alternatives.filter { alternative in
                var sub: [String] = []
                check(value, against: alternative, at: path, errors: &sub)
                return sub.isEmpty
            }
            if matching.count != 1 { errors.append("\(path): matches \(matching.count) of the oneOf alternatives") }
        }
        if let object = value as? [String: Any] {
            for key in schema["required"] as? [String] ?? [] where object[key] == nil {
                errors.append("\(path): missing required key \(key)")
            }
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for (key, member) in object {
                if let sub = properties[key] as? [String: Any] {
                    check(member, against: sub, at: "\(path).\(key)", errors: &errors)
                } else if schema["additionalProperties"] as? Bool == false {
                    errors.append("\(path): unexpected key \(key)")
                }
            }
        }
        if let array = value as? [Any], let items = schema["items"] as? [String: Any] {
            for (i, element) in array.enumerated() { check(element, against: items, at: "\(path)[\(i)]", errors: &errors) }
        }
    }
}
