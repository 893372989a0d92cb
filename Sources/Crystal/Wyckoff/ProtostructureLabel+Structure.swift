/// Labels computed from structures, as aviary's `get_protostructure_label_from_spglib` does.
extension ProtostructureLabel {
    /// The label of an ordered structure: spglib at `options` (the Materials Project's 0.1 Å and
    /// 5° by default); when the multiplicities then do not reproduce the composition, the
    /// refined standard cell is analysed again at `fallbackSymprec` (10⁻⁵ Å, spglib's own angle
    /// tolerance), and that label is returned or its error thrown.
    public init(structure: Structure, options: SymmetryOptions = .materialsProject,
                fallbackSymprec: Double? = 1e-5) throws(ProtostructureLabelError) {
        let dataset: SymmetryDataset
        do { dataset = try SymmetryAnalysis.analyse(structure, options: options) } catch { throw .symmetry(error) }
        try self.init(structure: structure, dataset: dataset, fallbackSymprec: fallbackSymprec)
    }

    /// The label of an ordered structure from its spglib `dataset` (as `SymmetryAnalysis.analyse`
    /// returned it), so a caller that already holds the dataset does not search again; the
    /// fallback for multiplicities that do not reproduce the composition is as above.
    public init(structure: Structure, dataset: SymmetryDataset,
                fallbackSymprec: Double? = 1e-5) throws(ProtostructureLabelError) {
        let representation = try WyckoffRepresentation(structure: structure, dataset: dataset)
        do {
            try self.init(representation)
        } catch {
            guard case .invalidMultiplicities = error, let fallbackSymprec,
                  let refined = Self.refinedStructure(structure, dataset: dataset) else { throw error }
            let tight = SymmetryOptions(symprec: fallbackSymprec, angleTolerance: nil, retrySymprecs: [])
            let second: SymmetryDataset
            do { second = try SymmetryAnalysis.analyse(refined, options: tight) } catch { throw .symmetry(error) }
            try self.init(WyckoffRepresentation(structure: refined, dataset: second))
        }
    }

    /// The dataset's standard cell as a structure. Its atom types are those `SymmetryAnalysis`
    /// assigned: distinct species numbered from 1 in order of first appearance.
    static func refinedStructure(_ structure: Structure, dataset: SymmetryDataset) -> Structure? {
        var speciesOfType: [Int: Species] = [:]
        var seen: [Species] = []
        for site in structure.sites {
            guard let species = site.species.first?.with(occupancy: 1) else { return nil }
            if !seen.contains(species) {
                seen.append(species)
                speciesOfType[seen.count] = species
            }
        }
        let cell = dataset.standardCell
        guard let lattice = try? Lattice(matrix: cell.lattice) else { return nil }
        var sites: [Site] = []
        for (position, type) in zip(cell.positions, cell.types) {
            guard let species = speciesOfType[type] else { return nil }
            sites.append(Site(species: [species], fractional: position))
        }
        return try? Structure(lattice: lattice, sites: sites)
    }
}
