import Crystal
import CurateIO

/// `curate structure FILE...`: one report per structure of every file (folders searched recursively).
public enum StructureWorkflow {
    /// The reports and how many failed.
    public struct Result: Sendable, Equatable, Codable {
        public var reports: [StructureReport]
        public var failures: Int
        /// Structures whose symmetry came from the run's cache (an equal cell seen before).
        public var symmetryCacheHits: Int = 0
    }

    /// Reports every structure in `paths`, symmetry at spglib tolerance `symprec` (Å); `reading`
    /// holds the file-size and atom-count limits checked before symmetry. Files are
    /// read and analysed on `jobs` threads (default: every active core); the reports come back in
    /// file order, identical to a serial run. `progress` gets (files done, files in all) as each
    /// file's reports arrive, in order, on one thread at a time.
    public static func describe(_ paths: [String], symprec: Double = 0.1,
                                reading: CIFReadOptions = CIFReadOptions(), jobs: Int = OrderedParallelMap.activeCores,
                                progress: ((Int, Int) -> Void)? = nil) -> Result {
        var tolerances = SymmetryOptions.materialsProject
        tolerances.symprec = symprec
        let options = tolerances
        let files = StructureReport.expand(paths)
        let cache = SymmetryCache()
        var reports: [StructureReport] = []
        OrderedParallelMap.run(count: files.count, jobs: jobs) { index in
            StructureReport.reports(path: files[index], options: options, reading: reading, cache: cache)
        } consume: { index, fileReports in
            reports += fileReports
            progress?(index + 1, files.count)
        }
        return Result(reports: reports, failures: reports.filter { $0.status != "ok" }.count,
                      symmetryCacheHits: cache.hits)
    }
}
