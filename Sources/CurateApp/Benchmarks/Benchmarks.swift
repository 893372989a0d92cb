import Chemistry
import CurateIO
import Foundation
import Ingest
import Store

/// Throughput measurements behind `curate bench`, comparable with `scripts/bench-*.py`.
public enum Benchmarks {
    /// One measured workload.
    public struct Measurement: Sendable, Codable {
        /// Workload name.
        public var name: String
        /// Items processed per repetition.
        public var items: Int
        /// Best wall time over the repetitions, in seconds.
        public var bestSeconds: Double
        /// `items / bestSeconds`.
        public var perSecond: Double
        /// Repetitions run.
        public var repetitions: Int
    }

    /// Reads the first column of a CSV with a header (the Stanev `name` column).
    public static func formulas(fromCSV path: String) throws -> [String] {
        let reader = try CSVReader(path: path)
        var formulas: [String] = []
        while let row = try reader.next() { formulas.append(row.field(0) ?? "") }
        return formulas
    }

    /// Formula parsing alone, and parsing plus fractional composition and reduced formula (the
    /// same work `scripts/bench-pymatgen-composition.py` times for pymatgen).
    public static func formulaParsing(_ formulas: [String], repetitions: Int = 5) -> [Measurement] {
        var sink = 0
        // What a user calls: text → Composition (pymatgen: `Composition(text)`).
        let compositionOnly = best(of: repetitions) {
            for formula in formulas {
                if let composition = try? Composition(formula: formula) { sink &+= composition.entries.count }
            }
        }
        // The full grammar's result with warnings, isotopes, variables (no pymatgen equivalent).
        let parsedFormula = best(of: repetitions) {
            for formula in formulas {
                if let parsed = try? FormulaParser.parse(formula) { sink &+= parsed.terms.count }
            }
        }
        // Parse + fractional composition + reduced formula (pymatgen: the same three calls).
        let full = best(of: repetitions) {
            for formula in formulas {
                if let composition = try? Composition(formula: formula) {
                    sink &+= composition.fractional.entries.count &+ composition.reducedFormula.utf8.count
                }
            }
        }
        if sink == 42 { print("") } // keep the work observable
        func measurement(_ name: String, _ seconds: Double) -> Measurement {
            Measurement(name: name, items: formulas.count, bestSeconds: seconds, perSecond: Double(formulas.count) / seconds, repetitions: repetitions)
        }
        return [
            measurement("composition_from_formula", compositionOnly),
            measurement("parsed_formula_full_grammar", parsedFormula),
            measurement("composition_fractions_reduced_formula", full),
        ]
    }

    /// A full `curate ingest supercon` of `path` into a fresh store file, repeated.
    public static func superConIngest(path: String, repetitions: Int = 3) throws -> Measurement {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("curate-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var rows = 0
        var bestTime = Double.infinity
        for repetition in 0..<repetitions {
            let storePath = directory.appendingPathComponent("bench-\(repetition).sqlite").path
            let start = ContinuousClock.now
            let store = try CurateStore(path: storePath)
            let report = try SuperConIngester.ingest(path: path, into: store)
            let elapsed = (ContinuousClock.now - start).seconds
            rows = report.read
            bestTime = min(bestTime, elapsed)
        }
        return Measurement(name: "supercon_ingest", items: rows, bestSeconds: bestTime, perSecond: Double(rows) / bestTime, repetitions: repetitions)
    }

    static func best(of repetitions: Int, _ work: () -> Void) -> Double {
        var bestTime = Double.infinity
        for _ in 0..<max(1, repetitions) {
            let start = ContinuousClock.now
            work()
            bestTime = min(bestTime, (ContinuousClock.now - start).seconds)
        }
        return bestTime
    }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
    }
}
