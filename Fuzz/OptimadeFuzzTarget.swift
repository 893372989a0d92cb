import Foundation
@testable import Ingest

// libFuzzer entry point for the OPTIMADE response reader (`/structures` pages, single entries,
// bare lists): every input must be read into storable records or refused with an IngestError,
// never crash or hang.
@_cdecl("LLVMFuzzerTestOneInput")
public func optimadeFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let path = fuzzInputFile("optimade", data, size) else { return 0 }
    if let prepared = try? OptimadeIngester.prepare(path: path) {
        requireStorable(prepared.records)
    }
    return 0
}
