import Foundation

/// A `JSONSerialization` value with its JSON path, for typed reading with path-naming errors.
struct JSONNode {
    /// The raw value (`nil` when the field is absent).
    let value: Any?
    /// JSON path, `$` at the root.
    let path: String

    /// Parses `data` as a JSON document.
    static func parse(_ data: Data) throws(PymatgenJSONError) -> JSONNode {
        do {
            let value = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            return JSONNode(value: value, path: "$")
        } catch {
            throw PymatgenJSONError(path: "$", problem: .notJSON(error.localizedDescription))
        }
    }

    /// Whether the field is absent or JSON `null`.
    var isNull: Bool { value == nil || value is NSNull }

    /// The member `key` (possibly absent) of this object.
    subscript(key: String) -> JSONNode {
        JSONNode(value: (value as? [String: Any])?[key], path: path + "." + key)
    }

    /// An error at this path: `.missing` when the field is absent, else `problem`.
    func error(_ problem: PymatgenJSONError.Problem) -> PymatgenJSONError {
        PymatgenJSONError(path: path, problem: value == nil ? .missing : problem)
    }

    /// This value as an object's members.
    func object() throws(PymatgenJSONError) -> [String: Any] {
        guard let object = value as? [String: Any] else { throw error(.wrongType(expected: "an object")) }
        return object
    }

    /// Whether this value is an object.
    var isObject: Bool { value is [String: Any] }

    /// This value's elements, each with its indexed path.
    func array() throws(PymatgenJSONError) -> [JSONNode] {
        guard let array = value as? [Any] else { throw error(.wrongType(expected: "an array")) }
        return array.enumerated().map { JSONNode(value: $0.element, path: "\(path)[\($0.offset)]") }
    }

    /// This value as a finite number (booleans are refused).
    func double() throws(PymatgenJSONError) -> Double {
        guard let number = value as? NSNumber, !isJSONBoolean(number) else {
            throw error(.wrongType(expected: "a number"))
        }
        let double = number.doubleValue
        guard double.isFinite else { throw error(.invalidValue("not a finite number")) }
        return double
    }

    /// This value as a number, or nil when absent or null.
    func optionalDouble() throws(PymatgenJSONError) -> Double? {
        isNull ? nil : try double()
    }

    /// This value as a string.
    func string() throws(PymatgenJSONError) -> String {
        guard let string = value as? String else { throw error(.wrongType(expected: "a string")) }
        return string
    }

    /// This value as a string, or nil when absent or null; numbers are written out (entry ids).
    func optionalString() throws(PymatgenJSONError) -> String? {
        if isNull { return nil }
        if let number = value as? NSNumber, !isJSONBoolean(number) { return number.stringValue }
        return try string()
    }

    /// This value's members as `JSONValue`s; empty when absent or null.
    func jsonObject() throws(PymatgenJSONError) -> [String: JSONValue] {
        if isNull { return [:] }
        return try object().mapValues(JSONValue.init(foundation:))
    }
}
