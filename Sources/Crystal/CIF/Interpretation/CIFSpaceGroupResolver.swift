/// Finds the spglib setting named by a block's space-group symbols (Hall first, then H-M).
enum CIFSpaceGroupResolver {
    /// The resolved setting and the symbol that named it.
    struct Resolved {
        let symbol: String
        let type: SpaceGroupType
    }

    /// The setting for the block's Hall symbol, else its Hermann–Mauguin symbol; `nil` when
    /// neither resolves. A rhombohedral group without a setting suffix takes the `R` setting when
    /// the cell has rhombohedral axes (a = b = c, α = β = γ ≠ 90°).
    static func resolve(_ metadata: CIFMetadata, cell: LatticeParameters) -> Resolved? {
        if let hall = metadata.spaceGroupHall, let number = SpaceGroupDatabase.hallNumber(hallSymbol: hall),
           let type = SpaceGroupDatabase.type(hallNumber: number) {
            return Resolved(symbol: hall, type: type)
        }
        if let hm = metadata.spaceGroupHM,
           let number = SpaceGroupDatabase.hallNumber(hermannMauguin: hm, rhombohedralAxes: hasRhombohedralAxes(cell)),
           let type = SpaceGroupDatabase.type(hallNumber: number) {
            return Resolved(symbol: hm, type: type)
        }
        return nil
    }

    private static func hasRhombohedralAxes(_ p: LatticeParameters) -> Bool {
        let lengths = [p.a, p.b, p.c]
        let angles = [p.alpha, p.beta, p.gamma]
        guard let maxLength = lengths.max(), let minLength = lengths.min(),
              let maxAngle = angles.max(), let minAngle = angles.min() else { return false }
        return maxLength - minLength <= 1e-3 * maxLength && maxAngle - minAngle <= 0.01 && abs(p.alpha - 90) > 0.01
    }
}
