import GRDB

/// Safe column access: a NULL or mistyped value where the schema promises one becomes
/// ``StoreError/corruptRow(table:reason:)`` instead of a trap.
extension Row {
    func required<T: DatabaseValueConvertible>(_ column: String, in table: String) throws -> T {
        let value: DatabaseValue = self[column]
        guard let decoded = T.fromDatabaseValue(value) else {
            throw StoreError.corruptRow(table: table, reason: "column \(column) holds \(value), expected \(T.self)")
        }
        return decoded
    }

    func optional<T: DatabaseValueConvertible>(_ column: String, in table: String) throws -> T? {
        let value: DatabaseValue = self[column]
        if value.isNull { return nil }
        guard let decoded = T.fromDatabaseValue(value) else {
            throw StoreError.corruptRow(table: table, reason: "column \(column) holds \(value), expected \(T.self)")
        }
        return decoded
    }
}
