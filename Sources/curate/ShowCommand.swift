import ArgumentParser
import Chemistry
import Store

/// `curate show FORMULA`.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Every observation of a material (matched by canonical composition).")

    @Argument(help: "A formula; any writing of the same composition matches (Fe2O3 = Fe4O6).")
    var formula: String

    @OptionGroup var options: StoreOptions

    struct Output: Encodable {
        var formula: String
        var canonicalKey: String
        var material: MaterialRecord?
        var observations: [ObservationEntry]
    }

    func run() throws {
        let composition: Composition
        do {
            composition = try Composition(formula: formula)
        } catch {
            throw CommandFailure(String(describing: error))
        }
        let key = composition.canonicalKey()
        let store = try options.open()
        let output = Output(formula: formula, canonicalKey: key, material: try store.material(canonicalKey: key),
                            observations: try store.observations(canonicalKey: key))
        if options.json { return try printJSON(output) }
        guard let material = output.material else {
            print("no material \(composition.reducedFormula) (key \(key)) in \(options.storePath)")
            return
        }
        print("\(material.reducedFormula)  key \(key)  system \(material.chemicalSystem)  \(output.observations.count) observation(s)")
        for observation in output.observations {
            let value = observation.value.map { "\($0) \(observation.unit ?? "")" } ?? "—"
            print("  \(observation.property) = \(value) [\(observation.qualifier)]  as written \"\(observation.formulaAsWritten)\", \"\(observation.valueAsReported)\"  \(observation.sourceName) \(observation.locator)")
        }
    }
}
