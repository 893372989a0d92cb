/// `curate bench`: formula parsing, SuperCon ingest and CIF reading throughput.
public enum BenchWorkflow {
    /// The measurements, and per CIF workload how many files failed (only counts above zero).
    public struct Result: Sendable, Codable {
        public var measurements: [Benchmarks.Measurement]
        public var cifFailures: [String: Int]
        /// CIF files read (0 without the CIF workloads).
        public var cifFiles: Int
    }

    /// Times the workloads on the Stanev-style CSV `data` and the CIF files in `cifDirectory`
    /// (skipped when nil), best of `repetitions`.
    public static func run(data: String, cifDirectory: String?, repetitions: Int = 5) throws -> Result {
        let formulas = try step(data) { try Benchmarks.formulas(fromCSV: data) }
        var results = Benchmarks.formulaParsing(formulas, repetitions: repetitions)
        results.append(try step(data) { try Benchmarks.superConIngest(path: data, repetitions: min(repetitions, 3)) })
        guard let cifDirectory else { return Result(measurements: results, cifFailures: [:], cifFiles: 0) }
        let files = try step(cifDirectory) { try Benchmarks.cifFiles(in: cifDirectory) }
        let cif = Benchmarks.cifParsing(files, repetitions: min(repetitions, 3))
        return Result(measurements: results + cif.measurements, cifFailures: cif.failures.filter { $0.value > 0 }, cifFiles: files.count)
    }
}
