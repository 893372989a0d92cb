import ArgumentParser
import CurateKit

/// `curate bench`.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure formula parsing, SuperCon ingest and CIF reading throughput (run a release build).",
        discussion: "scripts/bench.sh runs this side by side with pymatgen and pandas and prints the ratios.")

    @Option(name: .long, help: "Stanev-style CSV whose first column holds formulas.")
    var data = "../shared/data/supercon/stanev-2018.csv"

    @Option(name: .long, help: "Folder of CIF files for the CIF workloads (parsing, parsing + spglib).")
    var cifDir = "../shared/data/cif/mp"

    @Flag(name: .long, help: "Skip the CIF workloads.")
    var noCif = false

    @Option(name: .long, help: "Repetitions; the best time counts.")
    var repetitions = 5

    @Flag(name: .long, help: "Print JSON lines.")
    var json = false

    func run() throws {
        let formulas = try Benchmarks.formulas(fromCSV: data)
        var results = Benchmarks.formulaParsing(formulas, repetitions: repetitions)
        results.append(try Benchmarks.superConIngest(path: data, repetitions: min(repetitions, 3)))
        if !noCif {
            let files = try Benchmarks.cifFiles(in: cifDir)
            let cif = Benchmarks.cifParsing(files, repetitions: min(repetitions, 3))
            results += cif.measurements
            for (name, count) in cif.failures.sorted(by: { $0.key < $1.key }) where count > 0 {
                printError("\(name): \(count) of \(files.count) files failed")
            }
        }
        for result in results {
            if json {
                try printJSON(result)
            } else {
                print("\(result.name): \(result.items) items, best \(String(format: "%.4f", result.bestSeconds)) s, \(Int(result.perSecond)) per second")
            }
        }
    }
}
