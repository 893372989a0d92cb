import CSpglib
import Chemistry

/// Space-group analysis of ordered structures with spglib.
///
/// Checks the input first (ordered sites, no coincident sites), then calls spglib at
/// `options.symprec`; when spglib finds nothing it retries at each tighter `retrySymprecs` value
/// and records the tolerances tried in the result.
public enum SymmetryAnalysis {
    /// Analyses an ordered structure. Atom types are the distinct species (element and oxidation
    /// state), numbered in order of first appearance.
    public static func analyse(_ structure: Structure,
                               options: SymmetryOptions = .materialsProject) throws(SymmetryError) -> SymmetryDataset {
        var typeOf: [Species: Int] = [:]
        var types: [Int] = []
        types.reserveCapacity(structure.siteCount)
        for (index, site) in structure.sites.enumerated() {
            guard site.isOrdered, let species = site.species.first else {
                let text = site.species.map { "\($0.symbol):\($0.occupancy)" }.joined(separator: " ")
                throw .disorderedSite(index: index, label: site.label, species: text)
            }
            let key = species.with(occupancy: 1)
            if typeOf[key] == nil { typeOf[key] = typeOf.count + 1 }
            types.append(typeOf[key] ?? 0)
        }
        return try analyse(lattice: structure.lattice, positions: structure.sites.map(\.fractional),
                           types: types, options: options)
    }

    /// Shortest cell edge accepted, in Å.
    public static let minimumEdgeLength = 0.5
    /// Longest cell edge accepted, in Å (spglib takes seconds on absurd cells such as 1e62 Å,
    /// found by fuzzing).
    public static let maximumEdgeLength = 1.0e4
    /// Smallest volume per atom accepted, in Å³.
    public static let minimumVolumePerAtom = 0.5

    /// Analyses a cell given as a lattice, fractional positions and integer atom types (only
    /// their distinctness matters, so unknown species can be numbered).
    public static func analyse(lattice: Lattice, positions: [Vector3], types: [Int],
                               options: SymmetryOptions = .materialsProject) throws(SymmetryError) -> SymmetryDataset {
        guard !positions.isEmpty, positions.count == types.count else {
            throw .invalidCell("\(positions.count) positions and \(types.count) types")
        }
        guard positions.allSatisfy({ $0.x.isFinite && $0.y.isFinite && $0.z.isFinite }) else {
            throw .invalidCell("non-finite coordinate")
        }
        // spglib crashes on nearly collapsed cells (found by fuzzing: b = 7e-8 Å); no real
        // crystal has an edge below 0.5 Å, above 10⁴ Å, or less than 0.5 Å³ per atom.
        let parameters = lattice.parameters
        let shortest = min(parameters.a, parameters.b, parameters.c)
        guard shortest >= Self.minimumEdgeLength else {
            throw .invalidCell("a cell edge of \(shortest) Å is shorter than \(Self.minimumEdgeLength) Å")
        }
        let longest = max(parameters.a, parameters.b, parameters.c)
        guard longest <= Self.maximumEdgeLength else {
            throw .invalidCell("a cell edge of \(longest) Å is longer than \(Self.maximumEdgeLength) Å")
        }
        let volumePerAtom = lattice.volume / Double(positions.count)
        guard volumePerAtom >= Self.minimumVolumePerAtom else {
            throw .invalidCell("\(volumePerAtom) Å³ per atom is below \(Self.minimumVolumePerAtom) Å³")
        }
        let schedule = options.symprecSchedule
        guard schedule.allSatisfy({ $0.isFinite && $0 > 0 }) else { throw .invalidTolerance("symprec \(options.symprec)") }
        if let angle = options.angleTolerance, !(angle.isFinite && angle > 0) {
            throw .invalidTolerance("angle tolerance \(angle)")
        }
        if let pair = CoincidentSites.first(lattice: lattice, positions: positions, within: options.coincidenceDistance) {
            throw .coincidentSites(first: pair.first, second: pair.second, distance: pair.distance)
        }
        var tried: [Double] = []
        var message = "no attempt"
        for symprec in schedule {
            tried.append(symprec)
            switch call(lattice: lattice, positions: positions, types: types, symprec: symprec,
                        angleTolerance: options.angleTolerance ?? -1) {
            case .success(let raw):
                return raw.dataset(options: options, symprec: symprec, tried: tried)
            case .failure(let failure):
                message = failure.message
            }
        }
        throw .searchFailed(symprecs: tried, message: message)
    }

    /// One spglib call; the dataset is copied out and freed before returning.
    private static func call(lattice: Lattice, positions: [Vector3], types: [Int], symprec: Double,
                             angleTolerance: Double) -> Result<RawDataset, SpglibFailure> {
        // spglib's headers declare the inputs non-const (`SPGCONST` is empty); it does not write them.
        var columns = Spglib.columns(lattice.matrix)
        var cPositions = positions.map { ($0.x, $0.y, $0.z) }
        var cTypes = types.map { Int32(truncatingIfNeeded: $0) }
        let atomCount = Int32(cTypes.count)
        func search() -> UnsafeMutablePointer<SpglibDataset>? {
            columns.withUnsafeMutableBufferPointer { l in
                cPositions.withUnsafeMutableBufferPointer { p in
                    cTypes.withUnsafeMutableBufferPointer { t in
                        spgat_get_dataset(l.baseAddress, p.baseAddress, t.baseAddress, atomCount, symprec, angleTolerance)
                    }
                }
            }
        }
        // Searches run in parallel; one that fails is repeated alone (spglib is deterministic)
        // so the global error code read afterwards is its own.
        let found: UnsafeMutablePointer<SpglibDataset>? = Spglib.concurrent { search() }
        let pointer: UnsafeMutablePointer<SpglibDataset>
        if let found {
            pointer = found
        } else {
            let retried: Result<UnsafeMutablePointer<SpglibDataset>, SpglibFailure> = Spglib.locked {
                guard let again = search() else { return .failure(SpglibFailure(Spglib.lastErrorMessage())) }
                return .success(again)
            }
            switch retried {
            case .success(let again): pointer = again
            case .failure(let failure): return .failure(failure)
            }
        }
        defer { spg_free_dataset(pointer) }
        guard let raw = RawDataset(pointer.pointee, atomCount: positions.count) else {
            return .failure(SpglibFailure("incomplete dataset (space group \(pointer.pointee.spacegroup_number))"))
        }
        return .success(raw)
    }
}

/// spglib's message when a call returned nothing.
struct SpglibFailure: Error {
    let message: String
    init(_ message: String) { self.message = message }
}

