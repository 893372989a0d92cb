import CurateIO
import Foundation
import GRDB

extension CurateStore {
    /// Records a pull; returns the record with its id.
    @discardableResult
    public func recordDownload(_ record: DownloadRecord) throws -> DownloadRecord {
        let headers = JSONText.object(record.headers.mapValues(JSONText.quote))
        let id = try reviewWrite("recording a download") { db -> Int in
            try db.execute(sql: """
                INSERT INTO downloads (url, effective_url, file_path, file_sha256, file_size, outcome, verified, catalogue_name,
                                       headers_json, transferred, pulled_at, tool_version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [record.url, record.effectiveURL, record.filePath, record.fileSHA256, record.fileSize, record.outcome,
                                 record.verified, record.catalogueName, headers, record.transferred, record.pulledAt,
                                 CurateVersion.current])
            return Int(db.lastInsertedRowID)
        }
        var stored = record
        stored.id = id
        return stored
    }

    /// Every pull recorded, oldest first; only those of a file with `sha256` when given.
    public func downloads(sha256: String? = nil) throws -> [DownloadRecord] {
        try read("reading downloads") { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT * FROM downloads WHERE ? IS NULL OR file_sha256 = ? ORDER BY id
                """, arguments: [sha256, sha256])
            return rows.map { row in
                let headersText: String = row["headers_json"]
                let headers = (try? JSONSerialization.jsonObject(with: Data(headersText.utf8)) as? [String: String]) ?? [:]
                return DownloadRecord(id: row["id"], url: row["url"], effectiveURL: row["effective_url"], filePath: row["file_path"],
                                      fileSHA256: row["file_sha256"], fileSize: row["file_size"], outcome: row["outcome"],
                                      verified: row["verified"], catalogueName: row["catalogue_name"], headers: headers,
                                      transferred: row["transferred"], pulledAt: row["pulled_at"])
            }
        }
    }
}
