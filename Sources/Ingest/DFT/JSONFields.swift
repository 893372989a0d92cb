import Foundation

/// Typed reads of `JSONSerialization` values: numbers that are not booleans, strings, objects.
enum JSONFields {
    /// Whether `value` is a JSON `true`/`false` (Foundation boxes booleans as `NSNumber`).
    static func isBoolean(_ value: Any) -> Bool {
        value is NSNumber && String(describing: type(of: value)).contains("Boolean")
    }

    /// A finite number, or nil (absent, null, a boolean, a string, NaN).
    static func number(_ value: Any?) -> Double? {
        guard let value, let number = value as? NSNumber, !isBoolean(number) else { return nil }
        let double = number.doubleValue
        return double.isFinite ? double : nil
    }

    /// Whether the field is present and not JSON `null`.
    static func isPresent(_ value: Any?) -> Bool {
        guard let value else { return false }
        return !(value is NSNull)
    }

    /// A string, or nil; numbers are written out (ids such as `1234`).
    static func string(_ value: Any?) -> String? {
        if let text = value as? String { return text }
        if let value, let number = value as? NSNumber, !isBoolean(number) { return number.stringValue }
        return nil
    }

    /// A boolean, or nil.
    static func boolean(_ value: Any?) -> Bool? {
        guard let value, isBoolean(value), let number = value as? NSNumber else { return nil }
        return number.boolValue
    }

    /// An object's members, or nil.
    static func object(_ value: Any?) -> [String: Any]? { value as? [String: Any] }

    /// Parses one record's bytes as a JSON object, or explains why it is not one.
    static func parseObject(_ data: Data) -> Result<[String: Any], ParseFailure> {
        let value: Any
        do {
            value = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            let text = String(decoding: data, as: UTF8.self)
            let nonFinite = ["NaN", "Infinity"].first { text.contains(": \($0)") || text.contains(":\($0)") }
            return .failure(ParseFailure(message: nonFinite.map { "not valid JSON: \($0) is not a JSON number (written by Python's json for a non-finite float)" }
                ?? "not valid JSON: \(error.localizedDescription)"))
        }
        guard let object = value as? [String: Any] else {
            let kind = value is [Any] ? "an array" : (value is String ? "a string" : (value is NSNull ? "null" : "a number or boolean"))
            return .failure(ParseFailure(message: "the record is \(kind), not a JSON object"))
        }
        return .success(object)
    }

    /// Why a record's text is not a JSON object.
    struct ParseFailure: Error {
        let message: String
    }
}
