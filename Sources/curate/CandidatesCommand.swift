import ArgumentParser
import Discovery
import Foundation

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
        let loaded = try discoveryStep { () throws(ScreeningError) in try KnownStructureTable.load(path: from) }
        let limit: Double? = loaded.distanceSource == "none" ? nil : maxEHull
        if limit == nil { printError("note: \(from) has no e_above_hull or formation energy column; every structure is a parent") }
        let generator = CandidateGenerator(maxEnergyAboveHull: limit, minimumProbability: minProbability, top: top,
                                           replacementsPerElement: perElement)
        let result = generator.generate(from: loaded.structures)
        let summary = CandidatesSummary(
            known: loaded.structures.count, distanceSource: loaded.distanceSource, parents: result.parentCount,
            sharedPrototypes: result.substitutions.sharedPrototypeCount, substitutionPairs: result.substitutions.pairCount,
            generated: result.generatedCount, droppedKnownComposition: result.knownCompositionCount, novel: result.novelCount,
            printed: result.candidates.count, invalid: result.candidates.filter { !$0.valid }.count)
        if json {
            for candidate in result.candidates { try printJSON(candidate) }
            try printJSON(summary)
            return
        }
        print("id,protostructure,composition,parent,substitution,probability,valid")
        for c in result.candidates {
            print([c.id, c.protostructure, c.composition, c.parent, c.substitution, format(c.probability), c.valid ? "true" : "false"]
                .joined(separator: ","))
        }
        printError("\(summary.known) known structures (\(summary.distanceSource)), \(summary.parents) parents; "
                   + "\(summary.substitutionPairs) structure pairs in \(summary.sharedPrototypes) shared prototypes; "
                   + "\(summary.generated) new labels, \(summary.droppedKnownComposition) dropped as known compositions, "
                   + "\(summary.novel) novel; printed \(summary.printed), invalid \(summary.invalid)")
    }
}

/// The summary line of `curate candidates --json`.
struct CandidatesSummary: Encodable {
    let known: Int
    let distanceSource: String
    let parents: Int
    let sharedPrototypes: Int
    let substitutionPairs: Int
    let generated: Int
    let droppedKnownComposition: Int
    let novel: Int
    let printed: Int
    let invalid: Int

    enum CodingKeys: String, CodingKey {
        case known, parents, generated, novel, printed, invalid
        case distanceSource = "distance_source"
        case sharedPrototypes = "shared_prototypes"
        case substitutionPairs = "substitution_pairs"
        case droppedKnownComposition = "dropped_known_composition"
    }
}
