import ArgumentParser
import CurateApp
import PhaseStability

/// `curate leakage A B`.
struct LeakageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "leakage",
        abstract: "Overlap between two record sets by canonical composition, chemical system and (for structures) protostructure label.",
        discussion: "A and B are source names in the store (or kind/name), e.g. `curate leakage oqmd/roost-oqmd-256k-testsplit mp/roost-mp-formation`.")

    @Argument(help: "First source.")
    var a: String

    @Argument(help: "Second source.")
    var b: String

    @Option(name: .long, help: "Property whose observations are compared (default: every property).")
    var property: String?

    @OptionGroup var options: StoreOptions

    func run() throws {
        let report = try LeakageWorkflow.audit(a: a, b: b, property: property, storePath: options.storePath)
        if options.json { return try printJSON(report) }
        for side in [report.a, report.b] {
            print("\(side.name): \(side.records) records, \(side.compositions) compositions, \(side.chemicalSystems) chemical systems; \(side.recordsWithSharedComposition) records share a composition, \(side.recordsWithSharedChemicalSystem) a chemical system with the other set")
        }
        print("shared: \(report.sharedCompositions) compositions, \(report.sharedChemicalSystems) chemical systems"
              + (report.sharedProtostructures.map { ", \($0) protostructures" } ?? "")
              + (report.sharedPrototypes.map { ", \($0) prototypes (structure types with any elements)" } ?? ""))
        if !report.sharedCompositionExamples.isEmpty {
            print("e.g. " + report.sharedCompositionExamples.prefix(10).joined(separator: ", "))
        }
    }
}
