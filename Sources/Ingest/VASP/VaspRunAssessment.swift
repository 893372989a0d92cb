import Chemistry
import Crystal

/// What a ``VaspRun`` means, by the rules pymatgen's `Vasprun` applies (so the two agree on
/// every file both read): the final energy, convergence, run type, Hubbard U values and the
/// final structure. Nothing is filled in that the file does not say.
public struct VaspRunAssessment: Sendable {
    /// The run as read.
    public let run: VaspRun

    /// Assesses `run`.
    public init(_ run: VaspRun) {
        self.run = run
    }

    var incar: VaspTags { VaspTags(values: run.incar) }
    var parameters: VaspTags { VaspTags(values: run.parameters) }

    /// The energy of the last ionic step, `e_0_energy` (eV), with pymatgen's repair of VASP's
    /// mis-written σ → 0 energy: when the step's `e_0_energy` differs from its `e_fr_energy`
    /// plus the last electronic step's (e_0 − e_fr) by more than 1e-7 eV, the latter is taken.
    public var finalEnergy: Double? {
        guard let last = run.ionicSteps.last, let total = last.sigmaZeroEnergy else { return nil }
        guard let electronic = last.lastElectronic, let free = last.freeEnergy else { return total }
        let repaired = ((electronic.sigmaZero - electronic.free + free) * 1e8).rounded() / 1e8
        return abs(total - repaired) > 1e-7 ? repaired : total
    }

    /// Whether the last ionic step's SCF converged: it stopped before NELM steps (an MLFF
    /// run and an exact-diagonalisation run with NELM 1 count as converged).
    public var convergedElectronic: Bool? {
        if incar.bool("ML_LMLFF") == true { return true }
        guard let last = run.ionicSteps.last else { return nil }
        if incar.string("ALGO") == "Exact", incar.int("NELM") == 1 { return true }
        guard let nelm = parameters.int("NELM") else { return nil }
        return last.electronicSteps < nelm
    }

    /// Whether the relaxation stopped before NSW ionic steps (MD runs, and relaxations with
    /// EDIFFG 0, are converged when they ran exactly NSW steps).
    public var convergedIonic: Bool? {
        guard !run.ionicSteps.isEmpty else { return nil }
        let nsw = parameters.int("NSW") ?? 0
        let ibrion = parameters.int("IBRION") ?? ((nsw == -1 || nsw == 0) ? -1 : 0)
        let steps = run.ionicSteps.count
        if ibrion == 0 { return nsw <= 1 || steps == nsw }
        if (ibrion == 1 || ibrion == 2), parameters.double("EDIFFG") == 0 { return nsw <= 1 || nsw == steps }
        return nsw <= 1 || steps < nsw
    }

    /// U − J by element for a DFT+U run (LDAU set in the INCAR), empty otherwise.
    public var hubbards: [String: Double] {
        guard incar.bool("LDAU") == true else { return [:] }
        let symbols = run.potcars.map { potcar -> String in
            let words = potcar.split(separator: " ")
            let label = words.count > 1 ? words[1] : (words.first ?? "")
            return String(label.split(separator: "_").first ?? label)
        }
        guard let us = incar.doubles("LDAUU") ?? parameters.doubles("LDAUU") else { return [:] }
        var js = incar.doubles("LDAUJ") ?? parameters.doubles("LDAUJ") ?? []
        if js.count != us.count { js = Array(repeating: 0, count: us.count) }
        guard us.count == symbols.count else { return [:] }
        var result: [String: Double] = [:]
        for (index, symbol) in symbols.enumerated() { result[symbol] = us[index] - js[index] }
        return result
    }

    /// Whether any U − J is positive.
    public var isHubbard: Bool { hubbards.values.reduce(0, +) > 1e-8 }

    /// The run type (see ``VaspRunType``).
    public var runType: String? {
        VaspRunType.of(incar: incar, parameters: parameters, potcars: run.potcars, isHubbard: isHubbard)
    }

    /// The final structure: `finalpos`, or the last complete ionic step's.
    public func finalStructure() throws(VaspStructureError) -> Structure {
        guard let cell = run.finalCell ?? run.ionicSteps.last?.cell else { throw .missing }
        return try Self.structure(cell, atoms: run.atoms)
    }

    /// A cell with the run's atoms as a structure.
    static func structure(_ cell: VaspCell, atoms: [String]) throws(VaspStructureError) -> Structure {
        guard cell.positions.count == atoms.count, !atoms.isEmpty else {
            throw .siteCount(positions: cell.positions.count, atoms: atoms.count)
        }
        var sites: [Site] = []
        for (symbol, position) in zip(atoms, cell.positions) {
            guard let element = PeriodicTable.element(symbol: symbol) else { throw .element(symbol) }
            sites.append(Site(species: [Species(element: element)], fractional: Vector3(position[0], position[1], position[2])))
        }
        do {
            let rows = cell.basis.map { Vector3($0[0], $0[1], $0[2]) }
            let lattice = try Lattice(matrix: Matrix3(rows[0], rows[1], rows[2]))
            return try Structure(lattice: lattice, sites: sites)
        } catch {
            throw .invalid("\(error)")
        }
    }
}

/// Why a run's structure cannot be built.
public enum VaspStructureError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No `finalpos` and no complete ionic step.
    case missing
    /// The positions and the atom list disagree.
    case siteCount(positions: Int, atoms: Int)
    /// An atom's symbol names no element.
    case element(String)
    /// The lattice or structure is degenerate.
    case invalid(String)

    public var description: String {
        switch self {
        case .missing: return "the run has no final structure and no complete ionic step"
        case .siteCount(let positions, let atoms): return "\(positions) positions for \(atoms) atoms"
        case .element(let symbol): return "atom symbol \"\(symbol)\" names no element"
        case .invalid(let reason): return reason
        }
    }
}
