import Chemistry
import Foundation
@testable import Ingest
import Store

// libFuzzer entry point for the synthesis JSON path: the byte splitter, the fast reaction reader
// with its Codable fallback and the interpretation of every reaction (formulas, amounts,
// conditions). Every input must give storable records or a split failure, never crash or hang.
@_cdecl("LLVMFuzzerTestOneInput")
public func synthesisFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = [UInt8](UnsafeBufferPointer(start: data, count: size))
    guard let layout = try? bytes.withUnsafeBufferPointer({ buffer in try JSONRecordSplitter.split(buffer, key: "reactions") }) else {
        return 0
    }
    for record in layout.records {
        precondition(record.lowerBound >= 0 && record.upperBound <= bytes.count, "a record range outside the input")
    }
    let interpretation = ParallelReactionInterpretation(bytes: bytes, records: layout.records, bindings: FormulaBindings(), workers: 1)
    var prepared: [PreparedRecord] = []
    try? interpretation.run { prepared.append($0) }
    precondition(prepared.count == layout.records.count, "every reaction gives exactly one record")
    requireStorable(prepared)
    return 0
}
