import Charts
import Chemistry
import Foundation

/// The HTML report of a hull over pymatgen entries or a store's formation energies: the binary diagram (formation energy against
/// composition) or the ternary triangle, with every entry coloured by its energy above the hull,
/// the distribution of those energies, and the table of entries.
enum HullReport {
    /// One entry as the report draws it; `decomposition` is keyed by the stable phases' formulas.
    struct Row {
        var id: String
        var formula: String
        var formationEnergy: Double
        var energyAboveHull: Double
        var stable: Bool
        var decomposition: [String: Double]
    }

    /// The report of the entries in `path`, restricted to the system `chemsys` (e.g. `Fe-O`) when given.
    static func build(entriesPath path: String, chemsys: String?) throws -> HTMLReport {
        let result = try HullWorkflow.file(path: path)
        let formulaOf = Dictionary(result.rows.map { ($0.id, $0.formula) }, uniquingKeysWith: { first, _ in first })
        let rows = result.rows.map { row in
            Row(id: row.id, formula: row.formula, formationEnergy: row.formationEnergyPerAtom, energyAboveHull: row.energyAboveHull,
                stable: row.stable,
                decomposition: Dictionary(row.decomposition.map { (formulaOf[$0.key] ?? $0.key, $0.value) }, uniquingKeysWith: +))
        }
        return try build(rows: rows, chemsys: chemsys, source: (path as NSString).lastPathComponent,
                         energies: result.correctionSchemes.joined(separator: ", "))
    }

    /// The report of the hull over a store's formation energies (a dry run of `curate hull --store`,
    /// nothing recorded) in the system `chemsys`.
    static func build(storePath: String, chemsys: String) throws -> HTMLReport {
        var request = HullWorkflow.StoreRequest(storePath: storePath)
        (request.chemsys, request.dryRun) = (chemsys, true)
        let result = try HullWorkflow.store(request)
        let rows = result.rows.map { row in
            Row(id: "observation \(row.observationId) (\(row.entryId))", formula: row.formula, formationEnergy: row.formationEnergyPerAtom,
                energyAboveHull: row.energyAboveHull, stable: row.stable, decomposition: row.decomposition)
        }
        return try build(rows: rows, chemsys: chemsys, source: "store \(storePath)", energies: result.correction)
    }

    static func build(rows allRows: [Row], chemsys: String?, source: String, energies: String) throws -> HTMLReport {
        var compositions: [String: [String: Double]] = [:]
        for row in allRows where compositions[row.formula] == nil {
            compositions[row.formula] = try step("\(source): entry \(row.id) formula \(row.formula)") { try Composition(formula: row.formula).fractions }
        }
        let elements = try systemElements(chemsys: chemsys, compositions: Array(compositions.values))
        let inside = Set(elements)
        let rows = allRows.filter { Set(compositions[$0.formula].map { Array($0.keys) } ?? []).isSubset(of: inside) }
        guard !rows.isEmpty else { throw WorkflowError("\(source): no entry lies within \(elements.joined(separator: "-"))") }
        let points = rows.map { row in
            HullPoint(label: row.formula, fractions: elements.map { compositions[row.formula]?[$0] ?? 0 },
                      formationEnergy: row.formationEnergy, energyAboveHull: row.energyAboveHull, stable: row.stable,
                      decomposition: Array(row.decomposition.keys))
        }
        let system = elements.joined(separator: "-")
        var page = HTMLReport(title: "Convex hull of \(system)",
                              subtitle: "\(source) · \(rows.count) entries · \(rows.filter(\.stable).count) on the hull · energies \(energies)")
        page.section("Phase diagram", elements.count == 2
                      ? "Formation energy per atom against composition; the line is the lower convex hull through the stable entries (black rims)."
                      : elements.count == 3
                      ? "Compositions in the triangle; lines join stable entries (black rims) that an entry decomposes into."
                      : "Give --chemsys with two or three elements for a diagram; the table lists every entry.")
        if elements.count == 2 {
            page.chart(BinaryHullChart(id: "hull", title: "\(system) convex hull", elements: elements, points: points).svg(), id: "hull")
        } else if elements.count == 3 {
            page.chart(TernaryHullChart(id: "hull", title: "\(system) phase diagram", elements: elements, points: points).svg(), id: "hull")
        }
        page.section("Energy above the hull", "Entries off the hull, by how far above it they lie.")
        page.chart(Histogram(id: "e-above-hull", title: "Energy above the hull of the unstable entries",
                             values: rows.filter { !$0.stable }.map(\.energyAboveHull),
                             valueTitle: AxisTitle("E above hull", unit: "eV/atom"), binCount: 20).svg(), id: "e-above-hull")
        page.section("Entries", "Sorted by energy above the hull; click a heading to sort.")
        page.table(id: "entries", header: ["id", "formula", "formation energy (eV/atom)", "E above hull (eV/atom)", "stable", "decomposes into"],
                   rows: rows.sorted { ($0.energyAboveHull, $0.id) < ($1.energyAboveHull, $1.id) }.map { row in
                       [row.id, row.formula, String(format: "%.4f", row.formationEnergy), String(format: "%.4f", row.energyAboveHull),
                        row.stable ? "yes" : "no",
                        row.decomposition.sorted { $0.key < $1.key }.map { "\($0.key) \(String(format: "%.3f", $0.value))" }
                            .joined(separator: ", ")]
                   })
        return page
    }

    /// The diagram's elements: those of `chemsys` in its order, else every element of the entries, sorted.
    static func systemElements(chemsys: String?, compositions: [[String: Double]]) throws -> [String] {
        guard let chemsys else { return Array(Set(compositions.flatMap(\.keys))).sorted() }
        let symbols = chemsys.split(separator: "-").map { String($0).trimmingCharacters(in: .whitespaces) }
        guard !symbols.isEmpty, symbols.allSatisfy({ PeriodicTable.element(symbol: $0) != nil }), Set(symbols).count == symbols.count else {
            throw WorkflowError("--chemsys \(chemsys): give distinct element symbols joined by '-', e.g. Fe-O or Li-Fe-O")
        }
        return symbols
    }
}
