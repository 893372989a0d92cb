import ArgumentParser
import CurateApp

/// `curate candidates --from CSV --top N`: new protostructures by element substitution.
struct CandidatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "candidates",
        abstract: "Generate protostructure candidates by element substitution mined from structures that share a prototype.",
        discussion: """
            --from: CSV id,protostructure[,e_above_hull | formation_energy_per_atom | target] (e.g. a wyckoff release's \
            exports or scripts/wren-mp.sh's known.csv); with formation energies the hull of the file's own entries gives each \
            structure's energy above the hull. Substitution counts are symmetric; probabilities are row-normalised, \
            P(B | A substituted) (see SubstitutionProbabilities). Parents: structures at most --max-e-hull above the hull. \
            Candidates whose composition is already in the input are dropped; every candidate's multiplicities are checked \
            against its composition (column valid).
            """)

    @Option(name: .long, help: "Known structures CSV (id,protostructure[,e_above_hull|formation_energy_per_atom]).")
    var from: String

    @Option(name: .long, help: "Number of candidates to print, most probable first.")
    var top = 100

    @Option(name: .long, help: "Parents must lie at most this far above the hull (eV/atom).")
    var maxEHull = 0.05

    @Option(name: .long, help: "Replacements tried per parent element (the most probable).")
    var perElement = 5

    @Option(name: .long, help: "Only apply substitutions more probable than this.")
    var minProbability = 0.0

    @Flag(name: .long, help: "Print JSON lines: one per candidate, then a summary.")
    var json = false

    func run() throws {
        var options = CandidatesWorkflow.Options()
        (options.top, options.maxEnergyAboveHull) = (top, maxEHull)
        (options.replacementsPerElement, options.minimumProbability) = (perElement, minProbability)
        let result = try CandidatesWorkflow.generate(from: from, options: options)
        if let note = result.note { printError("note: \(note)") }
        let summary = result.summary
        if json {
            for candidate in result.candidates { try printJSON(candidate) }
            return try printJSON(summary)
        }
        print("id,protostructure,composition,parent,substitution,probability,valid")
        for c in result.candidates {
            print([c.id, c.protostructure, c.composition, c.parent, c.substitution, number(c.probability), c.valid ? "true" : "false"]
                .joined(separator: ","))
        }
        printError("\(summary.known) known structures (\(summary.distanceSource)), \(summary.parents) parents; "
                   + "\(summary.substitutionPairs) structure pairs in \(summary.sharedPrototypes) shared prototypes; "
                   + "\(summary.generated) new labels, \(summary.droppedKnownComposition) dropped as known compositions, "
                   + "\(summary.novel) novel; printed \(summary.printed), invalid \(summary.invalid)")
    }
}
