// Encoder benchmark for the Parquet target, compiled with it by scripts/bench-parquet-encoder.sh:
// reads a release's records.csv, then times (best of 3) rendering its rows as CSV text the way
// release files are written (fields quoted when needed, comma-joined lines) against
// ParquetWriter.write of the same columns typed as the Parquet export types them (without
// composition_json, which needs the formula parser). Prints one Markdown table.
import Foundation

/// Fields of one RFC 4180 line (quotes honoured, no embedded newlines in these files).
func fields(_ line: Substring) -> [String] {
    var result: [String] = [], current = "", quoted = false
    var iterator = line.makeIterator()
    while let character = iterator.next() {
        if quoted {
            if character == "\"" { quoted = false } else { current.append(character) }
        } else if character == "\"" {
            quoted = true
        } else if character == "," {
            result.append(current)
            current = ""
        } else {
            current.append(character)
        }
    }
    result.append(current)
    return result
}

func csvField(_ text: String) -> String {
    guard text.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
}

func best(_ body: () throws -> Int) rethrows -> (seconds: Double, bytes: Int) {
    var times: [Double] = [], bytes = 0
    for _ in 0..<3 {
        let start = DispatchTime.now().uptimeNanoseconds
        bytes = try body()
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    return (times.min() ?? 0, bytes)
}

guard CommandLine.arguments.count == 2, let text = try? String(contentsOfFile: CommandLine.arguments[1], encoding: .utf8) else {
    FileHandle.standardError.write(Data("usage: parquet-bench RELEASE/records.csv\n".utf8))
    exit(2)
}
let lines = text.split(separator: "\n")
let header = fields(lines[0])
let rows = lines.dropFirst().map(fields)
func column(_ name: String) -> [String] {
    guard let index = header.firstIndex(of: name) else { fatalError("records.csv has no column \(name)") }
    return rows.map { $0[index] }
}
let lists: Set<String> = ["sources", "provenance", "entry_ids"]
var columns: [ParquetColumn] = []
for name in header {
    let cells = column(name)
    switch name {
    case "target": columns.append(.init(name: name, values: .double(cells.map { Double($0) })))
    case "spread": columns.append(.init(name: name, values: .double(cells.map { Double($0) }), nullable: true))
    case "measurements": columns.append(.init(name: name, values: .int64(cells.map { Int64($0) })))
    case "inner_fold": columns.append(.init(name: name, values: .int64(cells.map { Int64($0) }), nullable: true))
    case "flagged": columns.append(.init(name: name, values: .boolean(cells.map { $0 == "true" })))
    case "protostructure": columns.append(.init(name: name, values: .string(cells.map { $0.isEmpty ? nil : $0 }), nullable: true))
    case _ where lists.contains(name): columns.append(.init(name: name, values: .stringList(cells.map { $0.isEmpty ? [] : $0.split(separator: ";").map(String.init) })))
    default: columns.append(.init(name: name, values: .string(cells)))
    }
}
let table = ParquetTable(columns: columns)
let csv = best {
    var out = header.map(csvField).joined(separator: ",") + "\n"
    for row in rows { out += row.map(csvField).joined(separator: ",") + "\n" }
    return Data(out.utf8).count
}
let parquet = try best { Data(try ParquetWriter.write(table, options: .init(rowsPerGroup: 100_000))).count }
print("| rows | \(rows.count) |")
print("| CSV text: s, MB, MB/s | \(String(format: "%.3f | %.1f | %.0f", csv.seconds, Double(csv.bytes) / 1e6, Double(csv.bytes) / 1e6 / csv.seconds)) |")
print("| Parquet: s, MB, MB/s | \(String(format: "%.3f | %.1f | %.0f", parquet.seconds, Double(parquet.bytes) / 1e6, Double(parquet.bytes) / 1e6 / parquet.seconds)) |")
print("| Parquet rows/s | \(String(format: "%.0f", Double(rows.count) / parquet.seconds)) |")
