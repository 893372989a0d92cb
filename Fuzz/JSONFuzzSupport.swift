import Foundation
@testable import Store

// Shared by the JSON fuzz targets (MP/pymatgen, OPTIMADE, synthesis), built by scripts/fuzz.sh
// against the Ingest and Store modules compiled with `-enable-testing`.

/// Writes one fuzz input to a per-process file, since the readers take a path as a user gives one.
/// The file lives in memory (`/dev/shm` when there is one) and is written with plain `fwrite`, so
/// the fuzzer's time goes into the reader rather than into waiting on the disk.
func fuzzInputFile(_ name: String, _ data: UnsafePointer<UInt8>, _ size: Int) -> String? {
    let folder = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : FileManager.default.temporaryDirectory.path
    let path = "\(folder)/curate-\(name)-fuzz-\(getpid()).json"
    guard let file = fopen(path, "wb") else { return nil }
    defer { fclose(file) }
    return fwrite(data, 1, size, file) == size ? path : nil
}

/// Every record a reader prepares must pass the store's own boundary check (finite values,
/// 1-based lines and positions, non-empty keys); a record it would refuse is a reader bug.
func requireStorable(_ records: [PreparedRecord]) {
    for record in records {
        do {
            try RecordValidation.validate(record)
        } catch {
            fatalError("a reader prepared a record the store refuses: \(error)")
        }
    }
}
