import Crystal
import Foundation

extension Benchmarks {
    /// The bytes of every `.cif` file directly in `directory`, sorted by name, read before any
    /// timing starts (the Python side, `scripts/bench-pymatgen-cif.py`, does the same).
    public static func cifFiles(in directory: String) throws -> [(name: String, bytes: [UInt8])] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory)
            .filter { $0.hasSuffix(".cif") }.sorted()
        return try names.map { name in
            let url = URL(fileURLWithPath: directory).appendingPathComponent(name)
            return (name, [UInt8](try Data(contentsOf: url)))
        }
    }

    /// CIF throughput on `files` (files per second, single-threaded):
    ///
    /// * `cif_parsing`: bytes → `CIFStructure` (tokenizer, document, symmetry expansion, sites);
    ///   pymatgen: `CifParser(...).parse_structures(primitive=False)`.
    /// * `cif_parsing_symmetry`: the same plus `SymmetryAnalysis` at symprec 0.1 Å (spglib);
    ///   pymatgen: + `SpacegroupAnalyzer(s, symprec=0.1).get_space_group_symbol()`.
    /// * `cif_symmetry_only`: `SymmetryAnalysis` alone on the already parsed structures, to show
    ///   the spglib share of the second workload.
    ///
    /// Files that fail are counted in the work (the error path is timed too); `failures` says
    /// how many failed in the last repetition of each workload.
    public static func cifParsing(_ files: [(name: String, bytes: [UInt8])],
                                  repetitions: Int = 3) -> (measurements: [Measurement], failures: [String: Int]) {
        var sink = 0
        var parseFailures = 0
        let parsing = best(of: repetitions) {
            parseFailures = 0
            for file in files {
                do throws(CIFError) {
                    let structure = try CIFReader.readStructure(bytes: file.bytes, file: file.name)
                    sink &+= structure.structure.siteCount
                } catch {
                    parseFailures += 1
                }
            }
        }
        var fullFailures = 0
        let full = best(of: repetitions) {
            fullFailures = 0
            for file in files {
                do {
                    let structure = try CIFReader.readStructure(bytes: file.bytes, file: file.name)
                    let dataset = try SymmetryAnalysis.analyse(structure.structure)
                    sink &+= dataset.spaceGroupNumber
                } catch {
                    fullFailures += 1
                }
            }
        }
        let structures = files.compactMap { try? CIFReader.readStructure(bytes: $0.bytes, file: $0.name).structure }
        var symmetryFailures = 0
        let symmetryOnly = best(of: repetitions) {
            symmetryFailures = 0
            for structure in structures {
                do throws(SymmetryError) {
                    sink &+= try SymmetryAnalysis.analyse(structure).spaceGroupNumber
                } catch {
                    symmetryFailures += 1
                }
            }
        }
        if sink == 42 { print("") } // keep the work observable
        func measurement(_ name: String, _ count: Int, _ seconds: Double) -> Measurement {
            Measurement(name: name, items: count, bestSeconds: seconds, perSecond: Double(count) / seconds, repetitions: repetitions)
        }
        return ([
            measurement("cif_parsing", files.count, parsing),
            measurement("cif_parsing_symmetry", files.count, full),
            measurement("cif_symmetry_only", structures.count, symmetryOnly),
        ], ["cif_parsing": parseFailures, "cif_parsing_symmetry": fullFailures, "cif_symmetry_only": symmetryFailures])
    }
}
