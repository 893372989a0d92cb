import Chemistry

/// Turns one CIF block into a `Structure`: cell, atom sites, symmetry expansion, metadata checks.
public enum CIFStructureReader {
    /// Reads the structure of `block`. `inherited` are document-level warnings to attach.
    public static func read(_ block: CIFBlock, options: CIFReadOptions = CIFReadOptions(),
                            inherited: [CIFWarning] = []) throws(CIFError) -> CIFStructure {
        var warnings = inherited
        let cell = try readCell(block)
        try checkCellLengths(cell, block: block, options: options)
        let lattice: Lattice
        do {
            lattice = try Lattice(parameters: cell.parameters)
        } catch {
            let line = block.value("_cell_length_a")?.line ?? block.line
            throw CIFError(.invalidLattice(error), line: line, tag: "_cell_length_a")
        }
        let atoms = try CIFAtomSiteReader.read(block, warnings: &warnings)
        if atoms.count > options.maxAtoms {
            throw CIFError(.tooManyAtoms(count: atoms.count, limit: options.maxAtoms, expanded: false),
                           line: atoms.first?.line, tag: "_atom_site_label")
        }
        var operations = try CIFSymmetryReader.operators(block)
        let metadata = CIFMetadata.read(block)
        let symmetry: CIFSymmetrySource
        if !operations.isEmpty {
            symmetry = .operators(count: operations.count)
        } else if metadata.hasSpaceGroup, !metadata.isP1 {
            let symbol = metadata.spaceGroupHM ?? metadata.spaceGroupHall ?? metadata.spaceGroupNumber.map { "No. \($0)" } ?? "?"
            if let resolved = CIFSpaceGroupResolver.resolve(metadata, cell: cell.parameters) {
                operations = SpaceGroupDatabase.operations(hallNumber: resolved.type.hallNumber)
                symmetry = .spaceGroupDatabase(symbol: resolved.symbol, hallNumber: resolved.type.hallNumber, count: operations.count)
                warnings.append(CIFWarning(.symmetryFromSymbol, line: block.line,
                                           "no symmetry operators; \(operations.count) generated from space group \"\(resolved.symbol)\" (spglib Hall number \(resolved.type.hallNumber), \(resolved.type.hallSymbol), setting \(resolved.type.international)\(resolved.type.choice.isEmpty ? "" : " choice " + resolved.type.choice))"))
            } else {
                symmetry = .identityOnly(symbol: symbol)
                warnings.append(CIFWarning(.identityOnlySymmetry, line: block.line,
                                           "no symmetry operators; space group \(symbol) not found in spglib's database, only the identity applied: the sites may be only the asymmetric unit"))
            }
        } else if metadata.isP1 {
            symmetry = .operators(count: 1)
        } else {
            symmetry = .assumedP1
            warnings.append(CIFWarning(.noSymmetryAssumedP1, line: block.line, "no symmetry operators and no space group: P1 assumed"))
        }
        let sites = try SymmetryExpansion.expand(atoms, operations: operations, options: options, warnings: &warnings)
        let structure: Structure
        do {
            structure = try Structure(lattice: lattice, sites: sites)
        } catch {
            throw CIFError(.invalidStructure(error), line: atoms.first?.line, tag: "_atom_site_fract_x")
        }
        checkFormula(metadata, block: block, structure: structure, options: options, warnings: &warnings)
        return CIFStructure(blockName: block.name, structure: structure, cell: cell, metadata: metadata,
                            symmetry: symmetry, asymmetricUnitCount: atoms.count, warnings: warnings, options: options)
    }

    /// Refuses a cell edge beyond `options.maxCellLength` before the lattice is built.
    private static func checkCellLengths(_ cell: CIFCell, block: CIFBlock, options: CIFReadOptions) throws(CIFError) {
        for (name, number) in [("a", cell.a), ("b", cell.b), ("c", cell.c)] where number.value > options.maxCellLength {
            let tag = "_cell_length_\(name)"
            throw CIFError(.cellOutOfRange(name: name, value: number.value, limit: options.maxCellLength),
                           line: block.value(tag)?.line ?? block.line, tag: tag)
        }
    }

    private static func readCell(_ block: CIFBlock) throws(CIFError) -> CIFCell {
        func number(_ tag: String) throws(CIFError) -> CIFNumber {
            let dotted = tag.replacingFirstUnderscore()
            guard let value = block.value(tag) ?? block.value(dotted) else {
                throw CIFError(.missingTag, line: block.line, tag: tag)
            }
            guard let number = CIFNumber(value.text) else {
                throw CIFError(.invalidNumber(value.text), line: value.line, tag: tag)
            }
            return number
        }
        return CIFCell(a: try number("_cell_length_a"), b: try number("_cell_length_b"), c: try number("_cell_length_c"),
                       alpha: try number("_cell_angle_alpha"), beta: try number("_cell_angle_beta"),
                       gamma: try number("_cell_angle_gamma"))
    }

    /// Compares `_chemical_formula_sum` with the cell's composition (atomic fractions).
    private static func checkFormula(_ metadata: CIFMetadata, block: CIFBlock, structure: Structure,
                                     options: CIFReadOptions, warnings: inout [CIFWarning]) {
        guard let formula = metadata.formulaSum else { return }
        let line = block.value("_chemical_formula_sum")?.line
        guard let stated = try? Composition(formula: formula) else {
            warnings.append(CIFWarning(.formulaUnreadable, line: line, tag: "_chemical_formula_sum", "cannot parse \"\(formula)\""))
            return
        }
        let expected = stated.fractions
        let found = structure.composition.fractions
        let symbols = Set(expected.keys).union(found.keys)
        let worst = symbols.map { abs((expected[$0] ?? 0) - (found[$0] ?? 0)) }.max() ?? 0
        if worst > options.formulaTolerance {
            warnings.append(CIFWarning(.formulaMismatch, line: line, tag: "_chemical_formula_sum",
                                       "\"\(formula)\" disagrees with the expanded cell \(structure.composition.formula)"))
        }
    }
}

extension String {
    /// `_cell_length_a` → `_cell.length_a` (the mmCIF / DDLm spelling).
    fileprivate func replacingFirstUnderscore() -> String {
        let body = dropFirst()
        guard let index = body.firstIndex(of: "_") else { return self }
        return "_" + body[..<index] + "." + body[body.index(after: index)...]
    }
}
