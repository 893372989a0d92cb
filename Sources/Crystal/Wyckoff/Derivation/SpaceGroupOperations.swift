/// The operations of one space-group setting (conventional cell, centring translations
/// included), with the orbit computations the Wyckoff derivation needs.
struct SpaceGroupOperations: Sendable {
    /// The Hall number (1…530) the operations come from.
    let hallNumber: Int
    /// The space-group number (1…230).
    let number: Int
    /// Operations as `x ↦ rotation·x + translation`, from spglib's database.
    let operations: [SymmetryOperation]

    /// The setting `hallNumber` from spglib's database; `nil` outside 1…530.
    init?(hallNumber: Int) {
        guard let type = SpaceGroupDatabase.type(hallNumber: hallNumber) else { return nil }
        let operations = SpaceGroupDatabase.operations(hallNumber: hallNumber)
        guard !operations.isEmpty else { return nil }
        self.hallNumber = hallNumber
        self.number = type.number
        self.operations = operations
    }

    /// The distinct images of `point` modulo lattice translations, each reduced into [0, 1)³.
    func orbit(of point: Vector3) -> [Vector3] {
        var seen = Set<[Int]>()
        var images: [Vector3] = []
        for op in operations {
            let image = op.rotation * point + op.translation
            let key = [FlatKey.gridModOne(image.x), FlatKey.gridModOne(image.y), FlatKey.gridModOne(image.z)]
            if seen.insert(key).inserted { images.append(Self.reduced(image)) }
        }
        return images
    }

    /// The number of sites in the conventional cell of the orbit of a generic point of `flat`:
    /// the multiplicity of its Wyckoff position.
    func multiplicity(of flat: AffineFlat) -> Int { orbit(of: flat.genericPoint).count }

    /// The smallest key among the images of `flat`: it names the flat's orbit under the group.
    func orbitKey(of flat: AffineFlat) -> FlatKey? {
        var best: FlatKey?
        for op in operations {
            guard let key = FlatKey(flat.mapped(rotation: op.rotation, translation: op.translation)) else { return nil }
            if best.map({ key < $0 }) ?? true { best = key }
        }
        return best
    }

    /// `v` shifted into [0, 1)³ (a component within 10⁻⁹ below 1 becomes a tiny negative one).
    static func reduced(_ v: Vector3) -> Vector3 {
        var r = v - v.rounded(.down)
        for i in 0..<3 where r[i] > 1 - 1e-9 { r[i] -= 1 }
        return r
    }
}
