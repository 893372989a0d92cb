import Foundation
import GRDB

/// The deterministic byte stream behind ``CurateStore/contentHash()``.
///
/// Format version 1: the header `curate-content v1\n`, then for each table below, in this
/// order, `table <name>\n` followed by one line per row in ascending `id`, each value encoded
/// unambiguously: `n;` NULL, `i<decimal>;` integer, `r<16 hex digits of the IEEE-754 bits>;`
/// real, `s<utf8 byte count>:<bytes>` text, `b<byte count>:<bytes>` blob. Timestamps and run
/// bookkeeping are excluded so that identical content gives an identical hash.
enum ContentDump {
    static let header = "curate-content v1\n"

    /// Table name and the exact columns that go into the hash, in order.
    static let tables: [(name: String, columns: [String])] = [
        ("sources", ["id", "kind", "name", "layout"]),
        ("materials", ["id", "canonical_key", "reduced_formula", "hill_formula", "chemical_system",
                       "anonymous_formula", "element_count", "fractions_json", "key_tolerance"]),
        ("raw_records", ["id", "run_id", "source_id", "locator", "line", "content", "disposition",
                         "duplicate_of_observation_id"]),
        ("observations", ["id", "raw_record_id", "material_id", "source_id", "run_id", "formula_as_written",
                          "composition_json", "property", "value", "unit", "qualifier", "value_as_reported",
                          "conditions_json", "metadata_json", "dedup_key", "parser_version"]),
        ("quarantine", ["id", "raw_record_id", "run_id", "source_id", "reason_code", "message", "field",
                        "position", "rule_version"]),
    ]

    static func hash(_ db: Database) throws -> String {
        var hasher = SHA256Hasher()
        hasher.update(header)
        var line: [UInt8] = []
        for table in tables {
            hasher.update("table \(table.name)\n")
            let sql = "SELECT \(table.columns.joined(separator: ", ")) FROM \(table.name) ORDER BY id"
            let rows = try Row.fetchCursor(db, sql: sql)
            while let row = try rows.next() {
                line.removeAll(keepingCapacity: true)
                for value in row.databaseValues { encode(value, into: &line) }
                line.append(0x0a)
                hasher.update(line)
            }
        }
        return hasher.finalizeHex()
    }

    private static func encode(_ value: DatabaseValue, into out: inout [UInt8]) {
        switch value.storage {
        case .null:
            out.append(contentsOf: "n;".utf8)
        case .int64(let int):
            out.append(UInt8(ascii: "i"))
            out.append(contentsOf: String(int).utf8)
            out.append(UInt8(ascii: ";"))
        case .double(let double):
            out.append(UInt8(ascii: "r"))
            let hex = String(double.bitPattern, radix: 16)
            out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: 16 - hex.utf8.count))
            out.append(contentsOf: hex.utf8)
            out.append(UInt8(ascii: ";"))
        case .string(let string):
            let bytes = string.utf8
            out.append(UInt8(ascii: "s"))
            out.append(contentsOf: String(bytes.count).utf8)
            out.append(UInt8(ascii: ":"))
            out.append(contentsOf: bytes)
        case .blob(let data):
            out.append(UInt8(ascii: "b"))
            out.append(contentsOf: String(data.count).utf8)
            out.append(UInt8(ascii: ":"))
            out.append(contentsOf: data)
        }
    }
}
