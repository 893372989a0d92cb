import Chemistry
import Crystal

extension Protostructure {
    /// Reads an aviary protostructure label such as `AB2_oP6_58_a_g:Mg-O` (prototype formula,
    /// Pearson symbol, space group, Wyckoff letters per element, chemical system). Elements pair
    /// with the Wyckoff parts in order; `2ab` means two orbits on `a` and one on `b`. The
    /// multiplicities must reproduce the prototype formula.
    public init(label text: String) throws(ModelsError) {
        let label: ProtostructureLabel
        do { label = try ProtostructureLabel(parsing: text) } catch {
            throw .invalidOptions("not a protostructure label: \"\(text)\"")
        }
        let symbols = label.chemicalSystem.split(separator: "-").map(String.init)
        guard let parts = WyckoffCanonicalisation.parse(label.wyckoffs), !symbols.isEmpty, parts.count == symbols.count else {
            throw .invalidOptions("label \"\(text)\": \(symbols.count) elements but Wyckoff part \"\(label.wyckoffs)\"")
        }
        var sites: [Site] = []
        var amounts: [String: Int] = [:]
        for (symbol, counts) in zip(symbols, parts) {
            guard let element = PeriodicTable.element(symbol: symbol) else {
                throw .invalidOptions("label \"\(text)\": \"\(symbol)\" is not an element")
            }
            for (letter, count) in counts {
                guard let position = WyckoffTable.position(spaceGroup: label.spaceGroupNumber, letter: letter) else {
                    throw .invalidOptions("label \"\(text)\": space group \(label.spaceGroupNumber) has no Wyckoff position \(letter)")
                }
                for _ in 0..<count { sites.append(Site(z: element.z, letter: letter)) }
                amounts[symbol, default: 0] += count * position.multiplicity
            }
        }
        let implied = PrototypeFormula.make(amounts: amounts)
        guard implied == label.prototypeFormula else {
            throw .invalidOptions("label \"\(text)\": the multiplicities give \(implied), not \(label.prototypeFormula)")
        }
        try self.init(spaceGroup: label.spaceGroupNumber, sites: sites)
    }
}
