import Foundation
import GRDB

extension CurateStore {
    /// The raw records of run `runId`, in the order they were read, as their exact bytes: the
    /// kept bytes where the input was not valid UTF-8, else the UTF-8 of the text. Joining a CSV
    /// run's records with its header and line ends gives back the file byte for byte.
    public func rawRecordBytes(runId: Int) throws -> [(line: Int?, bytes: [UInt8])] {
        try read("reading raw records of run \(runId)") { db in
            try Row.fetchAll(db, sql: """
                SELECT line, COALESCE(content_bytes, CAST(content AS BLOB)) AS bytes FROM raw_records
                WHERE run_id = ? ORDER BY id
                """, arguments: [runId]).map { row in
                let data: Data? = row["bytes"]
                return (line: row["line"], bytes: data.map { [UInt8]($0) } ?? [])
            }
        }
    }
}
