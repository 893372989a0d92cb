import ArgumentParser
import CurateApp
import Foundation

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
        let result = try BenchWorkflow.run(data: data, cifDirectory: noCif ? nil : cifDir, repetitions: repetitions)
        for (name, count) in result.cifFailures.sorted(by: { $0.key < $1.key }) {
            printError("\(name): \(count) of \(result.cifFiles) files failed")
        }
        for measurement in result.measurements {
            if json {
                try printJSON(measurement)
            } else {
                print("\(measurement.name): \(measurement.items) items, best \(String(format: "%.4f", measurement.bestSeconds)) s, \(Int(measurement.perSecond)) per second")
            }
        }
    }
}
