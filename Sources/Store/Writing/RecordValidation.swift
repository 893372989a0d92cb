/// Checks a ``PreparedRecord`` before anything of it is written, so that a malformed record
/// fails alone with a precise message instead of aborting the transaction half-way.
/// Non-finite numbers are refused here, the single path of ingested rows into the store: a
/// value must be finite and no JSON column may hold `inf` or `nan`.
enum RecordValidation {
    static func validate(_ record: PreparedRecord) throws {
        func fail(_ reason: String) -> StoreError {
            .invalidRecord(locator: record.locator, reason: reason)
        }
        if let line = record.line, line < 1 {
            throw fail("line must be 1-based, got \(line)")
        }
        switch record.outcome {
        case .observation(let observation):
            if observation.dedupKey.isEmpty { throw fail("empty dedup key") }
            if observation.property.isEmpty { throw fail("empty property name") }
            if observation.qualifier.isEmpty { throw fail("empty qualifier") }
            if let value = observation.value, !value.isFinite {
                throw fail("value \(value) is not finite; use a qualifier with a nil value instead")
            }
            let material = observation.material
            let jsonColumns: [(String, String?)] = [
                ("composition_json", observation.compositionJSON), ("fractions_json", material.fractionsJSON),
                ("conditions_json", observation.conditionsJSON), ("metadata_json", observation.metadataJSON),
            ]
            for (column, json) in jsonColumns {
                if let json, let token = FiniteJSONCheck.nonFiniteToken(in: json) {
                    throw fail("\(column) holds \"\(token)\", not a finite JSON number: \(json.prefix(200))")
                }
            }
            if material.canonicalKey.isEmpty { throw fail("empty canonical key") }
            if material.elementCount < 0 { throw fail("negative element count \(material.elementCount)") }
            if !material.keyTolerance.isFinite || material.keyTolerance < 0 {
                throw fail("key tolerance \(material.keyTolerance) must be finite and >= 0")
            }
        case .quarantine(let reason):
            if reason.code.isEmpty { throw fail("empty quarantine reason code") }
            if let position = reason.position, position < 1 {
                throw fail("quarantine position must be 1-based, got \(position)")
            }
        }
    }
}
