import Foundation
@testable import Ingest

// libFuzzer entry point for the Materials Project / pymatgen JSON reader (entries, MP documents,
// Structure dicts): every input must be read into storable records or refused with an
// IngestError, never crash or hang.
@_cdecl("LLVMFuzzerTestOneInput")
public func mpJSONFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let path = fuzzInputFile("mpjson", data, size) else { return 0 }
    if let prepared = try? MaterialsProjectJSONIngester.prepare(path: path) {
        requireStorable(prepared.records)
    }
    return 0
}
