/// `curate ingest mp FILE`: Materials Project data, read as JSON (pymatgen entries, Materials
/// Project documents; ``MaterialsProjectJSONIngester``) or as a composition–property table
/// (``PropertyTableIngester``), chosen by the file's content.
public struct MaterialsProjectIngester: SourceIngester {
    public let kind = "mp"
    public let summary = """
        Materials Project: task_id|material_id,composition,<property> tables (e.g. formation_energy_per_atom, band_gap), \
        or JSON: pymatgen ComputedEntry/ComputedStructureEntry dumps, {element: entry} reference files, \
        Materials Project documents; plain or .gz, chosen by content
        """

    /// Creates the ingester.
    public init() {}

    /// A JSON plan when the file holds JSON, else a table plan.
    public func plan(path: String, parameters: SourceParameters, options: IngestOptions) throws(IngestError) -> IngestPlan {
        if try DFTFileKind.detect(path: path) == .json {
            return try MaterialsProjectJSONIngester.plan(path: path, limits: options.decompression)
        }
        return try PropertyTableIngester.plan(path: path, spec: PropertyTableSpec(kind: kind, parameters), options: options)
    }
}
