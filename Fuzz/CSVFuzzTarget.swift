import Foundation

// libFuzzer entry point for the CSV reader (built by scripts/fuzz.sh with the CSV sources in the
// same module). Each input is written to a file and read row by row with a small record limit:
// every input must read or fail with a CSVError, never crash or hang.
// The file lives in memory (`/dev/shm` when there is one) and is written with plain `fwrite`, so
// the fuzzer's time goes into the reader rather than into waiting on the disk.
private let fuzzPath = (FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : FileManager.default.temporaryDirectory.path)
    + "/curate-csv-fuzz-\(getpid()).csv"

@_cdecl("LLVMFuzzerTestOneInput")
public func csvFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let file = fopen(fuzzPath, "wb") else { return 0 }
    let written = fwrite(data, 1, size, file)
    fclose(file)
    guard written == size else { return 0 }
    do {
        let reader = try CSVReader(path: fuzzPath, options: CSVReaderOptions(maxRecordBytes: 4096))
        var rows = 0
        while let row = try reader.next() {
            rows += 1
            precondition(row.line >= 1, "line numbers are 1-based")
            if rows > 100_000 { break }
        }
    } catch {}
    return 0
}
