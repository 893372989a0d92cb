import ArgumentParser
import CurateApp
import Crystal
import CurateIO
import Foundation

/// `curate structure FILE...`.
struct StructureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "structure",
        abstract: "Read structures (CIF, POSCAR, pymatgen JSON) and print composition, cell, symmetry, Wyckoff letters and protostructure label.",
        discussion: "One report per CIF block; a file that cannot be read gives a `failed` report with the reason (exit code 1 if any failed). Symmetry at spglib symprec 0.1 Å, 5° (--symprec to change).")

    @Argument(help: "Structure files or folders (searched recursively).")
    var files: [String]

    @Option(name: .long, help: "spglib distance tolerance in Å.")
    var symprec = 0.1

    @Option(name: .long, help: "Files read and analysed at once (default: every active core).")
    var jobs: Int?

    @Flag(name: .long, help: "One JSON object per structure.")
    var json = false

    @Option(name: .long, help: "Most sites per structure, checked before symmetry analysis.")
    var maxAtoms = CIFReadOptions.defaultMaxAtoms

    @Option(name: .long, help: "Largest CIF file read, in bytes.")
    var maxCifBytes = CIFReadOptions.defaultMaxFileBytes

    func run() throws {
        var bar: TerminalProgress?
        let result = StructureWorkflow.describe(files, symprec: symprec, reading: CIFReadOptions(maxAtoms: maxAtoms, maxFileBytes: maxCifBytes),
                                                jobs: jobs ?? OrderedParallelMap.activeCores) { done, total in
            if bar == nil { bar = TerminalProgress(total: total, label: "structure", unit: "files", json: json) }
            bar?.set(done: done)
        }
        bar?.finish()
        for report in result.reports {
            if json { try printJSON(report); continue }
            let name = report.file + (report.block.map { " [\($0)]" } ?? "")
            guard report.status == "ok" else { print("\(name): failed: \(report.error ?? "")"); continue }
            var line = "\(name): \(report.formula ?? "") (\(report.reducedFormula ?? "")), \(report.sites ?? 0) sites"
            if let volume = report.volume { line += String(format: ", %.3f Å³", volume) }
            if let number = report.spaceGroupNumber { line += ", \(report.spaceGroupSymbol ?? "") (\(number))" }
            if let label = report.protostructure { line += ", \(label)" }
            if report.ordered == false { line += ", disordered" }
            print(line)
            if let note = report.symmetryNote { print("  note: \(note)") }
            for warning in report.warnings { print("  warning: \(warning)") }
        }
        if result.symmetryCacheHits > 0 {
            printError("symmetry cache: \(result.symmetryCacheHits) structures seen before")
        }
        if result.failures > 0 { throw ExitCode(1) }
    }
}
