/// Everything `curate` reports about an ordered structure's symmetry — space group, Wyckoff
/// letters and protostructure label — derived from ONE spglib search (the label reuses the
/// dataset; only its rare fallback, when multiplicities do not reproduce the composition,
/// searches the refined cell again).
public struct StructureSymmetry: Sendable, Hashable {
    /// The space group and Wyckoff letters spglib found.
    public struct SpaceGroup: Sendable, Hashable {
        /// Space-group number (1…230).
        public let number: Int
        /// Short international symbol, e.g. `Fm-3m`.
        public let symbol: String
        /// Wyckoff letter of every input site, in input order.
        public let wyckoffLetters: [String]
    }

    /// The space group, or why spglib found none.
    public let spaceGroup: Result<SpaceGroup, SymmetryError>
    /// The protostructure label, or why it could not be made (`.symmetry` when the space group
    /// failed), exactly as `ProtostructureLabel(structure:options:)` returns or throws it.
    public let label: Result<ProtostructureLabel, ProtostructureLabelError>

    /// Analyses an ordered structure with one spglib search at `options`.
    public init(structure: Structure, options: SymmetryOptions = .materialsProject) {
        let dataset: SymmetryDataset
        do {
            dataset = try SymmetryAnalysis.analyse(structure, options: options)
        } catch {
            spaceGroup = .failure(error)
            label = .failure(.symmetry(error))
            return
        }
        spaceGroup = .success(SpaceGroup(number: dataset.spaceGroupNumber, symbol: dataset.internationalSymbol,
                                         wyckoffLetters: dataset.wyckoffLetters))
        do {
            label = .success(try ProtostructureLabel(structure: structure, dataset: dataset))
        } catch {
            label = .failure(error)
        }
    }
}
