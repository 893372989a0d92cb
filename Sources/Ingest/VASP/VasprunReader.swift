import Foundation

/// Reads a `vasprun.xml` with libxml2's streaming reader into a ``VaspRun``, in memory bounded by
/// one ionic step: eigenvalues, projections, DOS curves and k-point lists are skipped unread.
///
/// A document cut off mid-write keeps every ionic step completed before the cut and records
/// where it stopped (``VaspRun/truncation``); nothing is guessed for the rest.
struct VasprunReader {
    /// Elements whose content the ingester never needs (the bulk of a large file).
    static let skipped: Set<String> = [
        "eigenvalues", "projected", "eigenvalues_kpoints_opt", "projected_kpoints_opt", "kpoints", "total", "partial",
        "dielectricfunction", "dynmat", "born_charges", "pseudopotential",
    ]

    /// Atom symbols VASP cuts short.
    static let misspelled = ["X": "Xe", "r": "Zr"]

    private var run = VaspRun()
    private var stack: [(name: String, key: String?)] = []
    private var text = ""
    private var row: [String] = []
    private var cell: (basis: [[Double]], positions: [[Double]]) = ([], [])
    private var step = StepDraft()
    private var scstep: [String: Double] = [:]

    /// The run in the document `source` gives (decompressed bytes); `url` names it in messages.
    static func read(url: String, source: @escaping XMLStreamReader.ChunkSource) -> VaspRun {
        var state = VasprunReader()
        do {
            let reader = try XMLStreamReader(url: url, source: source)
            do {
                while let event = try reader.next() {
                    if case .start(let name, _) = event, skipped.contains(name) {
                        try reader.skipElement()
                        continue
                    }
                    state.handle(event)
                }
            } catch {
                state.run.truncation = VaspTruncation(line: error.line, message: error.message)
            }
        } catch {
            state.run.truncation = VaspTruncation(line: nil, message: error.message)
        }
        if state.run.truncation == nil, !state.stack.isEmpty {
            state.run.truncation = VaspTruncation(line: nil, message: "the document ends with <\(state.stack[0].name)> open")
        }
        return state.run
    }

    private struct StepDraft {
        var electronicSteps = 0
        var lastElectronic: (free: Double, sigmaZero: Double)?
        var energies: [String: Double] = [:]
        var maximumForce: Double?
        var cell: VaspCell?
    }

    private mutating func handle(_ event: XMLStreamEvent) {
        switch event {
        case .start(let name, let key):
            stack.append((name, key))
            text = ""
            switch name {
            case "rc": row = []
            case "structure": cell = ([], [])
            case "calculation": step = StepDraft()
            case "scstep": scstep = [:]
            default: break
            }
        case .text(let chunk):
            text += chunk
        case .end(let name):
            close(name)
            if !stack.isEmpty { stack.removeLast() }
        }
    }

    /// The nearest open element called `name`, with its `name` attribute.
    private func ancestor(_ name: String) -> (depth: Int, key: String?)? {
        guard let index = stack.lastIndex(where: { $0.name == name }) else { return nil }
        return (index, stack[index].key)
    }

    private var parentName: String? { stack.count >= 2 ? stack[stack.count - 2].name : nil }
    private var section: String? { stack.count >= 2 ? stack[1].name : nil }

    private mutating func close(_ name: String) {
        let key = stack.last?.key
        let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
        switch name {
        case "i", "v":
            leaf(key: key, value: value)
        case "c":
            row.append(value)
        case "rc":
            atomInfoRow()
        case "structure":
            guard cell.basis.count == 3 else { return }
            let built = VaspCell(basis: cell.basis, positions: cell.positions)
            if ancestor("calculation") != nil {
                step.cell = built
            } else if stack.last?.key == "initialpos" {
                run.initialCell = built
            } else if stack.last?.key == "finalpos" {
                run.finalCell = built
            }
        case "scstep":
            step.electronicSteps += 1
            if let free = scstep["e_fr_energy"], let zero = scstep["e_0_energy"] { step.lastElectronic = (free, zero) }
        case "calculation":
            run.ionicSteps.append(VaspIonicStep(
                electronicSteps: step.electronicSteps, lastElectronic: step.lastElectronic, freeEnergy: step.energies["e_fr_energy"],
                sigmaZeroEnergy: step.energies["e_0_energy"], maximumForce: step.maximumForce, cell: step.cell))
        default:
            break
        }
        text = ""
    }

    private mutating func leaf(key: String?, value: String) {
        guard let key else {
            vector(value)
            return
        }
        switch section {
        case "generator":
            if key == "program" { run.program = value }
            if key == "version" { run.version = value }
        case "incar":
            run.incar[key] = value
        case "parameters":
            if run.parameters[key] == nil { run.parameters[key] = value }
        case "calculation":
            let parent = parentName
            if parent == "energy", stack.count >= 3, stack[stack.count - 3].name == "scstep" {
                if let number = Double(value) { scstep[key] = number }
            } else if parent == "energy", stack.count >= 3, stack[stack.count - 3].name == "calculation" {
                if let number = Double(value) { step.energies[key] = number }
            } else if parent == "dos", key == "efermi" {
                run.fermiLevel = Double(value)
            }
        default:
            break
        }
    }

    /// A `<v>` without a name: a row of a `varray` (lattice vectors, positions, forces).
    private mutating func vector(_ value: String) {
        guard let varray = stack.count >= 2 ? stack[stack.count - 2] : nil, varray.name == "varray" else { return }
        let numbers = value.split(whereSeparator: \.isWhitespace).map { Double($0) }
        guard numbers.count == 3, let x = numbers[0], let y = numbers[1], let z = numbers[2] else { return }
        switch varray.key {
        case "basis" where ancestor("structure") != nil && ancestor("crystal") != nil:
            cell.basis.append([x, y, z])
        case "positions" where ancestor("structure") != nil:
            cell.positions.append([x, y, z])
        case "forces" where section == "calculation":
            let norm = (x * x + y * y + z * z).squareRoot()
            step.maximumForce = max(step.maximumForce ?? 0, norm)
        default:
            break
        }
    }

    /// A row of an `atominfo` array: a site's element, or an atom type's POTCAR.
    private mutating func atomInfoRow() {
        guard section == "atominfo", let array = ancestor("array") else { return }
        switch array.key {
        case "atoms":
            // VASP writes xenon as "X" and zirconium as "r" in some versions (pymatgen reads them so too).
            if let symbol = row.first { run.atoms.append(Self.misspelled[symbol] ?? symbol) }
        case "atomtypes":
            if row.count >= 5 { run.potcars.append(row[4]) }
        default:
            break
        }
    }
}
