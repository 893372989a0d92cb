import Crystal

/// The space group of a structure by spglib with the Materials Project tolerances (symprec
/// 0.1 Å, angle tolerance 5°; SCIENCE.md §5), as metadata fields.
enum SpaceGroupLookup {
    /// The structure's `nsites`, `volume` (Å³) and `ordered`, plus
    /// `space_group`, `space_group_symbol`, `space_group_source`, `space_group_symprec` and the
    /// canonical `protostructure` label (aviary format, when the structure has one), or
    /// `space_group_error` when spglib refuses the structure (e.g. a disordered site).
    static func metadata(for structure: Structure) -> [String: String] {
        var shape = [
            "nsites": DFTJSON.integer(structure.siteCount), "volume": DFTJSON.number(structure.volume),
            "ordered": structure.isOrdered ? "true" : "false",
        ]
        do {
            let dataset = try SymmetryAnalysis.analyse(structure, options: .materialsProject)
            var fields = [
                "space_group": DFTJSON.integer(dataset.spaceGroupNumber),
                "space_group_symbol": DFTJSON.string(dataset.internationalSymbol),
                "space_group_source": DFTJSON.string("spglib"),
                "space_group_symprec": DFTJSON.number(dataset.symprec),
            ]
            // The label reuses this search's dataset: one spglib call per structure, not two.
            if let label = try? ProtostructureLabel(structure: structure, dataset: dataset) {
                fields["protostructure"] = DFTJSON.string(label.description)
            }
            return fields.merging(shape) { own, _ in own }
        } catch {
            shape["space_group_error"] = DFTJSON.string(error.code)
            return shape
        }
    }

    /// The number of a document's `symmetry` object (`{"number": 194, "symbol": ...}`), as
    /// metadata, when it is a valid space-group number.
    static func metadata(documentSymmetry symmetry: [String: Any]?) -> [String: String]? {
        guard let symmetry, let number = JSONFields.number(symmetry["number"]), number == number.rounded(),
              (1...230).contains(Int(number)) else { return nil }
        var result = ["space_group": DFTJSON.integer(Int(number)), "space_group_source": DFTJSON.string("document")]
        if let symbol = JSONFields.string(symmetry["symbol"]) { result["space_group_symbol"] = DFTJSON.string(symbol) }
        if let symprec = JSONFields.number(symmetry["symprec"]) { result["space_group_symprec"] = DFTJSON.number(symprec) }
        return result
    }
}
