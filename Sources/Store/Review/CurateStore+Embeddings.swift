import Foundation
import GRDB

extension CurateStore {
    /// Stores (or replaces) the vectors of `modelId` in one transaction; every vector must have
    /// the same positive dimension and finite entries.
    public func storeEmbeddings(_ drafts: [EmbeddingDraft], modelId: String) throws {
        guard !modelId.isEmpty else { throw StoreError.invalidArgument(name: "modelId", reason: "empty") }
        let dimension = drafts.first?.vector.count ?? 0
        for draft in drafts {
            guard draft.vector.count == dimension, dimension > 0 else {
                throw StoreError.invalidArgument(name: "embedding \(draft.subjectKey)",
                                                 reason: "\(draft.vector.count) values, expected \(dimension) (and more than 0)")
            }
            guard draft.vector.allSatisfy(\.isFinite) else {
                throw StoreError.invalidArgument(name: "embedding \(draft.subjectKey)", reason: "holds a non-finite value")
            }
        }
        try reviewWrite("storing embeddings of \(modelId)") { db in
            let statement = try db.makeStatement(sql: """
                INSERT INTO embeddings (model_id, subject_key, label, metadata_json, dimension, vector) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (model_id, subject_key) DO UPDATE SET label = excluded.label, metadata_json = excluded.metadata_json,
                    dimension = excluded.dimension, vector = excluded.vector
                """)
            for draft in drafts {
                try statement.execute(arguments: [modelId, draft.subjectKey, draft.label, draft.metadataJSON, dimension,
                                                  Self.blob(draft.vector)])
            }
        }
    }

    /// Every vector of `modelId`, ordered by subject key.
    public func embeddings(modelId: String) throws -> [StoredEmbedding] {
        try read("reading embeddings of \(modelId)") { db in
            try Row.fetchAll(db, sql: """
                SELECT model_id, subject_key, label, metadata_json, dimension, vector FROM embeddings WHERE model_id = ? ORDER BY subject_key
                """, arguments: [modelId]).map { row in
                let table = "embeddings"
                let dimension: Int = try row.required("dimension", in: table)
                let data: Data = try row.required("vector", in: table)
                guard data.count == dimension * 4 else {
                    throw StoreError.corruptRow(table: table, reason: "vector of \(data.count) bytes for dimension \(dimension)")
                }
                return StoredEmbedding(modelId: try row.required("model_id", in: table),
                                       subjectKey: try row.required("subject_key", in: table),
                                       label: try row.required("label", in: table),
                                       metadataJSON: try row.required("metadata_json", in: table), vector: Self.floats(data))
            }
        }
    }

    /// The embedding models in the store, with vector counts, by model id.
    public func embeddingModels() throws -> [EmbeddingModelSummary] {
        try read("listing embedding models") { db in
            try Row.fetchAll(db, sql: """
                SELECT model_id, COUNT(*) AS n, MAX(dimension) AS d FROM embeddings GROUP BY model_id ORDER BY model_id
                """).map { row in
                EmbeddingModelSummary(modelId: try row.required("model_id", in: "embeddings"),
                                      count: try row.required("n", in: "embeddings"), dimension: try row.required("d", in: "embeddings"))
            }
        }
    }

    /// The models that hold a vector for `subjectKey`, by model id.
    public func embeddingModels(containing subjectKey: String) throws -> [String] {
        try read("finding embeddings of \(subjectKey)") { db in
            try String.fetchAll(db, sql: "SELECT model_id FROM embeddings WHERE subject_key = ? ORDER BY model_id", arguments: [subjectKey])
        }
    }

    /// Little-endian Float32 bytes of `vector`.
    static func blob(_ vector: [Float]) -> Data {
        var data = Data(count: vector.count * 4)
        data.withUnsafeMutableBytes { raw in
            for (i, value) in vector.enumerated() {
                raw.storeBytes(of: value.bitPattern.littleEndian, toByteOffset: i * 4, as: UInt32.self)
            }
        }
        return data
    }

    /// The floats of a little-endian Float32 blob (a trailing partial value is ignored).
    static func floats(_ data: Data) -> [Float] {
        data.withUnsafeBytes { raw in
            (0..<(raw.count / 4)).map { i in
                Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: i * 4, as: UInt32.self)))
            }
        }
    }
}
