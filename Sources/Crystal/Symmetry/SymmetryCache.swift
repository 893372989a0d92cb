import Foundation

/// Symmetry results of one run, keyed by a structure hash, so a cell that recurs (in several
/// files or CIF blocks) is searched once. Safe to share between threads.
///
/// The key is the tolerances, every site's species in order, and the lattice vectors and
/// fractional coordinates rounded to `symprec / 1000` Å (coordinates scaled by the longest cell
/// edge): two cells that agree to a thousandth of the tolerance share one result. A cell with a
/// non-finite or huge number gets no key and is simply analysed.
public final class SymmetryCache: @unchecked Sendable {
    /// Structures looked up and found.
    public var hits: Int { lock.withLock { hitCount } }
    /// Structures looked up and not found (and so analysed).
    public var misses: Int { lock.withLock { missCount } }

    private let lock = NSLock()
    private var results: [Key: StructureSymmetry] = [:]
    private var hitCount = 0
    private var missCount = 0
    private let capacity: Int

    /// An empty cache holding at most `capacity` results (later ones are analysed, not kept).
    public init(capacity: Int = 200_000) {
        self.capacity = capacity
    }

    /// The symmetry of `structure` at `options`: from the cache when an equal cell was analysed
    /// before, else analysed now (one spglib search) and remembered.
    public func symmetry(of structure: Structure, options: SymmetryOptions) -> StructureSymmetry {
        guard let key = Key(structure, options: options) else {
            lock.withLock { missCount += 1 }
            return StructureSymmetry(structure: structure, options: options)
        }
        if let found = lock.withLock({ results[key] }) {
            lock.withLock { hitCount += 1 }
            return found
        }
        let computed = StructureSymmetry(structure: structure, options: options)
        lock.withLock {
            missCount += 1
            if results.count < capacity { results[key] = computed }
        }
        return computed
    }

    /// The structure hash: tolerances, species in site order, rounded lattice and coordinates.
    struct Key: Hashable {
        let options: SymmetryOptions
        let species: [[Species]]
        let lattice: [Int64]
        let coordinates: [Int64]

        init?(_ structure: Structure, options: SymmetryOptions) {
            let quantum = options.symprec / 1000
            guard quantum.isFinite, quantum > 0 else { return nil }
            let rows = structure.lattice.matrix
            var lattice: [Int64] = []
            lattice.reserveCapacity(9)
            for row in [rows.r0, rows.r1, rows.r2] {
                for value in [row.x, row.y, row.z] {
                    guard let rounded = Self.round(value / quantum) else { return nil }
                    lattice.append(rounded)
                }
            }
            let parameters = structure.lattice.parameters
            let fractionalQuantum = quantum / max(parameters.a, parameters.b, parameters.c)
            var coordinates: [Int64] = []
            coordinates.reserveCapacity(structure.siteCount * 3)
            for site in structure.sites {
                for value in [site.fractional.x, site.fractional.y, site.fractional.z] {
                    guard let rounded = Self.round(value / fractionalQuantum) else { return nil }
                    coordinates.append(rounded)
                }
            }
            self.options = options
            self.species = structure.sites.map(\.species)
            self.lattice = lattice
            self.coordinates = coordinates
        }

        private static func round(_ value: Double) -> Int64? {
            guard value.isFinite, abs(value) < 1e15 else { return nil }
            return Int64(exactly: value.rounded())
        }
    }
}
