import Chemistry
import Crystal

/// The sites of an OPTIMADE structure: `species_at_sites` resolved through `species` (names →
/// chemical symbols with concentrations; `vacancy` skipped), with `cartesian_site_positions`
/// and `lattice_vectors` when given. Without a `species` list the names are element symbols (as
/// in responses that omit it).
struct OptimadeSites {
    /// Per site: (element, concentration) pairs.
    let occupancies: [[(Element, Double)]]
    /// The cell composition (concentration-weighted).
    let composition: Composition

    /// Why the sites could not be read.
    struct Failure: Error {
        let code: String
        let message: String
        let field: String
    }

    /// Reads the sites from `attributes`, or nil when it has no `species_at_sites`.
    static func read(_ attributes: [String: Any]) -> Result<OptimadeSites, Failure>? {
        guard let names = attributes["species_at_sites"] as? [Any] else { return nil }
        var species: [String: [(Element, Double)]]?
        if let list = attributes["species"] as? [Any] {
            var table: [String: [(Element, Double)]] = [:]
            for (index, item) in list.enumerated() {
                guard let object = JSONFields.object(item), let name = JSONFields.string(object["name"]),
                      let symbols = object["chemical_symbols"] as? [Any], let concentrations = object["concentration"] as? [Any],
                      symbols.count == concentrations.count else {
                    return .failure(Failure(code: "optimade.invalid_species",
                                            message: "species[\(index)] needs name, chemical_symbols and concentration of equal length",
                                            field: "species[\(index)]"))
                }
                var pairs: [(Element, Double)] = []
                for (symbolValue, concentrationValue) in zip(symbols, concentrations) {
                    guard let symbol = JSONFields.string(symbolValue), let concentration = JSONFields.number(concentrationValue) else {
                        return .failure(Failure(code: "optimade.invalid_species", message: "species \"\(name)\" has a malformed symbol or concentration",
                                                field: "species[\(index)]"))
                    }
                    if symbol == "vacancy" { continue }
                    guard let element = PeriodicTable.element(symbol: symbol) else {
                        return .failure(Failure(code: "optimade.unknown_element", message: "species \"\(name)\" has the chemical symbol \"\(symbol)\", not an element",
                                                field: "species[\(index)].chemical_symbols"))
                    }
                    guard concentration > 0, concentration <= 1 + 1e-6 else {
                        return .failure(Failure(code: "optimade.invalid_species", message: "species \"\(name)\" has concentration \(concentration) outside (0, 1]",
                                                field: "species[\(index)].concentration"))
                    }
                    pairs.append((element, concentration))
                }
                table[name] = pairs
            }
            species = table
        }
        var occupancies: [[(Element, Double)]] = []
        for (index, value) in names.enumerated() {
            guard let name = JSONFields.string(value) else {
                return .failure(Failure(code: "optimade.invalid_species", message: "species_at_sites[\(index)] is not a string", field: "species_at_sites[\(index)]"))
            }
            if let species {
                guard let pairs = species[name] else {
                    return .failure(Failure(code: "optimade.unknown_species", message: "site \(index) names species \"\(name)\", which is not in species",
                                            field: "species_at_sites[\(index)]"))
                }
                occupancies.append(pairs)
            } else {
                guard let element = PeriodicTable.element(symbol: name) else {
                    return .failure(Failure(code: "optimade.unknown_element", message: "site \(index) names \"\(name)\", not an element (and there is no species list)",
                                            field: "species_at_sites[\(index)]"))
                }
                occupancies.append([(element, 1)])
            }
        }
        guard let composition = try? Composition(occupancies.flatMap { $0 }) else {
            return .failure(Failure(code: "optimade.no_composition", message: "the sites hold no atoms", field: "species_at_sites"))
        }
        return .success(OptimadeSites(occupancies: occupancies, composition: composition))
    }

    /// The crystal structure, when `lattice_vectors` and `cartesian_site_positions` are usable
    /// and the structure is periodic in three dimensions; nil otherwise.
    func structure(_ attributes: [String: Any]) -> Structure? {
        if let dimensions = attributes["dimension_types"] as? [Any], dimensions.compactMap(JSONFields.number) != [1, 1, 1] { return nil }
        guard let rows = vectors(attributes["lattice_vectors"]), rows.count == 3,
              let positions = vectors(attributes["cartesian_site_positions"]), positions.count == occupancies.count else { return nil }
        var matrix = Matrix3(rows[0], rows[1], rows[2])
        if matrix.determinant < 0 { matrix = Matrix3(rows[1], rows[0], rows[2]) } // same cell, right-handed
        guard let lattice = try? Lattice(matrix: matrix) else { return nil }
        let sites = zip(occupancies, positions).map { pairs, position in
            Site(species: pairs.map { Species(element: $0.0, occupancy: $0.1) }, fractional: lattice.fractional(position))
        }
        return try? Structure(lattice: lattice, sites: sites)
    }

    private func vectors(_ value: Any?) -> [Vector3]? {
        guard let list = value as? [Any] else { return nil }
        var result: [Vector3] = []
        for item in list {
            guard let triple = item as? [Any], triple.count == 3,
                  let x = JSONFields.number(triple[0]), let y = JSONFields.number(triple[1]), let z = JSONFields.number(triple[2]) else { return nil }
            result.append(Vector3(x, y, z))
        }
        return result
    }
}
