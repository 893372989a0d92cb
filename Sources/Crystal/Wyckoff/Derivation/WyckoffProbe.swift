import CSpglib

/// One spglib call on a test cell built by the Wyckoff derivation: which space group and
/// setting spglib finds, the Wyckoff letter of every atom, and the transformation
/// `x_std = P·x + p` to its standardised setting.
struct WyckoffProbe {
    /// Space-group number found.
    let number: Int
    /// Hall number of the standard setting spglib uses.
    let hallNumber: Int
    /// Wyckoff letter of every input atom, in the standard setting.
    let letters: [String]
    /// `P` of `x_std = P·x + p` (rows).
    let transformation: Matrix3
    /// `p` of `x_std = P·x + p`.
    let originShift: Vector3

    /// Runs `spg_get_dataset` at a tight tolerance (the cells are exact); `nil` when spglib
    /// finds nothing.
    init?(lattice: Lattice, positions: [Vector3], types: [Int], symprec: Double = 1e-5) {
        var columns = Spglib.columns(lattice.matrix)
        var cPositions = positions.map { ($0.x, $0.y, $0.z) }
        var cTypes = types.map { Int32(truncatingIfNeeded: $0) }
        let count = Int32(cTypes.count)
        let result: WyckoffProbe? = Spglib.locked {
            let pointer = columns.withUnsafeMutableBufferPointer { l in
                cPositions.withUnsafeMutableBufferPointer { p in
                    cTypes.withUnsafeMutableBufferPointer { t in
                        spg_get_dataset(l.baseAddress, p.baseAddress, t.baseAddress, count, symprec)
                    }
                }
            }
            guard let pointer else { return nil }
            defer { spg_free_dataset(pointer) }
            let d = pointer.pointee
            guard d.spacegroup_number > 0, Int(d.n_atoms) == positions.count, let wyckoffs = d.wyckoffs else { return nil }
            let m = d.transformation_matrix
            return WyckoffProbe(
                number: Int(d.spacegroup_number), hallNumber: Int(d.hall_number),
                letters: (0..<positions.count).map { RawDataset.letter(Int(wyckoffs[$0])) },
                transformation: Matrix3(Vector3(m.0.0, m.0.1, m.0.2), Vector3(m.1.0, m.1.1, m.1.2),
                                        Vector3(m.2.0, m.2.1, m.2.2)),
                originShift: Vector3(d.origin_shift.0, d.origin_shift.1, d.origin_shift.2))
        }
        guard let result else { return nil }
        self = result
    }

    private init(number: Int, hallNumber: Int, letters: [String], transformation: Matrix3, originShift: Vector3) {
        self.number = number
        self.hallNumber = hallNumber
        self.letters = letters
        self.transformation = transformation
        self.originShift = originShift
    }
}
