import ArgumentParser
import CurateApp

/// `curate show FORMULA`.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Every observation of a material (matched by canonical composition).")

    @Argument(help: "A formula; any writing of the same composition matches (Fe2O3 = Fe4O6).")
    var formula: String

    @OptionGroup var options: StoreOptions

    func run() throws {
        let output = try MaterialLookup.show(formula: formula, storePath: options.storePath)
        if options.json { return try printJSON(output) }
        guard let material = output.material else {
            print("no material \(output.reducedFormula) (key \(output.canonicalKey)) in \(options.storePath)")
            return
        }
        print("\(material.reducedFormula)  key \(output.canonicalKey)  system \(material.chemicalSystem)  \(output.observations.count) observation(s)")
        for observation in output.observations {
            let value = observation.value.map { "\($0) \(observation.unit ?? "")" } ?? "—"
            print("  \(observation.property) = \(value) [\(observation.qualifier)]  as written \"\(observation.formulaAsWritten)\", \"\(observation.valueAsReported)\"  \(observation.sourceName) \(observation.locator)")
        }
    }
}
