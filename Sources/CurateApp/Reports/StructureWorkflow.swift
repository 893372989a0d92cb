import Crystal

/// `curate structure FILE...`: one report per structure of every file (folders searched recursively).
public enum StructureWorkflow {
    /// The reports and how many failed.
    public struct Result: Sendable, Equatable, Codable {
        public var reports: [StructureReport]
        public var failures: Int
    }

    /// Reports every structure in `paths`, symmetry at spglib tolerance `symprec` (Å); `reading`
    /// holds the file-size and atom-count limits checked before symmetry.
    public static func describe(_ paths: [String], symprec: Double = 0.1, reading: CIFReadOptions = CIFReadOptions()) -> Result {
        var options = SymmetryOptions.materialsProject
        options.symprec = symprec
        let reports = StructureReport.expand(paths).flatMap { StructureReport.reports(path: $0, options: options, reading: reading) }
        return Result(reports: reports, failures: reports.filter { $0.status != "ok" }.count)
    }
}
