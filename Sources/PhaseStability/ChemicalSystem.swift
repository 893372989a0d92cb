import Chemistry

/// A chemical system: a sorted set of atomic numbers (e.g. Li-Fe-O = [3, 8, 26]).
public struct ChemicalSystem: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Atomic numbers, ascending.
    public let atomicNumbers: [Int]

    /// The system of a composition's elements.
    public init(_ composition: Composition) {
        atomicNumbers = composition.entries.map { Int($0.z) }
    }

    /// A system from atomic numbers in any order (duplicates removed).
    public init(atomicNumbers: [Int]) {
        self.atomicNumbers = Array(Set(atomicNumbers)).sorted()
    }

    /// Every non-empty subsystem, including this one.
    public var subsystems: [ChemicalSystem] {
        let n = atomicNumbers.count
        guard n > 0, n < 30 else { return [self] }
        return (1..<(1 << n)).map { mask in
            ChemicalSystem(sortedNumbers: atomicNumbers.indices.filter { mask & (1 << $0) != 0 }.map { atomicNumbers[$0] })
        }
    }

    private init(sortedNumbers: [Int]) { atomicNumbers = sortedNumbers }

    /// Element symbols joined by `-`, e.g. `Li-O-Fe` in atomic-number order.
    public var description: String {
        atomicNumbers.compactMap { PeriodicTable.element(z: $0)?.symbol }.joined(separator: "-")
    }

    public static func < (lhs: ChemicalSystem, rhs: ChemicalSystem) -> Bool {
        lhs.atomicNumbers.lexicographicallyPrecedes(rhs.atomicNumbers)
    }
}
