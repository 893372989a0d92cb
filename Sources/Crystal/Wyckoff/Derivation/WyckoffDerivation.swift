/// Derives the Wyckoff positions of the 230 space groups from spglib's symmetry operations,
/// using spglib only to name them.
///
/// For a space group in its standard setting (spglib's default Hall number):
/// 1. every fixed-point flat of a site-symmetry group is enumerated (`candidateFlats`);
/// 2. the flats are grouped into orbits under the group: one orbit per Wyckoff position;
/// 3. the multiplicity is the orbit size of a generic point of the flat in the conventional
///    cell, and the number of free parameters is the flat's dimension;
/// 4. the letter comes from `spg_get_dataset` on a cell made of that orbit and general orbits
///    of two other atom types; spglib may move the cell to an equivalent origin, so the letter is
///    attached to the image of the flat under spglib's transformation `x ↦ P·x + p`.
///
/// The results are committed as `WyckoffTableData` and checked against independent reference
/// tables by the tests.
public enum WyckoffDerivation {
    /// A derived Wyckoff position with the flat that represents it.
    struct DerivedPosition {
        let position: WyckoffPosition
        let flat: AffineFlat
        let orbitKey: FlatKey
    }

    /// spglib's standard setting for space group `number`: the Hall number spglib reports for
    /// a cell in general position built from the first setting of that number.
    public static func standardHallNumber(spaceGroup number: Int) -> Int? {
        guard let first = SpaceGroupDatabase.types.first(where: { $0.number == number }),
              let group = SpaceGroupOperations(hallNumber: first.hallNumber),
              let result = TestCell.probe(group, points: TestCell.generalPoints),
              result.probe.number == number
        else { return nil }
        return result.probe.hallNumber
    }

    /// The Wyckoff positions of space group `number` (1…230) in its standard setting, in letter
    /// order.
    public static func positions(spaceGroup number: Int) throws(WyckoffDerivationError) -> [WyckoffPosition] {
        try derive(spaceGroup: number).positions.map(\.position)
    }

    /// The full derivation: the group's operations and the positions with their flats.
    static func derive(spaceGroup number: Int) throws(WyckoffDerivationError)
        -> (group: SpaceGroupOperations, positions: [DerivedPosition]) {
        guard let hall = standardHallNumber(spaceGroup: number), let group = SpaceGroupOperations(hallNumber: hall) else {
            throw WyckoffDerivationError(spaceGroup: number, "no standard setting found")
        }
        var representatives: [FlatKey: AffineFlat] = [:]
        for flat in group.candidateFlats() {
            guard let key = group.orbitKey(of: flat) else {
                throw WyckoffDerivationError(spaceGroup: number, "flat through \(flat.point) has no lattice direction")
            }
            if representatives[key] == nil { representatives[key] = flat }
        }
        var letters: [FlatKey: String] = [:]
        for (_, flat) in representatives.sorted(by: { $0.key < $1.key }) {
            let (key, letter) = try name(flat, in: group)
            if let earlier = letters[key], earlier != letter {
                throw WyckoffDerivationError(spaceGroup: number, "one orbit named both \(earlier) and \(letter)")
            }
            letters[key] = letter
        }
        var positions: [DerivedPosition] = []
        for (key, flat) in representatives {
            guard let letter = letters[key] else {
                throw WyckoffDerivationError(spaceGroup: number, "spglib never named the orbit of \(flat.point)")
            }
            let position = WyckoffPosition(letter: letter, multiplicity: group.multiplicity(of: flat),
                                           freeParameters: flat.dimension)
            positions.append(DerivedPosition(position: position, flat: flat, orbitKey: key))
        }
        let rank = { (p: DerivedPosition) in WyckoffPosition.rank(of: p.position.letter) ?? 99 }
        positions.sort { rank($0) < rank($1) }
        guard Set(positions.map(\.position.letter)).count == positions.count else {
            throw WyckoffDerivationError(spaceGroup: number, "two orbits share a letter: \(positions.map(\.position.letter))")
        }
        return (group, positions)
    }

    /// spglib's letter for the orbit of `flat`, and the orbit (in the standard setting) it names.
    private static func name(_ flat: AffineFlat, in group: SpaceGroupOperations) throws(WyckoffDerivationError)
        -> (FlatKey, String) {
        let number = group.number
        guard let result = TestCell.probe(group, points: [flat.genericPoint] + TestCell.generalPoints) else {
            throw WyckoffDerivationError(spaceGroup: number, "spglib found nothing for the orbit of \(flat.point)")
        }
        let probe = result.probe
        guard probe.number == number, probe.hallNumber == group.hallNumber else {
            throw WyckoffDerivationError(spaceGroup: number,
                                         "spglib found \(probe.number) (Hall \(probe.hallNumber)) for the orbit of \(flat.point)")
        }
        let own = Set(probe.letters.prefix(result.counts[0]))
        guard own.count == 1, let letter = own.first else {
            throw WyckoffDerivationError(spaceGroup: number, "one orbit got letters \(own.sorted())")
        }
        let image = flat.mapped(rotation: probe.transformation, translation: probe.originShift)
        guard let key = group.orbitKey(of: image) else {
            throw WyckoffDerivationError(spaceGroup: number, "spglib's transformation left the lattice directions")
        }
        return (key, letter)
    }
}
