/// Decoding helpers for the text-mined synthesis JSON, whose empty fields come as `null`,
/// `[]`, `""` or are absent, and whose list fields are sometimes a single string.
extension KeyedDecodingContainer {
    /// A string list written as a list, a single string, `null`, or absent.
    func lenientStrings(_ key: Key) throws -> [String] {
        if (try? decodeNil(forKey: key)) ?? true { return [] }
        if let list = try? decode([String?].self, forKey: key) { return list.compactMap { $0 } }
        if let single = try? decode(String.self, forKey: key) { return single.isEmpty ? [] : [single] }
        return []
    }

    /// A list of `T`, or empty when `null` or absent.
    func lenientList<T: Decodable>(_ type: T.Type, _ key: Key) throws -> [T] {
        if (try? decodeNil(forKey: key)) ?? true { return [] }
        return try decode([T].self, forKey: key)
    }

    /// A string, treating an empty string like `null`.
    func lenientString(_ key: Key) throws -> String? {
        guard let text = try decodeIfPresent(String.self, forKey: key), !text.isEmpty else { return nil }
        return text
    }

    /// A number written as a number or a numeric string.
    func lenientDouble(_ key: Key) throws -> Double? {
        if (try? decodeNil(forKey: key)) ?? true { return nil }
        if let number = try? decode(Double.self, forKey: key) { return number }
        if let text = try? decode(String.self, forKey: key) { return Double(text) }
        return nil
    }
}
