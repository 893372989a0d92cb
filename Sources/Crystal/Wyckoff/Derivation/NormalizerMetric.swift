/// The linear parts allowed in the normalisers used for Wyckoff relabelling: the integer
/// matrices with entries in {−1, 0, 1} that keep a metric of the crystal family.
///
/// Triclinic and monoclinic cells use a generic metric of their system (so only ±1 and the
/// monoclinic 2/m survive); orthorhombic and cubic cells a cubic metric, so that the axes may
/// be permuted (the convention of the tables Wren-style labels are compared with); tetragonal
/// cells a tetragonal and trigonal/hexagonal cells a hexagonal metric.
///
/// C2/c (15) also takes the cell change x' = x + z, an affine (not Euclidean) normaliser
/// element: it relates the C-centred cells that different standardisations pick (AFLOW writes
/// CuO as `AB_mC8_15_c_e`, spglib puts Cu on 4a), and aviary's relabelling table includes it.
/// Taking the whole affine normaliser of the monoclinic groups would instead merge letters that
/// aviary keeps apart (in 3, 10, 11, 12, 13 and 14), so it is taken for C2/c only.
enum NormalizerMetric {
    /// Linear parts tried for space group `number` beyond the metric-preserving ones.
    static func additionalMatrices(spaceGroup number: Int) -> [IntegerMatrix] {
        number == 15 ? [IntegerMatrix(entries: [1, 0, 1, 0, 1, 0, 0, 0, 1])] : []
    }

    /// The metric tensor (in the conventional basis) of `system`.
    static func metric(for system: CrystalSystem) -> Matrix3 {
        switch system {
        case .triclinic:
            Matrix3(Vector3(26.0, 3.1, 1.7), Vector3(3.1, 38.4, 2.9), Vector3(1.7, 2.9, 53.3))
        case .monoclinic:
            Matrix3(Vector3(26.0, 0, -4.2), Vector3(0, 38.4, 0), Vector3(-4.2, 0, 53.3))
        case .orthorhombic, .cubic:
            .identity
        case .tetragonal:
            Matrix3(Vector3(1, 0, 0), Vector3(0, 1, 0), Vector3(0, 0, 2.7))
        case .trigonal, .hexagonal:
            Matrix3(Vector3(1, -0.5, 0), Vector3(-0.5, 1, 0), Vector3(0, 0, 2.7))
        }
    }

    /// The matrices `M` with `Mᵀ·G·M = G` for the metric `G` of `system`.
    static func candidateMatrices(for system: CrystalSystem) -> [IntegerMatrix] {
        let g = metric(for: system)
        var result: [IntegerMatrix] = []
        for code in 0..<19_683 {
            var digits: [Int] = []
            var rest = code
            for _ in 0..<9 {
                digits.append(rest % 3 - 1)
                rest /= 3
            }
            let m = IntegerMatrix(entries: digits)
            let real = m.real
            guard abs(abs(real.determinant) - 1) < 1e-9 else { continue }
            let kept = real.transposed * g * real
            let difference = [kept.r0 - g.r0, kept.r1 - g.r1, kept.r2 - g.r2]
            if difference.allSatisfy({ abs($0.x) < 1e-9 && abs($0.y) < 1e-9 && abs($0.z) < 1e-9 }) { result.append(m) }
        }
        return result
    }
}
