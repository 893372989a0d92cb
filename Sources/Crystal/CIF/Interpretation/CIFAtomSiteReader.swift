import Chemistry

/// One row of the atom-site loop, resolved to a species.
struct CIFAtom {
    let label: String
    let species: Species
    let fractional: Vector3
    let line: Int
}

/// Reads the `_atom_site_*` rows of a block into atoms with species and occupancies.
enum CIFAtomSiteReader {
    static func read(_ block: CIFBlock, warnings: inout [CIFWarning]) throws(CIFError) -> [CIFAtom] {
        guard let xs = block.values("_atom_site_fract_x"),
              let ys = block.values("_atom_site_fract_y"),
              let zs = block.values("_atom_site_fract_z"),
              xs.count == ys.count, ys.count == zs.count, !xs.isEmpty
        else {
            throw CIFError(.noAtomSites, line: block.line, tag: "_atom_site_fract_x")
        }
        let count = xs.count
        func column(_ tag: String) -> [CIFValue]? {
            guard let values = block.values(tag), values.count == count else { return nil }
            return values
        }
        let labels = column("_atom_site_label")
        let types = column("_atom_site_type_symbol")
        let occupancies = column("_atom_site_occupancy")

        // A loop whose every coordinate is `?`/`.` is a placeholder: no sites.
        if (0..<count).allSatisfy({ xs[$0].isMissing && ys[$0].isMissing && zs[$0].isMissing }) {
            throw CIFError(.noAtomSites, line: xs.first?.line, tag: "_atom_site_fract_x")
        }

        var atoms: [CIFAtom] = []
        for row in 0..<count {
            let line = xs[row].line
            let labelValue = labels?[row]
            let label = labelValue.flatMap { $0.isMissing ? nil : $0.text } ?? "row \(row + 1)"
            var coordinates = Vector3.zero
            for (axis, values, tag) in [(0, xs, "_atom_site_fract_x"), (1, ys, "_atom_site_fract_y"), (2, zs, "_atom_site_fract_z")] {
                let value = values[row]
                guard !value.isMissing else { throw CIFError(.missingCoordinate(label: label), line: value.line, tag: tag) }
                guard let number = CIFNumber(value.text) else {
                    throw CIFError(.invalidNumber(value.text), line: value.line, tag: tag)
                }
                coordinates[axis] = number.value
            }
            var occupancy = 1.0
            if let value = occupancies?[row] {
                if value.isMissing {
                    warnings.append(CIFWarning(.missingOccupancy, line: value.line, tag: "_atom_site_occupancy", "site \(label): occupancy \(value.text) read as 1"))
                } else if let number = CIFNumber(value.text), number.value >= 0 {
                    occupancy = number.value
                } else {
                    throw CIFError(.invalidNumber(value.text), line: value.line, tag: "_atom_site_occupancy")
                }
            }
            guard let species = try resolveSpecies(type: types?[row], label: labelValue, line: line, warnings: &warnings) else {
                continue
            }
            if occupancy == 0 {
                warnings.append(CIFWarning(.zeroOccupancyDropped, line: line, tag: "_atom_site_occupancy", "site \(label) has occupancy 0 and was dropped"))
                continue
            }
            atoms.append(CIFAtom(label: label,
                                 species: Species(element: species.element, oxidationState: species.charge, occupancy: occupancy),
                                 fractional: coordinates, line: line))
        }
        guard !atoms.isEmpty else { throw CIFError(.noSitesLeft, line: xs.first?.line, tag: "_atom_site_fract_x") }
        return atoms
    }

    /// The element and charge of a row: from the type symbol, else from the label; `nil` for a
    /// dummy atom (dropped with a warning).
    private static func resolveSpecies(type: CIFValue?, label: CIFValue?, line: Int,
                                       warnings: inout [CIFWarning]) throws(CIFError) -> (element: Element, charge: Double?)? {
        var resolution = CIFSpeciesSymbol.Resolution.unknown
        var source = ""
        if let type, !type.isMissing {
            source = type.text
            resolution = CIFSpeciesSymbol.resolve(type.text, allowTrailingText: false)
            if resolution == .unknown {
                resolution = CIFSpeciesSymbol.resolve(type.text, allowTrailingText: true)
            }
        }
        if resolution == .unknown, let label, !label.isMissing {
            source = label.text
            resolution = CIFSpeciesSymbol.resolve(label.text, allowTrailingText: true)
            if case .element(let element, _, _) = resolution {
                warnings.append(CIFWarning(.speciesFromLabel, line: line, tag: "_atom_site_label", "species \(element.symbol) inferred from label \(label.text)"))
            }
        }
        switch resolution {
        case .element(let element, let charge, let isotope):
            if let isotope {
                warnings.append(CIFWarning(.isotopeAsHydrogen, line: line, tag: "_atom_site_type_symbol", "\(isotope) in \(source) read as H"))
            }
            return (element, charge)
        case .dummy:
            warnings.append(CIFWarning(.dummyAtomDropped, line: line, tag: "_atom_site_type_symbol", "dummy atom \(source) dropped"))
            return nil
        case .unknown:
            throw CIFError(.unknownSpecies(source.isEmpty ? "?" : source), line: line, tag: "_atom_site_type_symbol")
        }
    }
}
