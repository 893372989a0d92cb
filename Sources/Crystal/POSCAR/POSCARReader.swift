import Chemistry
import Foundation

/// Reads VASP POSCAR / CONTCAR files, VASP 4 and 5 styles.
///
/// Layout: comment; scale (one value, negative = target volume in Å³, or three per-axis
/// values); three lattice vectors; an optional species line (VASP 5); counts; an optional
/// `Selective dynamics` line; `Direct` or `Cartesian` (first letter `C`/`c`/`K`/`k`); one line per
/// atom with three coordinates (anything after them — flags, labels, comments — is ignored except
/// selective-dynamics flags). Species come from the species line, else `species` given by the
/// caller, else the comment line when its first words are element symbols, one per count.
public enum POSCARReader {
    /// Reads a file.
    public static func read(contentsOf url: URL, species: [String]? = nil) throws(POSCARError) -> POSCAR {
        let text: String
        do {
            text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        } catch {
            throw POSCARError(.unexpectedEnd("the first line (unreadable file)"), file: url.path, line: nil)
        }
        return try read(text: text, file: url.path, species: species)
    }

    /// Reads POSCAR text; `file` is only used in errors.
    public static func read(text: String, file: String? = nil, species given: [String]? = nil) throws(POSCARError) -> POSCAR {
        var lines = POSCARLines(text: text, file: file)
        let comment = try lines.next("the comment line").text
        let scaleLine = try lines.next("the scale")
        let scales = try scaleLine.numbers(atLeast: 1, what: "the scale")
        var rows: [Vector3] = []
        for i in 1...3 {
            let values = try lines.next("lattice vector \(i)").numbers(atLeast: 3, what: "lattice vector \(i)")
            rows.append(Vector3(values[0], values[1], values[2]))
        }
        var line = try lines.next("the atom counts")
        var names: [String]?
        if let first = line.words.first, Double(first) == nil {
            names = line.words
            line = try lines.next("the atom counts")
        }
        let counts = try line.counts()
        if let names, names.count != counts.count {
            throw POSCARError(.speciesCountMismatch(species: names.count, counts: counts.count), file: file, line: line.number)
        }
        var modeLine = try lines.next("the coordinate mode")
        let selective = modeLine.text.trimmingCharacters(in: .whitespaces).lowercased().hasPrefix("s")
        if selective { modeLine = try lines.next("the coordinate mode") }
        let cartesian = ["c", "k"].contains(modeLine.text.trimmingCharacters(in: .whitespaces).prefix(1).lowercased())

        let (lattice, leftHanded) = try makeLattice(rows, scales: scales, scaleLine: scaleLine, file: file)
        let factor = cartesian ? try cartesianFactor(rows: rows, lattice: lattice, leftHanded: leftHanded, scales: scales) : Vector3(1, 1, 1)
        var fractional: [Vector3] = []
        var flags: [[Bool]] = []
        let total = counts.reduce(0, +)
        fractional.reserveCapacity(total)
        for atom in 1...total {
            let l = try lines.next("atom \(atom) of \(total)")
            let v = try l.numbers(atLeast: 3, what: "atom \(atom)")
            var point = Vector3(v[0], v[1], v[2])
            if cartesian { point = lattice.fractional(point * factor) } else if leftHanded { point = -point }
            fractional.append(point)
            if selective { flags.append(l.words.dropFirst(3).prefix(3).map { $0.uppercased().hasPrefix("T") }) }
        }
        let (species, source) = try resolveSpecies(names: names, given: given, comment: comment, counts: counts.count, file: file)
        return POSCAR(comment: comment, lattice: lattice, wasLeftHanded: leftHanded, counts: counts, species: species,
                      speciesSource: source, fractional: fractional, selectiveDynamics: selective ? flags : nil)
    }

    /// The scaled lattice; a left-handed one is negated (see `POSCAR.lattice`).
    private static func makeLattice(_ rows: [Vector3], scales: [Double], scaleLine: POSCARLine,
                                    file: String?) throws(POSCARError) -> (Lattice, Bool) {
        var scaled = rows
        if scales.count >= 3 {
            let s = Vector3(scales[0], scales[1], scales[2])
            guard s.x > 0, s.y > 0, s.z > 0, s.x.isFinite, s.y.isFinite, s.z.isFinite else {
                throw POSCARError(.invalidScale(scaleLine.text), file: file, line: scaleLine.number)
            }
            scaled = rows.map { $0 * s }
        } else {
            let s = scales[0]
            guard s.isFinite, s != 0 else { throw POSCARError(.invalidScale(scaleLine.text), file: file, line: scaleLine.number) }
            let volume = abs(Matrix3(rows[0], rows[1], rows[2]).determinant)
            let factor = s > 0 ? s : cbrt(-s / volume)
            guard factor.isFinite, factor > 0 else { throw POSCARError(.invalidScale(scaleLine.text), file: file, line: scaleLine.number) }
            scaled = rows.map { $0 * factor }
        }
        var matrix = Matrix3(scaled[0], scaled[1], scaled[2])
        let leftHanded = matrix.determinant < 0
        if leftHanded { matrix = Matrix3(-matrix.r0, -matrix.r1, -matrix.r2) }
        do {
            return (try Lattice(matrix: matrix), leftHanded)
        } catch {
            throw POSCARError(.invalidLattice(error), file: file, line: scaleLine.number + 1)
        }
    }

    /// Cartesian coordinates are scaled like the lattice (per-axis for three scales).
    private static func cartesianFactor(rows: [Vector3], lattice: Lattice, leftHanded: Bool, scales: [Double]) throws(POSCARError) -> Vector3 {
        if scales.count >= 3 { return Vector3(scales[0], scales[1], scales[2]) }
        let factor = length(lattice.matrix.r0) / max(length(rows[0]), .leastNormalMagnitude)
        return Vector3(repeating: factor)
    }

    private static func resolveSpecies(names: [String]?, given: [String]?, comment: String, counts: Int,
                                       file: String?) throws(POSCARError) -> ([Element]?, POSCAR.SpeciesSource) {
        if let names {
            return (try elements(names, file: file, line: 6), .speciesLine)
        }
        if let given {
            guard given.count == counts else { throw POSCARError(.speciesCountMismatch(species: given.count, counts: counts), file: file) }
            return (try elements(given, file: file, line: nil), .given)
        }
        let words = comment.split(whereSeparator: { $0.isWhitespace || $0 == "," }).map(String.init)
        if words.count >= counts, let found = try? elements(Array(words.prefix(counts)), file: file, line: 1) {
            return (found, .comment)
        }
        return (nil, .none)
    }

    /// Element symbols, allowing VASP potential suffixes (`Fe_pv`, `O/abc123`).
    private static func elements(_ names: [String], file: String?, line: Int?) throws(POSCARError) -> [Element] {
        var result: [Element] = []
        for name in names {
            let symbol = name.split(whereSeparator: { $0 == "_" || $0 == "/" }).first.map(String.init) ?? name
            guard let element = PeriodicTable.element(symbol: symbol) else {
                throw POSCARError(.unknownElement(name), file: file, line: line)
            }
            result.append(element)
        }
        return result
    }
}
