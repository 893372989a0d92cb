import Foundation

// libFuzzer entry point for the CSV reader (built by scripts/fuzz.sh with the CSV sources in the
// same module). Each input is written to a file and read row by row with a small record limit:
// every input must read or fail with a CSVError, never crash or hang.
private let fuzzPath = FileManager.default.temporaryDirectory.appendingPathComponent("curate-csv-fuzz-\(getpid()).csv").path

@_cdecl("LLVMFuzzerTestOneInput")
public func csvFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard FileManager.default.createFile(atPath: fuzzPath, contents: Data(bytes: data, count: size)) else { return 0 }
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
