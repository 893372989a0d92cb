/// A space group's operations in spglib's standard setting as integer rotations and
/// translations in 24ths, split into the centring translations and the rest.
struct GroupOperations: Sendable {
    /// One operation `x ↦ rotation·x + translation/24`.
    struct Operation: Sendable {
        /// Row-major integer rotation.
        let rotation: [Int]
        /// Translation in 24ths, each in 0..<24.
        let translation: [Int]
    }

    /// Every operation, in spglib's order (centring translations included).
    let operations: [Operation]
    /// The centring translations in 24ths, the zero vector first (one entry for a primitive cell).
    let centrings: [[Int]]

    /// The operations of space group `number` in the standard setting of `WyckoffTable`; `nil`
    /// outside 1…230 or when an operation is off the 1/24 grid.
    init?(spaceGroup number: Int) {
        guard let hall = WyckoffTable.standardHallNumber(spaceGroup: number) else { return nil }
        var operations: [Operation] = []
        for op in SpaceGroupDatabase.operations(hallNumber: hall) {
            guard let rotation = IntegerMatrix(op.rotation) else { return nil }
            var translation: [Int] = []
            for i in 0..<3 {
                let scaled = op.translation[i] * Double(SiteExpression.grid)
                let rounded = scaled.rounded()
                guard abs(scaled - rounded) < 1e-6, abs(rounded) < 1e6 else { return nil }
                translation.append(SiteExpression.wrap(Int(rounded)))
            }
            operations.append(Operation(rotation: rotation.entries, translation: translation))
        }
        guard !operations.isEmpty else { return nil }
        let identity = [1, 0, 0, 0, 1, 0, 0, 0, 1]
        var centrings: [[Int]] = [[0, 0, 0]]
        for op in operations where op.rotation == identity && op.translation != [0, 0, 0] && !centrings.contains(op.translation) {
            centrings.append(op.translation)
        }
        self.operations = operations
        self.centrings = centrings
    }

    /// The distinct sites of the orbit of `representative`, one per class modulo the lattice
    /// and the centring translations, in the order the operations first reach them.
    func orbit(of representative: SiteExpression) -> [SiteExpression] {
        var seen = Set<SiteExpression>()
        var sites: [SiteExpression] = []
        for op in operations {
            let image = representative.mapped(rotation: op.rotation, translation: op.translation)
            if seen.insert(canonical(image)).inserted { sites.append(image) }
        }
        return sites
    }

    /// `site` with its offset replaced by the smallest of its centring translates, so that two
    /// sites related by centring get the same key.
    func canonical(_ site: SiteExpression) -> SiteExpression {
        var best = site.offset
        for c in centrings.dropFirst() {
            let shifted = (0..<3).map { SiteExpression.wrap(site.offset[$0] + c[$0]) }
            if shifted.lexicographicallyPrecedes(best) { best = shifted }
        }
        return SiteExpression(linear: site.linear, offset: best)
    }
}
