/// Derives a representative site expression for every Wyckoff position from the project's own
/// Wyckoff derivation (`WyckoffDerivation`: the fixed-point flat of each position).
///
/// A flat becomes an expression in the form every representative of the International Tables
/// has (all 1,731 of spglib's `Wyckoff.csv` do): each parameter is named after the first
/// coordinate it appears in, with coefficient +1 there and a constant 0 there
/// (`(x,2x,0)`, `(1/8,y,-y+1/4)`, `(x,x,z)`, `(0,y,z)`). A line's parameter is its direction's first
/// non-zero coordinate; a plane is solved for the last coordinate its normal involves. A flat
/// whose solution would need fractional coefficients has no such form.
///
/// Among the members of the position's orbit that have the form, the representative has the
/// smallest sum of absolute coefficients, then the fewest negative ones, then the largest
/// coefficients in row order, then the smallest constants. This picks the Tables' linear part
/// for 1,663 of the 1,731 positions; the rest are conventions of the Tables (hexagonal groups
/// write `(x,2x,z)` where trigonal ones write `(x,-x,z)`, some tetragonal ones `(0,y,z)` for
/// `(x,0,z)`); `TablesConventions` lists the Tables' choice there, checked to be a member.
public enum WyckoffSiteDerivation {
    /// The representative expressions of space group `number`'s positions, in letter order.
    public static func representatives(spaceGroup number: Int) throws(WyckoffDerivationError) -> [SiteExpression] {
        let (_, positions) = try WyckoffDerivation.derive(spaceGroup: number)
        guard let group = GroupOperations(spaceGroup: number) else {
            throw WyckoffDerivationError(spaceGroup: number, "operations off the 1/24 grid")
        }
        var result: [SiteExpression] = []
        for position in positions {
            var best: SiteExpression?
            var members = Set<SiteExpression>()
            for op in group.operations {
                let image = position.flat.mapped(rotation: IntegerMatrix(entries: op.rotation).real,
                                                 translation: Vector3(Double(op.translation[0]), Double(op.translation[1]),
                                                                      Double(op.translation[2])) / Double(SiteExpression.grid))
                guard let candidate = expression(of: image) else { continue }
                members.insert(group.canonical(candidate))
                if best.map({ precedes(candidate, $0) }) ?? true { best = candidate }
            }
            guard let best else {
                throw WyckoffDerivationError(spaceGroup: number,
                                             "position \(position.position.letter): no member has an integral parametrisation")
            }
            let letter = position.position.letter
            if let convention = TablesConventions.representative(spaceGroup: number, letter: letter) {
                guard members.contains(group.canonical(convention)) else {
                    throw WyckoffDerivationError(spaceGroup: number, "convention \(convention) is not a member of \(letter)'s orbit")
                }
                result.append(convention)
            } else {
                result.append(best)
            }
        }
        return result
    }

    /// The canonical expression of a flat, or `nil` when its directions are not integral or its
    /// constants are off the 1/24 grid.
    static func expression(of flat: AffineFlat) -> SiteExpression? {
        var linear = [Int](repeating: 0, count: 9)
        var point = flat.point
        switch flat.dimension {
        case 3:
            return SiteExpression(linear: [1, 0, 0, 0, 1, 0, 0, 0, 1], offset: [0, 0, 0])
        case 2:
            guard let n = flat.planeNormal, let j = [2, 1, 0].first(where: { n[$0] != 0 }), abs(n[j]) == 1 else { return nil }
            let c = dot(n.real, flat.point)
            point = .zero
            point[j] = c / Double(n[j])
            for k in 0..<3 where k != j {
                linear[3 * k + k] = 1
                linear[3 * j + k] = -n[k] * n[j]
            }
        case 1:
            guard let d = flat.lineDirection, let i = [0, 1, 2].first(where: { d[$0] != 0 }), abs(d[i]) == 1 else { return nil }
            let sign = d[i]
            point = flat.point - (flat.point[i] / Double(sign)) * d.real
            for k in 0..<3 { linear[3 * k + i] = d[k] * sign }
        default:
            break
        }
        var offset: [Int] = []
        for k in 0..<3 {
            let scaled = point[k] * Double(SiteExpression.grid)
            let rounded = scaled.rounded()
            guard abs(scaled - rounded) < 1e-6, abs(rounded) < 1e6 else { return nil }
            offset.append(Int(rounded))
        }
        return SiteExpression(linear: linear, offset: offset)
    }

    /// The representative order: smaller absolute coefficient sum, fewer negative coefficients,
    /// larger coefficients in row order, smaller constants.
    static func precedes(_ a: SiteExpression, _ b: SiteExpression) -> Bool {
        let sumA = a.linear.reduce(0) { $0 + abs($1) }, sumB = b.linear.reduce(0) { $0 + abs($1) }
        if sumA != sumB { return sumA < sumB }
        let negativesA = a.linear.filter { $0 < 0 }.count, negativesB = b.linear.filter { $0 < 0 }.count
        if negativesA != negativesB { return negativesA < negativesB }
        if a.linear != b.linear { return b.linear.lexicographicallyPrecedes(a.linear) }
        return a.offset.lexicographicallyPrecedes(b.offset)
    }
}
